namespace OpenAdr.Edge.Xml.Serialization;

/// <summary>Implemented by the source generator on every <see cref="XmlTypeAttribute"/> class that is not abstract.</summary>
public interface IXmlElement<TSelf>
    where TSelf : class, IXmlElement<TSelf>
{
    /// <summary>
    /// Reads the element the reader stands on (its start) through its end. When <paramref name="value"/> holds an
    /// instance it is filled in place, so a server reading the same message shape again allocates nothing.
    /// </summary>
    static abstract void ReadXml(ref Utf8XmlReader reader, ref TSelf? value, XmlReadContext context);

    /// <summary>Writes this value as an element named <paramref name="qualifiedName"/> (prefix included).</summary>
    void WriteXml(ref Utf8XmlWriter writer, System.ReadOnlySpan<byte> qualifiedName);
}
