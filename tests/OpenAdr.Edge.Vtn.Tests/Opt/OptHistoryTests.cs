using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Events;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Opt;

public sealed class OptHistoryTests
{
    [Fact]
    public async Task Every_answer_is_stored_even_one_an_EiOpt_outranks_and_the_EiOpt_one_still_wins_after_a_restart()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("history");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.PollDistributeAsync(venId);
        Assert.Equal("200", (await harness.SendAsync<OadrCreatedOpt>(Messages.CreateEventOpt(venId, "opt-1", eventId, 0, OptType.OptOut))).EiResponse.ResponseCode);
        await harness.AnswerAsync(venId, eventId, 0, OptType.OptIn);

        var stored = await harness.Database.OpenAsync();
        var responses = await stored.ReadEventResponsesAsync(venId, eventId, TestContext.Current.CancellationToken);
        await stored.DisposeAsync();
        Assert.Equal([(OptType.OptOut, EventResponseSource.CreateOpt), (OptType.OptIn, EventResponseSource.CreatedEvent)], responses.Select(r => (r.Opt, r.Source)));

        await harness.RestartAsync();
        var summary = Assert.Single(harness.Vtn.GetEventSummaries(venId));
        Assert.Equal(OptType.OptOut, summary.Opt);
        Assert.Equal(EventResponseSource.CreateOpt, summary.OptSource);
    }
}
