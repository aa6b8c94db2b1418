using System;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:eventDescriptor: an event's identity, version, program (market context), status and flags.</summary>
[XmlType]
public sealed partial class EventDescriptor
{
    [XmlElement("eventID", Ns.Ei)]
    public string EventId { get; set; } = "";

    [XmlElement("modificationNumber", Ns.Ei)]
    public uint ModificationNumber { get; set; }

    [XmlElement("modificationDateTime", Ns.Ei)]
    public DateTime? ModificationDateTime { get; set; }

    [XmlElement("modificationReason", Ns.Ei)]
    public string? ModificationReason { get; set; }

    [XmlElement("priority", Ns.Ei)]
    public uint? Priority { get; set; }

    [XmlElement("eiMarketContext", Ns.Ei, Inner = "marketContext", InnerNamespace = Ns.Emix, Intern = true)]
    public string EiMarketContext { get; set; } = "";

    [XmlElement("createdDateTime", Ns.Ei)]
    public DateTime CreatedDateTime { get; set; }

    [XmlElement("eventStatus", Ns.Ei)]
    public EventStatus EventStatus { get; set; }

    [XmlElement("testEvent", Ns.Ei, Intern = true)]
    public string? TestEvent { get; set; }

    [XmlElement("vtnComment", Ns.Ei)]
    public string? VtnComment { get; set; }
}

/// <summary>ei:eventStatus: where an event is in its life cycle.</summary>
public enum EventStatus
{
    [XmlEnumValue("none")] None,
    [XmlEnumValue("far")] Far,
    [XmlEnumValue("near")] Near,
    [XmlEnumValue("active")] Active,
    [XmlEnumValue("completed")] Completed,
    [XmlEnumValue("cancelled")] Cancelled,
}
