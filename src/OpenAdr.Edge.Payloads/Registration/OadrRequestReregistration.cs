using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrRequestReregistration: the VTN asks a VEN to register again.</summary>
[XmlType]
public sealed partial class OadrRequestReregistration : OadrMessage
{
    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string VenId { get; set; } = "";
}
