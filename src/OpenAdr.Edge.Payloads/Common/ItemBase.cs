using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>emix:itemBase: the unit of a signal, baseline or report data point (power, energy, voltage, currency, ...).</summary>
[XmlType]
[XmlDerivedType(typeof(PowerReal), "powerReal", Ns.Power)]
[XmlDerivedType(typeof(PowerApparent), "powerApparent", Ns.Power)]
[XmlDerivedType(typeof(PowerReactive), "powerReactive", Ns.Power)]
[XmlDerivedType(typeof(PowerItem), "powerItem", Ns.Power)]
[XmlDerivedType(typeof(EnergyReal), "energyReal", Ns.Power)]
[XmlDerivedType(typeof(EnergyApparent), "energyApparent", Ns.Power)]
[XmlDerivedType(typeof(EnergyReactive), "energyReactive", Ns.Power)]
[XmlDerivedType(typeof(EnergyItem), "energyItem", Ns.Power)]
[XmlDerivedType(typeof(Voltage), "voltage", Ns.Power)]
[XmlDerivedType(typeof(BaseUnit), "customUnit", Ns.Oadr)]
[XmlDerivedType(typeof(Current), "current", Ns.Oadr)]
[XmlDerivedType(typeof(Currency), "currency", Ns.Oadr)]
[XmlDerivedType(typeof(CurrencyPerKWh), "currencyPerKWh", Ns.Oadr)]
[XmlDerivedType(typeof(CurrencyPerKW), "currencyPerKW", Ns.Oadr)]
[XmlDerivedType(typeof(CurrencyPerThm), "currencyPerThm", Ns.Oadr)]
[XmlDerivedType(typeof(Frequency), "frequency", Ns.Oadr)]
[XmlDerivedType(typeof(Therm), "Therm", Ns.Oadr)]
[XmlDerivedType(typeof(Temperature), "temperature", Ns.Oadr)]
[XmlDerivedType(typeof(PulseCount), "pulseCount", Ns.Oadr)]
[XmlDerivedType(typeof(OadrGBItemBase), "oadrGBDataDescription", Ns.Oadr)]
public abstract partial class ItemBase;

/// <summary>scale:siScaleCode: the SI multiplier of a unit (none, p, n, micro, m, c, d, k, M, G or T).</summary>
public enum SiScaleCode
{
    [XmlEnumValue("none")] None,
    [XmlEnumValue("p")] Pico,
    [XmlEnumValue("n")] Nano,
    [XmlEnumValue("micro")] Micro,
    [XmlEnumValue("m")] Milli,
    [XmlEnumValue("c")] Centi,
    [XmlEnumValue("d")] Deci,
    [XmlEnumValue("k")] Kilo,
    [XmlEnumValue("M")] Mega,
    [XmlEnumValue("G")] Giga,
    [XmlEnumValue("T")] Tera,
}
