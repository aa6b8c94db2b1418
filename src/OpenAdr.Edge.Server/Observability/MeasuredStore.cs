using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Server.Observability;

/// <summary>The VTN's store, with commit latency and a stall detector for <c>/metrics</c> and <c>/health</c>.</summary>
internal sealed class MeasuredStore(IVtnStore inner) : IVtnStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, long> _pending = [];
    private long _nextCommit;
    private long _commits;
    private long _commitTicks;
    private long _reportPoints;

    public long Commits => Interlocked.Read(ref _commits);

    public double CommitSeconds => Interlocked.Read(ref _commitTicks) / (double)Stopwatch.Frequency;

    public long ReportPointsStored => Interlocked.Read(ref _reportPoints);

    /// <summary>Why the database cannot be written now (the last transaction failed on a full disk, say); null while it can.</summary>
    public StoreUnavailableException? WriteFailure => (inner as SqliteVtnStore)?.WriteFailure;

    /// <summary>How long the oldest commit in flight has waited; zero when none waits.</summary>
    public TimeSpan OldestPendingCommit
    {
        get
        {
            lock (_lock)
            {
                var oldest = long.MaxValue;
                foreach (var started in _pending.Values)
                {
                    oldest = Math.Min(oldest, started);
                }

                return oldest == long.MaxValue ? TimeSpan.Zero : Stopwatch.GetElapsedTime(oldest);
            }
        }
    }

    public Task LoadAsync(IStoredStateReceiver receiver, CancellationToken cancellationToken = default) => inner.LoadAsync(receiver, cancellationToken);

    public async Task CommitAsync(IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        long id;
        lock (_lock)
        {
            id = ++_nextCommit;
            _pending[id] = started;
        }

        try
        {
            await inner.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _commitTicks, Stopwatch.GetTimestamp() - started);
            foreach (var change in changes)
            {
                if (change is AppendReportData data)
                {
                    Interlocked.Add(ref _reportPoints, data.Points.Count);
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _pending.Remove(id);
            }
        }
    }

    public Task<IReadOnlyList<ReportDataRecord>> ReadReportDataAsync(string venId, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadReportDataAsync(venId, limit, cancellationToken);

    public Task<IReadOnlyList<EventResponseRecord>> ReadEventResponsesAsync(string venId, string eventId, CancellationToken cancellationToken = default) =>
        inner.ReadEventResponsesAsync(venId, eventId, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
