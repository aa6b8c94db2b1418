using System;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>R-13: an event's status follows the clock (far → near → active → completed); R-66: start-after tolerance.</summary>
public sealed class EventStatusTests
{
    [Fact]
    public async Task R_13_status_goes_far_near_active_completed_with_the_clock()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("clock");
        var eventId = await harness.AddSimpleAsync(venId, startsInMinutes: 60, minutes: 30, rampUpPeriod: TimeSpan.FromMinutes(10));
        await harness.PollDistributeAsync(venId);

        Assert.Equal(EventStatus.Far, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);

        harness.Clock.Advance(TimeSpan.FromMinutes(49));
        Assert.Equal(EventStatus.Far, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);

        harness.Clock.Advance(TimeSpan.FromMinutes(1)); // the ramp-up starts 10 minutes before the event
        Assert.Equal(EventStatus.Near, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);

        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(EventStatus.Active, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);

        harness.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(EventStatus.Active, harness.StatusOf(venId, eventId));

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var completed = await harness.RequestEventsAsync(venId);
        Assert.Equal(EventStatus.Completed, completed.Descriptor(eventId).EventStatus);
        Assert.Equal(0u, completed.Descriptor(eventId).ModificationNumber); // status changes are not modifications
    }

    [Fact]
    public async Task Without_a_ramp_up_period_the_event_is_far_until_it_starts()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1", startsInMinutes: 60);
        harness.Clock.Advance(TimeSpan.FromMinutes(59.9));
        Assert.Equal(EventStatus.Far, harness.StatusOf("ven-1", eventId));
        harness.Clock.Advance(TimeSpan.FromMinutes(0.1));
        Assert.Equal(EventStatus.Active, harness.StatusOf("ven-1", eventId));
    }

    [Fact]
    public async Task A_status_transition_alone_queues_nothing_R_502()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("quiet");
        await harness.AddSimpleAsync(venId, startsInMinutes: 10, minutes: 10, rampUpPeriod: TimeSpan.FromMinutes(5));
        await harness.PollDistributeAsync(venId);

        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        await harness.PollNothingAsync(venId);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task An_event_with_zero_duration_is_open_ended_and_never_completes()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("open");
        var eventId = await harness.Vtn.AddRawEventAsync(venId, RawEvent("open-ended", VtnHarness.Start.AddMinutes(5), TimeSpan.Zero), cancellationToken: Ct);
        Assert.Equal(EventStatus.Far, harness.StatusOf(venId, eventId));

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(EventStatus.Active, harness.StatusOf(venId, eventId));

        harness.Clock.Advance(TimeSpan.FromDays(400));
        var listed = await harness.RequestEventsAsync(venId);
        Assert.Equal(EventStatus.Active, listed.Descriptor(eventId).EventStatus);
        Assert.Equal(EventStatus.Active, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);
    }

    [Fact]
    public async Task R_66_a_start_after_tolerance_keeps_the_event_listed_until_start_plus_duration_plus_startafter()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("tolerant");
        var definition = RawEvent("randomized", VtnHarness.Start.AddMinutes(10), TimeSpan.FromMinutes(10));
        definition.EiEvent.EiActivePeriod.Properties.Tolerance = new Tolerance { Tolerate = new Tolerate { StartAfter = TimeSpan.FromMinutes(5) } };
        var eventId = await harness.Vtn.AddRawEventAsync(venId, definition, cancellationToken: Ct);

        harness.Clock.Advance(TimeSpan.FromMinutes(20)); // the nominal end: a VEN that started 5 minutes late still runs
        var listed = await harness.RequestEventsAsync(venId);
        Assert.NotEqual(EventStatus.Completed, listed.Descriptor(eventId).EventStatus);
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single(listed.OadrEvents).EiEvent.EiActivePeriod.Properties.Tolerance!.Tolerate.StartAfter);

        harness.Clock.Advance(TimeSpan.FromMinutes(4.9));
        Assert.NotEqual(EventStatus.Completed, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);

        harness.Clock.Advance(TimeSpan.FromMinutes(0.1));
        Assert.Equal(EventStatus.Completed, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);
        Assert.Empty((await harness.RequestEventsAsync(venId)).OadrEvents);
    }

    [Fact]
    public async Task A_cancelled_event_stays_cancelled_whatever_the_clock_says()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1", startsInMinutes: 10, minutes: 10);
        await harness.Vtn.CancelEventAsync("ven-1", eventId, Ct);
        Assert.Equal(EventStatus.Cancelled, harness.StatusOf("ven-1", eventId));
        harness.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(EventStatus.Cancelled, harness.StatusOf("ven-1", eventId));
        harness.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(EventStatus.Cancelled, harness.StatusOf("ven-1", eventId));
    }

    /// <summary>A one-signal SIMPLE event built by hand, with one interval covering its active period.</summary>
    internal static OadrEvent RawEvent(string eventId, DateTime start, TimeSpan duration, uint priority = 0) => new()
    {
        OadrResponseRequired = ResponseRequired.Always,
        EiEvent = new EiEvent
        {
            EventDescriptor = new EventDescriptor { EventId = eventId, EiMarketContext = "oadr://test.context", Priority = priority, TestEvent = "false" },
            EiActivePeriod = new EiActivePeriod { Properties = new Properties { DtStart = start, Duration = duration } },
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
                            Items = [new Interval { Duration = duration, Uid = "0", StreamPayloads = [new SignalPayload { PayloadBase = new PayloadFloat { Value = 1 } }] }],
                        },
                    },
                ],
            },
        },
    };
}
