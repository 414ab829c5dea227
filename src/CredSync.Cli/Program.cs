using System.Runtime.InteropServices;
using CredSync.Cli;

// Ctrl+C and SIGTERM cancel the run. PosixSignalRegistration is used instead of the command
// line library's Console.CancelKeyPress handler, which makes .NET write terminal set-up
// sequences (keypad mode) to the screen before any output.
using var cancel = new CancellationTokenSource();

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

return await CliApp.RunAsync(args, CliEnvironment.FromConsole(), cancel.Token);
