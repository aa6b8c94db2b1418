using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCancelReport: cancels one or more report requests, saying whether a final report will follow.</summary>
[XmlType]
public sealed partial class OadrCancelReport : OadrMessage
{
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("reportRequestID", Ns.Ei, MinOccurs = 1, Intern = true)]
    public List<string> ReportRequestIds { get; set; } = [];

    [XmlElement("reportToFollow", Ns.Pyld)]
    public bool ReportToFollow { get; set; }

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
