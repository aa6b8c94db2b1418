using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace OpenAdr.Edge.Xml;

/// <summary>
/// A forward-only, namespace-aware XML pull reader over UTF-8 bytes. It refuses DTDs, so external
/// entities and entity expansion cannot happen, and it enforces <see cref="XmlReaderOptions"/> limits.
/// Spans it returns stay valid until the next call that moves the reader. Dispose it to return its
/// pooled buffers (forgetting to only costs an allocation next time).
/// </summary>
public ref partial struct Utf8XmlReader
{

    private static readonly SearchValues<byte> s_invalidControl = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly SearchValues<byte> s_textDecodeNeeded = SearchValues.Create("&\r"u8);
    private static readonly SearchValues<byte> s_attributeDecodeNeeded = SearchValues.Create("&\r\n\t"u8);
    private static readonly SearchValues<byte> s_attributeSpecial = SearchValues.Create(
        [(byte)'"', (byte)'\'', (byte)'<', (byte)'&', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private ReadOnlySpan<byte> _xml;
    private XmlReaderOptions _options;
    private byte[]? _copy;
    private Buffers? _buffers;
    private ResolveCacheEntry[] _resolveCache;
    private NameMemo[] _names;
    private int[] _nameLinks;
    private int _nameLink;
    private ChildSite[] _childSites;
    private int _textChildEnd;

    // Which namespace scope the reader is in: the same number for the same declarations in scope, and a new one
    // (above _lastScope, the highest given so far by this thread's buffers) for any other.
    private long _scope;
    private long _lastScope;
    private Frame[] _frames;
    private int _depth;
    private NamespaceBinding[] _bindings;
    private int _bindingCount;

    // The prefix resolved last and its binding: consecutive names mostly share a prefix, and the answer stands until a
    // declaration comes into or goes out of scope. No entry while _lastPrefixLength is NoLastResolution.
    private ulong _lastPrefixKey;
    private int _lastPrefixLength;
    private int _lastResolved;
    private Attribute[] _attributes;
    private int _attributeCount;
    private byte[] _scratch;
    private int _scratchLength;
    private byte[] _namespaceText;
    private int _namespaceTextLength;
    private byte[] _ids;
    private int _idsLength;
    private int _pos;
    private XmlNodeType _node;
    private bool _isEmpty;
    private bool _emptyEndPending;
    private bool _popPending;
    private bool _rootDone;
    private int _nameStart;
    private int _nameLength;
    private int _colon;
    private int _elementBinding;
    private int _elementStart;
    private int _textStart;
    private int _textLength;
    private bool _textInScratch;

    public Utf8XmlReader(ReadOnlySpan<byte> xml)
        : this(xml, XmlReaderOptions.Default)
    {
    }

    public Utf8XmlReader(ReadOnlySpan<byte> xml, XmlReaderOptions options)
    {
        _buffers = Buffers.Take();
        _frames = _buffers.Frames;
        _bindings = _buffers.Bindings;
        _attributes = _buffers.Attributes;
        _scratch = _buffers.Scratch;
        _namespaceText = _buffers.NamespaceText;
        _ids = _buffers.Ids;
        _resolveCache = _buffers.ResolveCache;
        _names = _buffers.Names;
        _nameLinks = _buffers.NameLinks;
        _nameLink = NoNameLink;
        _childSites = _buffers.ChildSites;
        _lastScope = _buffers.LastScope;
        Start(xml, options);
    }

    /// <summary>Reads a body as a <see cref="System.IO.Pipelines.PipeReader"/> hands it over; several segments are joined in one pooled buffer.</summary>
    public Utf8XmlReader(ReadOnlySequence<byte> xml, XmlReaderOptions options)
        : this(ReadOnlySpan<byte>.Empty, options)
    {
        if (xml.IsSingleSegment)
        {
            Start(xml.FirstSpan, options);
            return;
        }

        if (xml.Length > int.MaxValue)
        {
            Fail(XmlError.TextLengthLimitExceeded, 0, "document larger than 2 GiB");
        }

        var length = (int)xml.Length;
        _copy = ArrayPool<byte>.Shared.Rent(length);
        xml.CopyTo(_copy);
        Start(_copy.AsSpan(0, length), options);
    }

    public readonly XmlNodeType NodeType => _node;

    /// <summary>Open elements, the current one included.</summary>
    public readonly int Depth => _depth;

    public readonly bool IsEmptyElement => _node == XmlNodeType.StartElement && _isEmpty;

    /// <summary>Bytes from the start of the document to where the reader stands.</summary>
    public readonly int Offset => _pos;

    public readonly ReadOnlySpan<byte> LocalName => _xml.Slice(_nameStart + _colon + 1, _nameLength - _colon - 1);

    /// <summary>The element's qualified name as written (prefix included).</summary>
    public readonly ReadOnlySpan<byte> Name => _xml.Slice(_nameStart, _nameLength);

    public readonly ReadOnlySpan<byte> NamespaceUri => BindingUri(_elementBinding);

    /// <summary>Which OpenADR namespace the element is in (<see cref="Serialization.XmlNamespaces.Identify"/>), 0 for any other.</summary>
    public readonly int NamespaceId => KnownNamespaceId(_elementBinding);

    public readonly int AttributeCount => _node == XmlNodeType.StartElement ? _attributeCount : 0;

    /// <summary>The current text node (after <see cref="Read"/> returned <see cref="XmlNodeType.Text"/>).</summary>
    public readonly ReadOnlySpan<byte> Text =>
        _textInScratch ? _scratch.AsSpan(_textStart, _textLength) : _xml.Slice(_textStart, _textLength);

    public readonly ReadOnlySpan<byte> GetAttributeLocalName(int index)
    {
        ref readonly var a = ref _attributes[index];
        return _xml.Slice(a.NameStart + a.Colon + 1, a.NameLength - a.Colon - 1);
    }

    public readonly ReadOnlySpan<byte> GetAttributeNamespace(int index) => BindingUri(_attributes[index].Binding);

    public readonly int GetAttributeNamespaceId(int index) => KnownNamespaceId(_attributes[index].Binding);

    public ReadOnlySpan<byte> GetAttributeValue(int index)
    {
        var a = _attributes[index];
        var raw = _xml.Slice(a.ValueStart, a.ValueLength);
        if (!a.NeedsDecode)
        {
            return raw;
        }

        _scratchLength = 0;
        AppendDecoded(raw, attribute: true, a.ValueStart);
        return _scratch.AsSpan(0, _scratchLength);
    }

    /// <summary>Moves to the next element start, element end, or non-whitespace text. False at the end of the document.</summary>
    public bool Read()
    {
        if (_popPending)
        {
            PopFrame();
        }

        if (_emptyEndPending)
        {
            _emptyEndPending = false;
            _node = XmlNodeType.EndElement;
            _popPending = true;
            return true;
        }

        while (true)
        {
            if (_pos >= _xml.Length)
            {
                if (_depth > 0)
                {
                    Fail(XmlError.UnexpectedEndOfInput, _pos, "document ends inside an element");
                }

                if (!_rootDone)
                {
                    Fail(XmlError.NoRootElement, _pos, "no root element");
                }

                _node = XmlNodeType.EndOfDocument;
                return false;
            }

            if (_xml[_pos] == (byte)'<')
            {
                if (TryReadMarkup())
                {
                    return true;
                }

                continue;
            }

            var end = _xml[_pos..].IndexOf((byte)'<');
            end = end < 0 ? _xml.Length : _pos + end;
            var run = _xml[_pos..end];
            if (IsAllWhitespace(run))
            {
                _pos = end;
                continue;
            }

            if (_depth == 0)
            {
                Fail(_rootDone ? XmlError.TrailingContent : XmlError.InvalidSyntax, _pos, "text outside the root element");
            }

            if (end == _xml.Length)
            {
                Fail(XmlError.UnexpectedEndOfInput, end, "document ends inside an element");
            }

            SetTextNode(run, _pos);
            _pos = end;
            return true;
        }
    }

    /// <summary>
    /// From an element start (or the end of its previous child), moves to its next child element.
    /// False when the element ends. Text between children is an error: OpenADR types have element-only content.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool ReadToNextChild()
    {
        // The common case, in one piece: the next child's start tag or the element's own end tag, maybe after
        // whitespace. Anything else (text, comments, errors) takes the general path from where the reader stood.
        if (_popPending)
        {
            PopFrame();
        }

        if (!_emptyEndPending)
        {
            var xml = _xml;
            var pos = _pos;
            if ((uint)pos < (uint)xml.Length && IsWhitespace(xml[pos]))
            {
                pos = SkipWhitespace(xml, pos);
            }

            if ((uint)(pos + 1) < (uint)xml.Length && xml[pos] == (byte)'<')
            {
                var next = xml[pos + 1];
                if (next == (byte)'/')
                {
                    if (TryReadOpenElementEnd(pos))
                    {
                        return false;
                    }
                }
                else if (next is not ((byte)'!' or (byte)'?'))
                {
                    _pos = pos;
                    ReadStartTag();
                    return true;
                }
            }
        }

        return ReadToNextChildInGeneral();
    }

    private bool ReadToNextChildInGeneral()
    {
        while (Read())
        {
            switch (_node)
            {
                case XmlNodeType.StartElement:
                    return true;
                case XmlNodeType.EndElement:
                    return false;
                default:
                    Fail(XmlError.UnexpectedText, _textStart, "text where only elements are allowed");
                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// From an element start, reads its text content (entities, character references and CDATA resolved;
    /// comments and processing instructions skipped) and moves to its end. Child elements are an error.
    /// </summary>
    public ReadOnlySpan<byte> ReadElementText()
    {
        if (_node != XmlNodeType.StartElement)
        {
            ThrowNotOnStartElement();
        }

        if (_isEmpty)
        {
            _emptyEndPending = false;
            _node = XmlNodeType.EndElement;
            _popPending = true;
            return [];
        }

        // The common case: plain text, then an end tag.
        var rest = _xml[_pos..];
        var lt = FirstNonPlainTextByte(rest);
        if (lt >= 0 && rest[lt] == (byte)'<' && lt + 1 < rest.Length && rest[lt + 1] == (byte)'/' && lt <= _options.MaxTextLength)
        {
            var start = _pos;
            _pos += lt;
            ReadEndTag();
            return _xml.Slice(start, lt);
        }

        return ReadMixedElementText();
    }

    /// <summary>
    /// Where plain text ends: at '&lt;', '&amp;' or any control character (tab and line feed included, so that text
    /// holding them takes the careful path); -1 when nothing ends it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstNonPlainTextByte(ReadOnlySpan<byte> rest)
    {
        var i = 0;
        while (rest.Length - i >= Vector128<byte>.Count)
        {
            var bytes = Vector128.Create(rest.Slice(i, Vector128<byte>.Count));
            var stops = Vector128.Equals(bytes, Vector128.Create((byte)'<')) | Vector128.Equals(bytes, Vector128.Create((byte)'&'))
                | Vector128.LessThan(bytes, Vector128.Create((byte)' '));
            if (stops != Vector128<byte>.Zero)
            {
                return i + BitOperations.TrailingZeroCount(stops.ExtractMostSignificantBits());
            }

            i += Vector128<byte>.Count;
        }

        for (; i < rest.Length; i++)
        {
            if (rest[i] is (byte)'<' or (byte)'&' or < (byte)' ')
            {
                return i;
            }
        }

        return -1;
    }

    private ReadOnlySpan<byte> ReadMixedElementText()
    {
        var textStart = -1;
        var textLength = 0;
        _scratchLength = 0;
        var inScratch = false;
        while (true)
        {
            var lt = _xml[_pos..].IndexOf((byte)'<');
            if (lt < 0)
            {
                Fail(XmlError.UnexpectedEndOfInput, _xml.Length, "document ends inside an element");
            }

            if (lt > 0)
            {
                AddTextSegment(_xml.Slice(_pos, lt), _pos, cdata: false, ref textStart, ref textLength, ref inScratch);
            }

            _pos += lt;
            var rest = _xml[_pos..];
            if (rest.StartsWith("</"u8))
            {
                ReadEndTag();
                break;
            }

            if (rest.StartsWith("<!--"u8))
            {
                SkipComment();
            }
            else if (rest.StartsWith("<![CDATA["u8))
            {
                var contentStart = _pos + 9;
                var content = ReadCData();
                AddTextSegment(content, contentStart, cdata: true, ref textStart, ref textLength, ref inScratch);
            }
            else if (rest.StartsWith("<?"u8))
            {
                SkipProcessingInstruction();
            }
            else if (rest.StartsWith("<!"u8))
            {
                Fail(MarkupDeclarationError(rest), _pos, "markup declaration inside an element");
            }
            else
            {
                Fail(rest.Length < 2 ? XmlError.UnexpectedEndOfInput : XmlError.UnexpectedElement, _pos, "an element where text was expected");
            }
        }

        if (inScratch)
        {
            return _scratch.AsSpan(0, _scratchLength);
        }

        return textStart < 0 ? [] : _xml.Slice(textStart, textLength);
    }

    /// <summary>From an element start, moves past its end without reading what is inside.</summary>
    public void Skip()
    {
        if (_node != XmlNodeType.StartElement)
        {
            return;
        }

        var depth = _depth;
        while (Read())
        {
            if (_node == XmlNodeType.EndElement && _depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>From an element start, returns the element's exact bytes, start tag to end tag, and moves past it.</summary>
    public ReadOnlySpan<byte> ReadRawElement()
    {
        if (_node != XmlNodeType.StartElement)
        {
            ThrowNotOnStartElement();
        }

        var start = _elementStart;
        Skip();
        return _xml[start.._pos];
    }

    /// <summary>
    /// Records the value of an xs:ID attribute, refusing the document when an earlier element declared the same ID
    /// (XSD requires IDs to be unique in a document). IDs are kept separated by 0, a byte XML text cannot hold.
    /// </summary>
    public void DeclareId(ReadOnlySpan<byte> id)
    {
        id = XmlValue.TrimWhitespace(id);
        var known = _ids.AsSpan(0, _idsLength);
        while (!known.IsEmpty)
        {
            var end = known.IndexOf((byte)0);
            if (known[..end].SequenceEqual(id))
            {
                Fail(XmlError.InvalidValue, _pos, "an ID that an earlier element declared");
            }

            known = known[(end + 1)..];
        }

        if (_idsLength + id.Length + 1 > _ids.Length)
        {
            GrowBytes(ref _ids, _idsLength + id.Length + 1);
        }

        id.CopyTo(_ids.AsSpan(_idsLength));
        _idsLength += id.Length;
        _ids[_idsLength++] = 0;
    }

    /// <summary>Refuses the document at the current position (generated readers call this for schema errors).</summary>
    [DoesNotReturn]
    public readonly void Fail(XmlError error, string detail) => XmlReadException.Throw(error, _pos, detail);

    public void Dispose()
    {
        if (_buffers is not null)
        {
            _buffers.Frames = _frames;
            _buffers.Bindings = _bindings;
            _buffers.Attributes = _attributes;
            _buffers.Scratch = _scratch;
            _buffers.NamespaceText = _namespaceText;
            _buffers.Ids = _ids;
            _buffers.LastScope = _lastScope;
            _buffers.ChildSites = _childSites;
            Buffers.Give(_buffers);
        }

        if (_copy is not null)
        {
            ArrayPool<byte>.Shared.Return(_copy);
        }

        this = default;
    }

    [DoesNotReturn]
    private static void Fail(XmlError error, int offset, string detail) => XmlReadException.Throw(error, offset, detail);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotOnStartElement() =>
        throw new InvalidOperationException("The reader is not on an element start.");

    private void Start(ReadOnlySpan<byte> xml, XmlReaderOptions options)
    {
        // default(XmlReaderOptions) has every limit at zero, which would refuse any document: it means "the defaults".
        _options = options == default ? XmlReaderOptions.Default : options;
        _xml = xml;
        ScopeChanged();
        if (!Utf8.IsValid(xml))
        {
            Fail(XmlError.InvalidUtf8, FirstInvalidUtf8(xml), "the document is not valid UTF-8");
        }

        if (xml.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _pos = 3;
        }

        ReadXmlDeclaration();
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> xml)
    {
        var offset = 0;
        while (offset < xml.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(xml[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private void ReadXmlDeclaration()
    {
        var rest = _xml[_pos..];
        if (!rest.StartsWith("<?xml"u8) || rest.Length < 6 || !IsWhitespace(rest[5]))
        {
            return;
        }

        ReadOnlySpan<byte> usual = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8;
        if (rest.StartsWith(usual))
        {
            _pos += usual.Length;
            return;
        }

        var end = rest.IndexOf("?>"u8);
        if (end < 0)
        {
            Fail(XmlError.UnexpectedEndOfInput, _pos, "unterminated XML declaration");
        }

        var declaration = rest[5..end];
        var encoding = declaration.IndexOf("encoding"u8);
        if (encoding >= 0)
        {
            var value = declaration[(encoding + 8)..].TrimStart(" \t\r\n"u8);
            if (value.IsEmpty || value[0] != (byte)'=')
            {
                Fail(XmlError.InvalidSyntax, _pos, "malformed encoding declaration");
            }

            value = value[1..].TrimStart(" \t\r\n"u8);
            if (value.IsEmpty || (value[0] != (byte)'"' && value[0] != (byte)'\''))
            {
                Fail(XmlError.InvalidSyntax, _pos, "malformed encoding declaration");
            }

            var close = value[1..].IndexOf(value[0]);
            if (close < 0)
            {
                Fail(XmlError.InvalidSyntax, _pos, "malformed encoding declaration");
            }

            var name = value.Slice(1, close);
            if (!System.Text.Ascii.EqualsIgnoreCase(name, "utf-8"u8) && !System.Text.Ascii.EqualsIgnoreCase(name, "utf8"u8))
            {
                Fail(XmlError.UnsupportedEncoding, _pos, "only UTF-8 documents are accepted");
            }
        }

        _pos += end + 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadMarkup()
    {
        var rest = _xml[_pos..];
        if (rest.Length < 2)
        {
            Fail(XmlError.UnexpectedEndOfInput, _pos, "document ends inside markup");
        }

        switch (rest[1])
        {
            case (byte)'/':
                ReadEndTag();
                return true;
            case (byte)'?':
                SkipProcessingInstruction();
                return false;
            case (byte)'!':
                if (rest.StartsWith("<!--"u8))
                {
                    SkipComment();
                    return false;
                }

                if (rest.StartsWith("<![CDATA["u8))
                {
                    if (_depth == 0)
                    {
                        Fail(XmlError.InvalidSyntax, _pos, "CDATA outside the root element");
                    }

                    var contentStart = _pos + 9;
                    var content = ReadCData();
                    SetTextNode(content, contentStart, cdata: true);
                    return true;
                }

                Fail(MarkupDeclarationError(rest), _pos, "DTDs and markup declarations are not accepted");
                return false;
            default:
                ReadStartTag();
                return true;
        }
    }

    // A document cut inside "<!--", "<![CDATA[" or "<!DOCTYPE" ended early; it did not hold a malformed declaration.
    private static XmlError MarkupDeclarationError(ReadOnlySpan<byte> rest) =>
        rest.StartsWith("<!DOCTYPE"u8) ? XmlError.DtdNotAllowed
        : "<!--"u8.StartsWith(rest) || "<![CDATA["u8.StartsWith(rest) || "<!DOCTYPE"u8.StartsWith(rest) ? XmlError.UnexpectedEndOfInput
        : XmlError.InvalidSyntax;

    private void SetTextNode(ReadOnlySpan<byte> raw, int offset, bool cdata = false)
    {
        _node = XmlNodeType.Text;
        CheckTextLength(raw.Length, offset);
        if (raw.IndexOfAny(s_invalidControl) >= 0)
        {
            Fail(XmlError.InvalidCharacter, offset, "control character in text");
        }

        var needsDecode = cdata ? raw.Contains((byte)'\r') : raw.IndexOfAny(s_textDecodeNeeded) >= 0;
        if (!needsDecode)
        {
            _textInScratch = false;
            _textStart = offset;
            _textLength = raw.Length;
            return;
        }

        _scratchLength = 0;
        if (cdata)
        {
            AppendNormalizedLineEnds(raw);
        }
        else
        {
            AppendDecoded(raw, attribute: false, offset);
        }

        _textInScratch = true;
        _textStart = 0;
        _textLength = _scratchLength;
    }

    private void AddTextSegment(ReadOnlySpan<byte> raw, int offset, bool cdata, ref int textStart, ref int textLength, ref bool inScratch)
    {
        if (raw.IndexOfAny(s_invalidControl) >= 0)
        {
            Fail(XmlError.InvalidCharacter, offset, "control character in text");
        }

        var needsDecode = cdata ? raw.Contains((byte)'\r') : raw.IndexOfAny(s_textDecodeNeeded) >= 0;
        if (!inScratch && !needsDecode && textStart < 0)
        {
            textStart = offset;
            textLength = raw.Length;
            CheckTextLength(textLength, offset);
            return;
        }

        if (!inScratch)
        {
            inScratch = true;
            _scratchLength = 0;
            if (textStart >= 0)
            {
                AppendScratch(_xml.Slice(textStart, textLength), offset);
            }
        }

        if (cdata)
        {
            AppendNormalizedLineEnds(raw);
        }
        else
        {
            AppendDecoded(raw, attribute: false, offset);
        }
    }

    private ReadOnlySpan<byte> ReadCData()
    {
        var start = _pos + 9;
        var end = _xml[start..].IndexOf("]]>"u8);
        if (end < 0)
        {
            Fail(XmlError.UnexpectedEndOfInput, _pos, "unterminated CDATA section");
        }

        _pos = start + end + 3;
        return _xml.Slice(start, end);
    }

    private void SkipComment()
    {
        var end = _xml[(_pos + 4)..].IndexOf("-->"u8);
        if (end < 0)
        {
            Fail(XmlError.UnexpectedEndOfInput, _pos, "unterminated comment");
        }

        _pos += 4 + end + 3;
    }

    private void SkipProcessingInstruction()
    {
        var start = _pos + 2;
        var end = _xml[start..].IndexOf("?>"u8);
        if (end < 0)
        {
            Fail(XmlError.UnexpectedEndOfInput, _pos, "unterminated processing instruction");
        }

        var target = _xml.Slice(start, end);
        var targetEnd = target.IndexOfAny(" \t\r\n"u8);
        if (targetEnd >= 0)
        {
            target = target[..targetEnd];
        }

        if (System.Text.Ascii.EqualsIgnoreCase(target, "xml"u8))
        {
            Fail(XmlError.InvalidSyntax, _pos, "the XML declaration must come first");
        }

        _pos = start + end + 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReadStartTag()
    {
        var tagStart = _pos;
        if (_rootDone && _depth == 0)
        {
            Fail(XmlError.TrailingContent, tagStart, "a second root element");
        }

        var nameStart = tagStart + 1;
        var slot = RecallName(nameStart, out var head, out var tail, out var recalled);
        ref var memo = ref slot < 0 ? ref Unsafe.NullRef<NameMemo>() : ref _names[slot];
        int nameLength;
        int colon;
        if (recalled && memo.NameLength <= _options.MaxNameLength)
        {
            nameLength = memo.NameLength;
            colon = memo.Colon;
        }
        else
        {
            nameLength = ReadName(nameStart, out colon);
            if (slot >= 0 && !RememberName(ref memo, nameStart, nameLength, colon, head, tail))
            {
                slot = -1;
            }
        }

        var pos = nameStart + nameLength;
        var bindingsBefore = _bindingCount;
        var scopeBefore = _scope;
        _attributeCount = 0;
        // Whether the tag is empty goes straight to its field: a local whose address the attribute path takes would
        // live on the stack, where the JIT stores it as a byte and reloads it as an int, and that stalls every tag.
        if (_xml[pos] == (byte)'>')
        {
            pos++;
            _isEmpty = false;
        }
        else
        {
            pos = ReadRestOfStartTag(tagStart, nameLength, pos, bindingsBefore);
        }

        _pos = pos;
        _elementStart = tagStart;
        if (_depth >= _options.MaxDepth)
        {
            Fail(XmlError.DepthLimitExceeded, tagStart, "elements nested too deep");
        }

        if (_depth == _frames.Length)
        {
            Grow(ref _frames);
        }

        _nameStart = nameStart;
        _nameLength = nameLength;
        _colon = colon;
        if (slot >= 0 && memo.Scope == _scope)
        {
            _elementBinding = memo.Binding;
        }
        else
        {
            _elementBinding = Resolve(nameStart, colon);
            if (slot >= 0)
            {
                memo.Binding = _elementBinding;
                memo.Scope = _scope;
            }
        }

        _frames[_depth++] = new Frame(nameStart, nameLength, bindingsBefore, _elementBinding, colon, slot, scopeBefore);
        FollowedBy(slot, FirstChild(slot));
        if (_attributeCount > 0)
        {
            ResolveAttributes();
        }

        _node = XmlNodeType.StartElement;
        _emptyEndPending = _isEmpty;
    }

    /// <summary>The attributes and the end of a start tag, replayed or read; sets <see cref="_isEmpty"/> and returns where the tag ends.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReadRestOfStartTag(int tagStart, int nameLength, int pos, int bindingsBefore)
    {
        if (TryReplayTag(tagStart, nameLength, out var end, out var empty))
        {
            _isEmpty = empty;
            return end;
        }

        end = ReadAttributes(pos, bindingsBefore, out empty);
        RememberTag(tagStart, nameLength, end, empty, bindingsBefore);
        _isEmpty = empty;
        return end;
    }

    /// <summary>Reads the attributes and the end of a start tag from <paramref name="pos"/>; returns where the tag ends.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReadAttributes(int pos, int bindingsBefore, out bool empty)
    {
        var declared = 0;
        while (true)
        {
            var afterSpace = SkipWhitespace(_xml, pos);
            var hadSpace = afterSpace > pos;
            pos = afterSpace;
            if (pos >= _xml.Length)
            {
                Fail(XmlError.UnexpectedEndOfInput, pos, "document ends inside a start tag");
            }

            var b = _xml[pos];
            if (b == (byte)'>')
            {
                empty = false;
                return pos + 1;
            }

            if (b == (byte)'/')
            {
                if (pos + 1 >= _xml.Length)
                {
                    Fail(XmlError.UnexpectedEndOfInput, pos, "document ends inside a start tag");
                }

                if (_xml[pos + 1] != (byte)'>')
                {
                    Fail(XmlError.InvalidSyntax, pos, "'/' not followed by '>' in a start tag");
                }

                empty = true;
                return pos + 2;
            }

            if (!hadSpace)
            {
                Fail(XmlError.InvalidSyntax, pos, "attributes must be separated by whitespace");
            }

            if (++declared > _options.MaxAttributes)
            {
                Fail(XmlError.AttributeLimitExceeded, pos, "too many attributes on one element");
            }

            pos = ReadAttribute(pos, bindingsBefore);
        }
    }

    /// <summary>Reads one attribute (or namespace declaration) from <paramref name="pos"/>; returns where it ends.</summary>
    private int ReadAttribute(int pos, int bindingsBefore)
    {
        var xml = _xml;
        var nameStart = pos;
        var nameLength = ReadName(nameStart, out var colon);
        pos = SkipWhitespace(xml, nameStart + nameLength);
        pos = SkipWhitespace(xml, ExpectEquals(pos));
        if (pos >= xml.Length)
        {
            Fail(XmlError.UnexpectedEndOfInput, pos, "document ends inside a start tag");
        }

        var quote = xml[pos];
        if (quote != (byte)'"' && quote != (byte)'\'')
        {
            Fail(XmlError.InvalidSyntax, pos, "attribute values must be quoted");
        }

        var valueStart = pos + 1;
        var length = ScanAttributeValue(xml, valueStart, quote, out var needsDecode);
        CheckTextLength(length, valueStart);
        var name = xml.Slice(nameStart, nameLength);
        if (colon < 0 ? name.SequenceEqual("xmlns"u8) : colon == 5 && name[..colon].SequenceEqual("xmlns"u8))
        {
            Declare(nameStart, nameLength, colon, valueStart, length, needsDecode, bindingsBefore, nameStart);
            return valueStart + length + 1;
        }

        if (_attributeCount == _attributes.Length)
        {
            Grow(ref _attributes);
        }

        _attributes[_attributeCount++] = new Attribute
        {
            NameStart = nameStart,
            NameLength = nameLength,
            Colon = colon,
            ValueStart = valueStart,
            ValueLength = length,
            NeedsDecode = needsDecode,
        };
        return valueStart + length + 1;
    }

    private readonly int ExpectEquals(int pos)
    {
        if (pos >= _xml.Length)
        {
            Fail(XmlError.UnexpectedEndOfInput, pos, "document ends inside a start tag");
        }

        if (_xml[pos] != (byte)'=')
        {
            Fail(XmlError.InvalidSyntax, pos, "expected '=' after an attribute name");
        }

        return pos + 1;
    }

    /// <summary>
    /// The length of the attribute value at <paramref name="valueStart"/>, up to its closing quote. One pass also finds
    /// anything that needs a second look (references, whitespace to normalize, forbidden control characters, '&lt;').
    /// </summary>
    private static int ScanAttributeValue(ReadOnlySpan<byte> xml, int valueStart, byte quote, out bool needsDecode)
    {
        var length = 0;
        needsDecode = false;
        while (true)
        {
            var special = xml[(valueStart + length)..].IndexOfAny(s_attributeSpecial);
            if (special < 0)
            {
                Fail(XmlError.UnexpectedEndOfInput, valueStart - 1, "unterminated attribute value");
            }

            length += special;
            var b = xml[valueStart + length];
            if (b == quote)
            {
                return length;
            }

            if (b == (byte)'<')
            {
                Fail(XmlError.InvalidSyntax, valueStart + length, "'<' in an attribute value");
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                Fail(XmlError.InvalidCharacter, valueStart + length, "control character in an attribute value");
            }

            needsDecode |= b is (byte)'&' or (byte)'\t' or (byte)'\n' or (byte)'\r';
            length++;
        }
    }

    private void Declare(int nameStart, int nameLength, int colon, int valueStart, int valueLength, bool needsDecode, int bindingsBefore, int offset)
    {
        var prefixStart = colon < 0 ? nameStart : nameStart + colon + 1;
        var prefixLength = colon < 0 ? 0 : nameLength - colon - 1;
        var prefix = _xml.Slice(prefixStart, prefixLength);
        for (var i = bindingsBefore; i < _bindingCount; i++)
        {
            ref readonly var earlier = ref _bindings[i];
            if (earlier.PrefixLength == prefixLength && (prefixLength == 0 || _xml[earlier.PrefixStart] == prefix[0])
                && _xml.Slice(earlier.PrefixStart, prefixLength).SequenceEqual(prefix))
            {
                Fail(XmlError.DuplicateAttribute, offset, "a namespace prefix declared twice on one element");
            }
        }

        var binding = new NamespaceBinding { PrefixStart = prefixStart, PrefixLength = prefixLength, UriStart = valueStart, UriLength = valueLength };
        if (needsDecode)
        {
            _scratchLength = 0;
            AppendDecoded(_xml.Slice(valueStart, valueLength), attribute: true, valueStart);
            var decoded = _scratch.AsSpan(0, _scratchLength);
            if (_namespaceTextLength + decoded.Length > _namespaceText.Length)
            {
                GrowBytes(ref _namespaceText, _namespaceTextLength + decoded.Length);
            }

            decoded.CopyTo(_namespaceText.AsSpan(_namespaceTextLength));
            binding.UriStart = _namespaceTextLength;
            binding.UriLength = decoded.Length;
            binding.UriDecoded = true;
            _namespaceTextLength += decoded.Length;
        }

        var uri = BindingUri(binding);
        binding.KnownId = Serialization.XmlNamespaces.Identify(uri);
        if (prefixLength > 0 && uri.IsEmpty)
        {
            Fail(XmlError.InvalidNamespaceDeclaration, offset, "a prefix cannot be bound to the empty namespace");
        }

        if ((prefixLength is 3 or 5 || uri.Length == 36)
            && (prefix.SequenceEqual("xmlns"u8) || (prefix.SequenceEqual("xml"u8) != uri.SequenceEqual("http://www.w3.org/XML/1998/namespace"u8))))
        {
            Fail(XmlError.InvalidNamespaceDeclaration, offset, "the xml and xmlns prefixes are reserved");
        }

        binding.PrefixKey = PrefixKey(prefixStart, prefixLength);
        if (_bindingCount == _bindings.Length)
        {
            Grow(ref _bindings);
        }

        Remember(binding, _bindingCount);
        _bindings[_bindingCount++] = binding;
        ScopeChanged();
    }

    private void ResolveAttributes()
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            a.Binding = a.Colon < 0 ? NoNamespace : Resolve(a.NameStart, a.Colon);
            for (var j = 0; j < i; j++)
            {
                if (_attributes[j].NameLength - _attributes[j].Colon == a.NameLength - a.Colon &&
                    GetAttributeLocalName(i).SequenceEqual(GetAttributeLocalName(j)) &&
                    GetAttributeNamespace(i).SequenceEqual(GetAttributeNamespace(j)))
                {
                    Fail(XmlError.DuplicateAttribute, a.NameStart, "an attribute appears twice on one element");
                }
            }
        }
    }

    private const int NoNamespace = -1;
    private const int XmlNamespace = -2;
    private const int NoLastResolution = -1;

    /// <summary>A declaration came into or went out of scope: what prefixes resolved to before may no longer hold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ScopeChanged() => EnterScope(++_lastScope);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnterScope(long scope)
    {
        _lastPrefixLength = NoLastResolution;
        _scope = scope;
    }

    private int Resolve(int nameStart, int colon)
    {
        var prefixLength = colon < 0 ? 0 : colon;
        var key = PrefixKey(nameStart, prefixLength);
        if (key == _lastPrefixKey && prefixLength == _lastPrefixLength)
        {
            return _lastResolved;
        }

        if (prefixLength == 3 && key == XmlPrefixKey)
        {
            return XmlNamespace;
        }

        var resolved = ResolveInScope(nameStart, colon, key, prefixLength);
        if (prefixLength <= sizeof(ulong))
        {
            _lastPrefixKey = key;
            _lastPrefixLength = prefixLength;
            _lastResolved = resolved;
        }

        return resolved;
    }

    private int ResolveInScope(int nameStart, int colon, ulong key, int prefixLength)
    {
        ref var cached = ref _resolveCache[CacheSlot(key, prefixLength)];
        if (cached.PrefixKey == key && cached.PrefixLength == prefixLength && cached.Binding < _bindingCount
            && IsBindingOf(_bindings[cached.Binding], key, prefixLength, nameStart))
        {
            return _bindings[cached.Binding].UriLength == 0 ? NoNamespace : cached.Binding;
        }

        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            if (IsBindingOf(_bindings[i], key, prefixLength, nameStart))
            {
                Remember(_bindings[i], i);
                return _bindings[i].UriLength == 0 ? NoNamespace : i;
            }
        }

        // An unprefixed element name outside any default namespace (attributes without a prefix never get here).
        if (colon < 0)
        {
            return NoNamespace;
        }

        Fail(XmlError.UndeclaredPrefix, nameStart, "a namespace prefix that was never declared");
        return NoNamespace;
    }

    // "xml" as a prefix key: the bytes in little-endian order.
    private const ulong XmlPrefixKey = 'x' | ('m' << 8) | ('l' << 16);

    /// <summary>
    /// A prefix's first eight bytes as one number, so that finding its binding compares numbers, not spans; longer
    /// prefixes (rare) compare their remaining bytes too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ulong PrefixKey(int start, int length)
    {
        if (length == 0)
        {
            return 0;
        }

        if (start <= _xml.Length - sizeof(ulong))
        {
            var head = MemoryMarshal.Read<ulong>(_xml[start..]);
            return length >= sizeof(ulong) ? head : head & (ulong.MaxValue >> ((sizeof(ulong) - length) * 8));
        }

        ulong key = 0;
        for (var i = 0; i < Math.Min(length, sizeof(ulong)); i++)
        {
            key |= (ulong)_xml[start + i] << (8 * i);
        }

        return key;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool IsBindingOf(in NamespaceBinding binding, ulong key, int prefixLength, int nameStart) =>
        binding.PrefixKey == key && binding.PrefixLength == prefixLength
        && (prefixLength <= sizeof(ulong)
            || _xml.Slice(binding.PrefixStart + sizeof(ulong), prefixLength - sizeof(ulong)).SequenceEqual(_xml.Slice(nameStart + sizeof(ulong), prefixLength - sizeof(ulong))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CacheSlot(ulong key, int prefixLength) =>
        (int)((key * 0x9E3779B97F4A7C15UL) >> 59) ^ (prefixLength & (ResolveCacheSize - 1));

    /// <summary>
    /// Points the cache at the innermost binding of a prefix. Every declaration goes through here, so an entry whose
    /// binding is still in scope and still has that prefix is the innermost one: a later declaration of the same
    /// prefix would have replaced it, and a binding that went out of scope is past <see cref="_bindingCount"/> or has
    /// been reused by another declaration, which replaced its own entry.
    /// </summary>
    private readonly void Remember(in NamespaceBinding binding, int index) =>
        _resolveCache[CacheSlot(binding.PrefixKey, binding.PrefixLength)] =
            new ResolveCacheEntry { PrefixKey = binding.PrefixKey, PrefixLength = binding.PrefixLength, Binding = index };

    private readonly ReadOnlySpan<byte> BindingUri(int binding) => binding switch
    {
        NoNamespace => [],
        XmlNamespace => "http://www.w3.org/XML/1998/namespace"u8,
        _ => BindingUri(_bindings[binding]),
    };

    private readonly ReadOnlySpan<byte> BindingUri(in NamespaceBinding binding) => binding.UriDecoded
        ? _namespaceText.AsSpan(binding.UriStart, binding.UriLength)
        : _xml.Slice(binding.UriStart, binding.UriLength);

    private void ReadEndTag()
    {
        if (!TryReadOpenElementEnd(_pos))
        {
            ReadAnyEndTag();
        }
    }

    /// <summary>The common end tag: at <paramref name="tagStart"/>, the open element's name right after "&lt;/", then '>'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadOpenElementEnd(int tagStart)
    {
        if (_depth == 0)
        {
            return false;
        }

        ref readonly var open = ref _frames[_depth - 1];
        var nameStart = tagStart + 2;
        var end = nameStart + open.NameLength;
        if ((uint)end < (uint)_xml.Length && _xml[end] == (byte)'>' && SameBytes(nameStart, open.NameStart, open.NameLength))
        {
            _pos = end + 1;
            EndElement(open);
            return true;
        }

        return false;
    }

    /// <summary>Whether the <paramref name="length"/> bytes at <paramref name="later"/> repeat those at <paramref name="earlier"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool SameBytes(int later, int earlier, int length)
    {
        if (length <= NameWindow && later <= _xml.Length - NameWindow)
        {
            var a = _xml.Slice(later, NameWindow);
            var b = _xml.Slice(earlier, NameWindow);
            return FirstBytesEqual(Vector128.Create(a), Vector128.Create(a[16..]), Vector128.Create(b), Vector128.Create(b[16..]), length);
        }

        return _xml.Slice(later, length).SequenceEqual(_xml.Slice(earlier, length));
    }

    private void ReadAnyEndTag()
    {
        var tagStart = _pos;
        var pos = tagStart + 2;
        if (_depth > 0 && TrySkipOpenElementName(pos, out var nameEnd))
        {
            pos = SkipWhitespace(_xml, nameEnd);
        }
        else
        {
            var nameLength = ReadName(pos, out _);
            var nameStart = pos;
            pos = SkipWhitespace(_xml, pos + nameLength);
            if (_depth > 0 && pos < _xml.Length && _xml[pos] == (byte)'>')
            {
                var open = _frames[_depth - 1];
                if (!_xml.Slice(open.NameStart, open.NameLength).SequenceEqual(_xml.Slice(nameStart, nameLength)))
                {
                    Fail(XmlError.MismatchedEndTag, tagStart, "the end tag does not match the open element");
                }
            }
        }

        if (pos >= _xml.Length)
        {
            Fail(XmlError.UnexpectedEndOfInput, pos, "document ends inside an end tag");
        }

        if (_xml[pos] != (byte)'>')
        {
            Fail(XmlError.InvalidSyntax, pos, "expected '>' to close an end tag");
        }

        _pos = pos + 1;
        if (_depth == 0)
        {
            Fail(XmlError.MismatchedEndTag, tagStart, "an end tag with no open element");
        }

        EndElement(_frames[_depth - 1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndElement(in Frame open)
    {
        _nameStart = open.NameStart;
        _nameLength = open.NameLength;
        _colon = open.Colon;
        _elementBinding = open.Binding;
        _node = XmlNodeType.EndElement;
        _popPending = true;
    }

    /// <summary>Whether the end tag's name at <paramref name="pos"/> repeats the open element's, followed by '>' or whitespace.</summary>
    private readonly bool TrySkipOpenElementName(int pos, out int end)
    {
        var open = _frames[_depth - 1];
        end = pos + open.NameLength;
        return end < _xml.Length
            && _xml.Slice(pos, open.NameLength).SequenceEqual(_xml.Slice(open.NameStart, open.NameLength))
            && (_xml[end] == (byte)'>' || IsWhitespace(_xml[end]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PopFrame()
    {
        _popPending = false;
        _attributeCount = 0;
        _depth--;
        _nameLink = NextSibling(_frames[_depth].NameSlot);
        ref readonly var closed = ref _frames[_depth];
        if (closed.BindingsBefore != _bindingCount)
        {
            // Back to the declarations in scope before the element, and so to their scope's number.
            _bindingCount = closed.BindingsBefore;
            EnterScope(closed.ScopeBefore);
        }

        if (_depth == 0)
        {
            _rootDone = true;
            _namespaceTextLength = 0;
        }
    }

    /// <summary>Reads the qualified name at <paramref name="start"/>: returns its length, and where its colon is (-1 when it has none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int ReadName(int start, out int colon)
    {
        var rest = _xml[start..];
        var length = ScanName(rest, out colon, out var colons);
        if (length == rest.Length || length == 0 || length > _options.MaxNameLength || !IsNameStart(rest[0])
            || (colon >= 0 && (colon == length - 1 || colons > 1 || IsDigitDashOrDot(rest[colon + 1]))))
        {
            FailName(rest, start, length, colon);
        }

        return length;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void FailName(ReadOnlySpan<byte> rest, int start, int length, int colon)
    {
        if (length == rest.Length)
        {
            Fail(XmlError.UnexpectedEndOfInput, _xml.Length, "document ends inside a name");
        }

        if (length == 0)
        {
            Fail(XmlError.InvalidName, start, "expected a name");
        }

        if (length > _options.MaxNameLength)
        {
            Fail(XmlError.NameLengthLimitExceeded, start, "name too long");
        }

        if (!IsNameStart(rest[0]))
        {
            Fail(XmlError.InvalidName, start, "a name cannot start with this character");
        }

        Fail(XmlError.InvalidName, start, "a qualified name has one prefix and a local part");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameStart(byte b) => !IsDigitDashOrDot(b) && b != (byte)':';

    /// <summary>
    /// The length of the run of name bytes at the start of <paramref name="rest"/>, where its first colon is, and how
    /// many colons it holds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanName(ReadOnlySpan<byte> rest, out int colon, out int colons)
    {
        colon = -1;
        colons = 0;
        var end = 0;
        while (Vector128.IsHardwareAccelerated && rest.Length - end >= Vector128<byte>.Count)
        {
            var v = Vector128.Create(rest.Slice(end, Vector128<byte>.Count));
            // Ranges as one unsigned comparison each: letters (either case), digits and ':', '-' and '.'.
            var nameBytes = Vector128.GreaterThanOrEqual(v, Vector128.Create((byte)0x80))
                | Vector128.LessThan((v | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)26))
                | Vector128.LessThan(v - Vector128.Create((byte)'0'), Vector128.Create((byte)11))
                | Vector128.LessThan(v - Vector128.Create((byte)'-'), Vector128.Create((byte)2))
                | Vector128.Equals(v, Vector128.Create((byte)'_'));
            var others = ~nameBytes.ExtractMostSignificantBits() & 0xFFFF;
            var length = others == 0 ? Vector128<byte>.Count : BitOperations.TrailingZeroCount(others);
            var colonBits = Vector128.Equals(v, Vector128.Create((byte)':')).ExtractMostSignificantBits() & ((1u << length) - 1);
            if (colonBits != 0)
            {
                colon = colon < 0 ? end + BitOperations.TrailingZeroCount(colonBits) : colon;
                colons += BitOperations.PopCount(colonBits);
            }

            end += length;
            if (others != 0)
            {
                return end;
            }
        }

        var table = NameByteTable;
        while (end < rest.Length)
        {
            var kind = table[rest[end]];
            if (kind == 0)
            {
                break;
            }

            if (kind == 2)
            {
                colon = colon < 0 ? end : colon;
                colons++;
            }

            end++;
        }

        return end;
    }

    // 0: ends a name; 1: part of a name; 2: the colon. Bytes of 0x80 and above are parts of non-ASCII name
    // characters (UTF-8 validity is checked up front).
    private static ReadOnlySpan<byte> NameByteTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigitDashOrDot(byte b) => b is (byte)'-' or (byte)'.' || (b >= (byte)'0' && b <= (byte)'9');

    /// <summary>Where the whitespace that starts at <paramref name="pos"/> ends.</summary>
    private static int SkipWhitespace(ReadOnlySpan<byte> xml, int pos)
    {
        while ((uint)pos < (uint)xml.Length && IsWhitespace(xml[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsAllWhitespace(ReadOnlySpan<byte> run)
    {
        foreach (var b in run)
        {
            if (!IsWhitespace(b))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private readonly void CheckTextLength(int length, int offset)
    {
        if (length > _options.MaxTextLength)
        {
            Fail(XmlError.TextLengthLimitExceeded, offset, "text longer than the limit");
        }
    }

    private void AppendScratch(scoped ReadOnlySpan<byte> bytes, int offset)
    {
        var needed = _scratchLength + bytes.Length;
        CheckTextLength(needed, offset);
        if (needed > _scratch.Length)
        {
            GrowBytes(ref _scratch, needed);
        }

        bytes.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength = needed;
    }

    private void AppendNormalizedLineEnds(ReadOnlySpan<byte> raw)
    {
        while (!raw.IsEmpty)
        {
            var cr = raw.IndexOf((byte)'\r');
            if (cr < 0)
            {
                AppendScratch(raw, 0);
                return;
            }

            AppendScratch(raw[..cr], 0);
            AppendScratch("\n"u8, 0);
            raw = raw[(cr + 1)..];
            if (!raw.IsEmpty && raw[0] == (byte)'\n')
            {
                raw = raw[1..];
            }
        }
    }

    private void AppendDecoded(ReadOnlySpan<byte> raw, bool attribute, int offset)
    {
        var searchValues = attribute ? s_attributeDecodeNeeded : s_textDecodeNeeded;
        while (!raw.IsEmpty)
        {
            var special = raw.IndexOfAny(searchValues);
            if (special < 0)
            {
                AppendScratch(raw, offset);
                return;
            }

            AppendScratch(raw[..special], offset);
            var b = raw[special];
            raw = raw[(special + 1)..];
            if (b == (byte)'&')
            {
                var semicolon = raw.IndexOf((byte)';');
                if (semicolon < 0)
                {
                    Fail(XmlError.UnknownEntity, offset, "'&' that does not start a reference");
                }

                AppendReference(raw[..semicolon], offset);
                raw = raw[(semicolon + 1)..];
                continue;
            }

            if (b == (byte)'\r' && !raw.IsEmpty && raw[0] == (byte)'\n')
            {
                raw = raw[1..];
            }

            AppendScratch(attribute ? " "u8 : "\n"u8, offset);
        }
    }

    private void AppendReference(ReadOnlySpan<byte> name, int offset)
    {
        ReadOnlySpan<byte> replacement = name switch
        {
            _ when name.SequenceEqual("lt"u8) => "<"u8,
            _ when name.SequenceEqual("gt"u8) => ">"u8,
            _ when name.SequenceEqual("amp"u8) => "&"u8,
            _ when name.SequenceEqual("apos"u8) => "'"u8,
            _ when name.SequenceEqual("quot"u8) => "\""u8,
            _ => [],
        };
        if (!replacement.IsEmpty)
        {
            AppendScratch(replacement, offset);
            return;
        }

        if (name.IsEmpty || name[0] != (byte)'#')
        {
            Fail(XmlError.UnknownEntity, offset, "an entity reference other than the five predefined ones");
        }

        if (!XmlCharacterReference.TryParse(name[1..], out var rune))
        {
            Fail(XmlError.InvalidCharacterReference, offset, "malformed character reference, or one to a character XML does not allow");
        }

        Span<byte> utf8 = stackalloc byte[4];
        var length = rune.EncodeToUtf8(utf8);
        AppendScratch(utf8[..length], offset);
    }

    private static void Grow<T>(ref T[] array)
    {
        var bigger = new T[array.Length * 2];
        array.AsSpan().CopyTo(bigger);
        array = bigger;
    }

    private static void GrowBytes(ref byte[] array, int needed)
    {
        var bigger = new byte[Math.Max(needed, array.Length * 2)];
        array.AsSpan().CopyTo(bigger);
        array = bigger;
    }

    /// <summary>
    /// The reader's working arrays, kept per thread between documents: taking them back costs nothing, where five
    /// pool rentals cost more than reading a whole oadrPoll. Arrays grown past the limits' needs are dropped.
    /// </summary>
    private sealed class Buffers
    {
        private const int MaxKeptScratch = 64 * 1024;

        [ThreadStatic]
        private static Buffers? t_cached;

        public Frame[] Frames = new Frame[16];
        public NamespaceBinding[] Bindings = new NamespaceBinding[16];
        public Attribute[] Attributes = new Attribute[8];
        public byte[] Scratch = new byte[256];
        public byte[] NamespaceText = new byte[64];
        public ResolveCacheEntry[] ResolveCache = NewResolveCache();
        public TagMemo?[] TagMemos = new TagMemo?[TagMemoCount];
        public NameMemo[] Names = new NameMemo[1 << NameMemoBits];
        public int[] NameLinks = new int[2 << NameMemoBits];
        public ChildSite[] ChildSites = [];
        public long LastScope;

        public byte[] Ids = new byte[64];

        public static Buffers Take()
        {
            var buffers = t_cached ?? new Buffers();
            t_cached = null;
            return buffers;
        }

        public static void Give(Buffers buffers)
        {
            if (buffers.Scratch.Length <= MaxKeptScratch && buffers.NamespaceText.Length <= MaxKeptScratch && buffers.Ids.Length <= MaxKeptScratch)
            {
                t_cached = buffers;
            }
        }
    }

    private readonly record struct Frame(int NameStart, int NameLength, int BindingsBefore, int Binding, int Colon, int NameSlot, long ScopeBefore);

    private const int ResolveCacheSize = 32;

    // Entries that match no prefix: a binding index past any real one.
    private static ResolveCacheEntry[] NewResolveCache()
    {
        var cache = new ResolveCacheEntry[ResolveCacheSize];
        Array.Fill(cache, new ResolveCacheEntry { Binding = int.MaxValue });
        return cache;
    }

    /// <summary>The innermost binding of a prefix, as far as the last declarations and look-ups tell.</summary>
    private struct ResolveCacheEntry
    {
        public ulong PrefixKey;
        public int PrefixLength;
        public int Binding;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int KnownNamespaceId(int binding) => binding >= 0 ? _bindings[binding].KnownId : 0;

    private struct NamespaceBinding
    {
        public ulong PrefixKey;
        public byte KnownId;
        public int PrefixStart;
        public int PrefixLength;
        public int UriStart;
        public int UriLength;
        public bool UriDecoded;
    }

    private struct Attribute
    {
        public int NameStart;
        public int NameLength;
        public int Colon;
        public int ValueStart;
        public int ValueLength;
        public bool NeedsDecode;
        public int Binding;
    }
}
