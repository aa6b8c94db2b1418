using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Server.Hosting;
using OpenAdr.Edge.Ven;

namespace OpenAdr.Edge.Benchmarks;

/// <summary>
/// One empty poll over loopback HTTP, client and server in this process: the real application against a bare Kestrel
/// route that drains the body and writes the very bytes the application answers (the baseline). Both columns include
/// the same client work on the same answer, so the difference in Allocated is what the OpenADR path allocates beyond
/// Kestrel itself.
/// </summary>
[MemoryDiagnoser]
public class HttpPollBenchmarks
{
    private byte[] _answer = [];
    private WebApplication _edge = null!;
    private WebApplication _bare = null!;
    private string _directory = "";
    private HttpClient _client = null!;
    private Uri _edgePoll = null!;
    private Uri _barePoll = null!;
    private byte[] _poll = [];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _edge.StopAsync().GetAwaiter().GetResult();
        _bare.StopAsync().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<int> BareKestrel_Poll() => PostAsync(_barePoll);

    [Benchmark]
    public Task<int> OpenAdrEdge_Poll() => PostAsync(_edgePoll);

    private async Task<int> PostAsync(Uri uri)
    {
        using var content = new ByteArrayContent(_poll);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await _client.PostAsync(uri, content).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return body.Length;
    }

    private async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "openadr-http-bench-" + Guid.NewGuid().ToString("N"));
        _edge = await EdgeApp.BuildAsync(
        [
            "--OpenAdr:Url", "http://127.0.0.1:0", "--OpenAdr:Operator:Url", "http://127.0.0.1:0",
            "--OpenAdr:Database", Path.Combine(_directory, "vtn.db"), "--Logging:LogLevel:Default", "Warning",
        ]).ConfigureAwait(false);
        await _edge.StartAsync().ConfigureAwait(false);
        var openAdr = _edge.Services.GetRequiredService<EdgeListeners>().OpenAdrUrl!;

        var bare = WebApplication.CreateSlimBuilder();
        bare.Logging.SetMinimumLevel(LogLevel.Warning);
        bare.WebHost.UseUrls("http://127.0.0.1:0");
        _bare = bare.Build();
        _bare.MapPost("/OpenADR2/Simple/2.0b/{service}", async context =>
        {
            var reader = context.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync(context.RequestAborted);
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }

            context.Response.ContentType = "application/xml; charset=utf-8";
            context.Response.ContentLength = _answer.Length;
            await context.Response.BodyWriter.WriteAsync(_answer, context.RequestAborted);
        });
        await _bare.StartAsync().ConfigureAwait(false);

        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 });
        using var ven = new OpenAdrVenClient(new Uri(openAdr, "/OpenADR2/Simple/2.0b"), "bench-ven");
        await ven.RegisterAsync().ConfigureAwait(false);
        while (await ven.PollAsync().ConfigureAwait(false) is not OadrResponse)
        {
        }

        _poll = OadrPayload.WriteToArray(new OadrPoll { VenId = ven.VenId! });
        _edgePoll = new Uri(openAdr, "/OpenADR2/Simple/2.0b/OadrPoll");
        using (var content = new ByteArrayContent(_poll))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            using var first = await _client.PostAsync(_edgePoll, content).ConfigureAwait(false);
            _answer = await first.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        _barePoll = new Uri(new Uri(_bare.Urls.First()), "/OpenADR2/Simple/2.0b/OadrPoll");
    }
}
