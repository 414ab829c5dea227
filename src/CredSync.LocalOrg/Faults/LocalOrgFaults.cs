namespace CredSync.LocalOrg;

/// <summary>
/// Faults a test can switch on for the authenticated API (<c>/services/data/vNN.N/...</c>):
/// latency, error answers, an expired session and dropped connections. Faults live in the
/// server instance, not in the data folder.
/// </summary>
public sealed class LocalOrgFaults
{
    private readonly Lock _lock = new();
    private readonly List<QueuedFault> _queued = [];
    private readonly List<RandomFault> _random = [];
    private TimeSpan _latency;

    /// <summary>A delay added before each API request is handled.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_lock)
            {
                return _latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_lock)
            {
                _latency = value;
            }
        }
    }

    /// <summary>The next matching requests get an error with that status and are not carried out.</summary>
    /// <param name="status">A status of 400 or more; the error code follows it (503: SERVER_UNAVAILABLE).</param>
    /// <param name="times">How many requests the fault hits.</param>
    /// <param name="method">Only requests with this method; null for any.</param>
    /// <param name="template">Only requests on this route (<see cref="LocalOrgRoutes"/>); null for any.</param>
    public void FailNext(int status, int times = 1, string? method = null, string? template = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        Enqueue(new QueuedFault(FaultKind.Status, status, times, method, template));
    }

    /// <summary>The next matching requests answer 401 INVALID_SESSION_ID, as an expired session.</summary>
    public void ExpireSessionNext(int times = 1, string? method = null, string? template = null)
    {
        Enqueue(new QueuedFault(FaultKind.Status, 401, times, method, template));
    }

    /// <summary>The next matching requests get their connection closed with no answer.</summary>
    /// <param name="afterHandling">
    /// When true the request is carried out and saved first, so the client can't tell whether its
    /// change was made; when false it is dropped untouched.
    /// </param>
    public void DropNext(
        int times = 1,
        bool afterHandling = false,
        string? method = null,
        string? template = null)
    {
        var kind = afterHandling ? FaultKind.DropAfterHandling : FaultKind.Drop;
        Enqueue(new QueuedFault(kind, 0, times, method, template));
    }

    /// <summary>Each API request fails with this status with the given probability.</summary>
    /// <param name="seed">Seeds the random choice so that a test run can be repeated.</param>
    public void FailRandomly(int status, double probability, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        lock (_lock)
        {
            _random.Add(new RandomFault(status, probability, new Random(seed)));
        }
    }

    /// <summary>Switches every fault off.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _queued.Clear();
            _random.Clear();
            _latency = TimeSpan.Zero;
        }
    }

    /// <summary>Takes the fault, if any, that hits this request.</summary>
    internal InjectedFault? Take(string method, string template)
    {
        lock (_lock)
        {
            var queued = _queued.Find(f => f.Matches(method, template));
            if (queued is not null)
            {
                queued.Remaining--;
                if (queued.Remaining == 0)
                {
                    _queued.Remove(queued);
                }

                return new InjectedFault(queued.Kind, queued.Status);
            }

            var random = _random.Find(f => f.Random.NextDouble() < f.Probability);

            return random is null ? null : new InjectedFault(FaultKind.Status, random.Status);
        }
    }

    private void Enqueue(QueuedFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Remaining, 1);
        lock (_lock)
        {
            _queued.Add(fault);
        }
    }

    private sealed class QueuedFault(
        FaultKind kind,
        int status,
        int times,
        string? method,
        string? template)
    {
        public FaultKind Kind { get; } = kind;

        public int Status { get; } = status;

        public int Remaining { get; set; } = times;

        public bool Matches(string requestMethod, string requestTemplate)
        {
            var methodMatches = method is null
                || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase);

            return methodMatches && (template is null || template == requestTemplate);
        }
    }

    private sealed record RandomFault(int Status, double Probability, Random Random);
}
