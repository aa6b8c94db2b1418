using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>power:powerItem (abstract PowerItemType in the XSD): power in a unit the sender names itself.</summary>
[XmlType]
public sealed partial class PowerItem : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Intern = true)]
    public string ItemDescription { get; set; } = "";

    [XmlElement("itemUnits", Ns.Power, Intern = true)]
    public string ItemUnits { get; set; } = "";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }

    [XmlElement("powerAttributes", Ns.Power)]
    public PowerAttributes PowerAttributes { get; set; } = new();
}

/// <summary>power:powerReal: real power in W (or J/s).</summary>
[XmlType]
public sealed partial class PowerReal : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Fixed = "RealPower")]
    public string ItemDescription { get; set; } = "RealPower";

    [XmlElement("itemUnits", Ns.Power)]
    public PowerRealUnits ItemUnits { get; set; }

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }

    [XmlElement("powerAttributes", Ns.Power)]
    public PowerAttributes PowerAttributes { get; set; } = new();
}

/// <summary>power:powerApparent: apparent power in VA.</summary>
[XmlType]
public sealed partial class PowerApparent : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Fixed = "ApparentPower")]
    public string ItemDescription { get; set; } = "ApparentPower";

    [XmlElement("itemUnits", Ns.Power, Fixed = "VA")]
    public string ItemUnits { get; set; } = "VA";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }

    [XmlElement("powerAttributes", Ns.Power)]
    public PowerAttributes PowerAttributes { get; set; } = new();
}

/// <summary>power:powerReactive: reactive power in VAR.</summary>
[XmlType]
public sealed partial class PowerReactive : ItemBase
{
    [XmlElement("itemDescription", Ns.Power, Fixed = "ReactivePower")]
    public string ItemDescription { get; set; } = "ReactivePower";

    [XmlElement("itemUnits", Ns.Power, Fixed = "VAR")]
    public string ItemUnits { get; set; } = "VAR";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }

    [XmlElement("powerAttributes", Ns.Power)]
    public PowerAttributes PowerAttributes { get; set; } = new();
}

/// <summary>power:powerAttributes: the electrical context of a power measurement (frequency, voltage, AC or DC).</summary>
[XmlType]
public sealed partial class PowerAttributes
{
    [XmlElement("hertz", Ns.Power)]
    public decimal Hertz { get; set; }

    [XmlElement("voltage", Ns.Power)]
    public decimal Voltage { get; set; }

    [XmlElement("ac", Ns.Power)]
    public bool Ac { get; set; }
}

/// <summary>The units allowed for power:powerReal: W or J/s.</summary>
public enum PowerRealUnits
{
    [XmlEnumValue("W")] Watt,
    [XmlEnumValue("J/s")] JoulePerSecond,
}
