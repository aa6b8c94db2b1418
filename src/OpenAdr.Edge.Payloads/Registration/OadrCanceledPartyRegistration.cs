using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCanceledPartyRegistration: acknowledges the cancellation of a registration.</summary>
[XmlType]
public sealed partial class OadrCanceledPartyRegistration : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("registrationID", Ns.Ei, Intern = true)]
    public string? RegistrationId { get; set; }

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
