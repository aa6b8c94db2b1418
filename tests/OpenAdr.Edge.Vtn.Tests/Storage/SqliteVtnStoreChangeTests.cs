using System;
using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Storage;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Storage.Wait;

namespace OpenAdr.Edge.Vtn.Tests.Storage;

/// <summary>What each <see cref="StoreChange"/> leaves in the database, seen through a close and a re-open.</summary>
public sealed class SqliteVtnStoreChangeTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Every_change_kind_survives_a_close_and_reopen()
    {
        var ven1 = Sample.Ven("ven-1");
        var ven2 = Sample.Ven("ven-2") with
        {
            VenName = null,
            Fingerprint = null,
            TransportAddress = null,
            Profile = OadrProfileName.Oadr20a,
            Transport = OadrTransportName.Xmpp,
            ReportOnly = true,
            XmlSignature = false,
            HttpPullModel = false,
        };
        var openEvent = Sample.Event("ven-1", "ev-1", modification: 4);
        var cancelledEvent = Sample.Event("ven-2", "ev-2", cancelled: true);
        var closedEvent = Sample.Event("ven-1", "ev-closed", closed: true);
        var firstResponse = Sample.Response("ven-1", "ev-1", 3);
        var latestResponse = Sample.Response("ven-1", "ev-1", 4, OptType.OptOut, EventResponseSource.CreateOpt);
        var otherResponse = Sample.Response("ven-2", "ev-2", 0);
        var closedResponse = Sample.Response("ven-1", "ev-closed", 0);
        var capabilities1 = Sample.Capabilities("ven-1");
        var capabilities2 = Sample.Capabilities("ven-2") with { Body = [] };
        var request1 = Sample.Request("ven-1", "rr-1");
        var request2 = Sample.Request("ven-1", "rr-2", ReportRequestState.Pending);
        var request3 = Sample.Request("ven-2", "rr-3", ReportRequestState.CancelledReportToFollow);
        var points = Enumerable.Range(0, 6).Select(i => Sample.Point("ven-1", i)).ToArray();
        var openOpt = Sample.Opt("ven-1", "opt-1");
        var cancelledOpt = Sample.Opt("ven-1", "opt-2", cancelled: true);
        var queued = new[]
        {
            Sample.Queued("ven-2", 2, QueuedMessageKind.RequestReregistration),
            Sample.Queued("ven-1", 5, QueuedMessageKind.CreateReport, "rr-1"),
            Sample.Queued("ven-1", 3, QueuedMessageKind.CancelReport, "rr-2"),
        };

        await using (var store = await _database.OpenAsync())
        {
            await store.CommitAsync([new SaveVen(ven1), new SaveVen(ven2)], Ct);
            await store.CommitAsync(
                [
                    new SaveEvent(openEvent), new SaveEvent(cancelledEvent), new SaveEvent(closedEvent),
                    new SaveEventResponse(firstResponse), new SaveEventResponse(otherResponse),
                    new SaveEventResponse(latestResponse), new SaveEventResponse(closedResponse),
                ],
                Ct);
            await store.CommitAsync(
                [
                    new SaveReportCapabilities(capabilities1), new SaveReportCapabilities(capabilities2),
                    new SaveReportRequest(request2), new SaveReportRequest(request3), new SaveReportRequest(request1),
                    new AppendReportData(points[..4]), new AppendReportData(points[4..]),
                ],
                Ct);
            await store.CommitAsync([new SaveOpt(openOpt), new SaveOpt(cancelledOpt), .. queued.Select(q => new SaveQueueEntry(q))], Ct);
        }

        await using (var store = await _database.OpenAsync())
        {
            var state = await store.LoadAsync(Ct);

            Assert.Equal([ven1, ven2], state.Vens);
            AssertStored.Equal([openEvent, cancelledEvent], state.OpenEvents);
            Assert.Equal([latestResponse, otherResponse], state.LatestEventResponses);
            AssertStored.Equal([capabilities1, capabilities2], state.ReportCapabilities);
            AssertStored.Equal([request1, request2, request3], state.ReportRequests);
            AssertStored.Equal([openOpt], state.OpenOpts);
            Assert.Equal([queued[2], queued[1], queued[0]], state.QueueEntries);

            Assert.Equal(points, await store.ReadReportDataAsync("ven-1", 100, Ct));
            Assert.Equal([firstResponse, latestResponse], await store.ReadEventResponsesAsync("ven-1", "ev-1", Ct));
            Assert.Equal([closedResponse], await store.ReadEventResponsesAsync("ven-1", "ev-closed", Ct));

            Assert.All(state.Vens, v => Assert.Equal(DateTimeKind.Utc, v.RegisteredAt.Kind));
            Assert.All(state.OpenEvents, e => Assert.Equal(DateTimeKind.Utc, e.UpdatedAt.Kind));
        }
    }

    [Fact]
    public async Task Saving_again_replaces_by_key()
    {
        await using var store = await _database.OpenAsync();
        await store.CommitAsync(
            [
                new SaveVen(Sample.Ven("ven-1")), new SaveEvent(Sample.Event("ven-1", "ev-1")),
                new SaveReportCapabilities(Sample.Capabilities("ven-1")), new SaveReportRequest(Sample.Request("ven-1", "rr-1")),
                new SaveOpt(Sample.Opt("ven-1", "opt-1")),
            ],
            Ct);

        var ven = Sample.Ven("ven-1") with { RegistrationId = "reg-again", VenName = null, HttpPullModel = false };
        var @event = Sample.Event("ven-1", "ev-1", modification: 1);
        var capabilities = Sample.Capabilities("ven-1", version: "2");
        var request = Sample.Request("ven-1", "rr-1", ReportRequestState.Pending);
        var opt = Sample.Opt("ven-1", "opt-1") with { Body = Sample.Body("opt again") };
        await store.CommitAsync(
            [new SaveVen(ven), new SaveEvent(@event), new SaveReportCapabilities(capabilities), new SaveReportRequest(request), new SaveOpt(opt)],
            Ct);

        var state = await store.LoadAsync(Ct);
        Assert.Equal([ven], state.Vens);
        AssertStored.Equal([@event], state.OpenEvents);
        AssertStored.Equal([capabilities], state.ReportCapabilities);
        AssertStored.Equal([request], state.ReportRequests);
        AssertStored.Equal([opt], state.OpenOpts);
    }

    [Fact]
    public async Task Closing_an_event_or_cancelling_an_opt_leaves_it_out_of_the_load_with_its_responses()
    {
        await using var store = await _database.OpenAsync();
        await store.CommitAsync(
            [
                new SaveEvent(Sample.Event("ven-1", "ev-1")), new SaveEventResponse(Sample.Response("ven-1", "ev-1", 0)),
                new SaveEvent(Sample.Event("ven-1", "ev-2")), new SaveEventResponse(Sample.Response("ven-1", "ev-2", 0)),
                new SaveOpt(Sample.Opt("ven-1", "opt-1")), new SaveOpt(Sample.Opt("ven-1", "opt-2")),
            ],
            Ct);
        var loadedBefore = await store.LoadAsync(Ct);

        await store.CommitAsync([new SaveEvent(Sample.Event("ven-1", "ev-1", modification: 1, closed: true)), new SaveOpt(Sample.Opt("ven-1", "opt-1", cancelled: true))], Ct);
        var state = await store.LoadAsync(Ct);

        Assert.Equal(2, loadedBefore.OpenEvents.Count);
        Assert.Equal(2, loadedBefore.LatestEventResponses.Count);
        Assert.Equal(2, loadedBefore.OpenOpts.Count);
        Assert.Equal(["ev-2"], state.OpenEvents.Select(e => e.EventId));
        Assert.Equal(["ev-2"], state.LatestEventResponses.Select(r => r.EventId));
        Assert.Equal(["opt-2"], state.OpenOpts.Select(o => o.OptId));
        Assert.Single(await store.ReadEventResponsesAsync("ven-1", "ev-1", Ct));
    }

    [Fact]
    public async Task The_latest_response_is_the_last_stored_not_the_highest_modification()
    {
        await using var store = await _database.OpenAsync();
        var responses = new[]
        {
            Sample.Response("ven-1", "ev-1", 2, OptType.OptIn),
            Sample.Response("ven-1", "ev-1", 1, OptType.OptOut, EventResponseSource.CreateOpt),
        };
        await store.CommitAsync([new SaveEvent(Sample.Event("ven-1", "ev-1", modification: 2)), new SaveEventResponse(responses[0])], Ct);
        await store.CommitAsync([new SaveEventResponse(responses[1])], Ct);

        var state = await store.LoadAsync(Ct);

        Assert.Equal([responses[1]], state.LatestEventResponses);
        Assert.Equal(responses, await store.ReadEventResponsesAsync("ven-1", "ev-1", Ct));
    }

    [Fact]
    public async Task DeleteVen_removes_registration_capabilities_requests_and_queue_but_keeps_history()
    {
        await using var store = await _database.OpenAsync();
        foreach (var venId in new[] { "ven-1", "ven-2" })
        {
            await store.CommitAsync(
                [
                    new SaveVen(Sample.Ven(venId)), new SaveEvent(Sample.Event(venId, "ev")), new SaveEventResponse(Sample.Response(venId, "ev", 0)),
                    new SaveReportCapabilities(Sample.Capabilities(venId)), new SaveReportRequest(Sample.Request(venId, "rr")),
                    new AppendReportData([Sample.Point(venId, 1)]), new SaveOpt(Sample.Opt(venId, "opt")), new SaveQueueEntry(Sample.Queued(venId, 1)),
                ],
                Ct);
        }

        var before = await store.LoadAsync(Ct);
        await store.CommitAsync([new DeleteVen("ven-1")], Ct);
        var state = await store.LoadAsync(Ct);

        Assert.Equal(["ven-2"], state.Vens.Select(v => v.VenId));
        Assert.Equal(["ven-2"], state.ReportCapabilities.Select(c => c.VenId));
        Assert.Equal(["ven-2"], state.ReportRequests.Select(r => r.VenId));
        Assert.Equal(["ven-2"], state.QueueEntries.Select(q => q.VenId));
        AssertStored.Equal(before.OpenEvents, state.OpenEvents);
        Assert.Equal(before.LatestEventResponses, state.LatestEventResponses);
        AssertStored.Equal(before.OpenOpts, state.OpenOpts);
        Assert.Single(await store.ReadReportDataAsync("ven-1", 10, Ct));
    }

    [Fact]
    public async Task ClearReportState_removes_only_that_vens_capabilities_and_requests()
    {
        await using var store = await _database.OpenAsync();
        foreach (var venId in new[] { "ven-1", "ven-2" })
        {
            await store.CommitAsync(
                [
                    new SaveVen(Sample.Ven(venId)), new SaveReportCapabilities(Sample.Capabilities(venId)),
                    new SaveReportRequest(Sample.Request(venId, "rr-a")), new SaveReportRequest(Sample.Request(venId, "rr-b")),
                    new AppendReportData([Sample.Point(venId, 1)]), new SaveQueueEntry(Sample.Queued(venId, 1)),
                ],
                Ct);
        }

        await store.CommitAsync([new ClearReportState("ven-1")], Ct);
        var state = await store.LoadAsync(Ct);

        Assert.Equal(["ven-1", "ven-2"], state.Vens.Select(v => v.VenId));
        Assert.Equal(["ven-2"], state.ReportCapabilities.Select(c => c.VenId));
        Assert.Equal([("ven-2", "rr-a"), ("ven-2", "rr-b")], state.ReportRequests.Select(r => (r.VenId, r.ReportRequestId)));
        Assert.Equal(["ven-1", "ven-2"], state.QueueEntries.Select(q => q.VenId));
        Assert.Single(await store.ReadReportDataAsync("ven-1", 10, Ct));
    }

    [Fact]
    public async Task DeleteReportRequest_and_DeleteQueueEntry_remove_exactly_one_row()
    {
        await using var store = await _database.OpenAsync();
        await store.CommitAsync(
            [
                new SaveReportRequest(Sample.Request("ven-1", "rr-1")), new SaveReportRequest(Sample.Request("ven-1", "rr-2")),
                new SaveReportRequest(Sample.Request("ven-2", "rr-1")),
                new SaveQueueEntry(Sample.Queued("ven-1", 1)), new SaveQueueEntry(Sample.Queued("ven-1", 2)), new SaveQueueEntry(Sample.Queued("ven-2", 1)),
            ],
            Ct);

        await store.CommitAsync([new DeleteReportRequest("ven-1", "rr-1"), new DeleteQueueEntry("ven-1", 1), new DeleteQueueEntry("ven-9", 2)], Ct);
        var state = await store.LoadAsync(Ct);

        Assert.Equal([("ven-1", "rr-2"), ("ven-2", "rr-1")], state.ReportRequests.Select(r => (r.VenId, r.ReportRequestId)));
        Assert.Equal([("ven-1", 2L), ("ven-2", 1L)], state.QueueEntries.Select(q => (q.VenId, q.Sequence)));
    }

    [Fact]
    public async Task Changes_of_one_commit_apply_in_their_order()
    {
        await using var store = await _database.OpenAsync();
        var reregistered = Sample.Ven("ven-1") with { RegistrationId = "second" };

        await store.CommitAsync(
            [
                new SaveVen(Sample.Ven("ven-1")), new SaveQueueEntry(Sample.Queued("ven-1", 1)), new DeleteVen("ven-1"),
                new SaveVen(reregistered), new SaveQueueEntry(Sample.Queued("ven-1", 1, QueuedMessageKind.RegisterReport)),
                new SaveQueueEntry(Sample.Queued("ven-1", 2)), new DeleteQueueEntry("ven-1", 2),
            ],
            Ct);
        var state = await store.LoadAsync(Ct);

        Assert.Equal([reregistered], state.Vens);
        Assert.Equal([Sample.Queued("ven-1", 1, QueuedMessageKind.RegisterReport)], state.QueueEntries);
    }

    [Fact]
    public async Task Report_data_reads_oldest_first_up_to_the_limit_for_one_ven()
    {
        await using var store = await _database.OpenAsync();
        var points = Enumerable.Range(0, 5).Select(i => Sample.Point("ven-1", i)).ToArray();
        await store.CommitAsync([new AppendReportData([points[0], Sample.Point("ven-2", 0), points[1]])], Ct);
        await store.CommitAsync([new AppendReportData(points[2..]), new AppendReportData([Sample.Point("ven-2", 1)])], Ct);

        Assert.Equal(points[..3], await store.ReadReportDataAsync("ven-1", 3, Ct));
        Assert.Equal(points, await store.ReadReportDataAsync("ven-1", 100, Ct));
        Assert.Equal([Sample.Point("ven-2", 0), Sample.Point("ven-2", 1)], await store.ReadReportDataAsync("ven-2", 100, Ct));
        Assert.Empty(await store.ReadReportDataAsync("ven-1", 0, Ct));
        Assert.Empty(await store.ReadReportDataAsync("ven-3", 100, Ct));
    }

    [Fact]
    public async Task Times_are_utc_ticks_enums_integers_and_documents_blobs()
    {
        var local = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Local).AddTicks(6);
        await using (var store = await _database.OpenAsync())
        {
            await store.CommitAsync(
                [
                    new SaveVen(Sample.Ven("ven-1") with { RegisteredAt = local, Transport = OadrTransportName.Xmpp }),
                    new AppendReportData([Sample.Point("ven-1", 0) with { Duration = TimeSpan.FromTicks(123_456_789) }]),
                    new SaveEvent(Sample.Event("ven-1", "ev-1")),
                ],
                Ct);

            var loaded = (await store.LoadAsync(Ct)).Vens.Single().RegisteredAt;
            Assert.Equal(DateTimeKind.Utc, loaded.Kind);
            Assert.Equal(local.ToUniversalTime().Ticks, loaded.Ticks);
        }

        Assert.Equal("integer integer integer", _database.Scalar("SELECT typeof(registered_at) || ' ' || typeof(transport) || ' ' || typeof(report_only) FROM ven;"));
        Assert.Equal(local.ToUniversalTime().Ticks, _database.ScalarInt64("SELECT registered_at FROM ven;"));
        Assert.Equal((long)OadrTransportName.Xmpp, _database.ScalarInt64("SELECT transport FROM ven;"));
        Assert.Equal(123_456_789L, _database.ScalarInt64("SELECT duration FROM report_data;"));
        Assert.Equal("blob", _database.Scalar("SELECT typeof(body) FROM event;"));
    }
}
