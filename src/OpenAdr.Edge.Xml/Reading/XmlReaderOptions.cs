namespace OpenAdr.Edge.Xml;

/// <summary>Limits that keep a hostile document from costing more than a bounded amount of memory and time.</summary>
public readonly record struct XmlReaderOptions
{
    public XmlReaderOptions()
    {
    }

    public static XmlReaderOptions Default { get; } = new();

    /// <summary>Open elements at once. OpenADR 2.0b payloads nest about 15 deep.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Bytes in one element or attribute name, prefix included.</summary>
    public int MaxNameLength { get; init; } = 256;

    /// <summary>Bytes in one text node or attribute value.</summary>
    public int MaxTextLength { get; init; } = 1024 * 1024;

    /// <summary>Attributes (namespace declarations included) on one element.</summary>
    public int MaxAttributes { get; init; } = 64;
}
