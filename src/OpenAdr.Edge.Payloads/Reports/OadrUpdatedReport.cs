using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrUpdatedReport: acknowledges received report data, optionally cancelling reports in the same message.</summary>
[XmlType]
public sealed partial class OadrUpdatedReport : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("oadrCancelReport", Ns.Oadr)]
    public OadrCancelReport? OadrCancelReport { get; set; }

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
