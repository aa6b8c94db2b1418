using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>oadrRequestEvent: the VEN asks for its events (R-27 replyLimit; R-502 no second copy through the queue).</summary>
public sealed class RequestEventTests
{
    [Fact]
    public async Task R_27_replyLimit_is_honoured()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("limit");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await harness.AddSimpleAsync(venId, startsInMinutes: 10 * (i + 1)));
        }

        Assert.Equal(ids[..2], (await harness.RequestEventsAsync(venId, 2)).EventIds());
        Assert.Equal(ids, (await harness.RequestEventsAsync(venId, 5)).EventIds());
        Assert.Equal(ids, (await harness.RequestEventsAsync(venId, 50)).EventIds());
        Assert.Equal(ids, (await harness.RequestEventsAsync(venId)).EventIds());
    }

    [Fact]
    public async Task A_replyLimit_of_0_is_no_limit_and_never_an_empty_answer_that_would_cancel_everything()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("zero");
        var eventId = await harness.AddSimpleAsync(venId);
        Assert.Equal([eventId], (await harness.RequestEventsAsync(venId, 0)).EventIds());
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task A_VEN_without_events_gets_an_empty_oadrDistributeEvent()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("empty");
        var answer = await harness.RequestEventsAsync(venId);
        Assert.Empty(answer.OadrEvents);
        Assert.Equal("req-events", answer.EiResponse!.RequestId);
        Assert.NotEqual("", answer.RequestId);
    }

    [Fact]
    public async Task R_502_the_snapshot_a_VEN_asked_for_is_not_delivered_again_by_its_next_poll_OpenLEADR_does()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("asked");
        var eventId = await harness.AddSimpleAsync(venId);

        Assert.Equal([eventId], (await harness.RequestEventsAsync(venId)).EventIds());
        await harness.PollNothingAsync(venId);

        // A change after the request is announced as usual.
        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 1, Ct);
        Assert.Equal(1u, (await harness.PollDistributeAsync(venId)).Descriptor(eventId).ModificationNumber);
    }

    [Fact]
    public async Task With_a_replyLimit_below_the_event_count_the_queued_distribution_stays()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("partial");
        var first = await harness.AddSimpleAsync(venId, startsInMinutes: 10);
        var second = await harness.AddSimpleAsync(venId, startsInMinutes: 20);

        Assert.Equal([first], (await harness.RequestEventsAsync(venId, 1)).EventIds());
        Assert.Equal([first, second], (await harness.PollDistributeAsync(venId)).EventIds());
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task The_request_keeps_other_queued_messages()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("others");
        await harness.AddSimpleAsync(venId);
        await harness.Vtn.RequestReregistrationAsync(venId, Ct);

        await harness.RequestEventsAsync(venId);
        await harness.SendAsync<OadrRequestReregistration>(Messages.Poll(venId));
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task Statuses_are_refreshed_before_answering_R_115()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("fresh");
        var eventId = await harness.AddSimpleAsync(venId, startsInMinutes: 5, minutes: 60);
        Assert.Equal(EventStatus.Far, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(EventStatus.Active, (await harness.RequestEventsAsync(venId)).Descriptor(eventId).EventStatus);
    }

    [Fact]
    public async Task OnRequestEvent_answers_instead_of_the_built_in_list()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("custom");
        await harness.AddSimpleAsync(venId);
        var custom = EventStatusTests.RawEvent("from-handler", VtnHarness.Start.AddHours(1), TimeSpan.FromMinutes(5));
        string? asked = null;
        harness.Vtn.OnRequestEvent = ven => { asked = ven; return ValueTask.FromResult<IReadOnlyList<OadrEvent>?>([custom]); };

        var answer = await harness.RequestEventsAsync(venId);
        Assert.Equal(venId, asked);
        Assert.Equal(["from-handler"], answer.EventIds());
    }

    [Fact]
    public async Task An_unregistered_VEN_asking_for_events_gets_463_in_an_oadrDistributeEvent()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.AddSimpleAsync("ven-unregistered");
        var answer = await harness.SendAsync<OadrDistributeEvent>(Messages.RequestEvent("ven-unregistered"));
        Assert.Equal(ResponseCodes.NotRegisteredOrAuthorized, answer.EiResponse!.ResponseCode);
        Assert.Empty(answer.OadrEvents);
        Assert.Equal("req-events", answer.EiResponse.RequestId);
    }
}
