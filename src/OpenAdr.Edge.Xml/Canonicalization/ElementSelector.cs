using System;

namespace OpenAdr.Edge.Xml.Canonicalization;

/// <summary>Which element of a document <see cref="XmlCanonicalizer"/> renders.</summary>
public readonly ref struct ElementSelector
{
    private ElementSelector(SelectorKind kind, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, int offset)
    {
        Kind = kind;
        First = first;
        Second = second;
        Offset = offset;
    }

    internal SelectorKind Kind { get; }

    internal ReadOnlySpan<byte> First { get; }

    internal ReadOnlySpan<byte> Second { get; }

    internal int Offset { get; }

    /// <summary>
    /// The one element with an attribute whose local name is <c>Id</c> (in no namespace, like <c>ds:Object/@Id</c>, or
    /// in any, like OpenADR's <c>oadr:Id</c>) and whose value is <paramref name="id"/>: what a same-document
    /// reference <c>URI="#id"</c> names. Two such elements make the selection ambiguous.
    /// </summary>
    public static ElementSelector ById(ReadOnlySpan<byte> id) => new(SelectorKind.Id, id, default, 0);

    /// <summary>The first element, in document order, with this namespace URI and local name.</summary>
    public static ElementSelector ByName(ReadOnlySpan<byte> namespaceUri, ReadOnlySpan<byte> localName) =>
        new(SelectorKind.Name, namespaceUri, localName, 0);

    /// <summary>The element whose start tag begins <paramref name="offset"/> bytes into the document.</summary>
    public static ElementSelector AtOffset(int offset) => new(SelectorKind.Offset, default, default, offset);
}

internal enum SelectorKind : byte
{
    Id,
    Name,
    Offset,
}
