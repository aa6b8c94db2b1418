using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrPoll: a pull-mode VEN asks the VTN for new or modified payloads.</summary>
[XmlType]
public sealed partial class OadrPoll : OadrMessage
{
    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string VenId { get; set; } = "";
}
