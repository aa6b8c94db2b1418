using System;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Engine;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Registered_ven_polls_an_event_answers_it_and_the_callback_fires()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("123");
        OptType? heard = null;
        var eventId = await harness.Vtn.AddEventAsync(
            venId, "simple", SignalType.Level,
            [new EventInterval(VtnHarness.Start.AddMinutes(10), TimeSpan.FromMinutes(10), 1)],
            callback: (ven, id, opt) => { heard = opt; return ValueTask.CompletedTask; },
            cancellationToken: TestContext.Current.CancellationToken);

        var distribute = await harness.SendAsync<OadrDistributeEvent>(Messages.Poll(venId));
        var sent = Assert.Single(distribute.OadrEvents);
        Assert.Equal(eventId, sent.EiEvent.EventDescriptor.EventId);
        Assert.Equal(0u, sent.EiEvent.EventDescriptor.ModificationNumber);
        Assert.Equal(EventStatus.Far, sent.EiEvent.EventDescriptor.EventStatus);
        Assert.Equal("", distribute.EiResponse!.RequestId);
        Assert.NotEqual("", distribute.RequestId);

        var empty = await harness.SendAsync<OadrResponse>(Messages.Poll(venId));
        Assert.Equal("200", empty.EiResponse.ResponseCode);

        var answer = await harness.SendAsync<OadrResponse>(Messages.CreatedEvent(venId, eventId, 0, OptType.OptIn, distribute.RequestId));
        Assert.Equal("200", answer.EiResponse.ResponseCode);
        Assert.Equal(OptType.OptIn, heard);
    }
}
