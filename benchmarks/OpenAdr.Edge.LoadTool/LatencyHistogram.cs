using System;
using System.Threading;

namespace OpenAdr.Edge.LoadTool;

/// <summary>Latencies in logarithmic buckets (about 1% wide) from 1 µs to 100 s; lock-free recording.</summary>
internal sealed class LatencyHistogram
{
    private const double Growth = 1.01;
    private static readonly double s_logGrowth = Math.Log(Growth);
    private readonly long[] _buckets = new long[(int)(Math.Log(1e8) / Math.Log(Growth)) + 2];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(1.0, latency.TotalMicroseconds);
        var bucket = Math.Min(_buckets.Length - 1, (int)(Math.Log(micros) / s_logGrowth));
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the recorded ones lie (upper bucket edge).</summary>
    public TimeSpan Percentile(double fraction)
    {
        var total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var wanted = (long)Math.Ceiling(total * fraction);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= wanted)
            {
                return TimeSpan.FromMicroseconds(Math.Pow(Growth, i + 1));
            }
        }

        return TimeSpan.FromSeconds(100);
    }
}
