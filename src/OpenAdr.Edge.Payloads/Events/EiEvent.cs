using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:eiEvent: a DR event (descriptor, active period, signals and target).</summary>
[XmlType]
public sealed partial class EiEvent
{
    [XmlElement("eventDescriptor", Ns.Ei)]
    public EventDescriptor EventDescriptor { get; set; } = new();

    [XmlElement("eiActivePeriod", Ns.Ei)]
    public EiActivePeriod EiActivePeriod { get; set; } = new();

    [XmlElement("eiEventSignals", Ns.Ei)]
    public EiEventSignals EiEventSignals { get; set; } = new();

    [XmlElement("eiTarget", Ns.Ei)]
    public EiTarget EiTarget { get; set; } = new();
}

/// <summary>ei:eiActivePeriod: the time frame of the whole event (start, duration, randomization, notification, ramp-up, recovery).</summary>
[XmlType]
public sealed partial class EiActivePeriod
{
    [XmlElement("properties", Ns.Xcal)]
    public Properties Properties { get; set; } = new();

    [XmlElement("components", Ns.Xcal)]
    public Components Components { get; set; } = new();
}
