using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrServiceSpecificInfo: per-service registration information from the VTN.</summary>
[XmlType]
public sealed partial class OadrServiceSpecificInfo
{
    [XmlElement("oadrService", Ns.Oadr)]
    public List<OadrService> Services { get; set; } = [];
}

/// <summary>oadrService: key-value information for one OpenADR service.</summary>
[XmlType]
public sealed partial class OadrService
{
    [XmlElement("oadrServiceName", Ns.Oadr)]
    public OadrServiceName OadrServiceName { get; set; }

    [XmlElement("oadrInfo", Ns.Oadr, MinOccurs = 1)]
    public List<OadrInfo> OadrInfos { get; set; } = [];
}

/// <summary>oadrInfo: a key-value pair of service-specific registration information.</summary>
[XmlType]
public sealed partial class OadrInfo
{
    [XmlElement("oadrKey", Ns.Oadr)]
    public string OadrKey { get; set; } = "";

    [XmlElement("oadrValue", Ns.Oadr)]
    public string OadrValue { get; set; } = "";
}

/// <summary>oadrServiceName: an OpenADR service (EiEvent, EiOpt, EiReport, EiRegisterParty, OadrPoll).</summary>
public enum OadrServiceName
{
    [XmlEnumValue("EiEvent")] EiEvent,
    [XmlEnumValue("EiOpt")] EiOpt,
    [XmlEnumValue("EiReport")] EiReport,
    [XmlEnumValue("EiRegisterParty")] EiRegisterParty,
    [XmlEnumValue("OadrPoll")] OadrPoll,
}
