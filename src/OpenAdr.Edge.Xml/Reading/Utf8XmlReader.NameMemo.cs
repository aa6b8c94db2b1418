using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenAdr.Edge.Xml;

public ref partial struct Utf8XmlReader
{
    private const int NameMemoBits = 8;
    private const int NameWindow = 2 * 16;

    /// <summary>
    /// An element name met before: its bytes with the byte that ended it ('>', '/' or whitespace), already checked
    /// to be a qualified name, and the binding its prefix resolved to while the namespace scope was
    /// <see cref="Scope"/>. A document's few dozen names repeat hundreds of times, so a start tag whose bytes match
    /// one skips scanning and checking the name, and resolving its prefix when no declaration has come or gone since.
    /// </summary>
    private struct NameMemo
    {
        // The 32 bytes from the name on, as they were; only the name and the byte after it count.
        public Vector128<byte> Head;
        public Vector128<byte> Tail;
        public long Scope;
        public int NameLength;
        public int Colon;
        public int Binding;
    }

    private const int NoNameLink = -1;

    /// <summary>
    /// The memo slot for the name at <paramref name="nameStart"/> and whether it holds that name: first the slot of the
    /// name that came next the last time the document stood where it stands now (documents repeat their structure, and
    /// that slot is known before the name's bytes are), then the slot its bytes hash to. -1 when the name does not end
    /// within the window (or the document ends first).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int RecallName(int nameStart, out Vector128<byte> head, out Vector128<byte> tail, out bool recalled)
    {
        recalled = false;
        if (_xml.Length - nameStart < NameWindow)
        {
            head = default;
            tail = default;
            return -1;
        }

        var window = _xml.Slice(nameStart, NameWindow);
        head = Vector128.Create(window);
        tail = Vector128.Create(window[16..]);
        var predicted = _nameLink == NoNameLink ? -1 : _nameLinks[_nameLink] - 1;
        if (predicted >= 0 && IsRecalled(_names[predicted], head, tail))
        {
            recalled = true;
            return predicted;
        }

        var slot = NameMemoSlot(window, head, tail);
        recalled = slot >= 0 && IsRecalled(_names[slot], head, tail);
        return slot;
    }

    /// <summary>The slot the name's bytes hash to (its first and last eight bytes); -1 when it does not end within the window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NameMemoSlot(ReadOnlySpan<byte> window, Vector128<byte> head, Vector128<byte> tail)
    {
        var ends = (uint)EndsOfName(head).ExtractMostSignificantBits() | (uint)EndsOfName(tail).ExtractMostSignificantBits() << 16;
        if (ends == 0)
        {
            return -1;
        }

        // The name's first and last eight bytes (fewer when shorter) pick the slot: "oadr:oadrMinPeriod" and
        // "oadr:oadrMaxPeriod" share their first eight and their length.
        var length = BitOperations.TrailingZeroCount(ends);
        var first = head.AsUInt64().ToScalar();
        ulong last = 0;
        if (length < sizeof(ulong))
        {
            first &= (1UL << (length * 8)) - 1;
        }
        else
        {
            last = MemoryMarshal.Read<ulong>(window[(length - sizeof(ulong))..]);
        }

        return (int)(((first ^ BitOperations.RotateLeft(last, 29)) * 0x9E3779B97F4A7C15UL) >> (64 - NameMemoBits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> EndsOfName(Vector128<byte> bytes) =>
        Vector128.Equals(bytes, Vector128.Create((byte)'>'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'/'))
        | Vector128.LessThanOrEqual(bytes, Vector128.Create((byte)' '));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRecalled(in NameMemo memo, Vector128<byte> head, Vector128<byte> tail) =>
        memo.NameLength > 0 && FirstBytesEqual(head, tail, memo.Head, memo.Tail, memo.NameLength + 1);

    /// <summary>Whether two 32-byte windows (each as two vectors) agree on their first <paramref name="count"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FirstBytesEqual(Vector128<byte> head, Vector128<byte> tail, Vector128<byte> otherHead, Vector128<byte> otherTail, int count)
    {
        var same = (uint)Vector128.Equals(head, otherHead).ExtractMostSignificantBits()
            | (uint)Vector128.Equals(tail, otherTail).ExtractMostSignificantBits() << 16;
        var counted = (uint)((1UL << count) - 1);
        return (~same & counted) == 0;
    }

    /// <summary>Learns that the name in <paramref name="slot"/> came where <see cref="_nameLink"/> points, and moves it on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FollowedBy(int slot, int next)
    {
        if (_nameLink != NoNameLink)
        {
            _nameLinks[_nameLink] = slot + 1;
        }

        _nameLink = next;
    }

    // Where, for the name in a slot, the slot of its first child and of its next sibling are kept (each slot plus one, 0
    // while not known).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstChild(int slot) => slot < 0 ? NoNameLink : 2 * slot;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextSibling(int slot) => slot < 0 ? NoNameLink : (2 * slot) + 1;

    /// <summary>Keeps a name that <see cref="ReadName"/> accepted when a '>', '/' or whitespace ends it inside the window.</summary>
    private readonly bool RememberName(ref NameMemo memo, int nameStart, int nameLength, int colon, Vector128<byte> head, Vector128<byte> tail)
    {
        if (nameLength >= NameWindow || _xml[nameStart + nameLength] is not ((byte)'>' or (byte)'/' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return false;
        }

        memo.Head = head;
        memo.Tail = tail;
        memo.NameLength = nameLength;
        memo.Colon = colon;
        memo.Scope = 0;
        return true;
    }
}
