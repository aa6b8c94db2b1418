using System.Buffers;
using System.IO;
using System.Text;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>The README's code examples are this file's code: a test runs them and checks the README still shows them verbatim.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Read_and_answer_example_answers_a_poll_with_an_oadrResponse_for_the_same_ven()
    {
        var body = File.ReadAllBytes(SharedFiles.Get("interop/openleadr/009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml"));
        ArrayBufferWriter<byte>? written = null;

        // begin example: read-and-answer
        var payload = OadrPayload.Read(body);
        if (payload.OadrSignedObject.Message is OadrPoll poll)
        {
            var answer = new OadrPayload
            {
                OadrSignedObject = new OadrSignedObject
                {
                    Message = new OadrResponse
                    {
                        EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = "" },
                        VenId = poll.VenId,
                    },
                },
            };
            var output = new ArrayBufferWriter<byte>();
            answer.WriteDocument(output);
            // end example
            written = output;
        }

        Assert.NotNull(written);
        var response = Assert.IsType<OadrResponse>(OadrPayload.Read(written.WrittenSpan).OadrSignedObject.Message);
        Assert.Equal("200", response.EiResponse.ResponseCode);
        Assert.Equal("ven-9eea0291-6afe-4077-8734-898453870cb7", response.VenId);
    }

    [Fact]
    public void Readme_shows_the_read_and_answer_example_as_it_is_compiled_here()
    {
        var source = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "tests", "OpenAdr.Edge.Payloads.Tests", "ReadmeExampleTests.cs"));
        var start = source.IndexOf("// begin example: read-and-answer", System.StringComparison.Ordinal);
        var end = source.IndexOf("// end example", System.StringComparison.Ordinal);
        var lines = source[start..end].Split('\n')[1..^1];
        var example = new StringBuilder();
        foreach (var line in lines)
        {
            example.Append(line.Length >= 8 ? line[8..] : line.TrimStart()).Append('\n');
        }

        example.Append("}\n");
        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md")).Replace("\r\n", "\n", System.StringComparison.Ordinal);
        Assert.Contains("```csharp\n" + example + "```", readme, System.StringComparison.Ordinal);
    }
}
