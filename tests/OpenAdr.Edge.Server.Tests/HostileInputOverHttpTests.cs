using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>
/// XML attacks, oversized and broken bodies, slow clients and connection floods against the real application: each is
/// refused with its status code (or a closed connection), and the server answers the next well-formed request.
/// </summary>
public sealed class HostileInputOverHttpTests
{
    private const string Declarations = "xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\" xmlns:ei=\"http://docs.oasis-open.org/ns/energyinterop/201110\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"";

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Poll(string venId = "ven-1", string signature = "", string attributes = "") =>
        $"<oadr:oadrPayload {Declarations}{attributes}>{signature}<oadr:oadrSignedObject><oadr:oadrPoll ei:schemaVersion=\"2.0b\"><ei:venID>{venId}</ei:venID></oadr:oadrPoll></oadr:oadrSignedObject></oadr:oadrPayload>";

    private static async Task AssertRefusedAsync(EdgeServer server, string xml, HttpStatusCode expected, string? reason = null)
    {
        var response = await server.PostAsync("OadrPoll", Encoding.UTF8.GetBytes(xml));
        Assert.Equal(expected, response.StatusCode);
        if (reason is not null)
        {
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        await AssertStillAnsweringAsync(server);
    }

    private static async Task AssertStillAnsweringAsync(EdgeServer server)
    {
        var answer = await server.PostAsync("OadrPoll", new OadrPoll { VenId = "nobody" });
        Assert.IsType<OadrRequestReregistration>(answer);
    }

    [Fact]
    public async Task An_external_entity_gets_406()
    {
        await using var server = await EdgeServer.StartAsync();
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE oadr:oadrPayload [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + Poll("&xxe;");
        await AssertRefusedAsync(server, xml, HttpStatusCode.NotAcceptable, "DtdNotAllowed");
    }

    [Fact]
    public async Task Billion_laughs_gets_406()
    {
        await using var server = await EdgeServer.StartAsync();
        var dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        await AssertRefusedAsync(server, dtd + "]>" + Poll("&lol9;"), HttpStatusCode.NotAcceptable, "DtdNotAllowed");
    }

    [Fact]
    public async Task Ten_thousand_deep_nesting_gets_406()
    {
        await using var server = await EdgeServer.StartAsync();
        var nested = string.Concat(Enumerable.Repeat("<ds:a>", 10_000)) + string.Concat(Enumerable.Repeat("</ds:a>", 10_000));
        await AssertRefusedAsync(server, Poll(signature: "<ds:Signature>" + nested + "</ds:Signature>"), HttpStatusCode.NotAcceptable, "DepthLimitExceeded");
    }

    [Fact]
    public async Task A_three_megabyte_attribute_under_a_raised_body_cap_gets_406_from_the_text_limit()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:MaxRequestBodyBytes", (8 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var xml = Poll(attributes: $" huge=\"{new string('a', 3 * 1024 * 1024)}\"");
        await AssertRefusedAsync(server, xml, HttpStatusCode.NotAcceptable, "TextLengthLimitExceeded");
    }

    [Fact]
    public async Task A_three_megabyte_attribute_under_the_default_body_cap_gets_413()
    {
        await using var server = await EdgeServer.StartAsync();
        await AssertRefusedAsync(server, Poll(attributes: $" huge=\"{new string('a', 3 * 1024 * 1024)}\""), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_gets_413()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:MaxRequestBodyBytes", "4096");
        await using var client = await RawHttp.ConnectAsync(server.Client.BaseAddress!);
        await client.SendAsync(RawHttp.Head("OadrPoll", "Transfer-Encoding: chunked\r\n"));
        var chunk = new string(' ', 1000);
        for (var i = 0; i < 10; i++)
        {
            if (!await client.SendAsync($"3E8\r\n{chunk}\r\n"))
            {
                break;
            }
        }

        Assert.Equal(413, RawHttp.StatusOf(await client.ReadToEndAsync()));
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task A_declared_content_length_over_the_cap_gets_413_before_the_body_is_sent()
    {
        await using var server = await EdgeServer.StartAsync();
        await using var client = await RawHttp.ConnectAsync(server.Client.BaseAddress!);
        await client.SendAsync(RawHttp.Head("OadrPoll", "Content-Length: 2000000\r\n"));

        // No body follows, and the connection stays open: only the declared length can be judged.
        Assert.Equal(413, RawHttp.StatusOf(await client.ReadToEndAsync()));
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_refused_without_an_error()
    {
        // Found by the fuzzer (tests/OpenAdr.Edge.Fuzz): Kestrel's refusal of the body escaped the handler, which
        // logged an unhandled exception (and answered 500 when the connection was still there).
        await using var server = await EdgeServer.StartAsync();
        var errors = LoggedErrors.Of(server.App);
        await using var client = await RawHttp.ConnectAsync(server.Client.BaseAddress!);
        var body = Poll();
        await client.SendAsync(RawHttp.Head("OadrPoll", $"Content-Length: {body.Length + 100}\r\n") + body);
        client.EndSending();

        // Kestrel may drop a half-closed connection before the answer goes out.
        Assert.Contains(RawHttp.StatusOf(await client.ReadToEndAsync()), new int?[] { null, 400 });
        await AssertStillAnsweringAsync(server);
        Assert.Empty(errors.ToArray());
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("FFFFFFFFFFFFFFFFF")]
    [InlineData("-1")]
    public async Task Broken_chunk_sizes_get_400_not_500(string size)
    {
        // Found by the fuzzer (tests/OpenAdr.Edge.Fuzz), as above.
        await using var server = await EdgeServer.StartAsync();
        var errors = LoggedErrors.Of(server.App);
        await using var client = await RawHttp.ConnectAsync(server.Client.BaseAddress!);
        await client.SendAsync(RawHttp.Head("OadrPoll", "Transfer-Encoding: chunked\r\n") + $"{size}\r\n{Poll()}\r\n0\r\n\r\n");

        Assert.Equal(400, RawHttp.StatusOf(await client.ReadToEndAsync()));
        await AssertStillAnsweringAsync(server);
        Assert.Empty(errors.ToArray());
    }

    [Fact]
    public async Task Headers_trickled_byte_by_byte_are_cut_off_by_the_request_headers_timeout()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:RequestHeadersTimeout", "00:00:01");
        await using var client = await RawHttp.ConnectAsync(server.Client.BaseAddress!);
        var endless = RawHttp.Head("OadrPoll", "X-Slow: ") + new string('a', 10_000);
        var sent = 0;
        while (sent < endless.Length && !client.IsClosedByServer && await client.SendAsync(endless[sent..(sent + 1)]))
        {
            sent++;
            await Task.Delay(50, Ct);
        }

        // The server gave up on the headers long before they could end (10,000 bytes at 20 a second).
        Assert.True(sent < endless.Length, "The server waited for the whole trickle.");
        var answer = await client.ReadToEndAsync();
        Assert.True(answer.Length == 0 || RawHttp.StatusOf(answer) == 408, answer);
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task A_body_trickled_below_the_minimum_data_rate_gets_408()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:MinRequestBodyDataRate", "1000", "--OpenAdr:MinRequestBodyDataRateGracePeriod", "00:00:02");
        await using var client = await RawHttp.ConnectAsync(server.Client.BaseAddress!);
        var body = Poll().PadRight(20_000);
        await client.SendAsync(RawHttp.Head("OadrPoll", $"Content-Length: {body.Length}\r\n"));
        var sent = 0;
        while (sent < body.Length && !client.IsClosedByServer && await client.SendAsync(body[sent..(sent + 1)]))
        {
            sent++;
            await Task.Delay(50, Ct);
        }

        Assert.True(sent < body.Length, "The server waited for the whole trickle.");
        var answer = await client.ReadToEndAsync();
        Assert.True(answer.Length == 0 || RawHttp.StatusOf(answer) == 408, answer);
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_closed_and_the_admitted_ones_keep_working()
    {
        // The OpenADR listener's own count: the test's HttpClient holds no connection open yet.
        await using var server = await EdgeServer.StartAsync("--OpenAdr:MaxConnections", "3");
        var admitted = new List<RawHttp>();
        try
        {
            // Each answered (an empty body is not an OpenADR message, 406) and kept open before the next.
            for (var i = 0; i < 3; i++)
            {
                var client = await RawHttp.ConnectAsync(server.Client.BaseAddress!);
                admitted.Add(client);
                await client.SendAsync(RawHttp.Head("OadrPoll", "Content-Length: 0\r\n"));
                Assert.Equal(406, await client.ReadResponseAsync());
            }

            await using (var flood = await RawHttp.ConnectAsync(server.Client.BaseAddress!))
            {
                await flood.SendAsync(RawHttp.Head("OadrPoll", "Content-Length: 0\r\n"));
                Assert.Equal("", await flood.ReadToEndAsync());
            }

            // The admitted ones keep working.
            await admitted[0].SendAsync(RawHttp.Head("OadrPoll", "Content-Length: 0\r\n"));
            Assert.Equal(406, await admitted[0].ReadResponseAsync());
        }
        finally
        {
            foreach (var client in admitted)
            {
                await client.DisposeAsync();
            }
        }

        // Once they are gone, new connections are admitted again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await AssertStillAnsweringAsync(server);
                break;
            }
            catch (System.Net.Http.HttpRequestException) when (attempt < 50)
            {
                // Kestrel counts a closed connection out once it has noticed the close.
                await Task.Delay(100, Ct);
            }
        }
    }

    [Theory]
    [InlineData("--OpenAdr:MaxConnections", "0")]
    [InlineData("--OpenAdr:RequestHeadersTimeout", "soon")]
    [InlineData("--OpenAdr:MinRequestBodyDataRate", "-5")]
    [InlineData("--OpenAdr:MinRequestBodyDataRateGracePeriod", "00:00:01")]
    public async Task Invalid_limits_stop_the_start(string key, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EdgeServer.StartAsync(key, value));
        Assert.Contains(key[2..], error.Message, StringComparison.Ordinal);
    }
}
