using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:eiResponse: whether the received payload was acceptable (3-digit code, description, matching requestID).</summary>
[XmlType]
public sealed partial class EiResponse
{
    [XmlElement("responseCode", Ns.Ei, Format = XmlTextFormat.ThreeDigits, Intern = true)]
    public string ResponseCode { get; set; } = "";

    [XmlElement("responseDescription", Ns.Ei, Intern = true)]
    public string? ResponseDescription { get; set; }

    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";
}
