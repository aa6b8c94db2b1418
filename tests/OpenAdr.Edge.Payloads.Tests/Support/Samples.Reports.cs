using System;
using System.Collections.Generic;

namespace OpenAdr.Edge.Payloads.Tests;

internal static partial class Samples
{
    public const string TelemetrySpecifier = "telemetry-usage-15s";
    public const string StatusSpecifier = "telemetry-status";
    public const string GreenButtonSpecifier = "history-greenbutton";

    public static OadrPayload CancelReport() => Envelope(new OadrCancelReport
    {
        RequestId = "cancelreport-3",
        ReportRequestIds = ["rr-telemetry-1", "rr-status-1"],
        ReportToFollow = true,
        VenId = VenId,
    });

    public static OadrPayload CanceledReport() => Envelope(new OadrCanceledReport
    {
        EiResponse = Ok("cancelreport-3"),
        OadrPendingReports = new OadrPendingReports { ReportRequestIds = ["rr-history-1", "rr-status-2"] },
        VenId = VenId,
    });

    public static OadrPayload CreateReport() => Envelope(new OadrCreateReport
    {
        RequestId = "createreport-12",
        OadrReportRequests =
        [
            new OadrReportRequest
            {
                ReportRequestId = "rr-telemetry-1",
                ReportSpecifier = new ReportSpecifier
                {
                    ReportSpecifierId = TelemetrySpecifier,
                    Granularity = TimeSpan.FromSeconds(15),
                    ReportBackDuration = TimeSpan.FromMinutes(1),
                    ReportInterval = new WsCalendarInterval { Properties = Period(Utc(11, 26, 0, 0), TimeSpan.FromDays(7)) },
                    SpecifierPayloads =
                    [
                        new SpecifierPayload
                        {
                            RId = "rid-power",
                            ItemBase = new PowerReal { ItemUnits = PowerRealUnits.Watt, SiScaleCode = SiScaleCode.None, PowerAttributes = new PowerAttributes { Hertz = 60, Voltage = 240, Ac = true } },
                            ReadingType = "Direct Read",
                        },
                        new SpecifierPayload { RId = "rid-energy", ReadingType = "Summed" },
                    ],
                },
            },
            new OadrReportRequest
            {
                ReportRequestId = "rr-status-1",
                ReportSpecifier = new ReportSpecifier
                {
                    ReportSpecifierId = StatusSpecifier,
                    Granularity = TimeSpan.Zero,
                    ReportBackDuration = TimeSpan.FromMinutes(5),
                    SpecifierPayloads = [new SpecifierPayload { RId = "rid-status", ReadingType = "x-notApplicable" }],
                },
            },
        ],
        VenId = VenId,
    });

    public static OadrPayload CreatedReport() => Envelope(new OadrCreatedReport
    {
        EiResponse = Ok("createreport-12"),
        OadrPendingReports = new OadrPendingReports { ReportRequestIds = ["rr-telemetry-1", "rr-status-1"] },
        VenId = VenId,
    });

    /// <summary>Metadata for telemetry usage (every unit the schema knows), telemetry status and Green Button history.</summary>
    public static OadrPayload RegisterReport() => Envelope(new OadrRegisterReport
    {
        RequestId = "register-00f23f13",
        OadrReports =
        [
            new OadrReport
            {
                Duration = TimeSpan.FromHours(1),
                EiReportId = "report-meta-usage",
                OadrReportDescriptions =
                [
                    Description("rid-power", "usage", new PowerReal { ItemUnits = PowerRealUnits.JoulePerSecond, SiScaleCode = SiScaleCode.Kilo, PowerAttributes = new PowerAttributes { Hertz = 50, Voltage = 230, Ac = true } }, full: true),
                    Description("rid-voltage", "reading", new Voltage { SiScaleCode = SiScaleCode.None }),
                    Description("rid-energy", "usage", new EnergyReal { SiScaleCode = SiScaleCode.Kilo }),
                    Description("rid-custom", "x-customReading", new BaseUnit { ItemDescription = "Occupancy", ItemUnits = "people", SiScaleCode = SiScaleCode.None }),
                    Description("rid-temperature", "reading", new Temperature { ItemUnits = TemperatureUnit.Celsius, SiScaleCode = SiScaleCode.Deci }),
                    Description("rid-cost", "price", new Currency { ItemDescription = CurrencyItemDescription.Currency, ItemUnits = Iso3AlphaCurrencyCode.EUR, SiScaleCode = SiScaleCode.Centi }),
                    Description("rid-pulses", "reading", new PulseCount { PulseFactor = 0.001f }),
                    Description("rid-apparent", "demand", new PowerApparent { SiScaleCode = SiScaleCode.Kilo, PowerAttributes = new PowerAttributes { Hertz = 60, Voltage = 480, Ac = true } }),
                    Description("rid-reactive", "demand", new PowerReactive { SiScaleCode = SiScaleCode.Kilo, PowerAttributes = new PowerAttributes { Hertz = 0, Voltage = 48.25m, Ac = false } }),
                    Description("rid-energy-apparent", "usage", new EnergyApparent { SiScaleCode = SiScaleCode.Mega }),
                    Description("rid-energy-reactive", "usage", new EnergyReactive { SiScaleCode = SiScaleCode.Giga }),
                    Description("rid-current", "reading", new Current { SiScaleCode = SiScaleCode.Milli }),
                    Description("rid-frequency", "reading", new Frequency { SiScaleCode = SiScaleCode.None }),
                    Description("rid-gas", "usage", new Therm { SiScaleCode = SiScaleCode.None }),
                    Description("rid-demand-charge", "price", new CurrencyPerKW { ItemUnits = Iso3AlphaCurrencyCode.USD, SiScaleCode = SiScaleCode.None }),
                    Description("rid-energy-price", "price", new CurrencyPerKWh { ItemUnits = Iso3AlphaCurrencyCode.CAD, SiScaleCode = SiScaleCode.Micro }),
                    Description("rid-gas-price", "price", new CurrencyPerThm { ItemDescription = CurrencyItemDescription.Currency, ItemUnits = Iso3AlphaCurrencyCode.GBP, SiScaleCode = SiScaleCode.Nano }),
                    Description("rid-tera", "x-tera", new EnergyReal { SiScaleCode = SiScaleCode.Tera }),
                    Description("rid-pico", "reading", new Current { SiScaleCode = SiScaleCode.Pico }),
                ],
                ReportRequestId = "0",
                ReportSpecifierId = TelemetrySpecifier,
                ReportName = "METADATA_TELEMETRY_USAGE",
                CreatedDateTime = Utc(11, 26, 3, 49, 16, 642_900),
            },
            new OadrReport
            {
                Duration = TimeSpan.FromHours(1),
                OadrReportDescriptions =
                [
                    new OadrReportDescription
                    {
                        RId = "rid-status",
                        ReportDataSource = new EiTarget { ResourceIds = ["resource-hvac-1"] },
                        ReportType = "x-resourceStatus",
                        ReadingType = "x-notApplicable",
                        OadrSamplingRate = new OadrSamplingRate { OadrMinPeriod = TimeSpan.FromMinutes(1), OadrMaxPeriod = TimeSpan.FromMinutes(10), OadrOnChange = true },
                    },
                ],
                ReportRequestId = "0",
                ReportSpecifierId = StatusSpecifier,
                ReportName = "METADATA_TELEMETRY_STATUS",
                CreatedDateTime = Utc(11, 26, 3, 49, 16, 642_900),
            },
            new OadrReport
            {
                DtStart = Utc(10, 1, 0, 0),
                Duration = TimeSpan.FromDays(30),
                OadrReportDescriptions =
                [
                    new OadrReportDescription
                    {
                        RId = "rid-greenbutton",
                        ReportType = "usage",
                        ItemBase = new OadrGBItemBase { Feed = GreenButtonFeed("5b1e2c7a-0d3f-4e8b-9a61-7c2d4e5f6a70") },
                        ReadingType = "Net",
                    },
                ],
                ReportRequestId = "0",
                ReportSpecifierId = GreenButtonSpecifier,
                ReportName = "METADATA_HISTORY_GREENBUTTON",
                CreatedDateTime = Utc(11, 26, 3, 49, 16, 642_900),
            },
        ],
        VenId = VenId,
        ReportRequestId = "rr-register-7",
    });

    public static OadrPayload RegisteredReport() => Envelope(new OadrRegisteredReport
    {
        EiResponse = Ok("register-00f23f13"),
        OadrReportRequests =
        [
            new OadrReportRequest
            {
                ReportRequestId = "rr-telemetry-1",
                ReportSpecifier = new ReportSpecifier
                {
                    ReportSpecifierId = TelemetrySpecifier,
                    Granularity = TimeSpan.FromSeconds(15),
                    ReportBackDuration = TimeSpan.FromSeconds(15),
                    SpecifierPayloads = [new SpecifierPayload { RId = "rid-power", ReadingType = "Direct Read" }, new SpecifierPayload { RId = "rid-voltage", ReadingType = "Direct Read" }],
                },
            },
        ],
        VenId = VenId,
    });

    /// <summary>Telemetry usage values, a resource status, and Green Button history.</summary>
    public static OadrPayload UpdateReport() => Envelope(new OadrUpdateReport
    {
        RequestId = "update-2e46780e",
        OadrReports =
        [
            new OadrReport
            {
                DtStart = Utc(11, 26, 14, 0),
                Duration = TimeSpan.FromSeconds(45),
                Intervals = new Intervals
                {
                    Items =
                    [
                        UsageInterval(0, 1655.5f, 225.4f, "Quality Good - Non Specific"),
                        UsageInterval(1, 1702.25f, 229.9f, "x-interpolated"),
                        UsageInterval(2, 3.4028235E+38f, 1E-07f, "Quality Limit - Field/High"),
                    ],
                },
                EiReportId = "report-usage-1",
                ReportRequestId = "rr-telemetry-1",
                ReportSpecifierId = TelemetrySpecifier,
                ReportName = "TELEMETRY_USAGE",
                CreatedDateTime = Utc(11, 26, 14, 0, 46, 700_346),
            },
            new OadrReport
            {
                DtStart = Utc(11, 26, 14, 0),
                Intervals = new Intervals
                {
                    Items =
                    [
                        new Interval
                        {
                            DtStart = Utc(11, 26, 14, 0),
                            StreamPayloads =
                            [
                                new OadrReportPayload
                                {
                                    RId = "rid-status",
                                    Confidence = 100,
                                    PayloadBase = new OadrPayloadResourceStatus
                                    {
                                        OadrOnline = true,
                                        OadrManualOverride = false,
                                        OadrLoadControlState = new OadrLoadControlState
                                        {
                                            OadrCapacity = new OadrLoadControlStateType { OadrMin = 0, OadrMax = 100, OadrCurrent = 80, OadrNormal = 100 },
                                            OadrLevelOffset = new OadrLoadControlStateType { OadrCurrent = -1 },
                                            OadrPercentOffset = new OadrLoadControlStateType { OadrMin = -50, OadrCurrent = 12.5f },
                                            OadrSetPoint = new OadrLoadControlStateType { OadrMax = 30, OadrCurrent = 21.5f, OadrNormal = 20 },
                                        },
                                    },
                                },
                                new OadrReportPayload
                                {
                                    RId = "rid-status-2",
                                    PayloadBase = new OadrPayloadResourceStatus { OadrOnline = false, OadrManualOverride = true },
                                },
                            ],
                        },
                    ],
                },
                ReportRequestId = "rr-status-1",
                ReportSpecifierId = StatusSpecifier,
                ReportName = "TELEMETRY_STATUS",
                CreatedDateTime = Utc(11, 26, 14, 0, 1),
            },
            new OadrReport
            {
                DtStart = Utc(10, 1, 0, 0),
                Duration = TimeSpan.FromDays(30),
                Intervals = new Intervals
                {
                    Items =
                    [
                        new Interval
                        {
                            StreamPayloads = [new OadrGBStreamPayloadBase { Feed = GreenButtonFeed("9c8b7a65-4321-4fed-8cba-0123456789ab") }],
                        },
                    ],
                },
                ReportRequestId = "rr-history-1",
                ReportSpecifierId = GreenButtonSpecifier,
                ReportName = "HISTORY_GREENBUTTON",
                CreatedDateTime = Utc(11, 26, 14, 0, 2),
            },
        ],
        VenId = VenId,
    });

    public static OadrPayload UpdatedReport() => Envelope(new OadrUpdatedReport
    {
        EiResponse = Ok("update-2e46780e"),
        OadrCancelReport = new OadrCancelReport
        {
            RequestId = "cancel-in-updated-1",
            ReportRequestIds = ["rr-history-1"],
            ReportToFollow = false,
            VenId = VenId,
        },
        VenId = VenId,
    });

    private static OadrReportDescription Description(string rId, string reportType, ItemBase itemBase, bool full = false) => new()
    {
        RId = rId,
        ReportSubject = full ? new EiTarget { EndDeviceAssets = [new EndDeviceAsset { Mrid = "Smart_Appliance" }], GroupNames = ["Building 7"] } : null,
        ReportDataSource = new EiTarget { ResourceIds = ["resource-meter-1"] },
        ReportType = reportType,
        ItemBase = itemBase,
        ReadingType = full ? "x-RMS" : "Direct Read",
        MarketContext = full ? MarketContext : null,
        OadrSamplingRate = new OadrSamplingRate { OadrMinPeriod = TimeSpan.FromSeconds(2), OadrMaxPeriod = TimeSpan.FromHours(1), OadrOnChange = false },
    };

    private static Interval UsageInterval(int index, float power, float voltage, string quality) => new()
    {
        DtStart = Utc(11, 26, 14, 0, 15 * index),
        Duration = TimeSpan.FromSeconds(15),
        Uid = "u" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StreamPayloads = new List<StreamPayloadBase>
        {
            new OadrReportPayload
            {
                RId = "rid-power",
                Confidence = 95,
                Accuracy = 0.5f,
                PayloadBase = new PayloadFloat { Value = power },
                DataQuality = quality,
            },
            new OadrReportPayload { RId = "rid-voltage", PayloadBase = new PayloadFloat { Value = voltage } },
        },
    };
}
