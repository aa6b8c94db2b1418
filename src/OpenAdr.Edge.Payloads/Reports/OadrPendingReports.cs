using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrPendingReports: the report requests whose periodic reports are still to be delivered.</summary>
[XmlType]
public sealed partial class OadrPendingReports
{
    [XmlElement("reportRequestID", Ns.Ei, Intern = true)]
    public List<string> ReportRequestIds { get; set; } = [];
}
