using System;
using System.Text;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Reports;

/// <summary>What a report description's item base measures, in the words OpenLEADR hands its handler (measurement, unit, scale).</summary>
internal static class ItemDescriptions
{
    public static (string Measurement, string? Unit, string? Scale) Describe(ItemBase? item) => item switch
    {
        null => ("", null, null),
        PowerReal i => (i.ItemDescription, Text(PowerRealUnitsXml.ToUtf8(i.ItemUnits)), Scale(i.SiScaleCode)),
        PowerApparent i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        PowerReactive i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        PowerItem i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        EnergyReal i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        EnergyApparent i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        EnergyReactive i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        EnergyItem i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        Voltage i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        Current i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        Frequency i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        Therm i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        Temperature i => (i.ItemDescription, Text(TemperatureUnitXml.ToUtf8(i.ItemUnits)), Scale(i.SiScaleCode)),
        PulseCount i => (i.ItemDescription, i.ItemUnits, null),
        BaseUnit i => (i.ItemDescription, i.ItemUnits, Scale(i.SiScaleCode)),
        Currency i => (Text(CurrencyItemDescriptionXml.ToUtf8(i.ItemDescription)), i.ItemUnits.ToString(), Scale(i.SiScaleCode)),
        CurrencyPerKWh i => (Text(CurrencyItemDescriptionXml.ToUtf8(i.ItemDescription)), i.ItemUnits.ToString(), Scale(i.SiScaleCode)),
        CurrencyPerKW i => (Text(CurrencyItemDescriptionXml.ToUtf8(i.ItemDescription)), i.ItemUnits.ToString(), Scale(i.SiScaleCode)),
        CurrencyPerThm i => (Text(CurrencyItemDescriptionXml.ToUtf8(i.ItemDescription)), i.ItemUnits.ToString(), Scale(i.SiScaleCode)),
        _ => (item.GetType().Name, null, null),
    };

    private static string Scale(SiScaleCode code) => Text(SiScaleCodeXml.ToUtf8(code));

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
