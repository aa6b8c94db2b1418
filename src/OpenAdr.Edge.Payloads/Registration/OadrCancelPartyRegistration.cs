using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCancelPartyRegistration: either party cancels a registration.</summary>
[XmlType]
public sealed partial class OadrCancelPartyRegistration : OadrMessage
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("registrationID", Ns.Ei, Intern = true)]
    public string RegistrationId { get; set; } = "";

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
