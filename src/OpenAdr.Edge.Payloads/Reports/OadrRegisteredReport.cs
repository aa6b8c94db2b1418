using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrRegisteredReport: acknowledges a metadata report registration, optionally requesting reports right away.</summary>
[XmlType]
public sealed partial class OadrRegisteredReport : OadrMessage
{
    [XmlElement("eiResponse", Ns.Ei)]
    public EiResponse EiResponse { get; set; } = new();

    [XmlElement("oadrReportRequest", Ns.Oadr)]
    public List<OadrReportRequest> OadrReportRequests { get; set; } = [];

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string? VenId { get; set; }
}
