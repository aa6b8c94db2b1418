using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadr:currency (currencyType): an amount of money in an ISO 4217 currency.</summary>
[XmlType]
public sealed partial class Currency : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr)]
    public CurrencyItemDescription ItemDescription { get; set; }

    [XmlElement("itemUnits", Ns.Oadr)]
    public Iso3AlphaCurrencyCode ItemUnits { get; set; }

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>oadr:currencyPerKWh (currencyType): a price per kWh.</summary>
[XmlType]
public sealed partial class CurrencyPerKWh : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr)]
    public CurrencyItemDescription ItemDescription { get; set; } = CurrencyItemDescription.CurrencyPerKWh;

    [XmlElement("itemUnits", Ns.Oadr)]
    public Iso3AlphaCurrencyCode ItemUnits { get; set; }

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>oadr:currencyPerKW (currencyType): a price per kW (demand charge).</summary>
[XmlType]
public sealed partial class CurrencyPerKW : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr)]
    public CurrencyItemDescription ItemDescription { get; set; } = CurrencyItemDescription.CurrencyPerKW;

    [XmlElement("itemUnits", Ns.Oadr)]
    public Iso3AlphaCurrencyCode ItemUnits { get; set; }

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>oadr:currencyPerThm (currencyType): a price per therm.</summary>
[XmlType]
public sealed partial class CurrencyPerThm : ItemBase
{
    [XmlElement("itemDescription", Ns.Oadr)]
    public CurrencyItemDescription ItemDescription { get; set; }

    [XmlElement("itemUnits", Ns.Oadr)]
    public Iso3AlphaCurrencyCode ItemUnits { get; set; }

    [XmlElement("siScaleCode", Ns.Scale)]
    public SiScaleCode SiScaleCode { get; set; }
}

/// <summary>The itemDescription values allowed for the currency units (the XSD offers no currencyPerThm value).</summary>
public enum CurrencyItemDescription
{
    [XmlEnumValue("currency")] Currency,
    [XmlEnumValue("currencyPerKW")] CurrencyPerKW,
    [XmlEnumValue("currencyPerKWh")] CurrencyPerKWh,
}
