using CredSync.Cli;

return await CliApp.RunAsync(args, CliEnvironment.FromConsole());
