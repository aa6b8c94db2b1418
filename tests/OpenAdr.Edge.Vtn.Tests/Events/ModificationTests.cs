using System;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>R-4, R-5, R-10, R-20: modification numbers and what may change.</summary>
public sealed class ModificationTests
{
    [Fact]
    public async Task R_4_R_5_R_10_modification_number_is_0_new_then_plus_1_per_modification_and_plus_1_on_cancel()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("mods");
        var eventId = await harness.AddSimpleAsync(venId);
        Assert.Equal(0u, (await harness.PollDistributeAsync(venId)).Descriptor(eventId).ModificationNumber);

        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 2, Ct);
        var first = (await harness.PollDistributeAsync(venId)).Descriptor(eventId);
        Assert.Equal(1u, first.ModificationNumber);
        Assert.Equal(2u, first.Priority);

        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EiActivePeriod.Properties.XEiRampUp = TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(2u, (await harness.PollDistributeAsync(venId)).Descriptor(eventId).ModificationNumber);

        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        var cancelled = (await harness.PollDistributeAsync(venId)).Descriptor(eventId);
        Assert.Equal(3u, cancelled.ModificationNumber);
        Assert.Equal(EventStatus.Cancelled, cancelled.EventStatus);
    }

    [Fact]
    public async Task Modification_date_time_is_set_on_every_change_including_cancel()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1", startsInMinutes: 60);
        Assert.Null(Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EventDescriptor.ModificationDateTime);

        harness.Clock.Advance(TimeSpan.FromMinutes(3));
        await harness.Vtn.ModifyEventAsync("ven-1", eventId, e => e.EventDescriptor.VtnComment = "moved", Ct);
        var modified = Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EventDescriptor;
        Assert.Equal(VtnHarness.Start.AddMinutes(3), modified.ModificationDateTime);
        Assert.Equal("moved", modified.VtnComment);

        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        await harness.Vtn.CancelEventAsync("ven-1", eventId, Ct);
        var cancelled = Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EventDescriptor;
        Assert.Equal(VtnHarness.Start.AddMinutes(7), cancelled.ModificationDateTime);
        Assert.Equal("cancelled", cancelled.ModificationReason);
    }

    [Fact]
    public async Task A_modification_can_move_the_start_and_the_intervals()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1", startsInMinutes: 60, minutes: 10);
        var newStart = VtnHarness.Start.AddMinutes(90);
        await harness.Vtn.ModifyEventAsync("ven-1", eventId, e =>
        {
            e.EiActivePeriod.Properties.DtStart = newStart;
            e.EiActivePeriod.Properties.Duration = TimeSpan.FromMinutes(20);
            e.EiEventSignals.Signals[0].Intervals.Items[0].Duration = TimeSpan.FromMinutes(20);
        }, Ct);

        var properties = Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EiActivePeriod.Properties;
        Assert.Equal(newStart, properties.DtStart);
        Assert.Equal(TimeSpan.FromMinutes(20), properties.Duration);
    }

    [Fact]
    public async Task An_invalid_modification_is_refused_and_changes_nothing()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("invalid");
        var eventId = await harness.AddSimpleAsync(venId, minutes: 10);
        await harness.PollDistributeAsync(venId);

        // The interval no longer adds up to the active period.
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.ModifyEventAsync(
            venId, eventId, e => e.EiActivePeriod.Properties.Duration = TimeSpan.FromMinutes(20), Ct).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.ModifyEventAsync(
            venId, eventId, e => ((PayloadFloat)((SignalPayload)e.EiEventSignals.Signals[0].Intervals.Items[0].StreamPayloads[0]).PayloadBase).Value = 7, Ct).AsTask());

        var kept = Assert.Single(harness.Vtn.GetEvents(venId)).EiEvent;
        Assert.Equal(0u, kept.EventDescriptor.ModificationNumber);
        Assert.Equal(TimeSpan.FromMinutes(10), kept.EiActivePeriod.Properties.Duration);
        await harness.PollNothingAsync(venId);

        // The gate was released: a valid change still goes through.
        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 1, Ct);
        Assert.Equal(1u, (await harness.PollDistributeAsync(venId)).Descriptor(eventId).ModificationNumber);
    }

    [Fact]
    public async Task A_modification_cannot_rename_the_event_or_reset_its_modification_number()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1");
        await harness.Vtn.ModifyEventAsync("ven-1", eventId, e =>
        {
            e.EventDescriptor.EventId = "renamed";
            e.EventDescriptor.ModificationNumber = 0;
        }, Ct);
        var descriptor = Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EventDescriptor;
        Assert.Equal(eventId, descriptor.EventId);
        Assert.Equal(1u, descriptor.ModificationNumber);
    }

    [Fact]
    public async Task R_20_modifying_a_completed_event_is_refused_with_451()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1", startsInMinutes: 10, minutes: 10);
        harness.Clock.Advance(TimeSpan.FromMinutes(20));

        var e = await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.ModifyEventAsync("ven-1", eventId, e => e.EventDescriptor.Priority = 1, Ct).AsTask());
        Assert.Equal(ResponseCodes.NotAllowed, e.Code);
        Assert.Equal(0u, Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EventDescriptor.ModificationNumber);
    }

    [Fact]
    public async Task R_20_cancelling_a_completed_event_is_refused_with_451()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1", startsInMinutes: 10, minutes: 10);
        harness.Clock.Advance(TimeSpan.FromMinutes(20));

        var e = await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.CancelEventAsync("ven-1", eventId, Ct).AsTask());
        Assert.Equal(ResponseCodes.NotAllowed, e.Code);
        var descriptor = Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EventDescriptor;
        Assert.Equal(EventStatus.Completed, descriptor.EventStatus);
        Assert.Equal(0u, descriptor.ModificationNumber);
    }

    [Fact]
    public async Task An_active_event_can_be_cancelled()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1", startsInMinutes: 0, minutes: 60);
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await harness.Vtn.CancelEventAsync("ven-1", eventId, Ct);
        Assert.Equal(EventStatus.Cancelled, harness.StatusOf("ven-1", eventId));
    }

    [Fact]
    public async Task Modifying_a_cancelled_event_is_refused_with_451()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1");
        await harness.Vtn.CancelEventAsync("ven-1", eventId, Ct);
        var e = await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.ModifyEventAsync("ven-1", eventId, e => e.EventDescriptor.Priority = 1, Ct).AsTask());
        Assert.Equal(ResponseCodes.NotAllowed, e.Code);
    }

    [Fact]
    public async Task Cancelling_twice_changes_the_modification_number_once()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-1");
        await harness.Vtn.CancelEventAsync("ven-1", eventId, Ct);
        await harness.Vtn.CancelEventAsync("ven-1", eventId, Ct);
        Assert.Equal(1u, Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EventDescriptor.ModificationNumber);
    }

    [Fact]
    public async Task Changing_an_unknown_event_is_refused_with_452()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.AddSimpleAsync("ven-1", eventId: "known");
        Assert.Equal(ResponseCodes.InvalidId, (await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.CancelEventAsync("ven-1", "unknown", Ct).AsTask())).Code);
        Assert.Equal(ResponseCodes.InvalidId, (await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.CancelEventAsync("ven-nobody", "known", Ct).AsTask())).Code);
        Assert.Equal(ResponseCodes.InvalidId, (await Assert.ThrowsAsync<VtnOperationException>(
            () => harness.Vtn.ModifyEventAsync("ven-1", "unknown", e => e.EventDescriptor.Priority = 1, Ct).AsTask())).Code);

        // The failed look-ups left the VEN's gate free.
        await harness.Vtn.CancelEventAsync("ven-1", "known", Ct);
    }
}
