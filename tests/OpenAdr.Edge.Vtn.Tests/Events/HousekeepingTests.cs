using System;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Events;

public sealed class HousekeepingTests
{
    [Fact]
    public async Task A_completed_event_is_announced_once_by_housekeeping_then_dropped()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("quiet");
        var eventId = await harness.AddSimpleAsync(venId, startsInMinutes: 5, minutes: 10);
        await harness.PollDistributeAsync(venId);

        harness.Vtn.RunHousekeeping();
        await harness.PollNothingAsync(venId);

        harness.Clock.Advance(TimeSpan.FromMinutes(20));
        harness.Vtn.RunHousekeeping();
        var final = await harness.PollDistributeAsync(venId);
        Assert.Equal(EventStatus.Completed, final.Descriptor(eventId).EventStatus);
        await harness.PollNothingAsync(venId);
        Assert.Empty(harness.Vtn.GetEvents(venId));
    }
}
