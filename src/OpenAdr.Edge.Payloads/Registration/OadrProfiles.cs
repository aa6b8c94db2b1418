using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrProfiles: the OpenADR profiles (and their transports) an implementation supports.</summary>
[XmlType]
public sealed partial class OadrProfiles
{
    [XmlElement("oadrProfile", Ns.Oadr, MinOccurs = 1)]
    public List<OadrProfile> Profiles { get; set; } = [];
}

/// <summary>oadrProfile: one supported profile and the transports it is offered on.</summary>
[XmlType]
public sealed partial class OadrProfile
{
    [XmlElement("oadrProfileName", Ns.Oadr)]
    public OadrProfileName OadrProfileName { get; set; }

    [XmlElement("oadrTransports", Ns.Oadr)]
    public OadrTransports OadrTransports { get; set; } = new();
}

/// <summary>oadrTransports: the transports supported for a profile.</summary>
[XmlType]
public sealed partial class OadrTransports
{
    [XmlElement("oadrTransport", Ns.Oadr, MinOccurs = 1)]
    public List<OadrTransport> Transports { get; set; } = [];
}

/// <summary>oadrTransport: one supported transport.</summary>
[XmlType]
public sealed partial class OadrTransport
{
    [XmlElement("oadrTransportName", Ns.Oadr)]
    public OadrTransportName OadrTransportName { get; set; }
}

/// <summary>oadrProfileName: an OpenADR profile (2.0a or 2.0b).</summary>
public enum OadrProfileName
{
    [XmlEnumValue("2.0a")] Oadr20a,
    [XmlEnumValue("2.0b")] Oadr20b,
}

/// <summary>oadrTransportName: an OpenADR transport (simple HTTP or XMPP).</summary>
public enum OadrTransportName
{
    [XmlEnumValue("simpleHttp")] SimpleHttp,
    [XmlEnumValue("xmpp")] Xmpp,
}
