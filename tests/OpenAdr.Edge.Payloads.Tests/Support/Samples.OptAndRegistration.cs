using System;

namespace OpenAdr.Edge.Payloads.Tests;

internal static partial class Samples
{
    public const string OptId = "opt-schedule-2026-w48";

    public static OadrPayload CancelOpt() => Envelope(new OadrCancelOpt { RequestId = "cancelopt-88", OptId = OptId, VenId = VenId });

    public static OadrPayload CanceledOpt() => Envelope(new OadrCanceledOpt { EiResponse = Ok("cancelopt-88"), OptId = OptId });

    /// <summary>An opt-out schedule for two availability windows, tied to an event, for two devices.</summary>
    public static OadrPayload CreateOpt() => Envelope(new OadrCreateOpt
    {
        SchemaVersion = "2.0b",
        OptId = OptId,
        OptType = OptType.OptOut,
        OptReason = "x-schedule",
        MarketContext = MarketContext,
        VenId = VenId,
        Vavailability = new Vavailability
        {
            ContainedComponents = new ArrayOfVavailabilityContainedComponents
            {
                AvailablePeriods =
                [
                    new Available { Properties = Period(Utc(11, 30, 14, 0), TimeSpan.FromHours(4)) },
                    new Available
                    {
                        Properties = new Properties
                        {
                            DtStart = Utc(12, 1, 14, 0),
                            Duration = TimeSpan.FromDays(2),
                            Tolerance = new Tolerance { Tolerate = new Tolerate() },
                        },
                    },
                ],
            },
        },
        CreatedDateTime = Utc(11, 26, 8, 30, 12, 500_000),
        RequestId = "createopt-41",
        QualifiedEventId = new QualifiedEventId { EventId = EventId, ModificationNumber = 2 },
        EiTarget = new EiTarget { ResourceIds = ["resource-hvac-1"], VenIds = [VenId] },
        OadrDeviceClass = new EiTarget { EndDeviceAssets = [new EndDeviceAsset { Mrid = "Energy_Management_System" }] },
    });

    public static OadrPayload CreatedOpt() => Envelope(new OadrCreatedOpt { EiResponse = Ok("createopt-41"), OptId = OptId });

    public static OadrPayload CancelPartyRegistration() => Envelope(new OadrCancelPartyRegistration
    {
        RequestId = "cancelreg-5",
        RegistrationId = RegistrationId,
        VenId = VenId,
    });

    public static OadrPayload CanceledPartyRegistration() => Envelope(new OadrCanceledPartyRegistration
    {
        EiResponse = Ok("cancelreg-5"),
        RegistrationId = RegistrationId,
        VenId = VenId,
    });

    public static OadrPayload CreatePartyRegistration() => Envelope(new OadrCreatePartyRegistration
    {
        RequestId = "createreg-2",
        RegistrationId = RegistrationId,
        VenId = VenId,
        OadrProfileName = OadrProfileName.Oadr20b,
        OadrTransportName = OadrTransportName.SimpleHttp,
        OadrTransportAddress = "https://ven.example.com:8443/OpenADR2/Simple/2.0b",
        OadrReportOnly = false,
        OadrXmlSignature = true,
        OadrVenName = "Gebäude 7 – HVAC & EV",
        OadrHttpPullModel = true,
    });

    public static OadrPayload CreatedPartyRegistration() => Envelope(new OadrCreatedPartyRegistration
    {
        EiResponse = Ok("createreg-2"),
        RegistrationId = RegistrationId,
        VenId = VenId,
        VtnId = VtnId,
        OadrProfiles = new OadrProfiles
        {
            Profiles =
            [
                new OadrProfile
                {
                    OadrProfileName = OadrProfileName.Oadr20a,
                    OadrTransports = new OadrTransports { Transports = [new OadrTransport { OadrTransportName = OadrTransportName.SimpleHttp }] },
                },
                new OadrProfile
                {
                    OadrProfileName = OadrProfileName.Oadr20b,
                    OadrTransports = new OadrTransports
                    {
                        Transports = [new OadrTransport { OadrTransportName = OadrTransportName.SimpleHttp }, new OadrTransport { OadrTransportName = OadrTransportName.Xmpp }],
                    },
                },
            ],
        },
        OadrRequestedOadrPollFreq = TimeSpan.FromSeconds(10),
        OadrServiceSpecificInfo = new OadrServiceSpecificInfo
        {
            Services =
            [
                new OadrService
                {
                    OadrServiceName = OadrServiceName.EiEvent,
                    OadrInfos = [new OadrInfo { OadrKey = "maxEvents", OadrValue = "10" }],
                },
                new OadrService
                {
                    OadrServiceName = OadrServiceName.OadrPoll,
                    OadrInfos = [new OadrInfo { OadrKey = "url", OadrValue = "https://vtn.example.com/OpenADR2/Simple/2.0b/OadrPoll?a=1&b=2" }, new OadrInfo { OadrKey = "note", OadrValue = "" }],
                },
            ],
        },
        OadrExtensions = new OadrExtensions
        {
            Extensions =
            [
                new OadrExtension { OadrExtensionName = "x-utility-tariff", OadrInfos = [new OadrInfo { OadrKey = "tariff", OadrValue = "E-TOU-C" }] },
                new OadrExtension { OadrExtensionName = "x-empty" },
            ],
        },
    });

    public static OadrPayload RequestReregistration() => Envelope(new OadrRequestReregistration { VenId = VenId });

    public static OadrPayload QueryRegistration() => Envelope(new OadrQueryRegistration { RequestId = "query-8dcae10a" });
}
