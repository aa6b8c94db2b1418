using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Benchmarks;

/// <summary>Messages shaped like what OpenLEADR's VEN and VTN exchange, at the sizes the benchmarks name.</summary>
public static class SamplePayloads
{
    private const string VenId = "ven-9eea0291-6afe-4077-8734-898453870cb7";
    private static readonly DateTime Start = new(2026, 11, 26, 3, 49, 50, DateTimeKind.Utc);

    public static IReadOnlyList<string> Names { get; } =
        ["oadrPoll", "oadrPoll-openleadr", "oadrResponse", "oadrDistributeEvent-1x4", "oadrDistributeEvent-10", "oadrUpdateReport-10", "oadrRegisterReport-5"];

    public static OadrPayload Create(string name) => Wrap(name switch
    {
        "oadrPoll" or "oadrPoll-openleadr" => new OadrPoll { VenId = VenId },
        "oadrResponse" => new OadrResponse
        {
            EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = "" },
            VenId = VenId,
        },
        "oadrDistributeEvent-1x4" => DistributeEvent(events: 1, intervals: 4),
        "oadrDistributeEvent-10" => DistributeEvent(events: 10, intervals: 4),
        "oadrUpdateReport-10" => UpdateReport(intervals: 10),
        "oadrRegisterReport-5" => RegisterReport(descriptions: 5),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    });

    public static byte[] Bytes(string name)
    {
        if (name == "oadrPoll-openleadr")
        {
            return OpenLeadrPoll.ToArray();
        }

        var buffer = new ArrayBufferWriter<byte>();
        Create(name).WriteDocument(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An oadrPoll exactly as OpenLEADR's VEN sends it (430 bytes; the namespace declared twice, whitespace between elements).</summary>
    private static ReadOnlySpan<byte> OpenLeadrPoll => """
<?xml version="1.0" encoding="utf-8"?>
<oadr:oadrPayload xmlns:oadr="http://openadr.org/oadr-2.0b/2012/07">
<oadr:oadrSignedObject xmlns:oadr="http://openadr.org/oadr-2.0b/2012/07" oadr:Id="oadrSignedObject"><oadr:oadrPoll ei:schemaVersion="2.0b" xmlns:ei="http://docs.oasis-open.org/ns/energyinterop/201110"><ei:venID>ven-9eea0291-6afe-4077-8734-898453870cb7</ei:venID></oadr:oadrPoll></oadr:oadrSignedObject>
</oadr:oadrPayload>
"""u8;

    private static OadrPayload Wrap(OadrMessage message) =>
        OadrPayload.Wrap(message);

    private static OadrDistributeEvent DistributeEvent(int events, int intervals) => new()
    {
        EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = "503647e3-42ad-4c5d-ac97-64fa413ec916" },
        RequestId = "503647e3-42ad-4c5d-ac97-64fa413ec916",
        VtnId = "openadr-edge-vtn",
        OadrEvents = Enumerable.Range(0, events).Select(e => new OadrEvent
        {
            EiEvent = new EiEvent
            {
                EventDescriptor = new EventDescriptor
                {
                    EventId = $"event-{e}-cd654eab-cd9b-4c3d-8ab4-6756bed6f19c",
                    ModificationNumber = 0,
                    ModificationDateTime = Start.AddMinutes(-5),
                    Priority = 1,
                    EiMarketContext = "http://marketcontext01",
                    CreatedDateTime = Start.AddMinutes(-5),
                    EventStatus = EventStatus.Far,
                    TestEvent = "false",
                },
                EiActivePeriod = new EiActivePeriod
                {
                    Properties = new Properties
                    {
                        DtStart = Start.AddHours(e),
                        Duration = TimeSpan.FromMinutes(5 * intervals),
                        XEiNotification = TimeSpan.FromMinutes(10),
                        XEiRampUp = TimeSpan.FromMinutes(1),
                        XEiRecovery = TimeSpan.FromMinutes(1),
                    },
                },
                EiEventSignals = new EiEventSignals
                {
                    Signals =
                    [
                        new EiEventSignal
                        {
                            Intervals = new Intervals
                            {
                                Items = Enumerable.Range(0, intervals).Select(i => new Interval
                                {
                                    Duration = TimeSpan.FromMinutes(5),
                                    Uid = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                    StreamPayloads = [new SignalPayload { PayloadBase = new PayloadFloat { Value = 1 + (i % 3) } }],
                                }).ToList(),
                            },
                            SignalName = "simple",
                            SignalType = SignalType.Level,
                            SignalId = $"signal-{e}-c0e52211-f364-4023-9c6d-116a7ed3f67d",
                            CurrentValue = new CurrentValue { PayloadFloat = new PayloadFloat { Value = 0 } },
                        },
                    ],
                },
                EiTarget = new EiTarget { VenIds = [VenId] },
            },
            OadrResponseRequired = ResponseRequired.Always,
        }).ToList(),
    };

    private static OadrUpdateReport UpdateReport(int intervals) => new()
    {
        RequestId = "2e46780e-7b2b-44ef-9291-151729ea3005",
        OadrReports =
        [
            new OadrReport
            {
                DtStart = Start,
                Duration = TimeSpan.FromSeconds(10 * intervals),
                Intervals = new Intervals
                {
                    Items = Enumerable.Range(0, intervals).Select(i => new Interval
                    {
                        DtStart = Start.AddSeconds(10 * i),
                        StreamPayloads = [new OadrReportPayload { RId = "probe-power-real", PayloadBase = new PayloadFloat { Value = 1655.5f + i } }],
                    }).ToList(),
                },
                EiReportId = "report-1",
                ReportRequestId = "ae20c3fd-d78e-467f-b103-e6007f68b70f",
                ReportSpecifierId = "probe-telemetry-usage",
                ReportName = "TELEMETRY_USAGE",
                CreatedDateTime = Start.AddSeconds(10 * intervals),
            },
        ],
        VenId = VenId,
    };

    private static OadrRegisterReport RegisterReport(int descriptions) => new()
    {
        RequestId = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
        OadrReports =
        [
            new OadrReport
            {
                Duration = TimeSpan.FromHours(1),
                EiReportId = "probe-telemetry-usage",
                OadrReportDescriptions = Enumerable.Range(0, descriptions).Select(i => new OadrReportDescription
                {
                    RId = $"probe-{i}",
                    ReportDataSource = new EiTarget { ResourceIds = [$"device-{i}"] },
                    ReportType = "usage",
                    ItemBase = i % 2 == 0
                        ? new PowerReal { ItemUnits = PowerRealUnits.Watt, SiScaleCode = SiScaleCode.None, PowerAttributes = new PowerAttributes { Hertz = 50, Voltage = 230, Ac = true } }
                        : new Voltage { SiScaleCode = SiScaleCode.None },
                    ReadingType = "Direct Read",
                    MarketContext = "http://marketcontext01",
                    OadrSamplingRate = new OadrSamplingRate { OadrMinPeriod = TimeSpan.FromSeconds(10), OadrMaxPeriod = TimeSpan.FromMinutes(5), OadrOnChange = false },
                }).ToList(),
                ReportRequestId = "0",
                ReportSpecifierId = "probe-telemetry-usage",
                ReportName = "METADATA_TELEMETRY_USAGE",
                CreatedDateTime = Start,
            },
        ],
        VenId = VenId,
    };
}
