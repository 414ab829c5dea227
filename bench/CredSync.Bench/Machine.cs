using System.Runtime.InteropServices;

namespace CredSync.Bench;

/// <summary>What a reader needs to weigh the numbers: CPUs, CPU model, OS, runtime and load.</summary>
public static class Machine
{
    public static string Describe() =>
        $"- {Environment.ProcessorCount} logical CPUs ({CpuModel()}), {RuntimeInformation.OSDescription}\n" +
        $"- {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}), " +
        $"server GC: {System.Runtime.GCSettings.IsServerGC}\n" +
        $"- load average at start: {LoadAverage()}; run at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC";

    /// <summary>The 1, 5 and 15 minute load averages (Linux), to show how busy the machine was.</summary>
    public static string LoadAverage() =>
        ReadOrNull("/proc/loadavg") is { } text ? string.Join(" ", text.Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        ReadOrNull("/proc/cpuinfo")?
            .Split('\n')
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
            .Split(':', 2)[1]
            .Trim()
        ?? "unknown CPU";

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
