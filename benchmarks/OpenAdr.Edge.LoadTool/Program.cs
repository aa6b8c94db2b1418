using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.LoadTool;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: openadr-load --url URL [--vens N] [--prefix NAME] [--use-venids FILE] [--connections C] [--interval S | --max] [--duration S] [--telemetry S] [--venids FILE] [--register-only] [--cert PEM --key PEM --ca PEM] [--handshakes rsa|ecdsa] [--startup RUNS --use-venids FILE -- VTN-COMMAND...]");
    return 2;
}

if (options.StartUpRuns > 0)
{
    return OperatingSystem.IsWindows() ? 2 : StartUp.Run(options);
}

if (options.Handshakes is not null)
{
    return OperatingSystem.IsWindows() ? 2 : await Handshakes.RunAsync(options);
}

var errors = new ConcurrentDictionary<string, long>();
void Error(string kind) => errors.AddOrUpdate(kind, 1, static (_, n) => n + 1);

var known = options.UseVenIdsFile is { } venIdsFile ? (await File.ReadAllLinesAsync(venIdsFile)).Where(l => l.Length > 0).Take(options.Vens).ToArray() : null;
var vens = new SimulatedVen[known?.Length ?? options.Vens];
var registering = Stopwatch.StartNew();
var nextVen = -1;
await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
{
    for (var i = Interlocked.Increment(ref nextVen); i < vens.Length; i = Interlocked.Increment(ref nextVen))
    {
        vens[i] = await RegisterAsync($"{options.NamePrefix}-{i:D6}", known?[i]);
    }
})));
Console.WriteLine($"{(known is null ? "registered" : "prepared")} {vens.Length} VENs in {registering.Elapsed.TotalSeconds:F1} s");
if (options.VenIdsFile is { } file)
{
    await File.WriteAllLinesAsync(file, vens.Select(v => v.VenId));
}

if (options.RegisterOnly)
{
    return errors.IsEmpty ? 0 : 1;
}

var latency = new LatencyHistogram();
long polls = 0;
long distributions = 0;
long reports = 0;
using var stop = new CancellationTokenSource(options.Duration);
var running = Stopwatch.StartNew();
var workers = Enumerable.Range(0, options.Connections).Select(w => Task.Run(() => WorkAsync(w))).ToArray();
var progress = Task.Run(async () =>
{
    long last = 0;
    while (!stop.IsCancellationRequested)
    {
        try
        {
            await Task.Delay(1000, stop.Token);
        }
        catch (OperationCanceledException)
        {
            break;
        }

        var now = Interlocked.Read(ref polls);
        Console.WriteLine($"{running.Elapsed.TotalSeconds,6:F0} s  {now - last,8} polls/s  p99 {latency.Percentile(0.99).TotalMilliseconds,7:F2} ms  errors {errors.Values.Sum()}");
        last = now;
    }
});
await Task.WhenAll(workers);
await progress;
var seconds = running.Elapsed.TotalSeconds;
Console.WriteLine();
Console.WriteLine($"polls            {polls} in {seconds:F1} s = {polls / seconds:F0} polls/s");
Console.WriteLine($"latency          p50 {latency.Percentile(0.5).TotalMilliseconds:F2} ms  p99 {latency.Percentile(0.99).TotalMilliseconds:F2} ms  p99.9 {latency.Percentile(0.999).TotalMilliseconds:F2} ms");
Console.WriteLine($"distributions    {distributions} answered, reports {reports} sent");
Console.WriteLine($"errors           {(errors.IsEmpty ? "0" : string.Join(", ", errors.Select(e => $"{e.Key}: {e.Value}")))}");
return errors.IsEmpty ? 0 : 1;

async Task<SimulatedVen> RegisterAsync(string name, string? registeredVenId)
{
    using var client = new OpenAdrVenClient(options.Url, name, Handler()) { VenId = registeredVenId };
    try
    {
        if (registeredVenId is null)
        {
            var created = await client.RegisterAsync();
            if (created.EiResponse.ResponseCode != "200" || client.VenId is null)
            {
                Error("registration refused");
                return new SimulatedVen(name, "", []);
            }
        }

        string? requestId = null;
        if (options.Telemetry is not null)
        {
            var registered = await client.RegisterReportsAsync([TelemetryReports.RealPowerMetadata("telemetry", "power", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5))]);
            requestId = registered.OadrReportRequests.FirstOrDefault()?.ReportRequestId;
            if (requestId is not null)
            {
                await client.CreatedReportAsync([requestId], registered.EiResponse.RequestId);
            }
        }

        // Take the VTN's METADATA and whatever else waits off the queue (answering events), so that measured polls start even.
        while (await client.PollAsync() is var message && message is not OadrResponse)
        {
            if (message is OadrDistributeEvent distribution)
            {
                await client.AnswerEventsAsync(distribution, _ => OptType.OptIn);
            }
        }

        return new SimulatedVen(name, client.VenId!, Poll(client.VenId!)) { ReportRequestId = requestId };
    }
    catch (Exception e) when (e is HttpRequestException or OpenAdrTransportException or TaskCanceledException)
    {
        Error("registration: " + e.GetType().Name);
        return new SimulatedVen(name, "", []);
    }
}

async Task WorkAsync(int worker)
{
    using var http = new HttpClient(Handler()) { BaseAddress = new Uri(options.Url.AbsoluteUri.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
    var mine = vens.Where((_, i) => i % options.Connections == worker && vens[i].VenId.Length > 0).ToArray();
    if (mine.Length == 0)
    {
        return;
    }

    var start = Stopwatch.GetTimestamp();
    var spread = options.Interval is { } interval ? interval / mine.Length : TimeSpan.Zero;
    for (var round = 0L; !stop.IsCancellationRequested; round++)
    {
        for (var i = 0; i < mine.Length && !stop.IsCancellationRequested; i++)
        {
            var ven = mine[i];
            if (options.Interval is { } every)
            {
                var due = every * round + spread * i;
                var wait = due - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }

            await PollAsync(http, ven);
            if (options.Telemetry is { } telemetry && ven.ReportRequestId is { } requestId && Stopwatch.GetElapsedTime(start) >= ven.NextReport)
            {
                ven.NextReport += telemetry;
                await SendAsync(http, "EiReport", new OadrUpdateReport { RequestId = "u", VenId = ven.VenId, OadrReports = [TelemetryReports.Readings("telemetry", requestId, "power", [(DateTime.UtcNow, TimeSpan.FromMinutes(1), Random.Shared.Next(0, 5000))])] }, expect: typeof(OadrUpdatedReport));
                Interlocked.Increment(ref reports);
            }
        }
    }
}

async Task PollAsync(HttpClient http, SimulatedVen ven)
{
    var started = Stopwatch.GetTimestamp();
    try
    {
        using var content = new ByteArrayContent(ven.PollBody);
        content.Headers.ContentType = s_xml;
        using var response = await http.PostAsync("OadrPoll", content, stop.Token);
        var body = await response.Content.ReadAsByteArrayAsync(stop.Token);
        latency.Record(Stopwatch.GetElapsedTime(started));
        Interlocked.Increment(ref polls);
        if (!response.IsSuccessStatusCode)
        {
            Error("HTTP " + (int)response.StatusCode);
            return;
        }

        switch (OadrPayload.Read(body).OadrSignedObject.Message)
        {
            case OadrResponse { EiResponse.ResponseCode: "200" }:
                break;
            case OadrDistributeEvent distribution:
                Interlocked.Increment(ref distributions);
                await AnswerAsync(http, ven, distribution);
                break;
            case OadrResponse other:
                Error("oadrResponse " + other.EiResponse.ResponseCode);
                break;
            case var other:
                Error("unexpected " + other.GetType().Name);
                break;
        }
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }
    catch (Exception e) when (e is HttpRequestException or OpenAdr.Edge.Xml.XmlReadException or TaskCanceledException)
    {
        Error(e.GetType().Name);
    }
}

async Task AnswerAsync(HttpClient http, SimulatedVen ven, OadrDistributeEvent distribution)
{
    var responses = distribution.OadrEvents
        .Where(e => e.OadrResponseRequired == ResponseRequired.Always && e.EiEvent.EventDescriptor.EventStatus != EventStatus.Completed)
        .Select(e => new EventResponse
        {
            ResponseCode = "200",
            RequestId = distribution.RequestId,
            QualifiedEventId = new QualifiedEventId { EventId = e.EiEvent.EventDescriptor.EventId, ModificationNumber = e.EiEvent.EventDescriptor.ModificationNumber },
            OptType = OptType.OptIn,
        }).ToList();
    if (responses.Count > 0)
    {
        await SendAsync(http, "EiEvent", new OadrCreatedEvent
        {
            EiCreatedEvent = new EiCreatedEvent { EiResponse = new EiResponse { ResponseCode = "200", RequestId = "" }, VenId = ven.VenId, EventResponses = new EventResponses { Responses = responses } },
        }, expect: typeof(OadrResponse));
    }
}

async Task SendAsync(HttpClient http, string service, OadrMessage message, Type expect)
{
    try
    {
        using var content = new ByteArrayContent(OadrPayload.WriteToArray(message));
        content.Headers.ContentType = s_xml;
        using var response = await http.PostAsync(service, content, stop.Token);
        var body = await response.Content.ReadAsByteArrayAsync(stop.Token);
        if (!response.IsSuccessStatusCode || OadrPayload.Read(body).OadrSignedObject.Message.GetType() != expect)
        {
            Error(service + " answer");
        }
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }
    catch (Exception e) when (e is HttpRequestException or OpenAdr.Edge.Xml.XmlReadException or TaskCanceledException)
    {
        Error(service + " " + e.GetType().Name);
    }
}

HttpMessageHandler Handler()
{
    var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 1 };
    if (options.Certificate is { } certificate && options.Key is { } key)
    {
        var clientCertificate = X509Certificate2.CreateFromPemFile(certificate, key);
        var authority = options.CertificateAuthority is { } ca ? X509CertificateLoader.LoadCertificateFromFile(ca) : null;
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificates = [clientCertificate],
            RemoteCertificateValidationCallback = (_, server, chain, errors) =>
            {
                if (authority is null || server is null)
                {
                    return errors == SslPolicyErrors.None;
                }

                using var custom = new X509Chain();
                custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                custom.ChainPolicy.CustomTrustStore.Add(authority);
                custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return custom.Build(new X509Certificate2(server));
            },
        };
    }

    return handler;
}

static byte[] Poll(string venId) => OadrPayload.WriteToArray(new OadrPoll { VenId = venId });

/// <summary>One simulated VEN.</summary>
internal sealed record SimulatedVen(string Name, string VenId, byte[] PollBody)
{
    public string? ReportRequestId { get; init; }

    public TimeSpan NextReport { get; set; }
}

internal static partial class Program
{
    private static readonly MediaTypeHeaderValue s_xml = MediaTypeHeaderValue.Parse("application/xml");
}
