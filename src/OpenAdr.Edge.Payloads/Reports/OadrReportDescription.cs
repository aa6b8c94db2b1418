using System;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadr:oadrReportDescription: one data point a party can report (subject, source, type, unit, reading type, sampling rate).</summary>
[XmlType]
public sealed partial class OadrReportDescription
{
    [XmlElement("rID", Ns.Ei, Intern = true)]
    public string RId { get; set; } = "";

    [XmlElement("reportSubject", Ns.Ei)]
    public EiTarget? ReportSubject { get; set; }

    [XmlElement("reportDataSource", Ns.Ei)]
    public EiTarget? ReportDataSource { get; set; }

    [XmlElement("reportType", Ns.Ei)]
    [XmlRestriction(typeof(ReportEnumerated), ExtensionPrefix = "x-")]
    public string ReportType { get; set; } = "";

    [XmlChoice]
    public ItemBase? ItemBase { get; set; }

    [XmlElement("readingType", Ns.Ei)]
    [XmlRestriction(typeof(ReadingTypeEnumerated), ExtensionPrefix = "x-")]
    public string ReadingType { get; set; } = "";

    [XmlElement("marketContext", Ns.Emix, Intern = true)]
    public string? MarketContext { get; set; }

    [XmlElement("oadrSamplingRate", Ns.Oadr)]
    public OadrSamplingRate? OadrSamplingRate { get; set; }
}

/// <summary>oadr:oadrSamplingRate: how often a telemetry data point can be sampled (min and max period, on change).</summary>
[XmlType]
public sealed partial class OadrSamplingRate
{
    [XmlElement("oadrMinPeriod", Ns.Oadr)]
    public TimeSpan OadrMinPeriod { get; set; }

    [XmlElement("oadrMaxPeriod", Ns.Oadr)]
    public TimeSpan OadrMaxPeriod { get; set; }

    [XmlElement("oadrOnChange", Ns.Oadr)]
    public bool OadrOnChange { get; set; }
}

/// <summary>The known values of ei:reportType (x- extensions also allowed).</summary>
public enum ReportEnumerated
{
    [XmlEnumValue("reading")] Reading,
    [XmlEnumValue("usage")] Usage,
    [XmlEnumValue("demand")] Demand,
    [XmlEnumValue("setPoint")] SetPoint,
    [XmlEnumValue("deltaUsage")] DeltaUsage,
    [XmlEnumValue("deltaSetPoint")] DeltaSetPoint,
    [XmlEnumValue("deltaDemand")] DeltaDemand,
    [XmlEnumValue("baseline")] Baseline,
    [XmlEnumValue("deviation")] Deviation,
    [XmlEnumValue("avgUsage")] AvgUsage,
    [XmlEnumValue("avgDemand")] AvgDemand,
    [XmlEnumValue("operatingState")] OperatingState,
    [XmlEnumValue("upRegulationCapacityAvailable")] UpRegulationCapacityAvailable,
    [XmlEnumValue("downRegulationCapacityAvailable")] DownRegulationCapacityAvailable,
    [XmlEnumValue("regulationSetpoint")] RegulationSetpoint,
    [XmlEnumValue("storedEnergy")] StoredEnergy,
    [XmlEnumValue("targetEnergyStorage")] TargetEnergyStorage,
    [XmlEnumValue("availableEnergyStorage")] AvailableEnergyStorage,
    [XmlEnumValue("price")] Price,
    [XmlEnumValue("level")] Level,
    [XmlEnumValue("powerFactor")] PowerFactor,
    [XmlEnumValue("percentUsage")] PercentUsage,
    [XmlEnumValue("percentDemand")] PercentDemand,
    [XmlEnumValue("x-resourceStatus")] XResourceStatus,
}

/// <summary>The known values of ei:readingType (x- extensions also allowed).</summary>
public enum ReadingTypeEnumerated
{
    [XmlEnumValue("Direct Read")] DirectRead,
    [XmlEnumValue("Net")] Net,
    [XmlEnumValue("Allocated")] Allocated,
    [XmlEnumValue("Estimated")] Estimated,
    [XmlEnumValue("Summed")] Summed,
    [XmlEnumValue("Derived")] Derived,
    [XmlEnumValue("Mean")] Mean,
    [XmlEnumValue("Peak")] Peak,
    [XmlEnumValue("Hybrid")] Hybrid,
    [XmlEnumValue("Contract")] Contract,
    [XmlEnumValue("Projected")] Projected,
    [XmlEnumValue("x-RMS")] XRms,
    [XmlEnumValue("x-notApplicable")] XNotApplicable,
}
