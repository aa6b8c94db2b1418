using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:eventResponses: the VEN's optIn/optOut answers to received events.</summary>
[XmlType]
public sealed partial class EventResponses
{
    [XmlElement("eventResponse", Ns.Ei)]
    public List<EventResponse> Responses { get; set; } = [];
}

/// <summary>ei:eventResponse: the VEN's answer (response code and optIn/optOut) to one event version.</summary>
[XmlType]
public sealed partial class EventResponse
{
    [XmlElement("responseCode", Ns.Ei, Format = XmlTextFormat.ThreeDigits, Intern = true)]
    public string ResponseCode { get; set; } = "";

    [XmlElement("responseDescription", Ns.Ei, Intern = true)]
    public string? ResponseDescription { get; set; }

    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("qualifiedEventID", Ns.Ei)]
    public QualifiedEventId QualifiedEventId { get; set; } = new();

    [XmlElement("optType", Ns.Ei)]
    public OptType OptType { get; set; }
}
