using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>power:voltage: voltage in V.</summary>
[XmlType]
public sealed partial class Voltage : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Fixed = "Voltage")]
    public string ItemDescription { get; set; } = "Voltage";

    [XmlElement("itemUnits", Ns.Power, Fixed = "V")]
    public string ItemUnits { get; set; } = "V";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}
