using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Events;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Opt;

/// <summary>EiOpt (§4.8): availability schedules and event opts a VEN creates and cancels (R-203…R-211). OpenLEADR answers 404.</summary>
public sealed class OptTests
{
    [Fact]
    public async Task R_207_a_schedule_is_acknowledged_with_its_requestID_and_optID_and_OnCreateOpt_hears_it()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("schedule");
        var heard = new List<(string, OadrCreateOpt)>();
        harness.Vtn.OnCreateOpt = (ven, opt) => { heard.Add((ven, opt)); return ValueTask.CompletedTask; };
        var create = Messages.CreateScheduleOpt(venId, "opt-1", OptType.OptOut, VtnHarness.Start.AddHours(2), TimeSpan.FromHours(4), requestId: "req-42");

        var created = await harness.SendAsync<OadrCreatedOpt>(create, OpenAdrService.EiOpt);
        Assert.Equal("200", created.EiResponse.ResponseCode);
        Assert.Equal("req-42", created.EiResponse.RequestId);
        Assert.Equal("opt-1", created.OptId);

        var (ven, opt) = Assert.Single(heard);
        Assert.Equal(venId, ven);
        Assert.Equal(OptType.OptOut, opt.OptType);
        var period = Assert.Single(opt.Vavailability!.ContainedComponents.AvailablePeriods).Properties;
        Assert.Equal(VtnHarness.Start.AddHours(2), period.DtStart);
        Assert.Equal(TimeSpan.FromHours(4), period.Duration);
        Assert.Equal(1L, harness.Database.ScalarInt64("SELECT count(*) FROM opt WHERE opt_id = 'opt-1' AND cancelled = 0"));
    }

    [Fact]
    public async Task An_opt_on_the_wrong_endpoint_gets_459()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("endpoint");
        var answer = await harness.SendAsync<OadrCreatedOpt>(Messages.CreateScheduleOpt(venId, "opt-1", OptType.OptIn, VtnHarness.Start, TimeSpan.FromHours(1)), OpenAdrService.EiEvent);
        Assert.Equal(ResponseCodes.ComplianceError, answer.EiResponse.ResponseCode);
    }

    [Fact]
    public async Task R_208_an_opt_for_an_unknown_event_gets_452_and_is_not_kept()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("unknown-event");
        var calls = 0;
        harness.Vtn.OnCreateOpt = (_, _) => { calls++; return ValueTask.CompletedTask; };

        var created = await harness.SendAsync<OadrCreatedOpt>(Messages.CreateEventOpt(venId, "opt-x", "no-such-event", 0, OptType.OptOut));
        Assert.Equal(ResponseCodes.InvalidId, created.EiResponse.ResponseCode);
        Assert.Equal("req-opt-x", created.EiResponse.RequestId);
        Assert.Equal("opt-x", created.OptId);
        Assert.Equal(0, calls);

        // Nothing was stored: cancelling it is cancelling an unknown opt.
        Assert.Equal(ResponseCodes.InvalidId, (await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "opt-x"))).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task R_206_an_opt_naming_a_resource_the_event_does_not_target_gets_462()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("targets");
        var heard = new List<OptType>();
        var eventId = await harness.Vtn.AddEventAsync(
            venId, "SIMPLE", SignalType.Level, Simple(harness, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)),
            targetsByType: new Dictionary<TargetKind, IReadOnlyList<string>> { [TargetKind.ResourceId] = ["meter-1", "meter-2"] },
            callback: (_, _, opt) => { heard.Add(opt); return ValueTask.CompletedTask; },
            cancellationToken: Ct);

        var outside = await harness.SendAsync<OadrCreatedOpt>(Messages.CreateEventOpt(venId, "opt-1", eventId, 0, OptType.OptOut, "meter-1", "meter-9"));
        Assert.Equal(ResponseCodes.TargetMismatch, outside.EiResponse.ResponseCode);
        Assert.Empty(heard);

        var inside = await harness.SendAsync<OadrCreatedOpt>(Messages.CreateEventOpt(venId, "opt-2", eventId, 0, OptType.OptOut, "meter-2"));
        Assert.Equal("200", inside.EiResponse.ResponseCode);
        Assert.Equal([OptType.OptOut], heard);
    }

    [Fact]
    public async Task An_opt_for_an_event_is_the_VENs_answer_callbacks_and_awaiting_operators_hear_it()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("event-opt");
        var heard = new List<OptType>();
        var handled = new List<OptType>();
        harness.Vtn.OnCreatedEvent = (_, _, opt) => { handled.Add(opt); return ValueTask.CompletedTask; };
        var eventId = await harness.AddSimpleAsync(venId, callback: (_, _, opt) => { heard.Add(opt); return ValueTask.CompletedTask; });
        var answer = harness.Vtn.EventResponseAsync(venId, eventId, Ct);

        Assert.Equal("200", (await harness.SendAsync<OadrCreatedOpt>(Messages.CreateEventOpt(venId, "opt-1", eventId, 0, OptType.OptOut))).EiResponse.ResponseCode);
        Assert.Equal(OptType.OptOut, await answer.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal([OptType.OptOut], heard);
        Assert.Equal([OptType.OptOut], handled);
    }

    [Fact]
    public async Task R_206_after_an_EiOpt_optOut_a_later_oadrCreatedEvent_optIn_does_not_change_the_effective_opt()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("precedence");
        var heard = new List<OptType>();
        var eventId = await harness.AddSimpleAsync(venId, callback: (_, _, opt) => { heard.Add(opt); return ValueTask.CompletedTask; });
        await harness.PollDistributeAsync(venId);

        await harness.SendAsync<OadrCreatedOpt>(Messages.CreateEventOpt(venId, "opt-1", eventId, 0, OptType.OptOut));
        Assert.Equal([OptType.OptOut], heard);

        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal([OptType.OptOut], heard);

        // Neither does it after a restart: the stored answers must say which one counts.
        await harness.RestartAsync();
        var handled = new List<OptType>();
        harness.Vtn.OnCreatedEvent = (_, _, opt) => { handled.Add(opt); return ValueTask.CompletedTask; };
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptOut);
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);
        Assert.Empty(handled);

        // A new EiOpt for the event does count.
        await harness.SendAsync<OadrCreatedOpt>(Messages.CreateEventOpt(venId, "opt-2", eventId, 0, OptType.OptIn));
        Assert.Equal([OptType.OptIn], handled);
    }

    [Fact]
    public async Task R_208_cancelling_an_unknown_opt_gets_452()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("cancel-unknown");
        var calls = 0;
        harness.Vtn.OnCancelOpt = (_, _) => { calls++; return ValueTask.CompletedTask; };
        var canceled = await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "never-created", "req-7"), OpenAdrService.EiOpt);
        Assert.Equal(ResponseCodes.InvalidId, canceled.EiResponse.ResponseCode);
        Assert.Equal("req-7", canceled.EiResponse.RequestId);
        Assert.Equal("never-created", canceled.OptId);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Cancelling_a_known_opt_answers_oadrCanceledOpt_200_tells_OnCancelOpt_and_forgets_it()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("cancel");
        var cancelled = new List<(string, string)>();
        harness.Vtn.OnCancelOpt = (ven, cancel) => { cancelled.Add((ven, cancel.OptId)); return ValueTask.CompletedTask; };
        await harness.SendAsync<OadrCreatedOpt>(Messages.CreateScheduleOpt(venId, "opt-1", OptType.OptOut, VtnHarness.Start, TimeSpan.Zero));

        var canceled = await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "opt-1", "req-8"));
        Assert.Equal("200", canceled.EiResponse.ResponseCode);
        Assert.Equal("req-8", canceled.EiResponse.RequestId);
        Assert.Equal("opt-1", canceled.OptId);
        Assert.Equal([(venId, "opt-1")], cancelled);
        Assert.Equal(1L, harness.Database.ScalarInt64("SELECT count(*) FROM opt WHERE opt_id = 'opt-1' AND cancelled = 1"));

        Assert.Equal(ResponseCodes.InvalidId, (await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "opt-1"))).EiResponse.ResponseCode);
        Assert.Single(cancelled);
    }

    [Fact]
    public async Task Opts_belong_to_the_VEN_that_created_them()
    {
        await using var harness = await VtnHarness.StartAsync();
        var owner = await harness.RegisterAsync("owner");
        var other = await harness.RegisterAsync("other");
        await harness.SendAsync<OadrCreatedOpt>(Messages.CreateScheduleOpt(owner, "opt-1", OptType.OptOut, VtnHarness.Start, TimeSpan.FromHours(1)));
        Assert.Equal(ResponseCodes.InvalidId, (await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(other, "opt-1"))).EiResponse.ResponseCode);
        Assert.Equal("200", (await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(owner, "opt-1"))).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task R_203_a_schedule_sent_again_with_the_same_optID_replaces_the_first()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("replace");
        await harness.SendAsync<OadrCreatedOpt>(Messages.CreateScheduleOpt(venId, "opt-1", OptType.OptOut, VtnHarness.Start, TimeSpan.FromHours(1)));
        var again = await harness.SendAsync<OadrCreatedOpt>(Messages.CreateScheduleOpt(venId, "opt-1", OptType.OptIn, VtnHarness.Start, TimeSpan.FromHours(2)));
        Assert.Equal("200", again.EiResponse.ResponseCode);
        Assert.Equal(1L, harness.Database.ScalarInt64("SELECT count(*) FROM opt WHERE opt_id = 'opt-1'"));

        Assert.Equal("200", (await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "opt-1"))).EiResponse.ResponseCode);
        Assert.Equal(ResponseCodes.InvalidId, (await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "opt-1"))).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task Opts_survive_a_restart_and_can_be_cancelled_after_it()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("durable-opt");
        await harness.SendAsync<OadrCreatedOpt>(Messages.CreateScheduleOpt(venId, "opt-kept", OptType.OptOut, VtnHarness.Start, TimeSpan.FromHours(1)));
        await harness.SendAsync<OadrCreatedOpt>(Messages.CreateScheduleOpt(venId, "opt-gone", OptType.OptOut, VtnHarness.Start, TimeSpan.FromHours(1)));
        await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "opt-gone"));

        await harness.RestartAsync();
        var cancelled = new List<string>();
        harness.Vtn.OnCancelOpt = (_, cancel) => { cancelled.Add(cancel.OptId); return ValueTask.CompletedTask; };

        Assert.Equal("200", (await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "opt-kept"))).EiResponse.ResponseCode);
        Assert.Equal(ResponseCodes.InvalidId, (await harness.SendAsync<OadrCanceledOpt>(Messages.CancelOpt(venId, "opt-gone"))).EiResponse.ResponseCode);
        Assert.Equal(["opt-kept"], cancelled);
    }

    [Fact]
    public async Task An_unregistered_VEN_cannot_create_opts()
    {
        await using var harness = await VtnHarness.StartAsync();
        var created = await harness.SendAsync<OadrCreatedOpt>(Messages.CreateScheduleOpt("ven-unknown", "opt-1", OptType.OptOut, VtnHarness.Start, TimeSpan.FromHours(1)));
        Assert.Equal(ResponseCodes.NotRegisteredOrAuthorized, created.EiResponse.ResponseCode);
        Assert.Equal("opt-1", created.OptId);
    }
}
