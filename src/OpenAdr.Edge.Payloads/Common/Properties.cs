using System;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>xcal:properties: a time frame (start, duration, start randomization, notification, ramp-up and recovery durations).</summary>
[XmlType]
public sealed partial class Properties
{
    [XmlElement("dtstart", Ns.Xcal, Inner = "date-time")]
    public DateTime DtStart { get; set; }

    [XmlElement("duration", Ns.Xcal, Inner = "duration")]
    public TimeSpan Duration { get; set; }

    [XmlElement("tolerance", Ns.Xcal)]
    public Tolerance? Tolerance { get; set; }

    [XmlElement("x-eiNotification", Ns.Ei, Inner = "duration", InnerNamespace = Ns.Xcal)]
    public TimeSpan? XEiNotification { get; set; }

    [XmlElement("x-eiRampUp", Ns.Ei, Inner = "duration", InnerNamespace = Ns.Xcal)]
    public TimeSpan? XEiRampUp { get; set; }

    [XmlElement("x-eiRecovery", Ns.Ei, Inner = "duration", InnerNamespace = Ns.Xcal)]
    public TimeSpan? XEiRecovery { get; set; }
}

/// <summary>xcal:tolerance: the randomization window of an event's start.</summary>
[XmlType]
public sealed partial class Tolerance
{
    [XmlElement("tolerate", Ns.Xcal)]
    public Tolerate Tolerate { get; set; } = new();
}

/// <summary>xcal:tolerate: how long after dtstart a VEN may randomly start.</summary>
[XmlType]
public sealed partial class Tolerate
{
    [XmlElement("startafter", Ns.Xcal)]
    public TimeSpan? StartAfter { get; set; }
}

/// <summary>xcal:components of an event's active period: always empty (or nil) in OpenADR 2.0b.</summary>
[XmlType]
public sealed partial class Components;

/// <summary>xcal:WsCalendarIntervalType: a calendar interval given by its properties (the overall period of a report).</summary>
[XmlType]
public sealed partial class WsCalendarInterval
{
    [XmlElement("properties", Ns.Xcal)]
    public Properties Properties { get; set; } = new();
}
