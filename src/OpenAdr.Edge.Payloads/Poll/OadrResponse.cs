using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrResponse: the generic acknowledgement (also the answer to a poll when nothing is pending).</summary>
[XmlType]
public sealed partial class OadrResponse : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
