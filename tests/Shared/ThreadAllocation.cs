using System;

namespace OpenAdr.Edge.Tests;

/// <summary>
/// Bytes the current thread allocates while code runs, the least of several runs. Code that allocates does so in
/// every run; what lands in one run only is the runtime's: a collection another thread starts retires this thread's
/// allocation context and charges its unused tail (a few KB) to the thread in one lump.
/// </summary>
internal static class ThreadAllocation
{
    public static long LeastOf(int runs, Action run)
    {
        var least = long.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            run();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
