using System;
using System.Text;
using System.Threading;

namespace OpenAdr.Edge.Xml.Serialization;

/// <summary>
/// Turns UTF-8 bytes into strings, handing out the same string for the same bytes, so IDs that come with every
/// request (venID, vtnID) cost no allocation once seen. Bounded: when full it still answers, by allocating.
/// Safe to share between threads: slots are claimed with a compare-and-swap. A slot holds the string itself and,
/// beside it, its hash: a lookup reads the table and the string it returns, nothing else.
/// </summary>
public sealed class Utf8StringPool
{
    private const int MaxProbes = 8;
    private const int MaxPooledLength = 128;
    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly ulong _seed = (ulong)Random.Shared.NextInt64();
    private int _count;

    /// <param name="capacity">How many distinct strings to keep at most (rounded up to a power of two, doubled for probing room).</param>
    public Utf8StringPool(int capacity = 32_768)
    {
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 16) * 2);
        _entries = new Entry[size];
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

        var hash = Hash(utf8) | 1;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            var index = (hash + probe) & _mask;
            ref var entry = ref _entries[index];
            var value = Volatile.Read(ref entry.Value);
            if (value is null)
            {
                return Add(ref entry, hash, utf8);
            }

            // A hash not yet written (0) beside its string is compared too: equality is always decided by content.
            var stored = Volatile.Read(ref entry.Hash);
            if ((stored == hash || stored == 0) && Equal(value, utf8))
            {
                return value;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    private static bool Equal(string value, ReadOnlySpan<byte> utf8)
    {
        if (Ascii.Equals(utf8, value))
        {
            return true;
        }

        if (value.Length > utf8.Length || Ascii.IsValid(utf8))
        {
            return false;
        }

        Span<char> decoded = stackalloc char[MaxPooledLength];
        return Encoding.UTF8.TryGetChars(utf8, decoded, out var written) && decoded[..written].SequenceEqual(value);
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

    private string Add(ref Entry entry, int hash, ReadOnlySpan<byte> utf8)
    {
        var value = Encoding.UTF8.GetString(utf8);
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return value;
        }

        if (Interlocked.CompareExchange(ref entry.Value, value, null) is null)
        {
            Volatile.Write(ref entry.Hash, hash);
            Interlocked.Increment(ref _count);
        }

        return value;
    }

    // The string and its hash side by side: a lookup touches one cache line of the table.
    private struct Entry
    {
        public string? Value;
        public int Hash;
    }
}
