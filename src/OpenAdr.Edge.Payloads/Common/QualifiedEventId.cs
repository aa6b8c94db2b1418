using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:qualifiedEventID: an event ID together with its modification number.</summary>
[XmlType]
public sealed partial class QualifiedEventId
{
    [XmlElement("eventID", Ns.Ei)]
    public string EventId { get; set; } = "";

    [XmlElement("modificationNumber", Ns.Ei)]
    public uint ModificationNumber { get; set; }
}
