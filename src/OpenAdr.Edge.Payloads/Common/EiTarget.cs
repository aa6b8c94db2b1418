using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>
/// ei:eiTarget (EiTargetType): the resources an event, signal, opt or report applies to (also oadrDeviceClass,
/// reportSubject, reportDataSource). Each list is null until it has an item: a VTN keeps one target per event per VEN.
/// </summary>
[XmlType]
public sealed partial class EiTarget
{
    [XmlElement("aggregatedPnode", Ns.Power)]
    public List<AggregatedPnode>? AggregatedPnodes { get; set; }

    [XmlElement("endDeviceAsset", Ns.Power)]
    public List<EndDeviceAsset>? EndDeviceAssets { get; set; }

    [XmlElement("meterAsset", Ns.Power)]
    public List<MeterAsset>? MeterAssets { get; set; }

    [XmlElement("pnode", Ns.Power)]
    public List<Pnode>? Pnodes { get; set; }

    [XmlElement("serviceArea", Ns.Emix)]
    public List<ServiceArea>? ServiceAreas { get; set; }

    [XmlElement("serviceDeliveryPoint", Ns.Power)]
    public List<ServiceDeliveryPoint>? ServiceDeliveryPoints { get; set; }

    [XmlElement("serviceLocation", Ns.Power)]
    public List<ServiceLocation>? ServiceLocations { get; set; }

    [XmlElement("transportInterface", Ns.Power)]
    public List<TransportInterface>? TransportInterfaces { get; set; }

    [XmlElement("groupID", Ns.Ei, Intern = true)]
    public List<string>? GroupIds { get; set; }

    [XmlElement("groupName", Ns.Ei, Intern = true)]
    public List<string>? GroupNames { get; set; }

    [XmlElement("resourceID", Ns.Ei, Intern = true)]
    public List<string>? ResourceIds { get; set; }

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public List<string>? VenIds { get; set; }

    [XmlElement("partyID", Ns.Ei, Intern = true)]
    public List<string>? PartyIds { get; set; }
}

/// <summary>power:aggregatedPnode: an aggregated pricing node (zone, hub, ...).</summary>
[XmlType]
public sealed partial class AggregatedPnode
{
    [XmlElement("node", Ns.Power)]
    public string Node { get; set; } = "";
}

/// <summary>power:endDeviceAsset: a physical end device (by mRID), also used as a device class.</summary>
[XmlType]
public sealed partial class EndDeviceAsset
{
    [XmlElement("mrid", Ns.Power)]
    public string Mrid { get; set; } = "";
}

/// <summary>power:meterAsset: a physical meter (by mRID).</summary>
[XmlType]
public sealed partial class MeterAsset
{
    [XmlElement("mrid", Ns.Power)]
    public string Mrid { get; set; } = "";
}

/// <summary>power:pnode: a pricing node.</summary>
[XmlType]
public sealed partial class Pnode
{
    [XmlElement("node", Ns.Power)]
    public string Node { get; set; } = "";
}

/// <summary>power:serviceDeliveryPoint: the network point where service changes hands (where a meter may sit).</summary>
[XmlType]
public sealed partial class ServiceDeliveryPoint
{
    [XmlElement("node", Ns.Power)]
    public string Node { get; set; } = "";
}

/// <summary>power:serviceLocation: a customer premise, given as a GML feature collection.</summary>
[XmlType]
public sealed partial class ServiceLocation
{
    [XmlElement("FeatureCollection", Ns.Gml)]
    public GmlFeatureCollection FeatureCollection { get; set; } = new();
}

/// <summary>power:transportInterface: the two ends (receipt and delivery nodes) of a transport segment.</summary>
[XmlType]
public sealed partial class TransportInterface
{
    [XmlElement("pointOfReceipt", Ns.Power)]
    public string PointOfReceipt { get; set; } = "";

    [XmlElement("pointOfDelivery", Ns.Power)]
    public string PointOfDelivery { get; set; } = "";
}

/// <summary>emix:serviceArea: the geographic region affected, given as a GML feature collection.</summary>
[XmlType]
public sealed partial class ServiceArea
{
    [XmlElement("FeatureCollection", Ns.Gml)]
    public GmlFeatureCollection FeatureCollection { get; set; } = new();
}
