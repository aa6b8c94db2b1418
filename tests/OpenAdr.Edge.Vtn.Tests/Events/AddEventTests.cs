using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>AddEventAsync: OpenLEADR's add_event checks, the event it builds, and what it leaves out.</summary>
public sealed class AddEventTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    public static TheoryData<string> BadSignalNames => ["", "Simple", "ELECTRICITY", "load_dispatch", "y-custom"];

    [Theory]
    [MemberData(nameof(BadSignalNames))]
    public async Task A_signal_name_that_is_neither_enumerated_nor_x_prefixed_is_refused(string signalName)
    {
        await using var harness = await VtnHarness.StartAsync();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.AddEventAsync(
            "ven-1", signalName, SignalType.Level, Simple(harness, TenMinutes, TenMinutes), cancellationToken: Ct).AsTask());
        Assert.Equal("signalName", e.ParamName);
        Assert.Empty(harness.Vtn.GetEvents("ven-1"));
    }

    [Theory]
    [InlineData("SIMPLE")]
    [InlineData("simple")]
    [InlineData("LOAD_DISPATCH")]
    [InlineData("x-custom")]
    public async Task Enumerated_and_x_prefixed_signal_names_are_accepted(string signalName)
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.Vtn.AddEventAsync("ven-1", signalName, SignalType.Level, Simple(harness, TenMinutes, TenMinutes), cancellationToken: Ct);
        var sent = Assert.Single(harness.Vtn.GetEvents("ven-1"));
        Assert.Equal(eventId, sent.EiEvent.EventDescriptor.EventId);
        Assert.Equal(signalName, Assert.Single(sent.EiEvent.EiEventSignals.Signals).SignalName);
    }

    [Theory]
    [InlineData(4f)]
    [InlineData(-1f)]
    [InlineData(1.5f)]
    public async Task R_107_a_SIMPLE_level_outside_0_to_3_is_refused(float level)
    {
        await using var harness = await VtnHarness.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level,
            [new EventInterval(VtnHarness.Start, TenMinutes, 1), new EventInterval(VtnHarness.Start + TenMinutes, TenMinutes, level)],
            cancellationToken: Ct).AsTask());
        Assert.Empty(harness.Vtn.GetEvents("ven-1"));
    }

    [Fact]
    public async Task Levels_of_other_signals_are_not_limited_to_0_to_3()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.Vtn.AddEventAsync("ven-1", "ELECTRICITY_PRICE", SignalType.Price, Simple(harness, TenMinutes, TenMinutes, 42.5f), cancellationToken: Ct);
        var interval = Assert.Single(Assert.Single(Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EiEventSignals.Signals).Intervals.Items);
        Assert.Equal(42.5f, Assert.IsType<PayloadFloat>(Assert.IsType<SignalPayload>(Assert.Single(interval.StreamPayloads)).PayloadBase).Value);
    }

    [Theory]
    [InlineData("unknown.context")]
    [InlineData("not a uri")]
    [InlineData("")]
    [InlineData("/programs/cpp")] // a Unix path: System.Uri reads it as file:///programs/cpp on Linux only
    public async Task A_market_context_that_is_not_an_absolute_uri_is_refused(string marketContext)
    {
        await using var harness = await VtnHarness.StartAsync();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level, Simple(harness, TenMinutes, TenMinutes), marketContext: marketContext, cancellationToken: Ct).AsTask());
        Assert.Equal("marketContext", e.ParamName);
    }

    [Fact]
    public async Task The_market_context_defaults_to_OpenLEADRs_and_a_given_one_is_sent()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.RegisterAsync("1"); // the VEN that polls: ven-1
        var plain = await harness.AddSimpleAsync("ven-1");
        var programme = await harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level, Simple(harness, TenMinutes, TenMinutes), marketContext: "http://market.example/cpp", cancellationToken: Ct);
        var distribute = await harness.PollDistributeAsync("ven-1");
        Assert.Equal("oadr://unknown.context", distribute.Descriptor(plain).EiMarketContext);
        Assert.Equal("http://market.example/cpp", distribute.Descriptor(programme).EiMarketContext);
    }

    [Fact]
    public async Task An_event_without_intervals_is_refused()
    {
        await using var harness = await VtnHarness.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.AddEventAsync("ven-1", "SIMPLE", SignalType.Level, [], cancellationToken: Ct).AsTask());
    }

    [Fact]
    public async Task R_8_a_gap_between_intervals_is_refused()
    {
        await using var harness = await VtnHarness.StartAsync();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level,
            [new EventInterval(VtnHarness.Start, TenMinutes, 1), new EventInterval(VtnHarness.Start.AddMinutes(11), TenMinutes, 2)],
            cancellationToken: Ct).AsTask());
        Assert.Equal("intervals", e.ParamName);
        Assert.Empty(harness.Vtn.GetEvents("ven-1"));
    }

    [Fact]
    public async Task R_8_overlapping_intervals_are_refused()
    {
        await using var harness = await VtnHarness.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level,
            [new EventInterval(VtnHarness.Start, TenMinutes, 1), new EventInterval(VtnHarness.Start.AddMinutes(9), TenMinutes, 2)],
            cancellationToken: Ct).AsTask());
    }

    [Fact]
    public async Task Intervals_with_no_positive_duration_or_an_unspecified_time_kind_are_refused()
    {
        await using var harness = await VtnHarness.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level, [new EventInterval(VtnHarness.Start, TimeSpan.Zero, 1)], cancellationToken: Ct).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level, [new EventInterval(DateTime.SpecifyKind(VtnHarness.Start, DateTimeKind.Unspecified), TenMinutes, 1)],
            cancellationToken: Ct).AsTask());
    }

    [Fact]
    public async Task R_100_adjacent_intervals_given_out_of_order_become_one_active_period_with_uids_0_1_2()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.RegisterAsync("1"); // the VEN that polls: ven-1
        var start = VtnHarness.Start.AddHours(1);
        await harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level,
            [
                new EventInterval(start.AddMinutes(15), TimeSpan.FromMinutes(5), 3),
                new EventInterval(start, TimeSpan.FromMinutes(10), 1),
                new EventInterval(start.AddMinutes(10), TimeSpan.FromMinutes(5), 2),
            ],
            cancellationToken: Ct);

        var sent = Assert.Single((await harness.PollDistributeAsync("ven-1")).OadrEvents).EiEvent;
        Assert.Equal(start, sent.EiActivePeriod.Properties.DtStart);
        Assert.Equal(TimeSpan.FromMinutes(20), sent.EiActivePeriod.Properties.Duration);
        var intervals = Assert.Single(sent.EiEventSignals.Signals).Intervals.Items;
        Assert.Equal(["0", "1", "2"], intervals.ConvertAll(i => i.Uid));
        Assert.All(intervals, i => Assert.Null(i.DtStart));
        Assert.Equal([10.0, 5.0, 5.0], intervals.ConvertAll(i => i.Duration!.Value.TotalMinutes));
        Assert.Equal([1f, 2f, 3f], intervals.ConvertAll(i => ((PayloadFloat)((SignalPayload)i.StreamPayloads[0]).PayloadBase).Value));
    }

    [Fact]
    public async Task Targets_default_to_the_venID()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.AddSimpleAsync("ven-1");
        var target = Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EiTarget;
        Assert.Equal(["ven-1"], target.VenIds);
        Assert.Null(target.ResourceIds);
        Assert.Null(target.GroupIds);
    }

    [Fact]
    public async Task Target_targets_and_targetsByType_all_land_in_the_events_eiTarget()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.RegisterAsync("1"); // the VEN that polls: ven-1
        await harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level, Simple(harness, TenMinutes, TenMinutes),
            target: new EventTarget(ResourceId: "meter-1"),
            targets: [new EventTarget(GroupId: "group-a"), new EventTarget(PartyId: "party-1", GroupName: "north")],
            targetsByType: new Dictionary<TargetKind, IReadOnlyList<string>>
            {
                [TargetKind.ResourceId] = ["meter-2", "meter-3"],
                [TargetKind.VenId] = ["ven-1"],
                [TargetKind.EndDeviceAsset] = ["Thermostat"],
            },
            cancellationToken: Ct);

        var target = Assert.Single((await harness.PollDistributeAsync("ven-1")).OadrEvents).EiEvent.EiTarget;
        Assert.Equal(["meter-1", "meter-2", "meter-3"], target.ResourceIds);
        Assert.Equal(["group-a"], target.GroupIds);
        Assert.Equal(["north"], target.GroupNames);
        Assert.Equal(["party-1"], target.PartyIds);
        Assert.Equal(["ven-1"], target.VenIds);
        Assert.Equal("Thermostat", Assert.Single(target.EndDeviceAssets!).Mrid);
    }

    [Fact]
    public async Task A_target_without_a_venID_does_not_get_one_added()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.Vtn.AddEventAsync(
            "ven-1", "SIMPLE", SignalType.Level, Simple(harness, TenMinutes, TenMinutes), target: new EventTarget(ResourceId: "meter-1"), cancellationToken: Ct);
        var target = Assert.Single(harness.Vtn.GetEvents("ven-1")).EiEvent.EiTarget;
        Assert.Equal(["meter-1"], target.ResourceIds);
        Assert.Null(target.VenIds);
    }

    [Fact]
    public async Task The_eventID_defaults_to_a_fresh_GUID()
    {
        await using var harness = await VtnHarness.StartAsync();
        var first = await harness.AddSimpleAsync("ven-1");
        var second = await harness.AddSimpleAsync("ven-1");
        Assert.True(Guid.TryParse(first, out _), first);
        Assert.True(Guid.TryParse(second, out _), second);
        Assert.NotEqual(first, second);
        Assert.Equal(2, harness.Vtn.GetEvents("ven-1").Count);
    }

    [Fact]
    public async Task R_70_a_duplicate_eventID_for_the_same_VEN_is_refused_with_452_and_changes_nothing()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.AddSimpleAsync("ven-1", eventId: "event-1", minutes: 10);
        var e = await Assert.ThrowsAsync<VtnOperationException>(() => harness.AddSimpleAsync("ven-1", eventId: "event-1", minutes: 30).AsTask());
        Assert.Equal(ResponseCodes.InvalidId, e.Code);
        Assert.Contains("event-1", e.Message, StringComparison.Ordinal);
        var kept = Assert.Single(harness.Vtn.GetEvents("ven-1"));
        Assert.Equal(TimeSpan.FromMinutes(10), kept.EiEvent.EiActivePeriod.Properties.Duration);
    }

    [Fact]
    public async Task The_same_eventID_for_another_VEN_is_a_different_event()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.AddSimpleAsync("ven-1", eventId: "event-1");
        await harness.AddSimpleAsync("ven-2", eventId: "event-1");
        Assert.Single(harness.Vtn.GetEvents("ven-1"));
        Assert.Single(harness.Vtn.GetEvents("ven-2"));
    }

    [Fact]
    public async Task A_new_event_has_modification_number_0_priority_and_status_far_and_is_not_a_test_event()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.RegisterAsync("1"); // the VEN that polls: ven-1
        await harness.AddSimpleAsync("ven-1", priority: 3);
        var descriptor = Assert.Single((await harness.PollDistributeAsync("ven-1")).OadrEvents).EiEvent.EventDescriptor;
        Assert.Equal(0u, descriptor.ModificationNumber);
        Assert.Null(descriptor.ModificationDateTime);
        Assert.Equal(3u, descriptor.Priority);
        Assert.Equal(EventStatus.Far, descriptor.EventStatus);
        Assert.Equal("false", descriptor.TestEvent);
    }

    [Fact]
    public async Task Ramp_up_notification_and_recovery_periods_are_carried_on_the_wire()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("wire");
        await harness.Vtn.AddEventAsync(
            venId, "SIMPLE", SignalType.Level, Simple(harness, TimeSpan.FromHours(1), TenMinutes),
            notificationPeriod: TimeSpan.FromMinutes(30), rampUpPeriod: TimeSpan.FromMinutes(5), recoveryPeriod: TimeSpan.FromMinutes(2),
            cancellationToken: Ct);

        var distribute = await harness.PollDistributeAsync(venId);
        var properties = Assert.Single(distribute.OadrEvents).EiEvent.EiActivePeriod.Properties;
        Assert.Equal(TimeSpan.FromMinutes(30), properties.XEiNotification);
        Assert.Equal(TimeSpan.FromMinutes(5), properties.XEiRampUp);
        Assert.Equal(TimeSpan.FromMinutes(2), properties.XEiRecovery);

        // As the VEN reads it: OpenLEADR loses these on the way (its add_raw_event replaces the active period).
        var xml = Encoding.UTF8.GetString(Documents.Write(distribute));
        Assert.Contains("x-eiNotification>", xml, StringComparison.Ordinal);
        Assert.Contains("x-eiRampUp>", xml, StringComparison.Ordinal);
        Assert.Contains("x-eiRecovery>", xml, StringComparison.Ordinal);
        Assert.Contains("PT30M", xml, StringComparison.Ordinal);
        var read = Assert.Single(Documents.Read<OadrDistributeEvent>(Documents.Write(distribute)).OadrEvents).EiEvent.EiActivePeriod.Properties;
        Assert.Equal((properties.XEiNotification, properties.XEiRampUp, properties.XEiRecovery), (read.XEiNotification, read.XEiRampUp, read.XEiRecovery));
    }

    [Fact]
    public async Task Without_periods_no_x_ei_elements_are_sent()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.RegisterAsync("1"); // the VEN that polls: ven-1
        await harness.AddSimpleAsync("ven-1");
        var xml = Encoding.UTF8.GetString(Documents.Write(await harness.PollDistributeAsync("ven-1")));
        Assert.DoesNotContain("x-eiRampUp", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("x-eiNotification", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_response_required_flag_is_sent_as_given()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.RegisterAsync("1"); // the VEN that polls: ven-1
        var always = await harness.AddSimpleAsync("ven-1", startsInMinutes: 10);
        var never = await harness.AddSimpleAsync("ven-1", startsInMinutes: 20, responseRequired: ResponseRequired.Never);
        var distribute = await harness.PollDistributeAsync("ven-1");
        Assert.Equal(ResponseRequired.Always, distribute.OadrEvents.Find(e => e.EiEvent.EventDescriptor.EventId == always)!.OadrResponseRequired);
        Assert.Equal(ResponseRequired.Never, distribute.OadrEvents.Find(e => e.EiEvent.EventDescriptor.EventId == never)!.OadrResponseRequired);
    }

    [Fact]
    public async Task While_OnPoll_replaces_the_queue_AddEventAsync_and_AddRawEventAsync_are_refused_with_451()
    {
        await using var harness = await VtnHarness.StartAsync();
        harness.Vtn.OnPoll = _ => ValueTask.FromResult<OadrMessage?>(null);
        var e = await Assert.ThrowsAsync<VtnOperationException>(() => harness.AddSimpleAsync("ven-1").AsTask());
        Assert.Equal(ResponseCodes.NotAllowed, e.Code);
        Assert.Contains("OnPoll", e.Message, StringComparison.Ordinal);
        var raw = await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.AddRawEventAsync("ven-1", new OadrEvent(), cancellationToken: Ct).AsTask());
        Assert.Equal(ResponseCodes.NotAllowed, raw.Code);
        Assert.Empty(harness.Vtn.GetEvents("ven-1"));

        harness.Vtn.OnPoll = null;
        await harness.AddSimpleAsync("ven-1");
        Assert.Single(harness.Vtn.GetEvents("ven-1"));
    }

    [Fact]
    public async Task An_event_for_a_venID_that_registers_later_waits_for_it()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-later");
        var created = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("later"));
        Assert.Equal("ven-later", created.VenId);

        // Whatever comes first (the VTN's METADATA or the event), both arrive, one per poll.
        var first = await harness.SendAsync(Messages.Poll("ven-later"));
        var second = await harness.SendAsync(Messages.Poll("ven-later"));
        var distribute = Assert.Single(new[] { first, second }, m => m is OadrDistributeEvent);
        Assert.Equal([eventId], ((OadrDistributeEvent)distribute!).EventIds());
        Assert.Single(new[] { first, second }, m => m is OadrRegisterReport);
        await harness.PollNothingAsync("ven-later");
    }
}
