using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Server.Hosting;

namespace OpenAdr.Edge.Fuzz;

/// <summary>What an HTTP run saw.</summary>
public sealed record HttpFuzzReport(
    long Requests, long Connections, long NoAnswer, IReadOnlyDictionary<int, long> ByStatus, TimeSpan Duration, long Findings,
    long PeakManagedBytes, long PeakRssBytes, TimeSpan SlowestRequest)
{
    public double PerSecond => Requests / Math.Max(Duration.TotalSeconds, 1e-9);
}

/// <summary>
/// The HTTP mode: the openadr-edge application started in this process on loopback ports over a fresh database, and
/// requests written byte by byte on raw sockets, so that they can lie: mutated bodies; wrong methods and paths; odd,
/// missing and repeated Content-Type; Content-Length shorter or longer than the body, invalid or repeated; chunked
/// bodies, valid and broken; gzip bodies and garbage under Content-Encoding; Expect, huge and many headers, HTTP/1.0.
/// Findings: a 5xx other than 501, 503 and 505, no answer within the timeout (a hang), an error the server logs, and a server that
/// no longer answers a well-formed poll (checked every 2,000 requests and at the end).
/// </summary>
public sealed class HttpFuzzer(SeedCorpus corpus, Findings findings, TextWriter log)
{
    private static readonly string[] s_services = ["EiEvent", "EiOpt", "EiReport", "EiRegisterParty", "OadrPoll"];

    private static readonly string[] s_methods = ["GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "FOO", "post", "P OST", "POST\t"];

    private static readonly string[] s_contentTypes =
    [
        "text/xml", "application/xml; charset=utf-8", "application/xml; charset=\"UTF-8\"", "application/xml; charset=utf-16",
        "application/xml; charset=iso-8859-1", "application/json", "", "application/xml;;;", "application/xml; charset=",
        "text/xml; charset=utf-8; boundary=x", "application/xml\u007f", "multipart/form-data; boundary=x", "*/*",
        "APPLICATION/XML", " application/xml ", "application/xmlx", "application",
    ];

    private static readonly string[] s_paths =
    [
        "/", "", "*", "/api/vens", "/metrics", "/health", "/alive", "/OpenADR2/Simple/2.0b", "/OpenADR2/Simple/2.0b/",
        "/OpenADR2/Simple/2.0b/OadrPoll/extra", "//OpenADR2//Simple//2.0b//OadrPoll", "/OpenADR2/Simple/2.0b/../2.0b/OadrPoll",
        "/OpenADR2/Simple/2.0b/%2e%2e/OadrPoll", "/OpenADR2/Simple/2.0b/OadrPoll?x=1&x=2", "/OpenADR2/Simple/2.0b/oadrpoll",
        "/OpenADR2/Simple/2.0b/OadrPoll%00", "/OpenADR2/Simple/2.0b/Oadr%50oll", "/OpenADR2/Simple/2.0b/OadrPoll#frag",
        "http://127.0.0.1/OpenADR2/Simple/2.0b/OadrPoll", "/OpenADR2/Simple/2.0a/OadrPoll", "/OpenADR2/Simple/2.0b/OadrPoll\u0001",
        "/OpenADR2/Simple/2.0b/EiEvent/", "/OpenADR2/Simple/2.0b/é",
    ];

    private static readonly string[] s_encodings = ["gzip", "deflate", "br", "identity", "gzip, gzip", "x-garbage", "", "gzip;q=abc", "*", "deflate;q=0.5, gzip;q=0"];

    private readonly SeedCorpus _corpus = corpus;
    private readonly Findings _findings = findings;
    private readonly TextWriter _log = log;

    public int Concurrency { get; init; } = 4;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(15);

    public async Task<HttpFuzzReport> RunAsync(long count, int seed, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "openadr-edge-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var app = await EdgeApp.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0", "--OpenAdr:Operator:Url", "http://127.0.0.1:0", "--OpenAdr:Database", Path.Combine(directory, "vtn.db"),
            "--Logging:LogLevel:Default", "Error", "--Logging:LogLevel:Microsoft.AspNetCore", "Error",
        ]).ConfigureAwait(false);
        var errors = new ErrorLog(_findings);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = app.Services.GetRequiredService<EdgeListeners>().OpenAdrUrl!;
        var state = new RunState(count);
        var clock = Stopwatch.StartNew();
        try
        {
            var workers = new Task[Concurrency];
            for (var w = 0; w < workers.Length; w++)
            {
                var worker = new Worker(this, endpoint, state, seed * 7919 + w);
                workers[w] = Task.Run(() => worker.RunAsync(cancellationToken), cancellationToken);
            }

            var progress = Task.Run(
                async () =>
                {
                    while (!state.Done)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
                        state.SampleMemory();
                        if (clock.Elapsed >= state.NextProgress)
                        {
                            state.NextProgress += ProgressEvery;
                            var sent = Interlocked.Read(ref state.Sent);
                            _log.WriteLine($"  {sent:N0} requests, {sent / clock.Elapsed.TotalSeconds:N0}/s, {_findings.Count} findings, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:N1} MB, RSS {Environment.WorkingSet / 1048576.0:N1} MB");
                        }
                    }
                },
                cancellationToken);
            await Task.WhenAll(workers).ConfigureAwait(false);
            state.Done = true;
            await progress.ConfigureAwait(false);
            await CheckAliveAsync(endpoint, state, "at the end").ConfigureAwait(false);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            Directory.Delete(directory, recursive: true);
        }

        state.SampleMemory();
        return new HttpFuzzReport(
            Interlocked.Read(ref state.Sent), Interlocked.Read(ref state.Connections), Interlocked.Read(ref state.NoAnswer),
            new SortedDictionary<int, long>(state.ByStatus), clock.Elapsed, _findings.Count, state.PeakManaged, PeakMemory.RssBytes(),
            TimeSpan.FromTicks(Interlocked.Read(ref state.SlowestTicks)));
    }

    /// <summary>A well-formed oadrQueryRegistration on a new connection must get 200.</summary>
    private async Task CheckAliveAsync(Uri endpoint, RunState state, string when)
    {
        var body = _corpus.Seeds[0].Bytes;
        foreach (var seed in _corpus.Seeds)
        {
            if (seed.Name.EndsWith("oadrQueryRegistration.xml", StringComparison.Ordinal) && !seed.Name.Contains("signed", StringComparison.Ordinal))
            {
                body = seed.Bytes;
                break;
            }
        }

        var request = Concat(
            Encoding.ASCII.GetBytes($"POST /OpenADR2/Simple/2.0b/EiRegisterParty HTTP/1.1\r\nHost: fuzz\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"),
            body);
        using var connection = new Connection();
        var (status, _) = await connection.ExchangeAsync(endpoint, request, halfClose: false, isHead: false, Timeout).ConfigureAwait(false);
        Interlocked.Increment(ref state.Connections);
        if (status != 200)
        {
            _findings.Add("liveness", null, $"A well-formed oadrQueryRegistration {when} got {(status is null ? "no answer" : status.ToString())}, not 200.", request, "liveness check");
        }
    }

    private sealed class RunState(long count)
    {
        public readonly ConcurrentDictionary<int, long> ByStatus = new();
        public long Remaining = count;
        public long Sent;
        public long Connections;
        public long NoAnswer;
        public long SlowestTicks;
        public long PeakManaged;
        public TimeSpan NextProgress = TimeSpan.FromSeconds(15);
        public volatile bool Done;

        public void SampleMemory()
        {
            var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
            long peak;
            while (heap > (peak = Interlocked.Read(ref PeakManaged)) && Interlocked.CompareExchange(ref PeakManaged, heap, peak) != peak)
            {
            }
        }
    }

    private sealed class Worker(HttpFuzzer fuzzer, Uri endpoint, RunState state, int seed)
    {
        private readonly Random _random = new(seed);
        private readonly XmlMutator _mutator = new(fuzzer._corpus, seed) { AllowHuge = false };

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Connection? connection = null;
            try
            {
                while (Interlocked.Decrement(ref state.Remaining) >= 0 && !cancellationToken.IsCancellationRequested)
                {
                    var sent = Interlocked.Increment(ref state.Sent);
                    var request = Build();
                    if (connection is null)
                    {
                        connection = new Connection();
                        Interlocked.Increment(ref state.Connections);
                    }

                    var started = Stopwatch.GetTimestamp();
                    (int? Status, bool KeepAlive) answer;
                    try
                    {
                        answer = await connection.ExchangeAsync(endpoint, request.Bytes, request.HalfClose, request.Head, fuzzer.Timeout).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        fuzzer._findings.Add("http hang", null, $"No answer within {fuzzer.Timeout.TotalSeconds:N0} s.", request.Bytes, request.Kinds);
                        answer = (null, false);
                    }

                    var took = Stopwatch.GetElapsedTime(started).Ticks;
                    long slowest;
                    while (took > (slowest = Interlocked.Read(ref state.SlowestTicks)) && Interlocked.CompareExchange(ref state.SlowestTicks, took, slowest) != slowest)
                    {
                    }

                    if (answer.Status is { } status)
                    {
                        state.ByStatus.AddOrUpdate(status, 1, static (_, n) => n + 1);
                        // 501: a method other than POST (spec §9.1); 503: over the concurrency limit; 505: Kestrel's answer to an unknown HTTP version.
                        if (status >= 500 && status is not (501 or 503 or 505))
                        {
                            fuzzer._findings.Add("http " + status, null, $"HTTP {status}.", request.Bytes, request.Kinds);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref state.NoAnswer);
                    }

                    if (!answer.KeepAlive || !request.Reusable)
                    {
                        connection.Dispose();
                        connection = null;
                    }

                    if (sent % 2000 == 0)
                    {
                        await fuzzer.CheckAliveAsync(endpoint, state, $"after {sent:N0} requests").ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                connection?.Dispose();
            }
        }

        private FuzzRequest Build()
        {
            var kinds = new StringBuilder();
            var head = false;
            var method = "POST";
            if (_random.Next(100) < 12)
            {
                method = s_methods[_random.Next(s_methods.Length)];
                head = method == "HEAD";
                kinds.Append("method ").Append(method).Append("; ");
            }

            string path;
            if (_random.Next(100) < 85)
            {
                path = "/OpenADR2/Simple/2.0b/" + s_services[_random.Next(s_services.Length)];
            }
            else
            {
                path = _random.Next(20) == 0 ? "/OpenADR2/Simple/2.0b/" + new string('a', 10_000 + _random.Next(70_000)) : s_paths[_random.Next(s_paths.Length)];
                kinds.Append("path ").Append(path.Length > 80 ? path[..80] + "…" : path).Append("; ");
            }

            byte[] body;
            var bodyKind = _random.Next(100);
            if (bodyKind < 72)
            {
                var (mutant, mutations) = _mutator.Next();
                body = mutant;
                kinds.Append("body ").Append(mutations).Append("; ");
            }
            else if (bodyKind < 84)
            {
                var seed = fuzzer._corpus.Seeds[_random.Next(fuzzer._corpus.Seeds.Count)];
                body = seed.Bytes;
                kinds.Append("body ").Append(seed.Name).Append("; ");
            }
            else if (bodyKind < 88)
            {
                body = [];
                kinds.Append("empty body; ");
            }
            else if (bodyKind < 94)
            {
                body = new byte[_random.Next(4096)];
                _random.NextBytes(body);
                kinds.Append("random body; ");
            }
            else if (bodyKind < 99)
            {
                var seed = fuzzer._corpus.Seeds[_random.Next(fuzzer._corpus.Seeds.Count)];
                body = _random.Next(2) == 0 ? Gzip(seed.Bytes) : seed.Bytes;
                var garbage = new byte[_random.Next(64)];
                _random.NextBytes(garbage);
                if (_random.Next(2) == 0)
                {
                    body = Concat(body.AsSpan(0, Math.Min(body.Length, 10)).ToArray(), garbage);
                }

                kinds.Append("gzip-ish body of ").Append(seed.Name).Append("; ");
            }
            else
            {
                body = new byte[1024 * 1024 + 1 + _random.Next(512 * 1024)];
                body.AsSpan().Fill((byte)' ');
                kinds.Append("oversized body; ");
            }

            var headers = new StringBuilder();
            var version = _random.Next(100) switch { 0 => "HTTP/1.0", 1 => "HTTP/2.0", 2 => "HTTP/1.1x", _ => "HTTP/1.1" };
            if (version != "HTTP/1.1")
            {
                kinds.Append(version).Append("; ");
            }

            if (_random.Next(100) != 0)
            {
                headers.Append("Host: 127.0.0.1\r\n");
            }
            else
            {
                kinds.Append("no Host; ");
            }

            var contentType = _random.Next(100) < 78 ? "application/xml" : s_contentTypes[_random.Next(s_contentTypes.Length)];
            if (_random.Next(40) != 0)
            {
                headers.Append("Content-Type: ").Append(contentType).Append("\r\n");
                if (_random.Next(60) == 0)
                {
                    headers.Append("Content-Type: application/json\r\n");
                    kinds.Append("two Content-Types; ");
                }
            }
            else
            {
                kinds.Append("no Content-Type; ");
            }

            if (contentType != "application/xml")
            {
                kinds.Append("Content-Type ").Append(contentType).Append("; ");
            }

            if (_random.Next(8) == 0)
            {
                var encoding = s_encodings[_random.Next(s_encodings.Length)];
                headers.Append("Accept-Encoding: ").Append(encoding).Append("\r\n");
                kinds.Append("Accept-Encoding ").Append(encoding).Append("; ");
            }

            if (_random.Next(12) == 0)
            {
                var encoding = s_encodings[_random.Next(s_encodings.Length)];
                headers.Append("Content-Encoding: ").Append(encoding).Append("\r\n");
                kinds.Append("Content-Encoding ").Append(encoding).Append("; ");
            }

            if (_random.Next(40) == 0)
            {
                headers.Append("Expect: 100-continue\r\n");
                kinds.Append("Expect; ");
            }

            switch (_random.Next(120))
            {
                case 0:
                    headers.Append("X-Huge: ").Append('h', 40_000 + _random.Next(40_000)).Append("\r\n");
                    kinds.Append("huge header; ");
                    break;
                case 1:
                    for (var i = 0; i < 150; i++)
                    {
                        headers.Append("X-Many-").Append(i).Append(": v\r\n");
                    }

                    kinds.Append("150 headers; ");
                    break;
                case 2:
                    headers.Append("X-Bad\u0001Name: v\r\n");
                    kinds.Append("bad header name; ");
                    break;
                case 3:
                    headers.Append("X-Folded: a\r\n b\r\n");
                    kinds.Append("folded header; ");
                    break;
                case 4:
                    headers.Append("Connection: close\r\n");
                    break;
            }

            var reusable = true;
            var halfClose = false;
            var framing = _random.Next(100);
            byte[] framedBody;
            if (framing < 72)
            {
                headers.Append("Content-Length: ").Append(body.Length).Append("\r\n");
                framedBody = body;
            }
            else if (framing < 80)
            {
                headers.Append("Transfer-Encoding: chunked\r\n");
                framedBody = Chunked(body, broken: false);
                kinds.Append("chunked; ");
            }
            else if (framing < 84)
            {
                headers.Append("Transfer-Encoding: chunked\r\n");
                framedBody = Chunked(body, broken: true);
                kinds.Append("broken chunked, then half-closed; ");
                reusable = false;

                // Else the server rightly waits for the rest, until the minimum data rate gives up on it.
                halfClose = true;
            }
            else if (framing < 89)
            {
                var declared = body.Length == 0 ? 0 : _random.Next(body.Length);
                headers.Append("Content-Length: ").Append(declared).Append("\r\n");
                framedBody = body;
                kinds.Append("Content-Length ").Append(declared).Append(" < ").Append(body.Length).Append("; ");
                reusable = false;
            }
            else if (framing < 94)
            {
                var declared = body.Length + 1 + _random.Next(10_000);
                headers.Append("Content-Length: ").Append(declared).Append("\r\n");
                framedBody = body;
                halfClose = true;
                kinds.Append("Content-Length ").Append(declared).Append(" > ").Append(body.Length).Append(", then half-closed; ");
                reusable = false;
            }
            else if (framing < 96)
            {
                headers.Append("Content-Length: ").Append(body.Length).Append("\r\nTransfer-Encoding: chunked\r\n");
                framedBody = Chunked(body, broken: false);
                kinds.Append("Content-Length and chunked; ");
                reusable = false;
            }
            else if (framing < 98)
            {
                var lie = new[] { "-1", "abc", "1, 2", "99999999999999999999", " 5", "0x10", "" }[_random.Next(7)];
                headers.Append("Content-Length: ").Append(lie).Append("\r\n");
                framedBody = body;
                kinds.Append("Content-Length '").Append(lie).Append("'; ");
                reusable = false;
            }
            else
            {
                headers.Append("Content-Length: ").Append(body.Length).Append("\r\nContent-Length: ").Append(body.Length + 1).Append("\r\n");
                framedBody = body;
                kinds.Append("two Content-Lengths; ");
                reusable = false;
            }

            if (version != "HTTP/1.1" || head)
            {
                reusable = false;
            }

            var start = Encoding.UTF8.GetBytes($"{method} {path} {version}\r\n{headers}\r\n");
            return new FuzzRequest(Concat(start, framedBody), kinds.ToString(), halfClose, reusable, head);
        }

        private byte[] Chunked(byte[] body, bool broken)
        {
            var output = new MemoryStream();
            var offset = 0;
            var brokenAt = broken ? _random.Next(3) : -1;
            var chunk = 0;
            while (offset < body.Length)
            {
                var length = Math.Min(body.Length - offset, 1 + _random.Next(2048));
                var size = chunk == brokenAt
                    ? new[] { "zz", "-1", "FFFFFFFFFFFFFFFFF", "", "1;ext=\"", length.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "\n" }[_random.Next(6)]
                    : length.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
                output.Write(Encoding.ASCII.GetBytes(size + "\r\n"));
                output.Write(body, offset, length);
                output.Write(chunk == brokenAt + 1 && broken ? "XX"u8 : "\r\n"u8);
                offset += length;
                chunk++;
            }

            output.Write(broken && _random.Next(2) == 0 ? "0\r\n"u8 : "0\r\n\r\n"u8);
            return output.ToArray();
        }

        private static byte[] Gzip(byte[] bytes)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(bytes);
            }

            return output.ToArray();
        }
    }

    private sealed record FuzzRequest(byte[] Bytes, string Kinds, bool HalfClose, bool Reusable, bool Head);

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }

    /// <summary>
    /// One client connection: writes a request as given and reads the answer's status and framing. Closed with a reset
    /// (linger 0), so that a hundred thousand connections leave no TIME_WAIT behind on the client side.
    /// </summary>
    private sealed class Connection : IDisposable
    {
        private Socket? _socket;
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<(int? Status, bool KeepAlive)> ExchangeAsync(Uri endpoint, byte[] request, bool halfClose, bool isHead, TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            try
            {
                if (_socket is null)
                {
                    _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, LingerState = new LingerOption(true, 0) };
                    await _socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(endpoint.Host), endpoint.Port), cancellation.Token).ConfigureAwait(false);
                }

                try
                {
                    await _socket.SendAsync(request, SocketFlags.None, cancellation.Token).ConfigureAwait(false);
                    if (halfClose)
                    {
                        _socket.Shutdown(SocketShutdown.Send);
                    }
                }
                catch (SocketException)
                {
                    // The server may answer and close before it has read everything (413, 431, 400): read what it said.
                }

                while (true)
                {
                    var headEnd = await ReadHeadAsync(cancellation.Token).ConfigureAwait(false);
                    if (headEnd < 0)
                    {
                        return (null, false);
                    }

                    var head = Encoding.Latin1.GetString(_buffer, _start, headEnd - _start);
                    _start = headEnd;
                    var status = int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
                    if (status is >= 100 and < 200)
                    {
                        continue;
                    }

                    var keepAlive = !head.Contains("\r\nConnection: close", StringComparison.OrdinalIgnoreCase);
                    var length = ContentLength(head);
                    if (head.Contains("\r\nTransfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
                    {
                        // Never sent by the OpenADR endpoints (a test asserts it); read to the end and start over.
                        await DrainAsync(cancellation.Token).ConfigureAwait(false);
                        return (status, false);
                    }

                    if (!isHead && length > 0)
                    {
                        if (!await SkipAsync(length, cancellation.Token).ConfigureAwait(false))
                        {
                            return (status, false);
                        }
                    }

                    return (status, keepAlive);
                }
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException();
            }
            catch (SocketException)
            {
                return (null, false);
            }
        }

        private static long ContentLength(string head)
        {
            foreach (var line in head.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                    && long.TryParse(line.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var length))
                {
                    return length;
                }
            }

            return 0;
        }

        /// <summary>The offset just after the next response head's blank line, or -1 when the connection ended first.</summary>
        private async Task<int> ReadHeadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
                if (end >= 0 && _end - _start >= 12)
                {
                    return _start + end + 4;
                }

                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return -1;
                }
            }
        }

        private async Task<bool> SkipAsync(long length, CancellationToken cancellationToken)
        {
            while (length > 0)
            {
                if (_end == _start && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                var take = (int)Math.Min(length, _end - _start);
                _start += take;
                length -= take;
            }

            return true;
        }

        private async Task DrainAsync(CancellationToken cancellationToken)
        {
            _start = _end;
            while (await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                _start = _end;
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                // A head larger than the buffer: not something the server sends.
                return false;
            }

            var read = await _socket!.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }

        public void Dispose()
        {
            _socket?.Dispose();
            _socket = null;
        }
    }

    /// <summary>Every error or critical line the application logs is a finding (an unhandled exception in a request, say).</summary>
    private sealed class ErrorLog(Findings findings) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                // Logged on the server's side: the request is the one the client side reports with its status, if any.
                findings.Add("server log " + logLevel, exception, formatter(state, exception), [], "(see the client-side finding of the same moment)");
            }
        }

        public void Dispose()
        {
        }
    }
}
