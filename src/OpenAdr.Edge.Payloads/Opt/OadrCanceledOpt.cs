using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCanceledOpt: the VTN acknowledges the cancellation of an opt schedule.</summary>
[XmlType]
public sealed partial class OadrCanceledOpt : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("optID", Ns.Ei)]
    public string? OptId { get; set; }
}
