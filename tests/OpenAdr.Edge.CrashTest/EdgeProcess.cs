using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAdr.Edge.CrashTest;

/// <summary>
/// One life of the <c>openadr-edge</c> binary: started on the harness's database and two free loopback ports, its
/// output appended to a log file, and ended by SIGKILL (or SIGTERM at the very end).
/// </summary>
internal sealed class EdgeProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _drain;

    private EdgeProcess(Process process, Task drain, Uri openAdrUrl, Uri operatorUrl)
    {
        _process = process;
        _drain = drain;
        OpenAdrUrl = openAdrUrl;
        OperatorUrl = operatorUrl;
    }

    /// <summary>The OpenADR base address, <c>http://127.0.0.1:port/OpenADR2/Simple/2.0b</c>.</summary>
    public Uri OpenAdrUrl { get; }

    public Uri OperatorUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the binary and waits until <c>/alive</c> answers 200; fails when it exits first or does not answer in time.</summary>
    public static async Task<EdgeProcess> StartAsync(string binary, string database, string log, string[] extraArguments, CancellationToken cancellationToken)
    {
        var (port, operatorPort) = (FreePort(), FreePort());
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--OpenAdr:Database", database,
            "--OpenAdr:Url", $"http://127.0.0.1:{port}",
            "--OpenAdr:Operator:Url", $"http://127.0.0.1:{operatorPort}",
            "--Logging:LogLevel:Default", "Warning",
            .. extraArguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        var drain = Task.WhenAll(CopyAsync(process.StandardOutput, writer), CopyAsync(process.StandardError, writer))
            .ContinueWith(_ => writer.Dispose(), TaskScheduler.Default);
        var edge = new EdgeProcess(process, drain, new Uri($"http://127.0.0.1:{port}/OpenADR2/Simple/2.0b"), new Uri($"http://127.0.0.1:{operatorPort}/"));
        try
        {
            await edge.WaitAliveAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return edge;
        }
        catch
        {
            edge.Kill();
            await edge.WaitForExitAsync();
            edge.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no finalizer, no flush, no disposal runs in the binary.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }

    /// <summary>SIGTERM, then its exit code (or null when it did not stop within the time).</summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        await _drain;
        return _process.ExitCode;
    }

    public async Task WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        await _drain;
    }

    public void Dispose() => _process.Dispose();

    private async Task WaitAliveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = OperatorUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"openadr-edge exited with code {_process.ExitCode} before /alive answered.");
            }

            try
            {
                using var response = await http.GetAsync("alive", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No answer within the client's timeout.
            }

            await Task.Delay(20, cancellationToken);
        }

        throw new TimeoutException($"openadr-edge did not answer /alive within {timeout.TotalSeconds} s.");
    }

    private static async Task CopyAsync(StreamReader from, StreamWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            lock (to)
            {
                to.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
