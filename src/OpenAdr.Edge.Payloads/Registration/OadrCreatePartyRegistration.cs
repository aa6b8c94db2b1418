using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCreatePartyRegistration: a VEN registers (or re-registers) with a VTN.</summary>
[XmlType]
public sealed partial class OadrCreatePartyRegistration : OadrMessage
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("registrationID", Ns.Ei, Intern = true)]
    public string? RegistrationId { get; set; }

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }

    [XmlElement("oadrProfileName", Ns.Oadr)]
    public OadrProfileName OadrProfileName { get; set; }

    [XmlElement("oadrTransportName", Ns.Oadr)]
    public OadrTransportName OadrTransportName { get; set; }

    [XmlElement("oadrTransportAddress", Ns.Oadr)]
    public string? OadrTransportAddress { get; set; }

    [XmlElement("oadrReportOnly", Ns.Oadr)]
    public bool OadrReportOnly { get; set; }

    [XmlElement("oadrXmlSignature", Ns.Oadr)]
    public bool OadrXmlSignature { get; set; }

    [XmlElement("oadrVenName", Ns.Oadr)]
    public string? OadrVenName { get; set; }

    [XmlElement("oadrHttpPullModel", Ns.Oadr)]
    public bool? OadrHttpPullModel { get; set; }
}
