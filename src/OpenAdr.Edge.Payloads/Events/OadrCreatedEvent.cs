using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCreatedEvent: a VEN opts in to or out of the events it received.</summary>
[XmlType]
public sealed partial class OadrCreatedEvent : OadrMessage
{
    [XmlElement("eiCreatedEvent", Ns.Pyld)]
    public EiCreatedEvent EiCreatedEvent { get; set; } = new();
}

/// <summary>pyld:eiCreatedEvent: the overall response plus one optIn/optOut response per event.</summary>
[XmlType]
public sealed partial class EiCreatedEvent
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("eventResponses", Ns.Ei)]
    public EventResponses? EventResponses { get; set; }

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string VenId { get; set; } = "";
}
