using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:eiEventSignals: the interval data of an event's signals and an optional baseline.</summary>
[XmlType]
public sealed partial class EiEventSignals
{
    [XmlElement("eiEventSignal", Ns.Ei, MinOccurs = 1)]
    public List<EiEventSignal> Signals { get; set; } = [];

    [XmlElement("eiEventBaseline", Ns.Ei)]
    public EiEventBaseline? EiEventBaseline { get; set; }
}

/// <summary>ei:eiEventSignal: one event signal (name, type, unit) with its interval values.</summary>
[XmlType]
public sealed partial class EiEventSignal
{
    [XmlElement("intervals", Ns.Strm)]
    public Intervals Intervals { get; set; } = new();

    [XmlElement("eiTarget", Ns.Ei)]
    public EiTarget? EiTarget { get; set; }

    [XmlElement("signalName", Ns.Ei)]
    [XmlRestriction(typeof(SignalNameEnumerated), ExtensionPrefix = "x-")]
    public string SignalName { get; set; } = "";

    [XmlElement("signalType", Ns.Ei)]
    public SignalType SignalType { get; set; }

    [XmlElement("signalID", Ns.Ei)]
    public string SignalId { get; set; } = "";

    [XmlChoice]
    public ItemBase? ItemBase { get; set; }

    [XmlElement("currentValue", Ns.Ei)]
    public CurrentValue? CurrentValue { get; set; }
}

/// <summary>ei:currentValue: the payload value of the event interval executing now.</summary>
[XmlType]
public sealed partial class CurrentValue
{
    [XmlElement("payloadFloat", Ns.Ei)]
    public PayloadFloat PayloadFloat { get; set; } = new();
}

/// <summary>ei:signalPayload: the value of an event signal or baseline in one interval.</summary>
[XmlType]
public sealed partial class SignalPayload : StreamPayloadBase
{
    [XmlChoice]
    public PayloadBase PayloadBase { get; set; } = null!;
}

/// <summary>ei:signalType: how an event signal's values are to be read (level, price, delta, setpoint, ...).</summary>
public enum SignalType
{
    [XmlEnumValue("delta")] Delta,
    [XmlEnumValue("level")] Level,
    [XmlEnumValue("multiplier")] Multiplier,
    [XmlEnumValue("price")] Price,
    [XmlEnumValue("priceMultiplier")] PriceMultiplier,
    [XmlEnumValue("priceRelative")] PriceRelative,
    [XmlEnumValue("setpoint")] Setpoint,
    [XmlEnumValue("x-loadControlCapacity")] XLoadControlCapacity,
    [XmlEnumValue("x-loadControlLevelOffset")] XLoadControlLevelOffset,
    [XmlEnumValue("x-loadControlPercentOffset")] XLoadControlPercentOffset,
    [XmlEnumValue("x-loadControlSetpoint")] XLoadControlSetpoint,
}

/// <summary>The known values of ei:signalName (x- extensions also allowed).</summary>
public enum SignalNameEnumerated
{
    [XmlEnumValue("SIMPLE")] Simple,
    [XmlEnumValue("simple")] SimpleLowercase,
    [XmlEnumValue("ELECTRICITY_PRICE")] ElectricityPrice,
    [XmlEnumValue("ENERGY_PRICE")] EnergyPrice,
    [XmlEnumValue("DEMAND_CHARGE")] DemandCharge,
    [XmlEnumValue("BID_PRICE")] BidPrice,
    [XmlEnumValue("BID_LOAD")] BidLoad,
    [XmlEnumValue("BID_ENERGY")] BidEnergy,
    [XmlEnumValue("CHARGE_STATE")] ChargeState,
    [XmlEnumValue("LOAD_DISPATCH")] LoadDispatch,
    [XmlEnumValue("LOAD_CONTROL")] LoadControl,
}
