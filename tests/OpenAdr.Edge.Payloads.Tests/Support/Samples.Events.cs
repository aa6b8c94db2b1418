using System;
using System.Collections.Generic;

namespace OpenAdr.Edge.Payloads.Tests;

internal static partial class Samples
{
    public const string EventId = "evt-3a9e4d21-cpp-2026-11-26";

    /// <summary>A price event (two signals, three intervals each, a baseline, full timing) and a load-control event.</summary>
    public static OadrPayload DistributeEvent() => Envelope(new OadrDistributeEvent
    {
        EiResponse = Ok("poll-req-41"),
        RequestId = "dist-7d1e0c55-9a2b-4f3e-8c61-5e4d3c2b1a00",
        VtnId = VtnId,
        OadrEvents =
        [
            new OadrEvent
            {
                EiEvent = new EiEvent
                {
                    EventDescriptor = new EventDescriptor
                    {
                        EventId = EventId,
                        ModificationNumber = 2,
                        ModificationDateTime = Utc(11, 26, 1, 15, 0, 250_000),
                        ModificationReason = "Forecast peak moved one hour later",
                        Priority = 1,
                        EiMarketContext = MarketContext,
                        CreatedDateTime = Utc(11, 25, 18, 0, 0),
                        EventStatus = EventStatus.Active,
                        TestEvent = "false",
                        VtnComment = "Critical peak pricing: reduce load 14:00–18:00 <PT> & keep \"comfort\" settings\nSecond line",
                    },
                    EiActivePeriod = new EiActivePeriod
                    {
                        Properties = new Properties
                        {
                            DtStart = Utc(11, 26, 22, 0),
                            Duration = TimeSpan.FromHours(3),
                            Tolerance = new Tolerance { Tolerate = new Tolerate { StartAfter = TimeSpan.FromMinutes(5) } },
                            XEiNotification = TimeSpan.FromDays(1),
                            XEiRampUp = TimeSpan.FromMinutes(15),
                            XEiRecovery = new TimeSpan(0, 1, 30, 0),
                        },
                        Components = new Components(),
                    },
                    EiEventSignals = new EiEventSignals
                    {
                        Signals =
                        [
                            new EiEventSignal
                            {
                                Intervals = SignalIntervals(Utc(11, 26, 22, 0), TimeSpan.FromHours(1), 1, 2, 3),
                                EiTarget = new EiTarget { ResourceIds = ["resource-hvac-1"] },
                                SignalName = "SIMPLE",
                                SignalType = SignalType.Level,
                                SignalId = "sig-simple-1",
                                CurrentValue = new CurrentValue { PayloadFloat = new PayloadFloat { Value = 1 } },
                            },
                            new EiEventSignal
                            {
                                Intervals = SignalIntervals(Utc(11, 26, 22, 0), TimeSpan.FromHours(1), 0.1875f, 0.53f, 0.29f),
                                SignalName = "ELECTRICITY_PRICE",
                                SignalType = SignalType.Price,
                                SignalId = "sig-price-1",
                                ItemBase = new CurrencyPerKWh { ItemUnits = Iso3AlphaCurrencyCode.USD, SiScaleCode = SiScaleCode.None },
                                CurrentValue = new CurrentValue { PayloadFloat = new PayloadFloat { Value = 0.1875f } },
                            },
                        ],
                        EiEventBaseline = new EiEventBaseline
                        {
                            DtStart = Utc(11, 26, 22, 0),
                            Duration = TimeSpan.FromHours(3),
                            Intervals = SignalIntervals(Utc(11, 26, 22, 0), TimeSpan.FromHours(1), 41.5f, 44.25f, 39f),
                            BaselineId = "baseline-10of10",
                            ResourceIds = ["resource-hvac-1", "resource-ev-2"],
                            BaselineName = "10 of 10 days",
                            ItemBase = new PowerReal
                            {
                                ItemUnits = PowerRealUnits.Watt,
                                SiScaleCode = SiScaleCode.Kilo,
                                PowerAttributes = new PowerAttributes { Hertz = 60, Voltage = 120.5m, Ac = true },
                            },
                        },
                    },
                    EiTarget = FullTarget(),
                },
                OadrResponseRequired = ResponseRequired.Always,
            },
            new OadrEvent
            {
                EiEvent = new EiEvent
                {
                    EventDescriptor = new EventDescriptor
                    {
                        EventId = "evt-load-control-17",
                        ModificationNumber = 0,
                        EiMarketContext = MarketContext,
                        CreatedDateTime = Utc(11, 26, 3, 49, 21, 268_029),
                        EventStatus = EventStatus.Far,
                    },
                    EiActivePeriod = new EiActivePeriod { Properties = Period(Utc(11, 27, 16, 0), TimeSpan.FromMinutes(90)) },
                    EiEventSignals = new EiEventSignals
                    {
                        Signals =
                        [
                            new EiEventSignal
                            {
                                Intervals = SignalIntervals(null, TimeSpan.FromMinutes(30), 80, 60, 80),
                                SignalName = "LOAD_CONTROL",
                                SignalType = SignalType.XLoadControlCapacity,
                                SignalId = "sig-capacity",
                            },
                            new EiEventSignal
                            {
                                Intervals = SignalIntervals(null, TimeSpan.FromMinutes(90), -2.5f),
                                SignalName = "x-thermostatOffset",
                                SignalType = SignalType.Delta,
                                SignalId = "sig-offset",
                                ItemBase = new Temperature { ItemUnits = TemperatureUnit.Fahrenheit, SiScaleCode = SiScaleCode.None },
                            },
                        ],
                    },
                    EiTarget = new EiTarget { VenIds = [VenId] },
                },
                OadrResponseRequired = ResponseRequired.Never,
            },
        ],
    });

    public static OadrPayload CreatedEvent() => Envelope(new OadrCreatedEvent
    {
        EiCreatedEvent = new EiCreatedEvent
        {
            EiResponse = Ok(""),
            EventResponses = new EventResponses
            {
                Responses =
                [
                    new EventResponse
                    {
                        ResponseCode = "200",
                        ResponseDescription = "OK",
                        RequestId = "dist-7d1e0c55-9a2b-4f3e-8c61-5e4d3c2b1a00",
                        QualifiedEventId = new QualifiedEventId { EventId = EventId, ModificationNumber = 2 },
                        OptType = OptType.OptIn,
                    },
                    new EventResponse
                    {
                        ResponseCode = "200",
                        RequestId = "dist-7d1e0c55-9a2b-4f3e-8c61-5e4d3c2b1a00",
                        QualifiedEventId = new QualifiedEventId { EventId = "evt-load-control-17", ModificationNumber = 0 },
                        OptType = OptType.OptOut,
                    },
                ],
            },
            VenId = VenId,
        },
    });

    public static OadrPayload RequestEvent() => Envelope(new OadrRequestEvent
    {
        EiRequestEvent = new EiRequestEvent { RequestId = "reqevt-1f2e3d4c", VenId = VenId, ReplyLimit = 5 },
    });

    /// <summary>Intervals of one duration each, numbered by uid; the first carries a dtstart when one is given.</summary>
    private static Intervals SignalIntervals(DateTime? start, TimeSpan duration, params float[] values)
    {
        var items = new List<Interval>();
        for (var i = 0; i < values.Length; i++)
        {
            items.Add(new Interval
            {
                DtStart = start?.Add(duration * i),
                Duration = duration,
                Uid = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StreamPayloads = [new SignalPayload { PayloadBase = new PayloadFloat { Value = values[i] } }],
            });
        }

        return new Intervals { Items = items };
    }
}
