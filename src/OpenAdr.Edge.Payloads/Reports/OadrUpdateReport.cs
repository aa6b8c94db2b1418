using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrUpdateReport: delivers the data of previously requested reports.</summary>
[XmlType]
public sealed partial class OadrUpdateReport : OadrMessage
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("oadrReport", Ns.Oadr)]
    public List<OadrReport> OadrReports { get; set; } = [];

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
