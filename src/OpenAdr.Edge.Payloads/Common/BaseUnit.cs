using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadr:customUnit (BaseUnitType): a unit the sender describes itself, for custom reports.</summary>
[XmlType]
public sealed partial class BaseUnit : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr, Intern = true)]
    public string ItemDescription { get; set; } = "";

    [XmlElement("itemUnits", Ns.Oadr, Intern = true)]
    public string ItemUnits { get; set; } = "";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>oadr:current: electric current in A.</summary>
[XmlType]
public sealed partial class Current : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr, Fixed = "Current")]
    public string ItemDescription { get; set; } = "Current";

    [XmlElement("itemUnits", Ns.Oadr, Fixed = "A")]
    public string ItemUnits { get; set; } = "A";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>oadr:frequency: frequency in Hz.</summary>
[XmlType]
public sealed partial class Frequency : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr, Fixed = "Frequency")]
    public string ItemDescription { get; set; } = "Frequency";

    [XmlElement("itemUnits", Ns.Oadr, Fixed = "Hz")]
    public string ItemUnits { get; set; } = "Hz";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>oadr:Therm: gas energy in therms.</summary>
[XmlType]
public sealed partial class Therm : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr, Fixed = "Therm")]
    public string ItemDescription { get; set; } = "Therm";

    [XmlElement("itemUnits", Ns.Oadr, Fixed = "thm")]
    public string ItemUnits { get; set; } = "thm";

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>oadr:temperature: temperature in degrees Celsius or Fahrenheit.</summary>
[XmlType]
public sealed partial class Temperature : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr, Fixed = "temperature")]
    public string ItemDescription { get; set; } = "temperature";

    [XmlElement("itemUnits", Ns.Oadr)]
    public TemperatureUnit ItemUnits { get; set; }

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>The temperature scales allowed for oadr:temperature.</summary>
public enum TemperatureUnit
{
    [XmlEnumValue("celsius")] Celsius,
    [XmlEnumValue("fahrenheit")] Fahrenheit,
}

/// <summary>oadr:pulseCount: a meter pulse count, with the kWh each pulse stands for.</summary>
[XmlType]
public sealed partial class PulseCount : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr, Fixed = "pulse count")]
    public string ItemDescription { get; set; } = "pulse count";

    [XmlElement("itemUnits", Ns.Oadr, Fixed = "count")]
    public string ItemUnits { get; set; } = "count";

    [XmlElement("pulseFactor", Ns.Oadr)]
    public float PulseFactor { get; set; }
}
