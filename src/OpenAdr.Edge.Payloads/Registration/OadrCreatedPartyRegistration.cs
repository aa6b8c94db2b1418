using System;
using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCreatedPartyRegistration: the VTN acknowledges a registration (or answers a query) with its IDs, profiles and poll frequency.</summary>
[XmlType]
public sealed partial class OadrCreatedPartyRegistration : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("registrationID", Ns.Ei, Intern = true)]
    public string? RegistrationId { get; set; }

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }

    [XmlElement("vtnID", Ns.Ei, Intern = true)]
    public string VtnId { get; set; } = "";

    [XmlElement("oadrProfiles", Ns.Oadr)]
    public OadrProfiles OadrProfiles { get; set; } = new();

    [XmlElement("oadrRequestedOadrPollFreq", Ns.Oadr, Inner = "duration", InnerNamespace = Ns.Xcal)]
    public TimeSpan? OadrRequestedOadrPollFreq { get; set; }

    [XmlElement("oadrServiceSpecificInfo", Ns.Oadr)]
    public OadrServiceSpecificInfo? OadrServiceSpecificInfo { get; set; }

    [XmlElement("oadrExtensions", Ns.Oadr)]
    public OadrExtensions? OadrExtensions { get; set; }
}

/// <summary>oadrExtensions: VTN-specific registration extensions.</summary>
[XmlType]
public sealed partial class OadrExtensions
{
    [XmlElement("oadrExtension", Ns.Oadr)]
    public List<OadrExtension> Extensions { get; set; } = [];
}

/// <summary>oadrExtension: one named registration extension with its key-value pairs.</summary>
[XmlType]
public sealed partial class OadrExtension
{
    [XmlElement("oadrExtensionName", Ns.Oadr)]
    public string OadrExtensionName { get; set; } = "";

    [XmlElement("oadrInfo", Ns.Oadr)]
    public List<OadrInfo> OadrInfos { get; set; } = [];
}
