namespace OpenAdr.Edge.Xml;

/// <summary>What <see cref="Utf8XmlReader.Read"/> stopped on.</summary>
public enum XmlNodeType : byte
{
    None,
    StartElement,
    EndElement,
    Text,
    EndOfDocument,
}
