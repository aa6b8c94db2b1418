using System;
using System.Buffers;
using System.Text.Unicode;

namespace OpenAdr.Edge.Xml.Canonicalization;

/// <summary>
/// Canonical XML (inclusive C14N 1.0 and exclusive C14N 1.0, both without comments) of one element subtree of a UTF-8
/// document, written as UTF-8: what XML signatures digest and sign. It reads the document itself, from the start, so
/// that the namespaces (and, for inclusive C14N, the <c>xml:*</c> attributes) the apex element inherits from its
/// ancestors are rendered on it as the specifications say. Like <see cref="Utf8XmlReader"/> it refuses DTDs, so only
/// the five predefined entities and character references exist. Malformed input is a status, never an exception.
/// </summary>
public static class XmlCanonicalizer
{
    /// <summary>Open elements at once; deeper documents are <see cref="CanonicalizationStatus.Malformed"/>.</summary>
    public const int MaxDepth = 256;

    /// <summary>Writes the canonical form of the selected element (and everything inside it) to <paramref name="output"/>.</summary>
    public static CanonicalizationStatus Canonicalize(
        ReadOnlySpan<byte> document, ElementSelector apex, CanonicalizationMethod method, IBufferWriter<byte> output, out CanonicalizedElement element) =>
        Canonicalize(document, apex, method, default, output, out element);

    /// <summary>
    /// As <see cref="Canonicalize(ReadOnlySpan{byte}, ElementSelector, CanonicalizationMethod, IBufferWriter{byte}, out CanonicalizedElement)"/>,
    /// with the exclusive form's InclusiveNamespaces PrefixList (prefixes separated by whitespace, <c>#default</c> for the
    /// default namespace), which names prefixes rendered as inclusive C14N would. Ignored by the inclusive form.
    /// </summary>
    public static CanonicalizationStatus Canonicalize(
        ReadOnlySpan<byte> document, ElementSelector apex, CanonicalizationMethod method, ReadOnlySpan<byte> inclusivePrefixes,
        IBufferWriter<byte> output, out CanonicalizedElement element)
    {
        ArgumentNullException.ThrowIfNull(output);
        element = default;
        if (!Utf8.IsValid(document))
        {
            return CanonicalizationStatus.Malformed;
        }

        var run = new CanonicalizerRun(document, apex, method, inclusivePrefixes, output);
        return run.Execute(out element);
    }
}
