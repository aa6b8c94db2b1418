using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Storage;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Storage;

/// <summary>Records to store, every field set to something its neighbours do not share.</summary>
internal static class Sample
{
    public static readonly DateTime Now = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public static byte[] Body(string text) => Encoding.UTF8.GetBytes($"<oadrPayload>{text}</oadrPayload>");

    public static VenRecord Ven(string venId) => new(
        venId,
        "reg-" + venId,
        "name of " + venId,
        "AA:BB:" + venId,
        OadrProfileName.Oadr20b,
        OadrTransportName.SimpleHttp,
        "https://" + venId + ".example/",
        ReportOnly: false,
        XmlSignature: true,
        HttpPullModel: true,
        Now);

    public static EventRecord Event(string venId, string eventId, uint modification = 0, bool cancelled = false, bool closed = false) =>
        new(venId, eventId, modification, cancelled, closed, Body($"{venId}/{eventId}/{modification}"), Now.AddMinutes(modification));

    public static EventResponseRecord Response(string venId, string eventId, uint modification, OptType opt = OptType.OptIn, EventResponseSource source = EventResponseSource.CreatedEvent) =>
        new(venId, eventId, modification, opt, source, Now.AddSeconds(modification).AddTicks(7));

    public static ReportCapabilitiesRecord Capabilities(string venId, string version = "1") =>
        new(venId, Body($"capabilities {venId} {version}"), Now.AddHours(1));

    public static ReportRequestRecord Request(string venId, string requestId, ReportRequestState state = ReportRequestState.Requested) =>
        new(venId, requestId, state, Body($"request {venId} {requestId} {state}"), Now.AddHours(2));

    public static ReportDataRecord Point(string venId, int index) => new(
        venId,
        "rr-" + (index % 3),
        "rid-" + index,
        Now.AddMinutes(index),
        index % 2 == 0 ? TimeSpan.FromMinutes(index + 1) : null,
        index % 3 == 0 ? null : index * 1.25 - 0.1,
        index % 4 == 0 ? null : "status " + index,
        Now.AddMinutes(index).AddSeconds(3));

    public static OptRecord Opt(string venId, string optId, bool cancelled = false) =>
        new(venId, optId, cancelled, Body($"opt {venId} {optId} {cancelled}"), Now.AddHours(3));

    public static QueueEntryRecord Queued(string venId, long sequence, QueuedMessageKind kind = QueuedMessageKind.DistributeEvent, string? argument = null) =>
        new(venId, sequence, kind, argument);
}

/// <summary>
/// Equality for the records that hold a document: a record compares its byte[] by reference, so the lists are
/// compared as (record without its body, body as hex).
/// </summary>
internal static class AssertStored
{
    private static readonly byte[] s_noBody = [];

    public static void Equal(IEnumerable<EventRecord> expected, IEnumerable<EventRecord> actual) =>
        Assert.Equal(expected.Select(e => (e with { Body = s_noBody }, Convert.ToHexString(e.Body))), actual.Select(e => (e with { Body = s_noBody }, Convert.ToHexString(e.Body))));

    public static void Equal(IEnumerable<ReportCapabilitiesRecord> expected, IEnumerable<ReportCapabilitiesRecord> actual) =>
        Assert.Equal(expected.Select(e => (e with { Body = s_noBody }, Convert.ToHexString(e.Body))), actual.Select(e => (e with { Body = s_noBody }, Convert.ToHexString(e.Body))));

    public static void Equal(IEnumerable<ReportRequestRecord> expected, IEnumerable<ReportRequestRecord> actual) =>
        Assert.Equal(expected.Select(e => (e with { Body = s_noBody }, Convert.ToHexString(e.Body))), actual.Select(e => (e with { Body = s_noBody }, Convert.ToHexString(e.Body))));

    public static void Equal(IEnumerable<OptRecord> expected, IEnumerable<OptRecord> actual) =>
        Assert.Equal(expected.Select(e => (e with { Body = s_noBody }, Convert.ToHexString(e.Body))), actual.Select(e => (e with { Body = s_noBody }, Convert.ToHexString(e.Body))));
}
