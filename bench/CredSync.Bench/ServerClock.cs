using System.Diagnostics.Metrics;

namespace CredSync.Bench;

/// <summary>
/// Adds up the time the local org's ASP.NET Core host spent on each request in this process
/// (the <c>http.server.request.duration</c> histogram of Microsoft.AspNetCore.Hosting: from
/// the request's start in the host to the end of its response). Wall time less this is the
/// client's share: loading, resolving, planning, rendering, and the HTTP client.
/// </summary>
public sealed class ServerClock : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private double _seconds;
    private long _count;

    public ServerClock()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "Microsoft.AspNetCore.Hosting", Name: "http.server.request.duration" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_gate)
            {
                _seconds += value;
                _count++;
            }
        });
        _listener.Start();
    }

    /// <summary>Milliseconds and requests measured since the start.</summary>
    public (double Milliseconds, long Requests) Read()
    {
        lock (_gate)
        {
            return (_seconds * 1000, _count);
        }
    }

    public void Dispose() => _listener.Dispose();
}
