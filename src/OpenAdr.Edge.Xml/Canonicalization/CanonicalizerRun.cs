using System;
using System.Buffers;
using System.Text;

namespace OpenAdr.Edge.Xml.Canonicalization;

/// <summary>
/// One pass of <see cref="XmlCanonicalizer"/> over a document: a small scanner that keeps what canonical XML needs
/// (namespace bindings, xml:* attributes, rendered namespaces) and writes the selected subtree as it goes.
/// Decoded values and namespace URIs live in one arena; the records point into it or into the document.
/// </summary>
internal ref struct CanonicalizerRun
{
    private static readonly byte[] s_xmlNamespace = "http://www.w3.org/XML/1998/namespace"u8.ToArray();

    private readonly ReadOnlySpan<byte> _doc;
    private readonly ElementSelector _selector;
    private readonly CanonicalizationMethod _method;
    private readonly ReadOnlySpan<byte> _inclusivePrefixes;
    private readonly IBufferWriter<byte> _output;
    private readonly ArrayBufferWriter<byte> _arena = new(256);
    private readonly ArrayBufferWriter<byte> _scratch = new(256);
    private Binding[] _bindings = new Binding[16];
    private int _bindingCount;
    private XmlAttribute[] _xmlAttributes = new XmlAttribute[4];
    private int _xmlAttributeCount;
    private Binding[] _rendered = new Binding[16];
    private int _renderedCount;
    private Frame[] _frames = new Frame[16];
    private int _depth;
    private Attribute[] _attributes = new Attribute[8];
    private int _attributeCount;
    private int _pos;
    private int _apexDepth;
    private bool _outputting;
    private bool _found;
    private CanonicalizedElement _element;

    public CanonicalizerRun(ReadOnlySpan<byte> document, ElementSelector selector, CanonicalizationMethod method, ReadOnlySpan<byte> inclusivePrefixes, IBufferWriter<byte> output)
    {
        _doc = document;
        _selector = selector;
        _method = method;
        _inclusivePrefixes = inclusivePrefixes;
        _output = output;
    }

    public CanonicalizationStatus Execute(out CanonicalizedElement element)
    {
        element = default;
        if (_doc.StartsWith("\uFEFF"u8))
        {
            _pos = 3;
        }

        var rootSeen = false;
        while (_pos < _doc.Length)
        {
            if (_doc[_pos] != (byte)'<')
            {
                var status = Text();
                if (status != Step.Continue)
                {
                    return Finish(status, out element);
                }

                continue;
            }

            var rest = _doc[_pos..];
            Step step;
            if (rest.StartsWith("<?"u8))
            {
                step = ProcessingInstruction();
            }
            else if (rest.StartsWith("<!--"u8))
            {
                step = Skip("-->"u8, 4);
            }
            else if (rest.StartsWith("<![CDATA["u8))
            {
                step = _depth == 0 ? Step.Malformed : CData();
            }
            else if (rest.StartsWith("<!"u8))
            {
                step = Step.Malformed;
            }
            else if (rest.StartsWith("</"u8))
            {
                step = EndTag();
            }
            else
            {
                if (_depth == 0 && rootSeen)
                {
                    return CanonicalizationStatus.Malformed;
                }

                rootSeen = true;
                step = StartTag();
            }

            if (step != Step.Continue)
            {
                return Finish(step, out element);
            }
        }

        return Finish(_depth == 0 && rootSeen ? Step.EndOfDocument : Step.Malformed, out element);
    }

    private readonly CanonicalizationStatus Finish(Step step, out CanonicalizedElement element)
    {
        element = _element;
        return step switch
        {
            Step.Malformed => CanonicalizationStatus.Malformed,
            Step.Ambiguous => CanonicalizationStatus.AmbiguousId,
            _ => _found ? CanonicalizationStatus.Done : CanonicalizationStatus.ElementNotFound,
        };
    }

    private Step Text()
    {
        var end = _doc[_pos..].IndexOf((byte)'<');
        end = end < 0 ? _doc.Length : _pos + end;
        var raw = _doc[_pos..end];
        _pos = end;
        if (_depth == 0)
        {
            return raw.IndexOfAnyExcept(" \t\r\n"u8) < 0 ? Step.Continue : Step.Malformed;
        }

        if (end == _doc.Length || raw.IndexOf("]]>"u8) >= 0)
        {
            return Step.Malformed;
        }

        _scratch.ResetWrittenCount();
        if (!Decode(raw, attribute: false, _scratch))
        {
            return Step.Malformed;
        }

        if (_outputting)
        {
            WriteEscapedText(_scratch.WrittenSpan);
        }

        return Step.Continue;
    }

    private Step CData()
    {
        var start = _pos + 9;
        var length = _doc[start..].IndexOf("]]>"u8);
        if (length < 0)
        {
            return Step.Malformed;
        }

        _pos = start + length + 3;
        if (_outputting)
        {
            _scratch.ResetWrittenCount();
            NormalizeLineEnds(_doc.Slice(start, length), _scratch);
            WriteEscapedText(_scratch.WrittenSpan);
        }

        return Step.Continue;
    }

    private Step Skip(ReadOnlySpan<byte> terminator, int openerLength)
    {
        var end = _doc[(_pos + openerLength)..].IndexOf(terminator);
        if (end < 0)
        {
            return Step.Malformed;
        }

        _pos += openerLength + end + terminator.Length;
        return Step.Continue;
    }

    private Step ProcessingInstruction()
    {
        var start = _pos + 2;
        var length = _doc[start..].IndexOf("?>"u8);
        if (length < 0)
        {
            return Step.Malformed;
        }

        _pos = start + length + 2;
        var content = _doc.Slice(start, length);
        var targetEnd = content.IndexOfAny(" \t\r\n"u8);
        var target = targetEnd < 0 ? content : content[..targetEnd];
        if (target.IsEmpty)
        {
            return Step.Malformed;
        }

        if (_depth == 0 || !_outputting)
        {
            return Step.Continue;
        }

        if (Ascii.EqualsIgnoreCase(target, "xml"u8))
        {
            return Step.Malformed;
        }

        Write("<?"u8);
        Write(target);
        var data = targetEnd < 0 ? [] : content[targetEnd..].TrimStart(" \t\r\n"u8);
        if (!data.IsEmpty)
        {
            Write(" "u8);
            _scratch.ResetWrittenCount();
            NormalizeLineEnds(data, _scratch);
            Write(_scratch.WrittenSpan);
        }

        Write("?>"u8);
        return Step.Continue;
    }

    private Step EndTag()
    {
        var start = _pos + 2;
        var close = _doc[start..].IndexOf((byte)'>');
        if (close < 0 || _depth == 0)
        {
            return Step.Malformed;
        }

        var name = _doc.Slice(start, close).TrimEnd(" \t\r\n"u8);
        ref readonly var frame = ref _frames[_depth - 1];
        if (!name.SequenceEqual(_doc.Slice(frame.NameStart, frame.NameLength)))
        {
            return Step.Malformed;
        }

        _pos = start + close + 1;
        return CloseElement();
    }

    private Step CloseElement()
    {
        ref readonly var frame = ref _frames[_depth - 1];
        if (_outputting)
        {
            Write("</"u8);
            Write(_doc.Slice(frame.NameStart, frame.NameLength));
            Write(">"u8);
        }

        _bindingCount = frame.BindingCount;
        _xmlAttributeCount = frame.XmlAttributeCount;
        _renderedCount = frame.RenderedCount;
        if (_outputting && _depth == _apexDepth)
        {
            _outputting = false;
            if (_selector.Kind != SelectorKind.Id)
            {
                return Step.EndOfDocument;
            }
        }

        _depth--;
        return Step.Continue;
    }

    private Step StartTag()
    {
        var tagStart = _pos;
        _pos++;
        var nameStart = _pos;
        while (_pos < _doc.Length && !IsNameEnd(_doc[_pos]))
        {
            _pos++;
        }

        var nameLength = _pos - nameStart;
        if (nameLength == 0 || !IsQualifiedName(_doc.Slice(nameStart, nameLength), out var nameColon))
        {
            return Step.Malformed;
        }

        _attributeCount = 0;
        bool empty;
        while (true)
        {
            var hadSpace = SkipWhitespace();
            if (_pos >= _doc.Length)
            {
                return Step.Malformed;
            }

            if (_doc[_pos] == (byte)'>')
            {
                _pos++;
                empty = false;
                break;
            }

            if (_doc[_pos] == (byte)'/')
            {
                if (_pos + 1 >= _doc.Length || _doc[_pos + 1] != (byte)'>')
                {
                    return Step.Malformed;
                }

                _pos += 2;
                empty = true;
                break;
            }

            if (!hadSpace || !ReadAttribute())
            {
                return Step.Malformed;
            }
        }

        if (_depth == XmlCanonicalizer.MaxDepth)
        {
            return Step.Malformed;
        }

        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_depth++] = new Frame(nameStart, nameLength, _bindingCount, _xmlAttributeCount, _renderedCount);
        if (!DeclareNamespaces() || !ResolveNames(nameStart, nameColon, out var elementUri))
        {
            return Step.Malformed;
        }

        if (Matches(tagStart, elementUri, _doc.Slice(nameStart + nameColon + 1, nameLength - nameColon - 1)))
        {
            if (_found)
            {
                return Step.Ambiguous;
            }

            _found = true;
            _element = new CanonicalizedElement(tagStart, _depth);
            _outputting = true;
            _apexDepth = _depth;
        }

        if (_outputting)
        {
            RenderStartTag(nameStart, nameLength, nameColon);
        }

        PushXmlAttributes();
        return empty ? CloseElement() : Step.Continue;
    }

    private bool ReadAttribute()
    {
        var nameStart = _pos;
        while (_pos < _doc.Length && !IsNameEnd(_doc[_pos]) && _doc[_pos] != (byte)'=')
        {
            _pos++;
        }

        var nameLength = _pos - nameStart;
        if (nameLength == 0 || !IsQualifiedName(_doc.Slice(nameStart, nameLength), out var colon))
        {
            return false;
        }

        SkipWhitespace();
        if (_pos >= _doc.Length || _doc[_pos] != (byte)'=')
        {
            return false;
        }

        _pos++;
        SkipWhitespace();
        if (_pos >= _doc.Length || _doc[_pos] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        var quote = _doc[_pos++];
        var valueEnd = _doc[_pos..].IndexOf(quote);
        if (valueEnd < 0)
        {
            return false;
        }

        var raw = _doc.Slice(_pos, valueEnd);
        _pos += valueEnd + 1;
        if (raw.Contains((byte)'<'))
        {
            return false;
        }

        var name = _doc.Slice(nameStart, nameLength);
        for (var i = 0; i < _attributeCount; i++)
        {
            if (name.SequenceEqual(_doc.Slice(_attributes[i].NameStart, _attributes[i].NameLength)))
            {
                return false;
            }
        }

        var valueStart = _arena.WrittenCount;
        if (!Decode(raw, attribute: true, _arena))
        {
            return false;
        }

        var isNamespace = name.SequenceEqual("xmlns"u8) || (colon == 5 && name.StartsWith("xmlns:"u8));
        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[_attributeCount++] = new Attribute
        {
            NameStart = nameStart,
            NameLength = nameLength,
            Colon = colon,
            ValueStart = valueStart,
            ValueLength = _arena.WrittenCount - valueStart,
            IsNamespace = isNamespace,
        };
        return true;
    }

    private bool DeclareNamespaces()
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            ref readonly var a = ref _attributes[i];
            if (!a.IsNamespace)
            {
                continue;
            }

            var prefixStart = a.Colon < 0 ? a.NameStart : a.NameStart + a.Colon + 1;
            var prefixLength = a.Colon < 0 ? 0 : a.NameLength - a.Colon - 1;
            var prefix = _doc.Slice(prefixStart, prefixLength);
            var uri = Arena(a.ValueStart, a.ValueLength);
            if (prefix.SequenceEqual("xmlns"u8)
                || (prefix.SequenceEqual("xml"u8) != uri.SequenceEqual(s_xmlNamespace))
                || (prefixLength > 0 && uri.IsEmpty))
            {
                return false;
            }

            if (_bindingCount == _bindings.Length)
            {
                Array.Resize(ref _bindings, _bindings.Length * 2);
            }

            _bindings[_bindingCount++] = new Binding(prefixStart, prefixLength, a.ValueStart, a.ValueLength, _depth);
        }

        return true;
    }

    private bool ResolveNames(int nameStart, int nameColon, out NamespaceRef elementUri)
    {
        if (!Resolve(_doc.Slice(nameStart, Math.Max(nameColon, 0)), out elementUri)
            || (nameColon > 0 && _doc.Slice(nameStart, nameColon).SequenceEqual("xmlns"u8)))
        {
            return false;
        }

        for (var i = 0; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            if (a.IsNamespace)
            {
                continue;
            }

            if (a.Colon < 0)
            {
                a.Uri = NamespaceRef.None;
            }
            else if (!Resolve(_doc.Slice(a.NameStart, a.Colon), out a.Uri))
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                ref readonly var other = ref _attributes[j];
                if (!other.IsNamespace && UriOf(other.Uri).SequenceEqual(UriOf(a.Uri)) && LocalName(other).SequenceEqual(LocalName(a)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The namespace a prefix is bound to here; the empty prefix is the default namespace (none when undeclared).</summary>
    private readonly bool Resolve(ReadOnlySpan<byte> prefix, out NamespaceRef uri)
    {
        if (prefix.SequenceEqual("xml"u8))
        {
            uri = NamespaceRef.Xml;
            return true;
        }

        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            ref readonly var b = ref _bindings[i];
            if (_doc.Slice(b.PrefixStart, b.PrefixLength).SequenceEqual(prefix))
            {
                uri = new NamespaceRef(b.UriStart, b.UriLength);
                return true;
            }
        }

        uri = NamespaceRef.None;
        return prefix.IsEmpty;
    }

    private readonly bool Matches(int tagStart, NamespaceRef elementUri, ReadOnlySpan<byte> localName)
    {
        switch (_selector.Kind)
        {
            case SelectorKind.Offset:
                return tagStart == _selector.Offset;
            case SelectorKind.Name:
                return !_found && localName.SequenceEqual(_selector.Second) && UriOf(elementUri).SequenceEqual(_selector.First);
            default:
                for (var i = 0; i < _attributeCount; i++)
                {
                    ref readonly var a = ref _attributes[i];
                    if (!a.IsNamespace && LocalName(a).SequenceEqual("Id"u8) && Arena(a.ValueStart, a.ValueLength).SequenceEqual(_selector.First))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private void PushXmlAttributes()
    {
        if (_method != CanonicalizationMethod.Inclusive || _outputting)
        {
            return;
        }

        for (var i = 0; i < _attributeCount; i++)
        {
            ref readonly var a = ref _attributes[i];
            if (!a.IsNamespace && a.Uri.Start == NamespaceRef.Xml.Start)
            {
                if (_xmlAttributeCount == _xmlAttributes.Length)
                {
                    Array.Resize(ref _xmlAttributes, _xmlAttributes.Length * 2);
                }

                _xmlAttributes[_xmlAttributeCount++] = new XmlAttribute(a.NameStart + a.Colon + 1, a.NameLength - a.Colon - 1, a.ValueStart, a.ValueLength);
            }
        }
    }

    private void RenderStartTag(int nameStart, int nameLength, int nameColon)
    {
        var declarations = new Span<Binding>(new Binding[_bindingCount + _attributeCount + 1]);
        var count = _method == CanonicalizationMethod.Inclusive
            ? InclusiveDeclarations(declarations)
            : ExclusiveDeclarations(declarations, nameStart, nameColon);
        declarations = declarations[..count];
        for (var i = 1; i < declarations.Length; i++)
        {
            var item = declarations[i];
            var j = i - 1;
            while (j >= 0 && Prefix(declarations[j]).SequenceCompareTo(Prefix(item)) > 0)
            {
                declarations[j + 1] = declarations[j];
                j--;
            }

            declarations[j + 1] = item;
        }

        var attributes = CollectAttributes();
        Write("<"u8);
        Write(_doc.Slice(nameStart, nameLength));
        foreach (var declaration in declarations)
        {
            var prefix = Prefix(declaration);
            Write(prefix.IsEmpty ? " xmlns=\""u8 : " xmlns:"u8);
            if (!prefix.IsEmpty)
            {
                Write(prefix);
                Write("=\""u8);
            }

            WriteEscapedAttribute(Arena(declaration.UriStart, declaration.UriLength));
            Write("\""u8);
        }

        foreach (var attribute in attributes)
        {
            Write(" "u8);
            if (attribute.Inherited)
            {
                Write("xml:"u8);
                Write(_doc.Slice(attribute.LocalStart, attribute.LocalLength));
            }
            else
            {
                Write(_doc.Slice(attribute.NameStart, attribute.NameLength));
            }

            Write("=\""u8);
            WriteEscapedAttribute(Arena(attribute.ValueStart, attribute.ValueLength));
            Write("\""u8);
        }

        Write(">"u8);
    }

    /// <summary>
    /// Inclusive C14N: the apex renders every namespace in scope; a descendant renders those of its own declarations
    /// that change what its parent has in scope (<c>xmlns=""</c> only when the parent has a non-empty default).
    /// </summary>
    private readonly int InclusiveDeclarations(Span<Binding> declarations)
    {
        var count = 0;
        if (_depth == _apexDepth)
        {
            for (var i = _bindingCount - 1; i >= 0; i--)
            {
                ref readonly var b = ref _bindings[i];
                var prefix = Prefix(b);
                if (prefix.SequenceEqual("xml"u8) || (prefix.IsEmpty && b.UriLength == 0) || Contains(declarations[..count], prefix)
                    || ShadowedAbove(i, prefix))
                {
                    continue;
                }

                declarations[count++] = b;
            }

            return count;
        }

        for (var i = _bindingCount - 1; i >= 0 && _bindings[i].Depth == _depth; i--)
        {
            ref readonly var b = ref _bindings[i];
            var prefix = Prefix(b);
            if (prefix.SequenceEqual("xml"u8))
            {
                continue;
            }

            var inParent = InScopeBelow(prefix, _depth, out var parentUri);
            var same = inParent ? Arena(b.UriStart, b.UriLength).SequenceEqual(UriOf(parentUri)) : prefix.IsEmpty && b.UriLength == 0;
            if (!same)
            {
                declarations[count++] = b;
            }
        }

        return count;
    }

    /// <summary>
    /// Exclusive C14N: the namespaces the element visibly uses (its own prefix, its attributes' prefixes) and those of the
    /// InclusiveNamespaces list, each unless the nearest output ancestor already rendered it with the same URI.
    /// </summary>
    private int ExclusiveDeclarations(Span<Binding> declarations, int nameStart, int nameColon)
    {
        var count = 0;
        count = ConsiderExclusive(declarations, count, _doc.Slice(nameStart, Math.Max(nameColon, 0)));
        for (var i = 0; i < _attributeCount; i++)
        {
            ref readonly var a = ref _attributes[i];
            if (!a.IsNamespace && a.Colon > 0)
            {
                count = ConsiderExclusive(declarations, count, _doc.Slice(a.NameStart, a.Colon));
            }
        }

        var list = _inclusivePrefixes;
        while (!list.IsEmpty)
        {
            list = list.TrimStart(" \t\r\n"u8);
            var end = list.IndexOfAny(" \t\r\n"u8);
            var token = end < 0 ? list : list[..end];
            list = end < 0 ? [] : list[end..];
            if (token.IsEmpty)
            {
                continue;
            }

            var prefix = token.SequenceEqual("#default"u8) ? [] : token;
            if (prefix.IsEmpty || InScopeBelow(prefix, _depth + 1, out _))
            {
                count = ConsiderExclusive(declarations, count, prefix);
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (_renderedCount == _rendered.Length)
            {
                Array.Resize(ref _rendered, _rendered.Length * 2);
            }

            _rendered[_renderedCount++] = declarations[i] with { Depth = _depth };
        }

        return count;
    }

    private readonly int ConsiderExclusive(Span<Binding> declarations, int count, ReadOnlySpan<byte> prefix)
    {
        if (prefix.SequenceEqual("xml"u8) || Contains(declarations[..count], prefix))
        {
            return count;
        }

        var inScope = FindBinding(prefix, out var binding);
        var uri = inScope ? Arena(binding.UriStart, binding.UriLength) : [];
        var rendered = ReadOnlySpan<byte>.Empty;
        for (var i = _renderedCount - 1; i >= 0; i--)
        {
            if (Prefix(_rendered[i]).SequenceEqual(prefix))
            {
                rendered = Arena(_rendered[i].UriStart, _rendered[i].UriLength);
                break;
            }
        }

        if (uri.SequenceEqual(rendered) && (uri.Length > 0 || prefix.IsEmpty))
        {
            return count;
        }

        if (!inScope)
        {
            return count;
        }

        declarations[count] = binding;
        return count + 1;
    }

    private readonly bool FindBinding(ReadOnlySpan<byte> prefix, out Binding binding)
    {
        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            if (Prefix(_bindings[i]).SequenceEqual(prefix))
            {
                binding = _bindings[i];
                return true;
            }
        }

        binding = default;
        return false;
    }

    /// <summary>Whether the prefix is bound by an element shallower than <paramref name="depth"/>, and to what.</summary>
    private readonly bool InScopeBelow(ReadOnlySpan<byte> prefix, int depth, out NamespaceRef uri)
    {
        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            ref readonly var b = ref _bindings[i];
            if (b.Depth < depth && Prefix(b).SequenceEqual(prefix))
            {
                uri = new NamespaceRef(b.UriStart, b.UriLength);
                return true;
            }
        }

        uri = NamespaceRef.None;
        return false;
    }

    private readonly bool ShadowedAbove(int index, ReadOnlySpan<byte> prefix)
    {
        for (var i = index + 1; i < _bindingCount; i++)
        {
            if (Prefix(_bindings[i]).SequenceEqual(prefix))
            {
                return true;
            }
        }

        return false;
    }

    private readonly bool Contains(ReadOnlySpan<Binding> declarations, ReadOnlySpan<byte> prefix)
    {
        foreach (var d in declarations)
        {
            if (Prefix(d).SequenceEqual(prefix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The element's attributes (and, on an inclusive apex, the xml:* ones it inherits), in canonical order.</summary>
    private readonly Span<RenderedAttribute> CollectAttributes()
    {
        var inherited = _method == CanonicalizationMethod.Inclusive && _depth == _apexDepth ? _xmlAttributeCount : 0;
        var attributes = new RenderedAttribute[_attributeCount + inherited];
        var count = 0;
        for (var i = 0; i < _attributeCount; i++)
        {
            ref readonly var a = ref _attributes[i];
            if (!a.IsNamespace)
            {
                attributes[count++] = new RenderedAttribute(a.NameStart, a.NameLength, a.NameStart + a.Colon + 1, a.NameLength - a.Colon - 1, a.ValueStart, a.ValueLength, a.Uri, false);
            }
        }

        for (var i = inherited - 1; i >= 0; i--)
        {
            ref readonly var x = ref _xmlAttributes[i];
            var local = _doc.Slice(x.LocalStart, x.LocalLength);
            var present = false;
            for (var j = 0; j < count && !present; j++)
            {
                present = attributes[j].Uri.Start == NamespaceRef.Xml.Start && _doc.Slice(attributes[j].LocalStart, attributes[j].LocalLength).SequenceEqual(local);
            }

            if (!present)
            {
                attributes[count++] = new RenderedAttribute(0, 0, x.LocalStart, x.LocalLength, x.ValueStart, x.ValueLength, NamespaceRef.Xml, true);
            }
        }

        var span = attributes.AsSpan(0, count);
        for (var i = 1; i < span.Length; i++)
        {
            var item = span[i];
            var j = i - 1;
            while (j >= 0 && CompareAttributes(span[j], item) > 0)
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = item;
        }

        return span;
    }

    private readonly int CompareAttributes(in RenderedAttribute a, in RenderedAttribute b)
    {
        var byUri = UriOf(a.Uri).SequenceCompareTo(UriOf(b.Uri));
        return byUri != 0 ? byUri : _doc.Slice(a.LocalStart, a.LocalLength).SequenceCompareTo(_doc.Slice(b.LocalStart, b.LocalLength));
    }

    /// <summary>
    /// Text or an attribute value as the XML processor sees it: line ends normalized to LF, the five predefined
    /// entities and character references replaced, and (in attributes) literal whitespace turned into spaces.
    /// </summary>
    private static bool Decode(ReadOnlySpan<byte> raw, bool attribute, IBufferWriter<byte> sink)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        while (i < raw.Length)
        {
            var b = raw[i];
            if (b == (byte)'&')
            {
                var end = raw[i..].IndexOf((byte)';');
                if (end < 2)
                {
                    return false;
                }

                var reference = raw.Slice(i + 1, end - 1);
                i += end + 1;
                if (reference[0] == (byte)'#')
                {
                    if (!XmlCharacterReference.TryParse(reference[1..], out var rune))
                    {
                        return false;
                    }

                    var length = rune.EncodeToUtf8(utf8);
                    sink.Write(utf8[..length]);
                    continue;
                }

                byte value = reference switch
                {
                    _ when reference.SequenceEqual("amp"u8) => (byte)'&',
                    _ when reference.SequenceEqual("lt"u8) => (byte)'<',
                    _ when reference.SequenceEqual("gt"u8) => (byte)'>',
                    _ when reference.SequenceEqual("quot"u8) => (byte)'"',
                    _ when reference.SequenceEqual("apos"u8) => (byte)'\'',
                    _ => 0,
                };
                if (value == 0)
                {
                    return false;
                }

                sink.Write([value]);
                continue;
            }

            if (b == (byte)'\r')
            {
                i += i + 1 < raw.Length && raw[i + 1] == (byte)'\n' ? 2 : 1;
                sink.Write(attribute ? " "u8 : "\n"u8);
                continue;
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n'))
            {
                return false;
            }

            if (attribute && b is (byte)'\t' or (byte)'\n')
            {
                sink.Write(" "u8);
                i++;
                continue;
            }

            var run = raw[i..].IndexOfAny("&\r\t\n"u8);
            run = run < 0 ? raw.Length - i : Math.Max(run, 1);
            var plain = raw.Slice(i, run);
            if (ContainsForbiddenControl(plain))
            {
                return false;
            }

            sink.Write(plain);
            i += run;
        }

        return true;
    }

    private static bool ContainsForbiddenControl(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return true;
            }
        }

        return false;
    }

    private static void NormalizeLineEnds(ReadOnlySpan<byte> raw, IBufferWriter<byte> sink)
    {
        while (!raw.IsEmpty)
        {
            var cr = raw.IndexOf((byte)'\r');
            if (cr < 0)
            {
                sink.Write(raw);
                return;
            }

            sink.Write(raw[..cr]);
            sink.Write("\n"u8);
            raw = raw[(cr + 1)..];
            if (!raw.IsEmpty && raw[0] == (byte)'\n')
            {
                raw = raw[1..];
            }
        }
    }

    private readonly void WriteEscapedText(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny("&<>\r"u8);
            if (special < 0)
            {
                Write(text);
                return;
            }

            Write(text[..special]);
            Write(text[special] switch
            {
                (byte)'&' => "&amp;"u8,
                (byte)'<' => "&lt;"u8,
                (byte)'>' => "&gt;"u8,
                _ => "&#xD;"u8,
            });
            text = text[(special + 1)..];
        }
    }

    private readonly void WriteEscapedAttribute(ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty)
        {
            var special = value.IndexOfAny("&<\"\t\n\r"u8);
            if (special < 0)
            {
                Write(value);
                return;
            }

            Write(value[..special]);
            Write(value[special] switch
            {
                (byte)'&' => "&amp;"u8,
                (byte)'<' => "&lt;"u8,
                (byte)'"' => "&quot;"u8,
                (byte)'\t' => "&#x9;"u8,
                (byte)'\n' => "&#xA;"u8,
                _ => "&#xD;"u8,
            });
            value = value[(special + 1)..];
        }
    }

    private readonly void Write(ReadOnlySpan<byte> bytes) => _output.Write(bytes);

    private bool SkipWhitespace()
    {
        var start = _pos;
        while (_pos < _doc.Length && _doc[_pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _pos++;
        }

        return _pos > start;
    }

    private static bool IsNameEnd(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>';

    private static bool IsQualifiedName(ReadOnlySpan<byte> name, out int colon)
    {
        colon = name.IndexOf((byte)':');
        if (name.IndexOfAny("<&\"'=?!"u8) >= 0 || name[0] is (byte)'-' or (byte)'.' or (>= (byte)'0' and <= (byte)'9'))
        {
            return false;
        }

        return colon < 0 || (colon > 0 && colon < name.Length - 1 && name[(colon + 1)..].IndexOf((byte)':') < 0);
    }

    private readonly ReadOnlySpan<byte> Arena(int start, int length) => _arena.WrittenSpan.Slice(start, length);

    private readonly ReadOnlySpan<byte> UriOf(NamespaceRef uri) =>
        uri.Start == NamespaceRef.Xml.Start ? s_xmlNamespace : uri.Start < 0 ? [] : Arena(uri.Start, uri.Length);

    private readonly ReadOnlySpan<byte> Prefix(in Binding binding) => _doc.Slice(binding.PrefixStart, binding.PrefixLength);

    private readonly ReadOnlySpan<byte> LocalName(in Attribute a) => _doc.Slice(a.NameStart + a.Colon + 1, a.NameLength - a.Colon - 1);

    private enum Step : byte
    {
        Continue,
        EndOfDocument,
        Malformed,
        Ambiguous,
    }

    /// <summary>A namespace URI in the arena; <see cref="None"/> is no namespace, <see cref="Xml"/> the xml prefix's.</summary>
    private readonly record struct NamespaceRef(int Start, int Length)
    {
        public static NamespaceRef None => new(-1, 0);

        public static NamespaceRef Xml => new(-2, 0);
    }

    private readonly record struct Binding(int PrefixStart, int PrefixLength, int UriStart, int UriLength, int Depth);

    private readonly record struct Frame(int NameStart, int NameLength, int BindingCount, int XmlAttributeCount, int RenderedCount);

    private struct Attribute
    {
        public int NameStart;
        public int NameLength;
        public int Colon;
        public int ValueStart;
        public int ValueLength;
        public bool IsNamespace;
        public NamespaceRef Uri;
    }

    private readonly record struct XmlAttribute(int LocalStart, int LocalLength, int ValueStart, int ValueLength);

    private readonly record struct RenderedAttribute(
        int NameStart, int NameLength, int LocalStart, int LocalLength, int ValueStart, int ValueLength, NamespaceRef Uri, bool Inherited);
}
