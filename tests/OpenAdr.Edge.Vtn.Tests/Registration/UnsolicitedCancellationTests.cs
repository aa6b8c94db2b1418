using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Registration;

public sealed class UnsolicitedCancellationTests
{
    [Fact]
    public async Task An_oadrCanceledPartyRegistration_the_vtn_never_asked_for_gets_459_and_the_registration_stays()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        var answer = await harness.SendAsync<OadrResponse>(Messages.CanceledPartyRegistration(venId, "reg-a", "unasked"), OpenAdrService.EiRegisterParty);

        Assert.Equal("459", answer.EiResponse.ResponseCode);
        var poll = await harness.SendAsync<OadrResponse>(Messages.Poll(venId));
        Assert.Equal("200", poll.EiResponse.ResponseCode);
    }
}
