using System;
using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>
/// The same event for many VENs shares its active period, signals and intervals in memory; a change to one VEN's
/// event (modification, cancellation, answer) stays that VEN's, also when the events are rebuilt from the store.
/// </summary>
public sealed class SharedEventTests
{
    private static readonly string[] s_vens = ["ven-a", "ven-b", "ven-c"];

    [Fact]
    public async Task Events_alike_share_their_active_period_and_intervals_but_each_keeps_its_own_target()
    {
        await using var harness = await VtnHarness.StartAsync();
        await AddAlikeAsync(harness);

        var events = s_vens.Select(venId => Assert.Single(harness.Vtn.GetEvents(venId)).EiEvent).ToList();
        Assert.All(events, e => Assert.Same(events[0].EiActivePeriod, e.EiActivePeriod));
        Assert.All(events, e => Assert.Same(events[0].EiEventSignals.Signals[0].Intervals, e.EiEventSignals.Signals[0].Intervals));
        Assert.Equal(s_vens, events.Select(e => Assert.Single(e.EiTarget.VenIds!)));
    }

    [Fact]
    public async Task Modifying_the_event_of_one_VEN_leaves_the_others_unchanged()
    {
        await using var harness = await VtnHarness.StartAsync();
        await AddAlikeAsync(harness);
        var before = (B: Xml(harness, "ven-b"), C: Xml(harness, "ven-c"));

        await harness.Vtn.ModifyEventAsync("ven-a", "shared", e =>
        {
            e.EventDescriptor.Priority = 7;
            e.EiActivePeriod.Properties.DtStart = e.EiActivePeriod.Properties.DtStart.AddMinutes(5);
            ((PayloadFloat)((SignalPayload)e.EiEventSignals.Signals[0].Intervals.Items[0].StreamPayloads[0]).PayloadBase).Value = 3;
        }, Ct);

        var modified = Assert.Single(harness.Vtn.GetEvents("ven-a")).EiEvent;
        Assert.Equal((1u, 7u, 3f), (modified.EventDescriptor.ModificationNumber, modified.EventDescriptor.Priority!.Value, Level(modified)));
        Assert.Equal(before, (Xml(harness, "ven-b"), Xml(harness, "ven-c")));
        var untouched = Assert.Single(harness.Vtn.GetEvents("ven-c")).EiEvent;
        Assert.Equal((0u, 0u, 1f), (untouched.EventDescriptor.ModificationNumber, untouched.EventDescriptor.Priority!.Value, Level(untouched)));
    }

    [Fact]
    public async Task Cancelling_or_answering_the_event_of_one_VEN_leaves_the_others_unchanged()
    {
        await using var harness = await VtnHarness.StartAsync();
        foreach (var venId in s_vens)
        {
            Assert.Equal("ven-" + venId[^1..], await harness.RegisterAsync(venId[^1..]));
        }

        await AddAlikeAsync(harness);
        foreach (var venId in s_vens)
        {
            await harness.PollDistributeAsync(venId);
        }

        await harness.Vtn.CancelEventAsync("ven-a", "shared", Ct);
        Assert.Equal("200", (await harness.AnswerAsync("ven-b", "shared", 0, OptType.OptOut)).EiResponse.ResponseCode);

        Assert.Equal(EventStatus.Cancelled, harness.StatusOf("ven-a", "shared"));
        Assert.Equal(EventStatus.Far, harness.StatusOf("ven-b", "shared"));
        Assert.Equal(EventStatus.Far, harness.StatusOf("ven-c", "shared"));
        var opts = s_vens.Select(venId => Assert.Single(harness.Vtn.GetEventSummaries(venId)).Opt).ToList();
        Assert.Equal(new OptType?[] { null, OptType.OptOut, null }, opts);
    }

    [Fact]
    public async Task Raw_events_with_the_same_signal_IDs_share_their_signals_and_a_change_copies_them_first()
    {
        await using var harness = await VtnHarness.StartAsync();
        foreach (var venId in s_vens)
        {
            await harness.Vtn.AddRawEventAsync(venId, RawEvent(harness), cancellationToken: Ct);
        }

        Assert.Same(Signals(harness, "ven-a"), Signals(harness, "ven-b"));
        await harness.Vtn.ModifyEventAsync("ven-b", "raw", e => e.EiEventSignals.Signals[0].SignalName = "x-changed", Ct);

        Assert.Equal(new[] { "SIMPLE", "x-changed", "SIMPLE" }, s_vens.Select(venId => Signals(harness, venId).Signals[0].SignalName));
        Assert.Same(Signals(harness, "ven-a"), Signals(harness, "ven-c"));
    }

    [Fact]
    public async Task A_restart_rebuilds_events_alike_as_they_were_and_shared_and_a_change_still_stays_with_its_VEN()
    {
        await using var harness = await VtnHarness.StartAsync();
        await AddAlikeAsync(harness);
        await harness.Vtn.ModifyEventAsync("ven-c", "shared", e => e.EventDescriptor.VtnComment = "only c", Ct);
        var before = s_vens.Select(venId => Xml(harness, venId)).ToList();

        await harness.RestartAsync();

        Assert.Equal(before, s_vens.Select(venId => Xml(harness, venId)));
        var a = Assert.Single(harness.Vtn.GetEvents("ven-a")).EiEvent;
        var b = Assert.Single(harness.Vtn.GetEvents("ven-b")).EiEvent;
        Assert.Same(a.EiActivePeriod, b.EiActivePeriod);
        Assert.Same(a.EiEventSignals.Signals[0].Intervals, b.EiEventSignals.Signals[0].Intervals);
        Assert.Same(a.EiActivePeriod, Assert.Single(harness.Vtn.GetEvents("ven-c")).EiEvent.EiActivePeriod);

        await harness.Vtn.ModifyEventAsync("ven-a", "shared", e => e.EiActivePeriod.Properties.XEiRampUp = TimeSpan.FromMinutes(2), Ct);

        Assert.Equal(TimeSpan.FromMinutes(2), Assert.Single(harness.Vtn.GetEvents("ven-a")).EiEvent.EiActivePeriod.Properties.XEiRampUp);
        Assert.Null(Assert.Single(harness.Vtn.GetEvents("ven-b")).EiEvent.EiActivePeriod.Properties.XEiRampUp);
        Assert.Equal(before[1], Xml(harness, "ven-b"));
        Assert.Equal(before[2], Xml(harness, "ven-c"));
    }

    [Fact]
    public async Task The_default_target_is_sent_stored_and_modified_as_the_VENs_own_and_a_wider_target_is_kept_as_given()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("own");
        await harness.AddSimpleAsync(venId, eventId: "own");
        await harness.Vtn.AddEventAsync(
            venId, "SIMPLE", SignalType.Level, Simple(harness, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)), eventId: "wider",
            targets: [new Handlers.EventTarget(VenId: venId), new Handlers.EventTarget(ResourceId: "device-1")], cancellationToken: Ct);

        var sent = await harness.PollDistributeAsync(venId);
        await harness.RestartAsync();
        EiTarget? seenByModification = null;
        await harness.Vtn.ModifyEventAsync(venId, "own", e => seenByModification = e.EiTarget, Ct);
        await harness.RestartAsync();

        Assert.Equal([venId], TargetOf(sent, "own").VenIds!);
        Assert.Null(TargetOf(sent, "own").ResourceIds);
        Assert.Equal([venId], seenByModification!.VenIds!);
        Assert.Equal((venId, "device-1"), (Assert.Single(TargetOf(sent, "wider").VenIds!), Assert.Single(TargetOf(sent, "wider").ResourceIds!)));
        var afterRestart = harness.Vtn.GetEvents(venId).ToDictionary(e => e.EiEvent.EventDescriptor.EventId, e => e.EiEvent.EiTarget);
        Assert.Equal([venId], afterRestart["own"].VenIds!);
        Assert.Equal(["device-1"], afterRestart["wider"].ResourceIds!);
        Assert.Equal(1u, Assert.Single(harness.Vtn.GetEvents(venId), e => e.EiEvent.EventDescriptor.EventId == "own").EiEvent.EventDescriptor.ModificationNumber);
    }

    private static EiTarget TargetOf(OadrDistributeEvent distribute, string eventId) =>
        Assert.Single(distribute.OadrEvents, e => e.EiEvent.EventDescriptor.EventId == eventId).EiEvent.EiTarget;

    /// <summary>One operator event (one eventID) for each VEN, made one by one as the operator API does.</summary>
    private static async Task AddAlikeAsync(VtnHarness harness)
    {
        foreach (var venId in s_vens)
        {
            await harness.Vtn.AddEventAsync(
                venId, "SIMPLE", SignalType.Level, Simple(harness, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(20)), eventId: "shared", cancellationToken: Ct);
        }
    }

    private static OadrEvent RawEvent(VtnHarness harness) => new()
    {
        OadrResponseRequired = ResponseRequired.Always,
        EiEvent = new EiEvent
        {
            EventDescriptor = new EventDescriptor { EventId = "raw", EiMarketContext = "http://market.example/raw" },
            EiActivePeriod = new EiActivePeriod { Properties = new Properties { DtStart = harness.Clock.UtcNow.AddHours(1), Duration = TimeSpan.FromMinutes(10) } },
            EiEventSignals = new EiEventSignals
            {
                Signals =
                [
                    new EiEventSignal
                    {
                        SignalName = "SIMPLE",
                        SignalType = SignalType.Level,
                        SignalId = "signal-1",
                        Intervals = new Intervals
                        {
                            Items = [new Interval { Duration = TimeSpan.FromMinutes(10), Uid = "0", StreamPayloads = [new SignalPayload { PayloadBase = new PayloadFloat { Value = 2 } }] }],
                        },
                    },
                ],
            },
        },
    };

    private static EiEventSignals Signals(VtnHarness harness, string venId) => Assert.Single(harness.Vtn.GetEvents(venId)).EiEvent.EiEventSignals;

    private static float Level(EiEvent e) => ((PayloadFloat)((SignalPayload)e.EiEventSignals.Signals[0].Intervals.Items[0].StreamPayloads[0]).PayloadBase).Value;

    /// <summary>The VEN's event as it would be sent now (creation time aside), in the XML it is sent and stored in.</summary>
    private static string Xml(VtnHarness harness, string venId)
    {
        var oadrEvent = Assert.Single(harness.Vtn.GetEvents(venId));
        return System.Text.Encoding.UTF8.GetString(Documents.Write(new OadrDistributeEvent { RequestId = "r", VtnId = "v", OadrEvents = [oadrEvent] }));
    }
}
