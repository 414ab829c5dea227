using System.Globalization;

namespace CredSync.Bench;

/// <summary>Median, p95 (nearest rank) and extremes of a handful of timings in milliseconds.</summary>
public sealed record Stats(int Count, double Median, double P95, double Min, double Max)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var rank = (int)Math.Ceiling(0.95 * sorted.Length);

        var p95 = sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];

        return new Stats(sorted.Length, median, p95, sorted[0], sorted[^1]);
    }

    public static string Ms(double ms) => ms switch
    {
        double.NaN => "–",
        < 1 => ms.ToString("0.000", CultureInfo.InvariantCulture),
        < 10 => ms.ToString("0.00", CultureInfo.InvariantCulture),
        < 1000 => ms.ToString("0.0", CultureInfo.InvariantCulture),
        _ => ms.ToString("0", CultureInfo.InvariantCulture),
    };
}
