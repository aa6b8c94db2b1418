using System;
using System.Text;
using System.Threading;

namespace OpenAdr.Edge.Xml.Serialization;

/// <summary>
/// Turns UTF-8 bytes into strings, handing out the same string for the same bytes, so IDs that come with every
/// request (venID, vtnID) cost no allocation once seen. Bounded: when full it still answers, by allocating.
/// Safe to share between threads: entries are immutable and slots are claimed with a compare-and-swap.
/// </summary>
public sealed class Utf8StringPool
{
    private const int MaxProbes = 8;
    private const int MaxPooledLength = 128;
    private readonly Entry?[] _slots;
    private readonly int _mask;
    private readonly ulong _seed = (ulong)Random.Shared.NextInt64();
    private int _count;

    /// <param name="capacity">How many distinct strings to keep at most (rounded up to a power of two, doubled for probing room).</param>
    public Utf8StringPool(int capacity = 32_768)
    {
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 16) * 2);
        _slots = new Entry?[size];
        _mask = size - 1;
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => Volatile.Read(ref _count);

    public string GetString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxPooledLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = Hash(utf8);
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            ref var slot = ref _slots[(hash + probe) & _mask];
            var entry = Volatile.Read(ref slot);
            if (entry is null)
            {
                return Add(ref slot, hash, utf8);
            }

            if (entry.Hash == hash && entry.Utf8.AsSpan().SequenceEqual(utf8))
            {
                return entry.Value;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    // Every byte counts: IDs handed out in series ("ven-00017-…") differ only in the middle. Eight bytes per step,
    // the last step overlapping the end; the bytes are compared on a hit anyway, and a crafted collision costs no
    // more than a pool miss (an allocation), never a wrong string.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = _seed ^ ((ulong)utf8.Length * 0x9E3779B97F4A7C15UL);
        if (utf8.Length >= sizeof(ulong))
        {
            var last = utf8.Length - sizeof(ulong);
            for (var i = 0; i < last; i += sizeof(ulong))
            {
                hash = Mix(hash, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(utf8[i..]));
            }

            hash = Mix(hash, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(utf8[last..]));
        }
        else
        {
            ulong head = 0;
            for (var i = 0; i < utf8.Length; i++)
            {
                head |= (ulong)utf8[i] << (8 * i);
            }

            hash = Mix(hash, head);
        }

        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return (int)hash;
    }

    private static ulong Mix(ulong hash, ulong chunk) =>
        System.Numerics.BitOperations.RotateLeft(hash ^ (chunk * 0xC2B2AE3D27D4EB4FUL), 31) * 0x9E3779B97F4A7C15UL;

    private string Add(ref Entry? slot, int hash, ReadOnlySpan<byte> utf8)
    {
        var value = Encoding.UTF8.GetString(utf8);
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return value;
        }

        var entry = new Entry(hash, utf8.ToArray(), value);
        if (Interlocked.CompareExchange(ref slot, entry, null) is null)
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }

    private sealed record Entry(int Hash, byte[] Utf8, string Value);
}
