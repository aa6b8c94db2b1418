using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>What one oadrDistributeEvent holds: the VEN's whole set of open events, stamped and ordered .</summary>
public sealed class DistributeEventTests
{
    [Fact]
    public async Task R_50_every_distribution_carries_all_open_events_of_the_VEN_and_none_of_another()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("all");
        var other = await harness.RegisterAsync("other");
        var first = await harness.AddSimpleAsync(venId, startsInMinutes: 10);
        Assert.Equal([first], (await harness.PollDistributeAsync(venId)).EventIds());

        var second = await harness.AddSimpleAsync(venId, startsInMinutes: 20);
        var foreign = await harness.AddSimpleAsync(other, startsInMinutes: 5);
        Assert.Equal([first, second], (await harness.PollDistributeAsync(venId)).EventIds());

        await harness.Vtn.ModifyEventAsync(venId, second, e => e.EventDescriptor.VtnComment = "changed", Ct);
        Assert.Equal([first, second], (await harness.PollDistributeAsync(venId)).EventIds());
        Assert.Equal([foreign], (await harness.PollDistributeAsync(other)).EventIds());
    }

    [Fact]
    public async Task R_50_a_cancelled_event_is_listed_until_the_VEN_acknowledges_it()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("cancel");
        var kept = await harness.AddSimpleAsync(venId, startsInMinutes: 10);
        var cancelled = await harness.AddSimpleAsync(venId, startsInMinutes: 20);
        await harness.PollDistributeAsync(venId);

        await harness.Vtn.CancelEventAsync(venId, cancelled, Ct);
        var distribute = await harness.PollDistributeAsync(venId);
        Assert.Equal([kept, cancelled], distribute.EventIds());
        Assert.Equal(EventStatus.Cancelled, distribute.Descriptor(cancelled).EventStatus);
        Assert.Equal(EventStatus.Cancelled, (await harness.RequestEventsAsync(venId)).Descriptor(cancelled).EventStatus);

        var ack = await harness.AnswerAsync(venId, cancelled, 1, OptType.OptIn);
        Assert.Equal("200", ack.EiResponse.ResponseCode);
        Assert.Equal([kept], (await harness.RequestEventsAsync(venId)).EventIds());
    }

    [Fact]
    public async Task R_115_createdDateTime_is_the_same_for_every_event_of_one_payload_and_is_the_time_of_sending()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("stamp");
        for (var i = 0; i < 4; i++)
        {
            await harness.AddSimpleAsync(venId, startsInMinutes: 10 + i);
            harness.Clock.Advance(TimeSpan.FromSeconds(7));
        }

        var sentAt = harness.Clock.UtcNow;
        var distribute = await harness.PollDistributeAsync(venId);
        Assert.Equal(4, distribute.OadrEvents.Count);
        Assert.All(distribute.OadrEvents, e => Assert.Equal(sentAt, e.EiEvent.EventDescriptor.CreatedDateTime));

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await harness.RequestEventsAsync(venId);
        Assert.All(again.OadrEvents, e => Assert.Equal(sentAt.AddMinutes(1), e.EiEvent.EventDescriptor.CreatedDateTime));
    }

    [Fact]
    public async Task R_41_requestID_is_always_present_and_eiResponse_echoes_the_request()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("ids");
        await harness.AddSimpleAsync(venId);

        var polled = await harness.PollDistributeAsync(venId);
        var requested = await harness.RequestEventsAsync(venId);
        var empty = await harness.RequestEventsAsync(await harness.RegisterAsync("nothing"));
        foreach (var distribute in new[] { polled, requested, empty })
        {
            Assert.False(string.IsNullOrWhiteSpace(distribute.RequestId));
            Assert.NotEqual("None", distribute.RequestId);
            Assert.NotNull(distribute.EiResponse);
            Assert.Equal("200", distribute.EiResponse.ResponseCode);
            Assert.NotEqual("None", distribute.EiResponse.RequestId);
            Assert.Equal("test-vtn", distribute.VtnId);
        }

        Assert.Equal("", polled.EiResponse!.RequestId); // oadrPoll carries no requestID
        Assert.Equal("req-events", requested.EiResponse!.RequestId);
        Assert.Equal("req-events", empty.EiResponse!.RequestId);
        Assert.NotEqual(polled.RequestId, requested.RequestId);
    }

    [Fact]
    public async Task R_15_active_events_come_first_then_priority_then_start()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("order");
        var pendingLate = await harness.AddSimpleAsync(venId, eventId: "pending-late", startsInMinutes: 60, priority: 1);
        var activeNoPriority = await harness.AddSimpleAsync(venId, eventId: "active-none", startsInMinutes: -30, minutes: 120, priority: 0);
        var pendingEarly = await harness.AddSimpleAsync(venId, eventId: "pending-early", startsInMinutes: 30, priority: 5);
        var activeLow = await harness.AddSimpleAsync(venId, eventId: "active-5", startsInMinutes: -50, minutes: 120, priority: 5);
        var activeHighLate = await harness.AddSimpleAsync(venId, eventId: "active-1-late", startsInMinutes: -10, minutes: 120, priority: 1);
        var activeHighEarly = await harness.AddSimpleAsync(venId, eventId: "active-1-early", startsInMinutes: -20, minutes: 120, priority: 1);

        string[] expected = [activeHighEarly, activeHighLate, activeLow, activeNoPriority, pendingEarly, pendingLate];
        Assert.Equal(expected, (await harness.PollDistributeAsync(venId)).EventIds());
        Assert.Equal(expected, harness.Vtn.GetEvents(venId).Select(e => e.EiEvent.EventDescriptor.EventId));
        Assert.Equal(expected, (await harness.RequestEventsAsync(venId)).EventIds());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task R_15_order_holds_for_random_events_and_replyLimit_pages_are_its_prefixes(int seed)
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("random" + seed);
        var random = new Random(seed);
        var count = random.Next(5, 25);
        for (var i = 0; i < count; i++)
        {
            // Starts on a coarse grid so that equal starts (ties) happen; some have started already (active).
            await harness.AddSimpleAsync(
                venId, eventId: $"e{random.Next(1000):D3}-{i}", startsInMinutes: random.Next(-6, 6) * 10, minutes: 120, priority: (uint)random.Next(0, 4));
        }

        var now = harness.Clock.UtcNow;
        var events = (await harness.PollDistributeAsync(venId)).OadrEvents;
        Assert.Equal(count, events.Count);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(InR15Order(events[i - 1], events[i], now), $"{Describe(events[i - 1], now)} must not come before {Describe(events[i], now)}");
        }

        Assert.All(events, e => Assert.Equal(e.EiEvent.EiActivePeriod.Properties.DtStart <= now ? EventStatus.Active : EventStatus.Far, e.EiEvent.EventDescriptor.EventStatus));

        var ids = events.Select(e => e.EiEvent.EventDescriptor.EventId).ToList();
        for (uint limit = 1; limit <= count; limit += 3)
        {
            Assert.Equal(ids.Take((int)limit), (await harness.RequestEventsAsync(venId, limit)).EventIds());
        }
    }

    [Fact]
    public async Task Several_changes_before_a_poll_coalesce_into_one_distribution_with_the_latest_state()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("coalesce");
        var first = await harness.AddSimpleAsync(venId, startsInMinutes: 10);
        await harness.Vtn.ModifyEventAsync(venId, first, e => e.EventDescriptor.Priority = 4, Ct);
        var second = await harness.AddSimpleAsync(venId, startsInMinutes: 20);
        await harness.Vtn.ModifyEventAsync(venId, first, e => e.EventDescriptor.VtnComment = "latest", Ct);

        var distribute = await harness.PollDistributeAsync(venId);
        Assert.Equal([first, second], distribute.EventIds());
        Assert.Equal(2u, distribute.Descriptor(first).ModificationNumber);
        Assert.Equal(4u, distribute.Descriptor(first).Priority);
        Assert.Equal("latest", distribute.Descriptor(first).VtnComment);
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task A_completed_event_is_reported_once_more_with_status_completed_then_dropped()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("completed");
        var ending = await harness.AddSimpleAsync(venId, startsInMinutes: 0, minutes: 10);
        var later = await harness.AddSimpleAsync(venId, startsInMinutes: 60, minutes: 10);
        await harness.PollDistributeAsync(venId);

        harness.Clock.Advance(TimeSpan.FromMinutes(15));
        await harness.Vtn.ModifyEventAsync(venId, later, e => e.EventDescriptor.Priority = 1, Ct);
        var distribute = await harness.PollDistributeAsync(venId);
        Assert.Equal(EventStatus.Completed, distribute.Descriptor(ending).EventStatus);
        Assert.Equal(EventStatus.Far, distribute.Descriptor(later).EventStatus);

        Assert.Equal([later], (await harness.RequestEventsAsync(venId)).EventIds());
        Assert.Equal([later], harness.Vtn.GetEvents(venId).Select(e => e.EiEvent.EventDescriptor.EventId));
    }

    [Fact]
    public async Task When_the_only_event_completed_before_the_poll_the_distribution_still_names_it_OpenLEADR_sends_an_empty_one()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("only");
        var eventId = await harness.AddSimpleAsync(venId, startsInMinutes: 0, minutes: 10);
        harness.Clock.Advance(TimeSpan.FromMinutes(11));

        var distribute = await harness.PollDistributeAsync(venId);
        Assert.Equal(EventStatus.Completed, Assert.Single(distribute.OadrEvents).EiEvent.EventDescriptor.EventStatus);
        Assert.Equal(eventId, distribute.EventIds()[0]);

        await harness.PollNothingAsync(venId);
        Assert.Empty((await harness.RequestEventsAsync(venId)).OadrEvents);
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task A_poll_never_answers_with_an_empty_distribution_when_the_queued_one_has_nothing_left_to_say()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("nothing-left");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.PollDistributeAsync(venId);

        // The cancellation is queued, and the VEN acknowledges it before polling (it learnt of it some other way).
        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn)).EiResponse.ResponseCode);

        await harness.PollNothingAsync(venId);
        Assert.Empty(harness.Vtn.GetEvents(venId));
    }

    [Fact]
    public async Task A_cancelled_event_that_needs_no_response_is_sent_once_and_dropped()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("never");
        var eventId = await harness.AddSimpleAsync(venId, responseRequired: ResponseRequired.Never);
        var kept = await harness.AddSimpleAsync(venId, startsInMinutes: 30);
        await harness.PollDistributeAsync(venId);

        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        var distribute = await harness.PollDistributeAsync(venId);
        Assert.Equal(EventStatus.Cancelled, distribute.Descriptor(eventId).EventStatus);

        await harness.PollNothingAsync(venId);
        Assert.Equal([kept], (await harness.RequestEventsAsync(venId)).EventIds());
    }

    [Fact]
    public async Task R_52_an_unacknowledged_cancellation_is_sent_again_at_every_poll_until_CancelledEventDeliveries_then_is_dropped()
    {
        await using var harness = await VtnHarness.StartAsync(options: new VtnOptions { VtnId = "test-vtn", CancelledEventDeliveries = 3 });
        var venId = await harness.RegisterAsync("stubborn");
        var eventId = await harness.AddSimpleAsync(venId);
        var kept = await harness.AddSimpleAsync(venId, startsInMinutes: 30);
        await harness.PollDistributeAsync(venId);

        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        for (var delivery = 1; delivery <= 3; delivery++)
        {
            var distribute = await harness.PollDistributeAsync(venId);
            Assert.Equal([eventId, kept], distribute.EventIds());
            Assert.Equal(EventStatus.Cancelled, distribute.Descriptor(eventId).EventStatus);
        }

        await harness.PollNothingAsync(venId);
        Assert.Equal([kept], (await harness.RequestEventsAsync(venId)).EventIds());
    }

    [Fact]
    public async Task R_52_the_repeat_of_a_cancellation_is_withdrawn_once_the_ven_acknowledges_it()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("acknowledging");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.PollDistributeAsync(venId);

        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        Assert.Equal(EventStatus.Cancelled, (await harness.PollDistributeAsync(venId)).Descriptor(eventId).EventStatus);
        await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn);
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task A_change_merged_into_a_queued_repeat_is_still_delivered_after_the_acknowledgement()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("busy");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.PollDistributeAsync(venId);
        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        await harness.PollDistributeAsync(venId);

        var added = await harness.AddSimpleAsync(venId, startsInMinutes: 45);
        await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn);
        Assert.Equal([added], (await harness.PollDistributeAsync(venId)).EventIds());
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task R_52_distributions_asked_for_with_oadrRequestEvent_count_towards_the_bound()
    {
        await using var harness = await VtnHarness.StartAsync(options: new VtnOptions { VtnId = "test-vtn", CancelledEventDeliveries = 2 });
        var venId = await harness.RegisterAsync("asking");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);

        Assert.Equal([eventId], (await harness.RequestEventsAsync(venId)).EventIds());
        Assert.Equal([eventId], (await harness.RequestEventsAsync(venId)).EventIds());
        Assert.Empty((await harness.RequestEventsAsync(venId)).OadrEvents);
    }

    [Fact]
    public async Task An_acknowledged_cancellation_is_not_sent_again()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("polite");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.PollDistributeAsync(venId);
        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        Assert.Equal([eventId], (await harness.PollDistributeAsync(venId)).EventIds());

        await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn);
        await harness.PollNothingAsync(venId);
        Assert.Empty(harness.Vtn.GetEvents(venId));
    }

    [Fact]
    public async Task The_delivery_callback_runs_each_time_the_event_is_distributed()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("delivery");
        var deliveries = 0;
        var eventId = await harness.Vtn.AddEventAsync(
            venId, "SIMPLE", SignalType.Level, Simple(harness, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)),
            deliveryCallback: () => { deliveries++; return ValueTask.CompletedTask; }, cancellationToken: Ct);
        Assert.Equal(0, deliveries);

        await harness.PollDistributeAsync(venId);
        Assert.Equal(1, deliveries);
        await harness.PollNothingAsync(venId);
        Assert.Equal(1, deliveries);
        await harness.RequestEventsAsync(venId);
        Assert.Equal(2, deliveries);
        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 1, Ct);
        await harness.PollDistributeAsync(venId);
        Assert.Equal(3, deliveries);
    }

    private static bool InR15Order(OadrEvent before, OadrEvent after, DateTime now)
    {
        bool Active(OadrEvent e) => e.EiEvent.EiActivePeriod.Properties.DtStart <= now;
        uint Rank(OadrEvent e) => e.EiEvent.EventDescriptor.Priority is { } p and not 0 ? p : uint.MaxValue; // 0 = no priority = lowest
        DateTime Start(OadrEvent e) => e.EiEvent.EiActivePeriod.Properties.DtStart;

        if (Active(before) != Active(after))
        {
            return Active(before);
        }

        if (Active(before) && Rank(before) != Rank(after))
        {
            return Rank(before) < Rank(after);
        }

        return Start(before) <= Start(after);
    }

    private static string Describe(OadrEvent e, DateTime now) =>
        $"{e.EiEvent.EventDescriptor.EventId} (start {(e.EiEvent.EiActivePeriod.Properties.DtStart - now).TotalMinutes} min, priority {e.EiEvent.EventDescriptor.Priority})";
}
