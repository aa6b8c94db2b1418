using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrQueryRegistration: a VEN asks the VTN for its registration information without registering.</summary>
[XmlType]
public sealed partial class OadrQueryRegistration : OadrMessage
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";
}
