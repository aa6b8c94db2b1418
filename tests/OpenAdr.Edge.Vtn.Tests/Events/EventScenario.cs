using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Events;

/// <summary>Short ways to add events and to read what a VEN is sent.</summary>
internal static class EventScenario
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One SIMPLE interval starting <paramref name="startsIn"/> after the harness clock's now.</summary>
    public static EventInterval[] Simple(VtnHarness harness, TimeSpan startsIn, TimeSpan duration, float level = 1) =>
        [new EventInterval(harness.Clock.UtcNow + startsIn, duration, level)];

    /// <summary>Adds a SIMPLE event starting <paramref name="startsInMinutes"/> from now and lasting <paramref name="minutes"/>.</summary>
    public static ValueTask<string> AddSimpleAsync(
        this VtnHarness harness,
        string venId,
        double startsInMinutes = 10,
        double minutes = 10,
        string? eventId = null,
        uint priority = 0,
        EventResponseCallback? callback = null,
        ResponseRequired responseRequired = ResponseRequired.Always,
        TimeSpan? rampUpPeriod = null) =>
        harness.Vtn.AddEventAsync(
            venId, "SIMPLE", SignalType.Level, Simple(harness, TimeSpan.FromMinutes(startsInMinutes), TimeSpan.FromMinutes(minutes)),
            callback: callback, eventId: eventId, responseRequired: responseRequired, priority: priority, rampUpPeriod: rampUpPeriod,
            cancellationToken: Ct);

    public static async Task<OadrDistributeEvent> PollDistributeAsync(this VtnHarness harness, string venId) =>
        await harness.SendAsync<OadrDistributeEvent>(Messages.Poll(venId));

    /// <summary>The VEN polls and the queue is empty: oadrResponse 200.</summary>
    public static async Task PollNothingAsync(this VtnHarness harness, string venId)
    {
        var answer = await harness.SendAsync<OadrResponse>(Messages.Poll(venId));
        Assert.Equal("200", answer.EiResponse.ResponseCode);
    }

    public static async Task<OadrDistributeEvent> RequestEventsAsync(this VtnHarness harness, string venId, uint? replyLimit = null)
    {
        var answer = await harness.SendAsync<OadrDistributeEvent>(Messages.RequestEvent(venId, replyLimit));
        Assert.Equal("200", answer.EiResponse!.ResponseCode);
        return answer;
    }

    public static async Task<OadrResponse> AnswerAsync(this VtnHarness harness, string venId, string eventId, uint modificationNumber, OptType opt) =>
        await harness.SendAsync<OadrResponse>(Messages.CreatedEvent(venId, eventId, modificationNumber, opt));

    public static List<string> EventIds(this OadrDistributeEvent distribute) => distribute.OadrEvents.ConvertAll(e => e.EiEvent.EventDescriptor.EventId);

    public static EventDescriptor Descriptor(this OadrDistributeEvent distribute, string eventId) =>
        Assert.Single(distribute.OadrEvents, e => e.EiEvent.EventDescriptor.EventId == eventId).EiEvent.EventDescriptor;

    public static EventStatus StatusOf(this VtnHarness harness, string venId, string eventId) =>
        Assert.Single(harness.Vtn.GetEvents(venId), e => e.EiEvent.EventDescriptor.EventId == eventId).EiEvent.EventDescriptor.EventStatus;
}
