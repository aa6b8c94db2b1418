using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>oadrCreatedEvent: the VEN's answers and who hears of them.</summary>
public sealed class CreatedEventTests
{
    [Fact]
    public async Task R_42_an_answer_for_an_unknown_event_gets_452()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("unknown");
        await harness.AddSimpleAsync(venId);
        var answer = await harness.AnswerAsync(venId, "no-such-event", 0, OptType.OptIn);
        Assert.Equal(ResponseCodes.InvalidId, answer.EiResponse.ResponseCode);
        Assert.Equal(venId, answer.VenId);
    }

    [Fact]
    public async Task An_answer_from_a_VEN_that_never_had_events_gets_452_not_a_crash()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("never-had");
        Assert.Equal(ResponseCodes.InvalidId, (await harness.AnswerAsync(venId, "event-x", 0, OptType.OptOut)).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task R_25_an_answer_for_another_modification_gets_450_and_changes_nothing()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("sequence");
        var heard = new List<OptType>();
        var eventId = await harness.AddSimpleAsync(venId, callback: Record(heard));
        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 1, Ct);

        Assert.Equal(ResponseCodes.OutOfSequence, (await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal(ResponseCodes.OutOfSequence, (await harness.AnswerAsync(venId, eventId, 2, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Empty(heard);
        Assert.Empty(await harness.Vtn.Store.ReadEventResponsesAsync(venId, eventId, Ct));

        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal([OptType.OptIn], heard);
    }

    [Fact]
    public async Task The_first_code_wins_when_one_message_answers_several_events()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("several");
        var heard = new List<OptType>();
        var good = await harness.AddSimpleAsync(venId, callback: Record(heard));
        var created = Messages.CreatedEvent(venId, "unknown", 0, OptType.OptIn);
        created.EiCreatedEvent.EventResponses!.Responses.Add(new EventResponse
        {
            ResponseCode = "200",
            QualifiedEventId = new QualifiedEventId { EventId = good, ModificationNumber = 0 },
            OptType = OptType.OptOut,
        });

        var answer = await harness.SendAsync<OadrResponse>(created);
        Assert.Equal(ResponseCodes.InvalidId, answer.EiResponse.ResponseCode);
        Assert.Equal([OptType.OptOut], heard); // the valid answer in the same message still counts
    }

    [Fact]
    public async Task R_16_R_17_the_callback_fires_for_the_first_answer_and_each_change_of_mind_not_for_repeats()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("mind");
        var heard = new List<OptType>();
        var handled = new List<(string, string, OptType)>();
        harness.Vtn.OnCreatedEvent = (ven, id, opt) => { handled.Add((ven, id, opt)); return ValueTask.CompletedTask; };
        var eventId = await harness.AddSimpleAsync(venId, callback: Record(heard));
        await harness.PollDistributeAsync(venId);

        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);
        Assert.Equal([OptType.OptIn], heard);

        await harness.AnswerAsync(venId, eventId, 0, OptType.OptOut);
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptOut);
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);
        Assert.Equal([OptType.OptIn, OptType.OptOut, OptType.OptIn], heard);
        Assert.Equal([(venId, eventId, OptType.OptIn), (venId, eventId, OptType.OptOut), (venId, eventId, OptType.OptIn)], handled);

        // Every answer is stored, repeats included.
        Assert.Equal(5, (await harness.Vtn.Store.ReadEventResponsesAsync(venId, eventId, Ct)).Count);
    }

    [Fact]
    public async Task The_same_opt_for_a_new_modification_fires_no_callback_but_completes_an_awaiting_operator()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("modified");
        var heard = new List<OptType>();
        var eventId = await harness.AddSimpleAsync(venId, callback: Record(heard));
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);

        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 2, Ct);
        var next = harness.Vtn.EventResponseAsync(venId, eventId, Ct);
        Assert.False(next.IsCompleted);
        await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn);

        Assert.Equal(OptType.OptIn, await next.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal([OptType.OptIn], heard);
    }

    [Fact]
    public async Task EventResponseAsync_completes_with_the_VENs_answer()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("await");
        var eventId = await harness.AddSimpleAsync(venId);
        var first = harness.Vtn.EventResponseAsync(venId, eventId, Ct);
        var second = harness.Vtn.EventResponseAsync(venId, eventId, Ct);
        Assert.False(first.IsCompleted);

        await harness.AnswerAsync(venId, eventId, 0, OptType.OptOut);
        Assert.Equal(OptType.OptOut, await first.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(OptType.OptOut, await second.WaitAsync(TimeSpan.FromSeconds(10), Ct));

        var later = harness.Vtn.EventResponseAsync(venId, eventId, Ct);
        Assert.False(later.IsCompleted); // waits for the next answer, not the last one
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);
        Assert.Equal(OptType.OptIn, await later.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task EventResponseAsync_for_an_unknown_event_throws_452()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.AddSimpleAsync("ven-1", eventId: "known");
        Assert.Equal(ResponseCodes.InvalidId, (await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.EventResponseAsync("ven-1", "unknown", Ct))).Code);
        Assert.Equal(ResponseCodes.InvalidId, (await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.EventResponseAsync("ven-2", "known", Ct))).Code);
    }

    [Fact]
    public async Task A_failing_callback_does_not_fail_the_VENs_answer()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("failing");
        var handled = 0;
        harness.Vtn.OnCreatedEvent = (_, _, _) => { handled++; return ValueTask.CompletedTask; };
        var eventId = await harness.AddSimpleAsync(venId, callback: (_, _, _) => throw new InvalidOperationException("callback bug"));
        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal(1, handled);
    }

    [Fact]
    public async Task Acknowledging_a_cancelled_event_removes_it_and_a_late_duplicate_acknowledgement_is_not_an_error()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("ack");
        var eventId = await harness.AddSimpleAsync(venId);
        var other = await harness.AddSimpleAsync(venId, startsInMinutes: 30);
        await harness.PollDistributeAsync(venId);
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);

        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        Assert.Equal([eventId, other], (await harness.PollDistributeAsync(venId)).EventIds());
        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal([other], (await harness.RequestEventsAsync(venId)).EventIds());

        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal([other], (await harness.RequestEventsAsync(venId)).EventIds());
    }

    [Fact]
    public async Task Acknowledging_the_version_before_the_cancellation_keeps_the_cancelled_event()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("stale");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        Assert.Equal(ResponseCodes.OutOfSequence, (await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal(EventStatus.Cancelled, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);
    }

    [Fact]
    public async Task Answering_a_completed_event_that_was_dropped_is_not_a_crash()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("late");
        var eventId = await harness.AddSimpleAsync(venId, startsInMinutes: 0, minutes: 10);
        harness.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(EventStatus.Completed, (await harness.PollDistributeAsync(venId)).Descriptor(eventId).EventStatus);

        // OpenLEADR answers this with HTTP 500 (a TypeError); here the late answer is accepted quietly.
        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn)).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task An_unregistered_VEN_answering_gets_463()
    {
        await using var harness = await VtnHarness.StartAsync();
        var eventId = await harness.AddSimpleAsync("ven-unregistered");
        var answer = await harness.AnswerAsync("ven-unregistered", eventId, 0, OptType.OptIn);
        Assert.Equal(ResponseCodes.NotRegisteredOrAuthorized, answer.EiResponse.ResponseCode);
    }

    private static EventResponseCallback Record(List<OptType> heard) => (_, _, opt) =>
    {
        heard.Add(opt);
        return ValueTask.CompletedTask;
    };
}
