using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>
/// Realistic, fully populated instances of the 23 OpenADR 2.0b payloads, each valid against oadr_20b.xsd once written.
/// Together they set every property of every model type (see RoundTripTests).
/// </summary>
internal static partial class Samples
{
    public const string VenId = "ven-7f3c2a10-5b44-4c1e-9d0e-2f6b8a1c9e77";
    public const string VtnId = "vtn-utility-west";
    public const string RegistrationId = "reg-0b1d6e52-41f9-4a8a-8f0c-3d2e7a6b5c41";
    public const string MarketContext = "http://marketcontext.example.com/programs/cpp-2026";

    private static readonly Dictionary<string, Func<OadrPayload>> s_byMessage = new()
    {
        ["oadrDistributeEvent"] = DistributeEvent,
        ["oadrCreatedEvent"] = CreatedEvent,
        ["oadrRequestEvent"] = RequestEvent,
        ["oadrResponse"] = Response,
        ["oadrCancelOpt"] = CancelOpt,
        ["oadrCanceledOpt"] = CanceledOpt,
        ["oadrCreateOpt"] = CreateOpt,
        ["oadrCreatedOpt"] = CreatedOpt,
        ["oadrCancelReport"] = CancelReport,
        ["oadrCanceledReport"] = CanceledReport,
        ["oadrCreateReport"] = CreateReport,
        ["oadrCreatedReport"] = CreatedReport,
        ["oadrRegisterReport"] = RegisterReport,
        ["oadrRegisteredReport"] = RegisteredReport,
        ["oadrUpdateReport"] = UpdateReport,
        ["oadrUpdatedReport"] = UpdatedReport,
        ["oadrCancelPartyRegistration"] = CancelPartyRegistration,
        ["oadrCanceledPartyRegistration"] = CanceledPartyRegistration,
        ["oadrCreatePartyRegistration"] = CreatePartyRegistration,
        ["oadrCreatedPartyRegistration"] = CreatedPartyRegistration,
        ["oadrRequestReregistration"] = RequestReregistration,
        ["oadrQueryRegistration"] = QueryRegistration,
        ["oadrPoll"] = Poll,
    };

    /// <summary>The payload element names (oadrDistributeEvent, ...), one per sample.</summary>
    public static IEnumerable<string> MessageNames => s_byMessage.Keys;

    /// <summary>A fresh instance every call, so tests may change it.</summary>
    public static OadrPayload Create(string messageName) => s_byMessage[messageName]();

    public static IEnumerable<OadrPayload> All() => s_byMessage.Values.Select(create => create());

    private static OadrPayload Envelope(OadrMessage message, byte[]? signature = null) => new()
    {
        Signature = signature,
        OadrSignedObject = new OadrSignedObject { Id = "oadrSignedObject", Message = message },
    };

    private static DateTime Utc(int month, int day, int hour, int minute, int second = 0, int microseconds = 0) =>
        new DateTime(2026, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(microseconds * 10L);

    private static EiResponse Ok(string requestId, string description = "OK") =>
        new() { ResponseCode = "200", ResponseDescription = description, RequestId = requestId };

    private static Properties Period(DateTime start, TimeSpan duration) => new() { DtStart = start, Duration = duration };

    private static GmlFeatureCollection Area(string id, string posList) => new()
    {
        Id = id,
        Location = new GmlLocation { Polygon = new GmlPolygon { Id = id + "-polygon", Exterior = new GmlExterior { PosList = posList } } },
    };

    /// <summary>A target naming every kind of resource the schema allows.</summary>
    private static EiTarget FullTarget() => new()
    {
        AggregatedPnodes = [new AggregatedPnode { Node = "TH_NP15_GEN-APND" }],
        EndDeviceAssets = [new EndDeviceAsset { Mrid = "Thermostat" }, new EndDeviceAsset { Mrid = "Water_Heater" }],
        MeterAssets = [new MeterAsset { Mrid = "meter-0042" }],
        Pnodes = [new Pnode { Node = "PNODE_SLAP_PGSB" }],
        ServiceAreas = [new ServiceArea { FeatureCollection = Area("area-bay", "37.77 -122.42 37.80 -122.42 37.80 -122.38 37.77 -122.42") }],
        ServiceDeliveryPoints = [new ServiceDeliveryPoint { Node = "SDP-778812" }],
        ServiceLocations = [new ServiceLocation { FeatureCollection = Area("loc-1", "37.7749 -122.4194 37.7750 -122.4194 37.7750 -122.4193 37.7749 -122.4194") }],
        TransportInterfaces = [new TransportInterface { PointOfReceipt = "NODE-A", PointOfDelivery = "NODE-B" }],
        GroupIds = ["group-commercial", "group-west"],
        GroupNames = ["Commercial HVAC"],
        ResourceIds = ["resource-hvac-1", "resource-ev-2"],
        VenIds = [VenId],
        PartyIds = ["party-9"],
    };

    /// <summary>A Green Button feed as OpenADR carries it: an Atom feed kept unparsed (it uses the root's atom prefix).</summary>
    private static byte[] GreenButtonFeed(string id) => Encoding.UTF8.GetBytes(
        "<atom:feed><atom:id>urn:uuid:" + id + "</atom:id><atom:title>Green Button usage</atom:title>"
        + "<atom:updated>2026-11-26T00:00:00Z</atom:updated>"
        + "<atom:entry><atom:id>urn:uuid:" + id + "-1</atom:id><atom:title>Interval block</atom:title><atom:updated>2026-11-26T00:00:00Z</atom:updated></atom:entry>"
        + "</atom:feed>");

    /// <summary>A structurally valid XML signature (not a verifiable one), as the raw bytes OadrPayload keeps.</summary>
    private static byte[] Signature() => Encoding.UTF8.GetBytes(
        "<ds:Signature><ds:SignedInfo>"
        + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
        + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
        + "<ds:Reference URI=\"#oadrSignedObject\"><ds:Transforms><ds:Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/></ds:Transforms>"
        + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>V6xrb9xe2BYOyyCZXqeLSQxMzjqMIXg4L3UnGVzF0T4=</ds:DigestValue></ds:Reference>"
        + "</ds:SignedInfo><ds:SignatureValue>L3QqD9Kc9lHOBhAdCcjBfrqgFQU2weBe1PlFAAXypmrgQNjSTjtUTT8cgoRJsQq+aj7gOgsH4e3zvlURCjtrBg==</ds:SignatureValue>"
        + "<ds:Object Id=\"prop\"><ds:SignatureProperties><ds:SignatureProperty Target=\"#oadrSignedObject\">"
        + "<dsp:ReplayProtect><dsp:timestamp>2026-11-26T03:49:47.563428Z</dsp:timestamp><dsp:nonce>d935d9d6d4f24efc8feb0fa67b46f074</dsp:nonce></dsp:ReplayProtect>"
        + "</ds:SignatureProperty></ds:SignatureProperties></ds:Object></ds:Signature>");

    public static OadrPayload Poll() => Envelope(new OadrPoll { VenId = VenId }, Signature());

    public static OadrPayload Response() => Envelope(new OadrResponse
    {
        EiResponse = Ok("req-5d7c", "Nothing pending <none> & \"quiet\""),
        VenId = VenId,
    });
}
