using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCreatedOpt: the VTN acknowledges an opt schedule.</summary>
[XmlType]
public sealed partial class OadrCreatedOpt : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("optID", Ns.Ei)]
    public string OptId { get; set; } = "";
}
