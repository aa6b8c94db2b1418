using System;
using System.Runtime.CompilerServices;

namespace OpenAdr.Edge.Xml;

public ref partial struct Utf8XmlReader
{
    private const int TagMemoCount = 16;
    private const int MaxRememberedTag = 2048;

    /// <summary>
    /// Start tags with attributes mostly repeat byte for byte from one document to the next (the root's namespace
    /// declarations, the message's ei:schemaVersion), so each thread remembers how the last few were parsed. Equal
    /// bytes under equal limits parse to equal declarations and attributes, already checked; only resolving prefixes
    /// depends on the enclosing scope, and that still runs.
    /// </summary>
    private sealed class TagMemo
    {
        public byte[] Tag = [];
        public int Length;
        public int TagStart;
        public TagLimits Limits;
        public NamespaceBinding[] Bindings = new NamespaceBinding[4];
        public int BindingCount;
        public Attribute[] Attributes = new Attribute[2];
        public int AttributeCount;
        public bool Empty;

        /// <summary>The scope its declarations made inside <see cref="EnclosingScope"/> (0 there: inside nothing); 0 when not known.</summary>
        public long Scope;
        public long EnclosingScope;
    }

    // The name's length and last two bytes keep the envelope's and the common messages' tags in separate slots.
    private readonly int TagMemoSlot(int tagStart, int nameLength) =>
        (nameLength + _xml[tagStart + nameLength] * 3 + _xml[tagStart + nameLength - 1] * 5) & (TagMemoCount - 1);

    private bool TryReplayTag(int tagStart, int nameLength, out int end, out bool empty)
    {
        var memo = _buffers!.TagMemos[TagMemoSlot(tagStart, nameLength)];
        if (memo is null || memo.Length > _xml.Length - tagStart
            || !_xml.Slice(tagStart, memo.Length).SequenceEqual(memo.Tag.AsSpan(0, memo.Length)) || !memo.Limits.Equals(_options))
        {
            end = 0;
            empty = false;
            return false;
        }

        // Positions are kept as they were where the tag was parsed; a client that sends the same envelope every time
        // puts the tag at the same offset, and then they are copied as they are.
        var delta = tagStart - memo.TagStart;
        while (_bindingCount + memo.BindingCount > _bindings.Length)
        {
            Grow(ref _bindings);
        }

        var bindings = _bindings.AsSpan(_bindingCount, memo.BindingCount);
        memo.Bindings.AsSpan(0, memo.BindingCount).CopyTo(bindings);
        if (delta != 0)
        {
            foreach (ref var binding in bindings)
            {
                binding.PrefixStart += delta;
                binding.UriStart += delta;
            }
        }

        // With nothing declared around the tag, none of its bindings shadows another (a tag declares a prefix once), so
        // any cache entry that points at one of them by its prefix is right as it stands: no need to point them again.
        if (_bindingCount > 0)
        {
            for (var i = 0; i < bindings.Length; i++)
            {
                Remember(bindings[i], _bindingCount + i);
            }
        }

        var outermost = _bindingCount == 0;

        // Scopes are numbered from 1: 0 stands for "nothing declared around the tag".
        var enclosingScope = outermost ? 0 : _scope;
        _bindingCount += memo.BindingCount;
        if (memo.BindingCount > 0)
        {
            // The same declarations added to the same scope (or, for the root's, to none) make the same scope each time
            // they are replayed, with the same bindings at the same places, so what names resolved to in it last time
            // still holds.
            if (memo.Scope != 0 && memo.EnclosingScope == enclosingScope)
            {
                EnterScope(memo.Scope);
            }
            else
            {
                ScopeChanged();
                memo.Scope = _scope;
                memo.EnclosingScope = enclosingScope;
            }
        }

        while (memo.AttributeCount > _attributes.Length)
        {
            Grow(ref _attributes);
        }

        var attributes = _attributes.AsSpan(0, memo.AttributeCount);
        memo.Attributes.AsSpan(0, memo.AttributeCount).CopyTo(attributes);
        if (delta != 0)
        {
            foreach (ref var attribute in attributes)
            {
                attribute.NameStart += delta;
                attribute.ValueStart += delta;
            }
        }

        _attributeCount = memo.AttributeCount;
        end = tagStart + memo.Length;
        empty = memo.Empty;
        return true;
    }

    private readonly void RememberTag(int tagStart, int nameLength, int end, bool empty, int bindingsBefore)
    {
        var length = end - tagStart;
        if (length > MaxRememberedTag)
        {
            return;
        }

        for (var i = bindingsBefore; i < _bindingCount; i++)
        {
            if (_bindings[i].UriDecoded)
            {
                return;
            }
        }

        ref var slot = ref _buffers!.TagMemos[TagMemoSlot(tagStart, nameLength)];
        var memo = slot ??= new TagMemo();
        if (memo.Tag.Length < length)
        {
            memo.Tag = new byte[Math.Max(length, 64)];
        }

        _xml.Slice(tagStart, length).CopyTo(memo.Tag);
        memo.Length = length;
        memo.TagStart = tagStart;
        memo.Limits = new TagLimits(_options);
        memo.Empty = empty;
        memo.Scope = 0;
        memo.BindingCount = _bindingCount - bindingsBefore;
        if (memo.Bindings.Length < memo.BindingCount)
        {
            memo.Bindings = new NamespaceBinding[memo.BindingCount];
        }

        _bindings.AsSpan(bindingsBefore, memo.BindingCount).CopyTo(memo.Bindings);

        memo.AttributeCount = _attributeCount;
        if (memo.Attributes.Length < _attributeCount)
        {
            memo.Attributes = new Attribute[_attributeCount];
        }

        _attributes.AsSpan(0, _attributeCount).CopyTo(memo.Attributes);
    }

    /// <summary>The limits that decide whether a start tag is accepted, compared without the record's equality machinery.</summary>
    private readonly struct TagLimits(XmlReaderOptions options)
    {
        private readonly int _maxNameLength = options.MaxNameLength;
        private readonly int _maxTextLength = options.MaxTextLength;
        private readonly int _maxAttributes = options.MaxAttributes;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Equals(XmlReaderOptions options) =>
            _maxNameLength == options.MaxNameLength && _maxTextLength == options.MaxTextLength && _maxAttributes == options.MaxAttributes;
    }
}
