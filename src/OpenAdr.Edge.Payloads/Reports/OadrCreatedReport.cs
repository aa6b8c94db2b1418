using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCreatedReport: acknowledges a report request and lists the periodic reports not yet delivered.</summary>
[XmlType]
public sealed partial class OadrCreatedReport : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("oadrPendingReports", Ns.Oadr)]
    public OadrPendingReports OadrPendingReports { get; set; } = new();

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
