using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrRegisterReport: registers the metadata reports (the data points a party can report) with the other party.</summary>
[XmlType]
public sealed partial class OadrRegisterReport : OadrMessage
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("oadrReport", Ns.Oadr)]
    public List<OadrReport> OadrReports { get; set; } = [];

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }

    [XmlElement("reportRequestID", Ns.Ei, Intern = true)]
    public string? ReportRequestId { get; set; }
}
