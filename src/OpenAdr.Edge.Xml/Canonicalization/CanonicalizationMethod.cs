using System;

namespace OpenAdr.Edge.Xml.Canonicalization;

/// <summary>The two canonical XML forms XML signatures use, both without comments.</summary>
public enum CanonicalizationMethod : byte
{
    /// <summary>Canonical XML 1.0: every namespace in scope is rendered on the apex element.</summary>
    Inclusive,

    /// <summary>Exclusive Canonical XML 1.0: only the namespaces an element visibly uses (and the inclusive prefix list).</summary>
    Exclusive,
}

/// <summary>The algorithm URIs of <see cref="CanonicalizationMethod"/>.</summary>
public static class CanonicalizationAlgorithms
{
    public const string Inclusive = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public const string Exclusive = "http://www.w3.org/2001/10/xml-exc-c14n#";

    /// <summary>The method an algorithm URI names; false for anything else (the "with comments" variants included).</summary>
    public static bool TryParse(ReadOnlySpan<byte> uri, out CanonicalizationMethod method)
    {
        if (uri.SequenceEqual("http://www.w3.org/TR/2001/REC-xml-c14n-20010315"u8))
        {
            method = CanonicalizationMethod.Inclusive;
            return true;
        }

        method = CanonicalizationMethod.Exclusive;
        return uri.SequenceEqual("http://www.w3.org/2001/10/xml-exc-c14n#"u8);
    }

    public static string UriOf(CanonicalizationMethod method) => method == CanonicalizationMethod.Inclusive ? Inclusive : Exclusive;
}

/// <summary>What came of canonicalizing with <see cref="XmlCanonicalizer"/>.</summary>
public enum CanonicalizationStatus : byte
{
    Done,

    /// <summary>No element matches the selector.</summary>
    ElementNotFound,

    /// <summary>More than one element carries the ID (an XML signature must not guess which one is meant).</summary>
    AmbiguousId,

    /// <summary>The document is not well-formed XML, holds a DTD, or is deeper than the canonicalizer goes.</summary>
    Malformed,
}

/// <summary>Where the canonicalized element stands in the document.</summary>
/// <param name="Offset">Bytes from the start of the document to the element's <c>&lt;</c>.</param>
/// <param name="Depth">1 for the root element, 2 for its children, and so on.</param>
public readonly record struct CanonicalizedElement(int Offset, int Depth);
