using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>xcal:vavailability: a schedule of when a VEN's resources are available (or not) for DR events, used by opt schedules.</summary>
[XmlType]
public sealed partial class Vavailability
{
    [XmlElement("components", Ns.Xcal)]
    public ArrayOfVavailabilityContainedComponents ContainedComponents { get; set; } = new();
}

/// <summary>The components of a vavailability: its available periods.</summary>
[XmlType]
public sealed partial class ArrayOfVavailabilityContainedComponents
{
    [XmlElement("available", Ns.Xcal)]
    public List<Available> AvailablePeriods { get; set; } = [];
}

/// <summary>xcal:available: one availability period given by its properties.</summary>
[XmlType]
public sealed partial class Available
{
    [XmlElement("properties", Ns.Xcal)]
    public Properties Properties { get; set; } = new();
}
