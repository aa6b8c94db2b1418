using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>power:energyItem (abstract EnergyItemType in the XSD): energy in a unit the sender names itself.</summary>
[XmlType]
public sealed partial class EnergyItem : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Intern = true)]
    public string ItemDescription { get; set; } = "";

    [XmlElement("itemUnits", Ns.Power, Intern = true)]
    public string ItemUnits { get; set; } = "";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>power:energyReal: real energy in Wh.</summary>
[XmlType]
public sealed partial class EnergyReal : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Fixed = "RealEnergy")]
    public string ItemDescription { get; set; } = "RealEnergy";

    [XmlElement("itemUnits", Ns.Power, Fixed = "Wh")]
    public string ItemUnits { get; set; } = "Wh";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>power:energyApparent: apparent energy in VAh.</summary>
[XmlType]
public sealed partial class EnergyApparent : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Fixed = "ApparentEnergy")]
    public string ItemDescription { get; set; } = "ApparentEnergy";

    [XmlElement("itemUnits", Ns.Power, Fixed = "VAh")]
    public string ItemUnits { get; set; } = "VAh";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>power:energyReactive: reactive energy in VARh.</summary>
[XmlType]
public sealed partial class EnergyReactive : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Fixed = "ReactiveEnergy")]
    public string ItemDescription { get; set; } = "ReactiveEnergy";

    [XmlElement("itemUnits", Ns.Power, Fixed = "VARh")]
    public string ItemUnits { get; set; } = "VARh";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}
