using System;
using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>strm:intervals: the time intervals of an event signal, baseline or report.</summary>
[XmlType]
public sealed partial class Intervals
{
    [XmlElement("interval", Ns.Ei, MinOccurs = 1)]
    public List<Interval> Items { get; set; } = [];
}

/// <summary>ei:interval: one interval (optional start, duration and uid) with its stream payloads.</summary>
[XmlType]
public sealed partial class Interval
{
    [XmlElement("dtstart", Ns.Xcal, Inner = "date-time")]
    public DateTime? DtStart { get; set; }

    [XmlElement("duration", Ns.Xcal, Inner = "duration")]
    public TimeSpan? Duration { get; set; }

    [XmlElement("uid", Ns.Xcal, Inner = "text", Intern = true)]
    public string? Uid { get; set; }

    [XmlChoice(MinOccurs = 1)]
    public List<StreamPayloadBase> StreamPayloads { get; set; } = [];
}
