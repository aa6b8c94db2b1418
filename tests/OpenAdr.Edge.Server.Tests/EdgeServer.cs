using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Server.Hosting;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>The real openadr-edge application on a loopback port, over a database of its own.</summary>
internal sealed class EdgeServer : IAsyncDisposable
{
    private readonly string _directory;

    private EdgeServer(WebApplication app, string directory, Uri baseAddress, Uri operatorAddress)
    {
        App = app;
        _directory = directory;
        Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = baseAddress };
        Operator = new HttpClient { BaseAddress = operatorAddress };
    }

    /// <summary>A client of the operator listener.</summary>
    public HttpClient Operator { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public const string Prefix = "/OpenADR2/Simple/2.0b/";

    public static async Task<EdgeServer> StartAsync(params string[] extraArgs)
    {
        var directory = Path.Combine(Path.GetTempPath(), "openadr-edge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--OpenAdr:Operator:Url", "http://127.0.0.1:0",
            "--OpenAdr:Database", Path.Combine(directory, "vtn.db"), "--Logging:LogLevel:Default", "Warning", .. extraArgs,
        ];
        var app = await EdgeApp.BuildAsync(args);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var listeners = app.Services.GetRequiredService<EdgeListeners>();
        return new EdgeServer(app, directory, listeners.OpenAdrUrl!, listeners.OperatorUrl!);
    }

    public Task<HttpResponseMessage> PostAsync(string service, byte[] body, string contentType = "application/xml")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Client.PostAsync(Prefix + service, content, TestContext.Current.CancellationToken);
    }

    public async Task<OadrMessage> PostAsync(string service, OadrMessage message)
    {
        var response = await PostAsync(service, Write(message));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return OadrPayload.Read(bytes).OadrSignedObject.Message;
    }

    public static byte[] Write(OadrMessage message)
    {
        return OadrPayload.WriteToArray(message);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Operator.Dispose();
        await App.StopAsync(TestContext.Current.CancellationToken);
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
