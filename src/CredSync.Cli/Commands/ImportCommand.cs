using System.CommandLine;
using CredSync.Core.Diagnostics;
using CredSync.Core.Ledger;
using CredSync.Import;

namespace CredSync.Cli.Commands;

/// <summary><c>credsync import --from-metadata DIR</c>: write a credsync.yaml from sfdx source metadata.</summary>
public sealed class ImportCommand(CommonOptions common, CliEnvironment env) : CommandBase(env)
{
    private readonly Option<string> _from = new("--from-metadata")
    {
        Description = "An sfdx or mdapi source folder (force-app, or the project root).",
        Required = true,
    };

    private readonly Option<string?> _out = new("--out")
    {
        Description = "Write the YAML to this file instead of stdout. An existing file is not overwritten without --force.",
    };

    private readonly Option<bool> _force = new("--force")
    {
        Description = "Overwrite the --out file if it exists.",
    };

    private readonly Option<bool> _valuesOnly = new("--values-only")
    {
        Description = "Write only the principals' credential values; the definitions stay with the metadata deploy.",
    };

    public override Command Build()
    {
        var command = new Command("import", "Write a credsync.yaml from sfdx metadata (external and named credentials, permission sets). Reads only files.");
        command.Add(_from);
        command.Add(_out);
        command.Add(_force);
        command.Add(_valuesOnly);
        command.Add(common.Verbosity);
        command.SetAction(Run);

        return command;
    }

    private int Run(ParseResult parse)
    {
        var from = Env.Resolve(parse.GetValue(_from)!);
        var outPath = parse.GetValue(_out) is { } o ? Env.Resolve(o) : null;

        if (outPath is not null && File.Exists(outPath) && !parse.GetValue(_force))
        {
            throw new InvalidInputException(Diagnostic.Error(
                $"'{parse.GetValue(_out)}' exists already; it was not overwritten.",
                "Choose another file, or add --force to replace it."));
        }

        var result = new MetadataImporter().Import(from, new ImportOptions(parse.GetValue(_valuesOnly)));

        foreach (var diagnostic in result.Diagnostics)
        {
            Env.Error.WriteLine(diagnostic.ToString());
        }

        if (result.HasErrors || result.Yaml is null)
        {
            Env.Error.WriteLine("Import failed; nothing was written.");
            return ExitCodes.InvalidInput;
        }

        if (outPath is null)
        {
            Env.Out.Write(result.Yaml);
        }
        else
        {
            AtomicFile.Write(outPath, result.Yaml);
            Env.Error.WriteLine($"Wrote {parse.GetValue(_out)}. Point each secret reference at your store, then run 'credsync validate'.");
        }

        return ExitCodes.Success;
    }
}
