using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>The HTTP rules of spec §9.1, over loopback against the real application.</summary>
public sealed class HttpTransportTests
{
    private static byte[] Interop(string file) => File.ReadAllBytes(SharedFiles.Get("interop/openleadr/" + file));

    [Fact]
    public async Task Methods_other_than_POST_get_501()
    {
        await using var server = await EdgeServer.StartAsync();
        var response = await server.Client.GetAsync(EdgeServer.Prefix + "OadrPoll", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_services_get_404()
    {
        await using var server = await EdgeServer.StartAsync();
        var response = await server.PostAsync("EiSomething", Interop("009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_content_type_other_than_xml_gets_406_with_a_reason()
    {
        await using var server = await EdgeServer.StartAsync();
        var response = await server.PostAsync("OadrPoll", Interop("009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml"), "application/json");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Contains("application/xml", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_invalid_payload_gets_406_with_a_reason()
    {
        await using var server = await EdgeServer.StartAsync();
        var invalid = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Interop("009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml")).Replace("ei:venID", "ei:venId", System.StringComparison.Ordinal));
        var response = await server.PostAsync("OadrPoll", invalid);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("not a valid OpenADR", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_cap_gets_413()
    {
        await using var server = await EdgeServer.StartAsync();

        // Kestrel answers from the Content-Length, before reading the body, and closes. A client that sends the body
        // at once may have its send fail (a broken pipe) before it reads the 413; one that asks to continue first, as
        // HTTP/1.1 lets it, gets the 413 instead of the go-ahead and never sends the body.
        using var request = new HttpRequestMessage(HttpMethod.Post, EdgeServer.Prefix + "OadrPoll") { Content = new ByteArrayContent(new byte[1024 * 1024 + 1]) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        request.Headers.ExpectContinue = true;
        var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Answers_are_xml_with_a_content_length_and_never_chunked()
    {
        await using var server = await EdgeServer.StartAsync();
        var response = await server.PostAsync("EiRegisterParty", Interop("001_1_VEN-to-VTN_EiRegisterParty_oadrQueryRegistration.xml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.NotNull(response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(response.Content.Headers.ContentLength, body.Length);
        Assert.IsType<OadrCreatedPartyRegistration>(OadrPayload.Read(body).OadrSignedObject.Message);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("deflate", "deflate")]
    [InlineData("br, deflate;q=0.5, gzip;q=0", "deflate")]
    public async Task Answers_are_compressed_when_the_ven_accepts_it(string acceptEncoding, string expected)
    {
        await using var server = await EdgeServer.StartAsync();
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, EdgeServer.Prefix + "EiRegisterParty")
        {
            Content = new System.Net.Http.ByteArrayContent(Interop("001_1_VEN-to-VTN_EiRegisterParty_oadrQueryRegistration.xml")),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(response.Content.Headers.ContentLength, compressed.Length);
        using Stream decompressor = expected == "gzip"
            ? new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await decompressor.CopyToAsync(plain, TestContext.Current.CancellationToken);
        Assert.IsType<OadrCreatedPartyRegistration>(OadrPayload.Read(plain.ToArray()).OadrSignedObject.Message);
    }

    [Fact]
    public async Task A_vens_oadrResponse_gets_an_empty_200()
    {
        await using var server = await EdgeServer.StartAsync();
        var response = await server.PostAsync("EiEvent", EdgeServer.Write(new OadrResponse
        {
            EiResponse = new EiResponse { ResponseCode = "200", RequestId = "" },
            VenId = "ven",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_known_message_on_the_wrong_endpoint_gets_459()
    {
        await using var server = await EdgeServer.StartAsync();
        var response = await server.PostAsync("EiEvent", Interop("009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml"));
        var answer = Assert.IsType<OadrResponse>(OadrPayload.Read(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).OadrSignedObject.Message);
        Assert.Equal("459", answer.EiResponse.ResponseCode);
    }

    [Fact]
    public async Task Over_the_concurrency_limit_requests_get_503_with_retry_after()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:MaxConcurrentRequests", "0");
        var response = await server.PostAsync("OadrPoll", Interop("009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(System.TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task The_body_cap_is_configurable()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:MaxRequestBodyBytes", "1024");
        var response = await server.PostAsync("EiReport", Interop("003_1_VEN-to-VTN_EiReport_oadrRegisterReport.xml"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
