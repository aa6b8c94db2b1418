using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrDistributeEvent: the VTN sends its current DR events to a VEN.</summary>
[XmlType]
public sealed partial class OadrDistributeEvent : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse? EiResponse { get; set; }

    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("vtnID", Ns.Ei, Intern = true)]
    public string VtnId { get; set; } = "";

    [XmlElement("oadrEvent", Ns.Oadr)]
    public List<OadrEvent> OadrEvents { get; set; } = [];
}

/// <summary>oadrEvent: one DR event and whether the VEN must answer it.</summary>
[XmlType]
public sealed partial class OadrEvent
{
    [XmlElement("eiEvent", Ns.Ei)]
    public EiEvent EiEvent { get; set; } = new();

    [XmlElement("oadrResponseRequired", Ns.Oadr)]
    public ResponseRequired OadrResponseRequired { get; set; }
}

/// <summary>oadrResponseRequired: whether the VEN must send oadrCreatedEvent for an event.</summary>
public enum ResponseRequired
{
    [XmlEnumValue("always")] Always,
    [XmlEnumValue("never")] Never,
}
