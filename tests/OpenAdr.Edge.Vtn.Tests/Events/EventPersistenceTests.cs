using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Events;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Storage;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>Events, their versions, cancellations, answers and announcements survive a restart (OpenLEADR keeps nothing).</summary>
public sealed class EventPersistenceTests
{
    [Fact]
    public async Task Events_modification_numbers_and_cancellations_survive_a_restart()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("durable");
        var modified = await harness.AddSimpleAsync(venId, startsInMinutes: 10);
        var cancelled = await harness.AddSimpleAsync(venId, startsInMinutes: 20);
        var plain = await harness.Vtn.AddEventAsync(
            venId, "ELECTRICITY_PRICE", SignalType.Price,
            [new EventInterval(VtnHarness.Start.AddMinutes(30), TimeSpan.FromMinutes(5), 0.25f), new EventInterval(VtnHarness.Start.AddMinutes(35), TimeSpan.FromMinutes(5), 0.5f)],
            target: new EventTarget(ResourceId: "meter-1"), rampUpPeriod: TimeSpan.FromMinutes(2), cancellationToken: Ct);
        await harness.Vtn.ModifyEventAsync(venId, modified, e => e.EventDescriptor.Priority = 3, Ct);
        await harness.Vtn.CancelEventAsync(venId, cancelled, Ct);
        var before = harness.Vtn.GetEvents(venId);

        await harness.RestartAsync();

        var distribute = await harness.PollDistributeAsync(venId); // the distribution the VEN had not polled
        Assert.Equal([modified, cancelled, plain], distribute.EventIds());
        Assert.Equal(1u, distribute.Descriptor(modified).ModificationNumber);
        Assert.Equal(3u, distribute.Descriptor(modified).Priority);
        Assert.Equal(1u, distribute.Descriptor(cancelled).ModificationNumber);
        Assert.Equal(EventStatus.Cancelled, distribute.Descriptor(cancelled).EventStatus);
        var after = harness.Vtn.GetEvents(venId);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(Document(before[i]), Document(after[i]));
        }

        // The numbering carries on from where it was.
        await harness.Vtn.ModifyEventAsync(venId, modified, e => e.EventDescriptor.Priority = 4, Ct);
        Assert.Equal(2u, (await harness.PollDistributeAsync(venId)).Descriptor(modified).ModificationNumber);

        // The cancelled event still needs its acknowledgement, and takes it.
        Assert.Equal("200", (await harness.AnswerAsync(venId, cancelled, 1, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal([modified, plain], (await harness.RequestEventsAsync(venId)).EventIds());
    }

    [Fact]
    public async Task An_acknowledged_cancellation_stays_gone_after_a_restart()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("gone");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.Vtn.CancelEventAsync(venId, eventId, Ct);
        await harness.PollDistributeAsync(venId);
        await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn);

        await harness.RestartAsync();
        Assert.Empty(harness.Vtn.GetEvents(venId));
        await harness.PollNothingAsync(venId);
        Assert.Equal(ResponseCodes.InvalidId, (await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.EventResponseAsync(venId, eventId, Ct))).Code);
    }

    [Fact]
    public async Task A_completed_event_reported_before_a_restart_is_not_reported_again()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("done");
        var eventId = await harness.AddSimpleAsync(venId, startsInMinutes: 0, minutes: 10);
        harness.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal([eventId], (await harness.PollDistributeAsync(venId)).EventIds());

        await Wait.UntilAsync(() => harness.Database.ScalarInt64("SELECT count(*) FROM event WHERE closed = 1") == 1, "the closed event is stored");
        await harness.RestartAsync();
        Assert.Empty(harness.Vtn.GetEvents(venId));
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task An_answer_given_before_a_restart_is_remembered_so_a_repeat_fires_nothing()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("remembered");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.PollDistributeAsync(venId);
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);

        await harness.RestartAsync();
        var heard = new List<OptType>();
        harness.Vtn.OnCreatedEvent = (_, _, opt) => { heard.Add(opt); return ValueTask.CompletedTask; };

        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Empty(heard);
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptOut);
        Assert.Equal([OptType.OptOut], heard);
        Assert.Equal(3, (await harness.Vtn.Store.ReadEventResponsesAsync(venId, eventId, Ct)).Count);
    }

    [Fact]
    public async Task After_a_restart_a_wrong_modification_number_is_still_450()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("numbers");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 1, Ct);

        await harness.RestartAsync();
        Assert.Equal(ResponseCodes.OutOfSequence, (await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn)).EiResponse.ResponseCode);
        Assert.Equal("200", (await harness.AnswerAsync(venId, eventId, 1, OptType.OptIn)).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task A_duplicate_eventID_is_still_refused_after_a_restart()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.AddSimpleAsync("ven-1", eventId: "event-1");
        await harness.RestartAsync();
        Assert.Equal(ResponseCodes.InvalidId, (await Assert.ThrowsAsync<VtnOperationException>(() => harness.AddSimpleAsync("ven-1", eventId: "event-1").AsTask())).Code);
    }

    private static string Document(OadrEvent e)
    {
        // createdDateTime is the time of sending; everything else is the stored event. An event as GetEvents hands it
        // out names its target in full, so the venID that would stand for it is not needed.
        var copy = EventDocuments.Read(EventDocuments.Write(e, venId: ""));
        copy.EiEvent.EventDescriptor.CreatedDateTime = default;
        return Convert.ToHexString(EventDocuments.Write(copy, venId: ""));
    }
}
