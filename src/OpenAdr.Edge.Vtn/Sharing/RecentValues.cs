using System.Collections.Generic;
using System.Numerics;
using System.Threading;

namespace OpenAdr.Edge.Vtn.Sharing;

/// <summary>
/// Hands out one instance of values that many VENs hold alike (an offered data point, an event's intervals), so that
/// 10,000 VENs keep one copy. It remembers a bounded number of recent values, not every value it saw: nothing it
/// holds outlives its use by much, and a value it forgot only costs a second copy. Thread-safe without locks: the
/// slots are single references, and a race only loses a chance to share.
/// </summary>
internal sealed class RecentValues<T>
    where T : class
{
    private readonly T?[] _slots;
    private readonly IEqualityComparer<T> _comparer;

    public RecentValues(int size, IEqualityComparer<T>? comparer = null)
    {
        _slots = new T?[BitOperations.RoundUpToPowerOf2((uint)size)];
        _comparer = comparer ?? EqualityComparer<T>.Default;
    }

    /// <summary>An instance equal to <paramref name="value"/> that was seen lately, or the value itself (now remembered).</summary>
    public T Share(T value)
    {
        ref var slot = ref _slots[_comparer.GetHashCode(value) & (_slots.Length - 1)];
        if (Volatile.Read(ref slot) is { } known && _comparer.Equals(known, value))
        {
            return known;
        }

        Volatile.Write(ref slot, value);
        return value;
    }
}
