using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCanceledReport: acknowledges a report cancellation and lists the reports still pending.</summary>
[XmlType]
public sealed partial class OadrCanceledReport : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("oadrPendingReports", Ns.Oadr)]
    public OadrPendingReports OadrPendingReports { get; set; } = new();

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
