using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCancelOpt: a VEN cancels an opt schedule.</summary>
[XmlType]
public sealed partial class OadrCancelOpt : OadrMessage
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("optID", Ns.Ei)]
    public string OptId { get; set; } = "";

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string VenId { get; set; } = "";
}
