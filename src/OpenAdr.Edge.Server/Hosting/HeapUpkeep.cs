using System;
using System.Threading;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>
/// Keeps the resident set near the live heap, which on a gateway is mostly the state of every VEN: large, long-lived
/// and slowly changing. Loading that state leaves about as much garbage as state, so one compacting collection
/// follows the start (a few seconds later, out of the way of the first polls). After that, report and registration
/// traffic promotes a few MB a minute that the GC's own gen2 budget lets pile up for a quarter of an hour (tens of MB)
/// before it collects; a background gen2 collection every minute keeps that to one minute's worth. Measured in
/// benchmarks/README.md.
/// </summary>
internal sealed class HeapUpkeep : IDisposable
{
    public static readonly TimeSpan FirstCollection = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Timer _timer;
    private int _collections;

    private HeapUpkeep() => _timer = new Timer(static state => ((HeapUpkeep)state!).Collect(), this, FirstCollection, Interval);

    public static HeapUpkeep Start() => new();

    public void Dispose() => _timer.Dispose();

    private void Collect()
    {
        if (Interlocked.Increment(ref _collections) == 1)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        else
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: false);
        }
    }
}
