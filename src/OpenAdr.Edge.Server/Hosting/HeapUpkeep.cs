using System;
using System.Threading;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>
/// Keeps the resident set near the live heap, which on a gateway is mostly the state of every VEN: large, long-lived
/// and slowly changing. Loading that state leaves garbage and half-filled regions behind, so one compacting collection
/// follows the load, before the listeners open (a fleet that reconnects at once would otherwise stack its own garbage
/// on top of it). After that, report and registration traffic promotes a few MB a minute that the GC's own gen2
/// budget lets pile up for a quarter of an hour (tens of MB) before it collects; a background gen2 collection every
/// minute keeps that to one minute's worth. Measured in benchmarks/README.md.
/// </summary>
internal sealed class HeapUpkeep : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Timer _timer;

    private HeapUpkeep() => _timer = new Timer(static _ => GC.Collect(2, GCCollectionMode.Forced, blocking: false), null, Interval, Interval);

    /// <summary>Compacts the heap and returns its free memory to the system: once, after the state is loaded.</summary>
    public static void CompactAfterLoad() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    public static HeapUpkeep Start() => new();

    public void Dispose() => _timer.Dispose();
}
