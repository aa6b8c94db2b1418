using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadr:oadrPayloadResourceStatus: a resource's status in a TELEMETRY_STATUS report (online, manual override, load control state).</summary>
[XmlType]
public sealed partial class OadrPayloadResourceStatus : PayloadBase
{
    [XmlElement("oadrOnline", Ns.Oadr)]
    public bool OadrOnline { get; set; }

    [XmlElement("oadrManualOverride", Ns.Oadr)]
    public bool OadrManualOverride { get; set; }

    [XmlElement("oadrLoadControlState", Ns.Oadr)]
    public OadrLoadControlState? OadrLoadControlState { get; set; }
}

/// <summary>oadr:oadrLoadControlState: the state of a load controller for each load-control signal type.</summary>
[XmlType]
public sealed partial class OadrLoadControlState
{
    [XmlElement("oadrCapacity", Ns.Oadr)]
    public OadrLoadControlStateType? OadrCapacity { get; set; }

    [XmlElement("oadrLevelOffset", Ns.Oadr)]
    public OadrLoadControlStateType? OadrLevelOffset { get; set; }

    [XmlElement("oadrPercentOffset", Ns.Oadr)]
    public OadrLoadControlStateType? OadrPercentOffset { get; set; }

    [XmlElement("oadrSetPoint", Ns.Oadr)]
    public OadrLoadControlStateType? OadrSetPoint { get; set; }
}

/// <summary>oadrLoadControlStateTypeType: one load-control value (current, with optional min, max and normal).</summary>
[XmlType]
public sealed partial class OadrLoadControlStateType
{
    [XmlElement("oadrMin", Ns.Oadr)]
    public float? OadrMin { get; set; }

    [XmlElement("oadrMax", Ns.Oadr)]
    public float? OadrMax { get; set; }

    [XmlElement("oadrCurrent", Ns.Oadr)]
    public float OadrCurrent { get; set; }

    [XmlElement("oadrNormal", Ns.Oadr)]
    public float? OadrNormal { get; set; }
}
