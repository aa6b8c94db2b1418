using System;
using System.Threading;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>
/// Keeps the resident set near the live heap, which on a gateway is mostly the state of every VEN: large, long-lived
/// and slowly changing. Loading that state leaves half-filled regions behind, so one compacting collection follows
/// the load, a second after the listeners open (before them it delayed the first answered poll by 6-12 ms; the
/// load's garbage dies young, so a fleet reconnecting meanwhile stacks little on top of it). After that, report and
/// registration traffic promotes a few MB a minute that the GC's own gen2 budget lets pile up for a quarter of an
/// hour (tens of MB) before it collects; a background gen2 collection every minute keeps that to one minute's worth.
/// Measured in benchmarks/README.md.
/// </summary>
internal sealed class HeapUpkeep : IDisposable
{
    public static readonly TimeSpan FirstCompaction = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Timer _timer;
    private int _ticks;

    private HeapUpkeep() => _timer = new Timer(static upkeep => ((HeapUpkeep)upkeep!).Tick(), this, FirstCompaction, Interval);

    public static HeapUpkeep Start() => new();

    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        if (Interlocked.Increment(ref _ticks) == 1)
        {
            // Compacts the heap and returns its free memory to the system: once, after the state is loaded.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return;
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: false);
    }
}
