using System.Threading.Tasks;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Scenarios;

/// <summary>The OpenLEADR recordings of ../shared/interop/openleadr, replayed (see <see cref="OpenLeadrReplay"/>).</summary>
public sealed class OpenLeadrReplayTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("variant-modify")]
    [InlineData("variant-stock-client")]
    public async Task Recorded_openleadr_ven_gets_answers_that_mean_what_openleadr_answered(string folder)
    {
        var recording = Recording.Load(folder);
        await using var replay = await OpenLeadrReplay.StartAsync(recording);

        await replay.RunAsync();
    }
}
