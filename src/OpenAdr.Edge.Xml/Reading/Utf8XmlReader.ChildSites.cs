using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace OpenAdr.Edge.Xml;

public ref partial struct Utf8XmlReader
{
    private static int s_reservedChildSites;

    /// <summary>
    /// What one child site (a place in a generated reader where a child element is read) read there last: the exact
    /// bytes of its start tags, and for a text child those of its end tags, while the namespace scope was
    /// <see cref="Scope"/>. Documents repeat their tags byte for byte, so the next document's child at that site is
    /// read with one comparison, its name neither scanned, looked up nor resolved again.
    /// </summary>
    private struct ChildSite
    {
        // "<ei:eventID>", or "<xcal:uid><xcal:text>" for a text wrapped in an inner element.
        public TagBytes Start;

        // "</ei:eventID>", or "</xcal:text></xcal:uid>"; empty for the start of an element with content.
        public TagBytes End;
        public long Scope;
        public int InnerEndLength;
        public int Levels;
        public int LongestName;
        public int NameLength;
        public int Colon;
        public int Binding;
        public int Alternative;
    }

    private const int TagBytesWindow = 4 * 16;

    /// <summary>Up to 64 bytes of tags, compared with a document in two or four 16-byte pieces.</summary>
    private struct TagBytes
    {
        public Vector128<byte> First;
        public Vector128<byte> Second;
        public Vector128<byte> Third;
        public Vector128<byte> Fourth;
        public int Length;

        public void Keep(ReadOnlySpan<byte> tags)
        {
            Span<byte> window = stackalloc byte[TagBytesWindow];
            tags.CopyTo(window);
            First = Vector128.Create(window);
            Second = Vector128.Create(window[16..]);
            Third = Vector128.Create(window[32..]);
            Fourth = Vector128.Create(window[48..]);
            Length = tags.Length;
        }

        /// <summary>Whether <paramref name="xml"/> holds these bytes at <paramref name="pos"/> (never when nothing is kept).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly bool IsAt(ReadOnlySpan<byte> xml, int pos)
        {
            var length = Length;
            var available = xml.Length - pos;
            if (length <= NameWindow)
            {
                if (length == 0 || available < NameWindow)
                {
                    return false;
                }

                ref var at = ref Unsafe.Add(ref MemoryMarshal.GetReference(xml), pos);
                return FirstBytesEqual(Vector128.LoadUnsafe(ref at), Vector128.LoadUnsafe(ref at, 16), First, Second, length);
            }

            if (available < TagBytesWindow)
            {
                return false;
            }

            ref var window = ref Unsafe.Add(ref MemoryMarshal.GetReference(xml), pos);
            var all = (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref window), First).ExtractMostSignificantBits()
                | (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref window, 16), Second).ExtractMostSignificantBits() << 16
                | (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref window, 32), Third).ExtractMostSignificantBits() << 32
                | (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref window, 48), Fourth).ExtractMostSignificantBits() << 48;
            var counted = length == TagBytesWindow ? ulong.MaxValue : (1UL << length) - 1;
            return (~all & counted) == 0;
        }
    }

    /// <summary>Sites for a generated reader's children, numbered from the value returned; each type reserves its own once.</summary>
    public static int ReserveChildSites(int count) => Interlocked.Add(ref s_reservedChildSites, count) - count;

    /// <summary>
    /// Reads, when the document repeats the start tag that <see cref="RememberChildStart"/> last kept for
    /// <paramref name="site"/> (in the same namespace scope), that child's start tag, exactly as
    /// <see cref="ReadToNextChild"/> would; returns the alternative remembered with it. -1, and nothing read, otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int TryReadChildStart(int site)
    {
        var sites = _childSites;
        if ((uint)site >= (uint)sites.Length || sites[site].Start.Length == 0 || sites[site].End.Length != 0)
        {
            return -1;
        }

        var pos = PositionForChild();
        return pos >= 0 && IsChildStartAt(sites[site], pos) ? StartChild(sites[site], pos) : -1;
    }

    /// <summary>
    /// <see cref="TryReadChildStart(int)"/> over the <paramref name="ways"/> sites from <paramref name="site"/>, for a
    /// choice whose alternatives follow each other in documents (a report's descriptions of power, then voltage): each
    /// alternative is remembered in the site of its number modulo <paramref name="ways"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int TryReadChildStart(int site, int ways)
    {
        var sites = _childSites;
        if ((uint)site >= (uint)sites.Length || sites.Length - site < ways)
        {
            return -1;
        }

        var pos = PositionForChild();
        if (pos < 0)
        {
            return -1;
        }

        for (var way = site; way < site + ways; way++)
        {
            if (sites[way].End.Length == 0 && IsChildStartAt(sites[way], pos))
            {
                return StartChild(sites[way], pos);
            }
        }

        return -1;
    }

    /// <summary>Where the next child would start (after whitespace), with the element's own end pending popped; -1 when the element is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int PositionForChild()
    {
        if (_popPending)
        {
            PopFrame();
        }

        if (_emptyEndPending || _depth == 0)
        {
            return -1;
        }

        var xml = _xml;
        var pos = _pos;
        if ((uint)pos < (uint)xml.Length && IsWhitespace(xml[pos]))
        {
            pos = SkipWhitespace(xml, pos);
        }

        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool IsChildStartAt(in ChildSite known, int pos) =>
        known.Scope == _scope && known.Start.IsAt(_xml, pos)
        && known.LongestName <= _options.MaxNameLength && _depth < _options.MaxDepth && _depth < _frames.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int StartChild(in ChildSite known, int pos)
    {
        var nameStart = pos + 1;
        _frames[_depth++] = new Frame(nameStart, known.NameLength, _bindingCount, known.Binding, known.Colon, -1, _scope);
        _pos = pos + known.Start.Length;
        _elementStart = pos;
        _nameStart = nameStart;
        _nameLength = known.NameLength;
        _colon = known.Colon;
        _elementBinding = known.Binding;
        _attributeCount = 0;
        _isEmpty = false;
        _nameLink = NoNameLink;
        _node = XmlNodeType.StartElement;
        return known.Alternative;
    }

    /// <summary>
    /// Reads, when the document repeats the tags that <see cref="RememberTextChild"/> last kept for
    /// <paramref name="site"/> (in the same namespace scope) around plain text, that whole child: start tags, text and
    /// end tags, with the limits <see cref="ReadElementText"/> applies. The reader then stands after the innermost end
    /// tag, where a value error is reported; <see cref="EndTextChild"/> moves past the rest. False, and nothing read,
    /// otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool TryReadTextChild(int site, out ReadOnlySpan<byte> text)
    {
        text = default;
        var sites = _childSites;
        if ((uint)site >= (uint)sites.Length || sites[site].End.Length == 0)
        {
            return false;
        }

        if (_popPending)
        {
            PopFrame();
        }

        ref readonly var known = ref sites[site];
        if (_emptyEndPending || _depth == 0)
        {
            return false;
        }

        var xml = _xml;
        var pos = _pos;
        if ((uint)pos < (uint)xml.Length && IsWhitespace(xml[pos]))
        {
            pos = SkipWhitespace(xml, pos);
        }

        if (known.Scope != _scope || !known.Start.IsAt(xml, pos)
            || known.LongestName > _options.MaxNameLength || _depth + known.Levels > _options.MaxDepth)
        {
            return false;
        }

        var textStart = pos + known.Start.Length;
        var length = PlainTextLength(xml[textStart..], _options.MaxTextLength);
        var textEnd = textStart + length;
        if (length < 0 || !known.End.IsAt(xml, textEnd))
        {
            return false;
        }

        _pos = textEnd + known.InnerEndLength;
        _textChildEnd = textEnd + known.End.Length;
        _node = XmlNodeType.EndElement;
        _nameLink = NoNameLink;
        text = xml.Slice(textStart, length);
        return true;
    }

    /// <summary>After <see cref="TryReadTextChild"/> of a text wrapped in an inner element, moves past the outer end tag.</summary>
    public void EndTextChild() => _pos = _textChildEnd;

    /// <summary>
    /// Keeps, for <paramref name="site"/>, the start tag <see cref="ReadToNextChild"/> has just read, when it is a plain
    /// "&lt;name&gt;" (no attribute, no declaration, no whitespace) short enough to compare in one go.
    /// </summary>
    public void RememberChildStart(int site, int alternative)
    {
        var start = _elementStart;
        if (_node != XmlNodeType.StartElement || _isEmpty || _attributeCount != 0 || _pos - start != _nameLength + 2
            || _pos - start > TagBytesWindow || !TryGetSiteToLearn(site, out var sites))
        {
            return;
        }

        ref var known = ref sites[site];
        known.Start.Keep(_xml[start.._pos]);
        known.End = default;
        known.Levels = 1;
        known.LongestName = _nameLength;
        known.NameLength = _nameLength;
        known.Colon = _colon;
        known.Binding = _elementBinding;
        known.Alternative = alternative;
        known.Scope = _scope;
    }

    /// <summary>
    /// Keeps, for <paramref name="site"/>, the tags of the text child whose end the reader has just read: one element,
    /// or an element around one inner element, with plain tags (no attribute, declaration, whitespace or comment).
    /// </summary>
    public void RememberTextChild(int site)
    {
        if (_node != XmlNodeType.EndElement || !_popPending || _depth == 0)
        {
            return;
        }

        var xml = _xml;
        var start = _frames[_depth - 1].NameStart - 1;
        var end = _pos;
        var levels = 0;
        var longestName = 0;
        var pos = start;
        while (pos + 1 < end && xml[pos] == (byte)'<' && xml[pos + 1] != (byte)'/')
        {
            var tagLength = PlainTagLength(xml[pos..end]);
            if (tagLength < 0 || ++levels > 2)
            {
                return;
            }

            longestName = Math.Max(longestName, tagLength - 2);
            pos += tagLength;
            if (pos - start > TagBytesWindow)
            {
                return;
            }
        }

        var textStart = pos;
        var textLength = xml[textStart..end].IndexOf((byte)'<');
        if (levels == 0 || textLength < 0)
        {
            return;
        }

        var textEnd = textStart + textLength;
        var innerEndLength = 0;
        pos = textEnd;
        for (var level = 0; level < levels; level++)
        {
            var tagLength = pos + 1 < end && xml[pos + 1] == (byte)'/' ? PlainTagLength(xml[pos..end]) : -1;
            if (tagLength < 0)
            {
                return;
            }

            innerEndLength = level == 0 ? tagLength : innerEndLength;
            pos += tagLength;
        }

        if (pos != end || textStart - start > TagBytesWindow || end - textEnd > TagBytesWindow || !TryGetSiteToLearn(site, out var sites))
        {
            return;
        }

        ref var known = ref sites[site];
        known.Start.Keep(xml[start..textStart]);
        known.End.Keep(xml[textEnd..end]);
        known.InnerEndLength = innerEndLength;
        known.Levels = levels;
        known.LongestName = longestName;
        known.Scope = _scope;
    }

    /// <summary>
    /// How much plain text <paramref name="rest"/> starts with, up to the first '&lt;', '&amp;' or control character, as
    /// <see cref="ReadElementText"/> reads it; -1 when that is longer than <paramref name="limit"/>, or when no such byte
    /// comes while 16 bytes remain to look at in one piece (the tags after the text would not fit anyway).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PlainTextLength(ReadOnlySpan<byte> rest, int limit)
    {
        ref var start = ref MemoryMarshal.GetReference(rest);
        for (var i = 0; i <= rest.Length - Vector128<byte>.Count && i <= limit; i += Vector128<byte>.Count)
        {
            var bytes = Vector128.LoadUnsafe(ref start, (nuint)i);
            var stops = Vector128.Equals(bytes, Vector128.Create((byte)'<')) | Vector128.Equals(bytes, Vector128.Create((byte)'&'))
                | Vector128.LessThan(bytes, Vector128.Create((byte)' '));
            if (stops != Vector128<byte>.Zero)
            {
                var length = i + BitOperations.TrailingZeroCount(stops.ExtractMostSignificantBits());
                return length <= limit ? length : -1;
            }
        }

        return -1;
    }

    /// <summary>The length of the tag "&lt;name&gt;" or "&lt;/name&gt;" that <paramref name="rest"/> starts with; -1 when anything but a name is inside.</summary>
    private static int PlainTagLength(ReadOnlySpan<byte> rest)
    {
        var close = rest.IndexOf((byte)'>');
        if (close < 0)
        {
            return -1;
        }

        var inside = rest[(rest[1] == (byte)'/' ? 2 : 1)..close];
        foreach (var b in inside)
        {
            if (b <= (byte)' ' || b is (byte)'/' or (byte)'!' or (byte)'?' or (byte)'=' or (byte)'<')
            {
                return -1;
            }
        }

        return inside.IsEmpty ? -1 : close + 1;
    }

    private bool TryGetSiteToLearn(int site, out ChildSite[] sites)
    {
        sites = _childSites;
        if ((uint)site < (uint)sites.Length)
        {
            return true;
        }

        var reserved = Volatile.Read(ref s_reservedChildSites);
        if (site < 0 || site >= reserved)
        {
            return false;
        }

        Array.Resize(ref _childSites, reserved);
        sites = _childSites;
        return true;
    }
}
