using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Registration;

public sealed class AdmissionTests
{
    [Fact]
    public async Task Admission_decisions_are_stored_and_survive_a_restart()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var harness = await VtnHarness.StartAsync();
        await harness.Vtn.Admissions.SetAsync("allowed-ven", AdmissionState.Allowed, "AA:BB:CC:DD:EE:FF:00:11:22:33", cancellationToken);
        await harness.Vtn.Admissions.SetAsync("waiting-ven", AdmissionState.Pending, cancellationToken: cancellationToken);
        await harness.Vtn.Admissions.SetAsync("gone-ven", AdmissionState.Denied, cancellationToken: cancellationToken);
        Assert.True(await harness.Vtn.Admissions.RemoveAsync("gone-ven", cancellationToken));
        Assert.False(await harness.Vtn.Admissions.RemoveAsync("never-there", cancellationToken));

        await harness.RestartAsync();

        Assert.Equal(["allowed-ven", "waiting-ven"], harness.Vtn.Admissions.All.Select(a => a.VenName));
        var allowed = harness.Vtn.Admissions.Find("allowed-ven")!;
        Assert.Equal(AdmissionState.Allowed, allowed.State);
        Assert.Equal("AA:BB:CC:DD:EE:FF:00:11:22:33", allowed.Fingerprint);
        Assert.Equal(AdmissionState.Pending, harness.Vtn.Admissions.Find("waiting-ven")!.State);
        Assert.Null(harness.Vtn.Admissions.Find("gone-ven"));
    }
}
