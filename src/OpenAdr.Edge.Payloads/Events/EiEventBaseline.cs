using System;
using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:eiEventBaseline: baseline interval data sent with an event (2.0b).</summary>
[XmlType]
public sealed partial class EiEventBaseline
{
    [XmlElement("dtstart", Ns.Xcal, Inner = "date-time")]
    public DateTime DtStart { get; set; }

    [XmlElement("duration", Ns.Xcal, Inner = "duration")]
    public TimeSpan Duration { get; set; }

    [XmlElement("intervals", Ns.Strm)]
    public Intervals Intervals { get; set; } = new();

    [XmlElement("baselineID", Ns.Ei)]
    public string BaselineId { get; set; } = "";

    [XmlElement("resourceID", Ns.Ei, Intern = true)]
    public List<string> ResourceIds { get; set; } = [];

    [XmlElement("baselineName", Ns.Ei)]
    public string BaselineName { get; set; } = "";

    [XmlChoice]
    public ItemBase? ItemBase { get; set; }
}
