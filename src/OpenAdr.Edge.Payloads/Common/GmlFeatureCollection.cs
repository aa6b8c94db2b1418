using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>gml:FeatureCollection (OpenADR subset): one polygon locating a service area or service location.</summary>
[XmlType]
public sealed partial class GmlFeatureCollection
{
    [XmlAttribute("id", Ns.Gml, Format = XmlTextFormat.Id)]
    public string? Id { get; set; }

    [XmlElement("location", Ns.Gml)]
    public GmlLocation Location { get; set; } = new();
}

/// <summary>gml:location of a feature collection: its polygon.</summary>
[XmlType]
public sealed partial class GmlLocation
{
    [XmlElement("Polygon", Ns.Gml)]
    public GmlPolygon Polygon { get; set; } = new();
}

/// <summary>gml:Polygon: an area bounded by one exterior linear ring.</summary>
[XmlType]
public sealed partial class GmlPolygon
{
    [XmlAttribute("id", Ns.Gml, Format = XmlTextFormat.Id)]
    public string? Id { get; set; }

    [XmlElement("exterior", Ns.Gml)]
    public GmlExterior Exterior { get; set; } = new();
}

/// <summary>gml:exterior: the polygon's boundary, a LinearRing given by its position list.</summary>
[XmlType]
public sealed partial class GmlExterior
{
    /// <summary>gml:LinearRing/gml:posList: whitespace-separated doubles (xs:list of xs:double), kept as text.</summary>
    [XmlElement("LinearRing", Ns.Gml, Inner = "posList", Format = XmlTextFormat.DoubleList)]
    public string PosList { get; set; } = "";
}
