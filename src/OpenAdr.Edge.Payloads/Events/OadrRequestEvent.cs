using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrRequestEvent: a VEN asks the VTN for its current events.</summary>
[XmlType]
public sealed partial class OadrRequestEvent : OadrMessage
{
    [XmlElement("eiRequestEvent", Ns.Pyld)]
    public EiRequestEvent EiRequestEvent { get; set; } = new();
}

/// <summary>pyld:eiRequestEvent: the event request, optionally limiting how many events come back.</summary>
[XmlType]
public sealed partial class EiRequestEvent
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string VenId { get; set; } = "";

    [XmlElement("replyLimit", Ns.Pyld)]
    public uint? ReplyLimit { get; set; }
}
