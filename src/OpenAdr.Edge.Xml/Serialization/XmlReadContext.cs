namespace OpenAdr.Edge.Xml.Serialization;

/// <summary>What generated readers share across documents: the pool that keeps repeated IDs from allocating.</summary>
public sealed class XmlReadContext
{
    public XmlReadContext(Utf8StringPool? strings = null)
    {
        Strings = strings ?? new Utf8StringPool();
    }

    /// <summary>A context for one-off reads (tests, tools); servers keep one for their lifetime.</summary>
    public static XmlReadContext Shared { get; } = new();

    public Utf8StringPool Strings { get; }
}
