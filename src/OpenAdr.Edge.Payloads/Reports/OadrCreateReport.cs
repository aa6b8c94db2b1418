using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCreateReport: requests one or more reports from the other party.</summary>
[XmlType]
public sealed partial class OadrCreateReport : OadrMessage
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("oadrReportRequest", Ns.Oadr, MinOccurs = 1)]
    public List<OadrReportRequest> OadrReportRequests { get; set; } = [];

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
