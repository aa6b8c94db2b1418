using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Xml;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Reports.ReportMessages;

namespace OpenAdr.Edge.Vtn.Tests.Engine;

/// <summary>Messages from a hostile VEN that the reader accepts: the engine answers them, and the answer reads back.</summary>
public sealed class HostileMessageTests
{
    [Fact]
    public async Task An_answer_quoting_a_huge_id_is_cut_short_and_reads_back()
    {
        // Found by the fuzzer (tests/OpenAdr.Edge.Fuzz): the description quoted a reportRequestID just under the
        // reader's 1 MiB text limit, with words around it, and the VTN's own answer went over that limit.
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("hostile");
        var huge = new string('a', XmlReaderOptions.Default.MaxTextLength - 1);

        var answer = await harness.SendAsync<OadrCanceledReport>(CancelReport(venId, huge, huge));

        Assert.Equal("452", answer.EiResponse.ResponseCode);
        Assert.True(answer.EiResponse.ResponseDescription!.Length <= 512, $"{answer.EiResponse.ResponseDescription.Length} characters");
        var written = OadrPayload.WriteToArray(answer);
        Assert.IsType<OadrCanceledReport>(OadrPayload.Read(written).OadrSignedObject.Message);
    }

    [Fact]
    public async Task A_short_description_is_kept_whole()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("polite");

        var answer = await harness.SendAsync<OadrCanceledReport>(CancelReport(venId, "rr-1"));

        Assert.Equal("The VTN sends no report 'rr-1'.", answer.EiResponse.ResponseDescription);
    }
}
