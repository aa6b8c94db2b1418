using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.LoadTool;

/// <summary>
/// Exec to the first answered poll, several times: starts the VTN command, then tries one oadrPoll after another on a
/// fresh connection until one is answered with an oadrResponse. A shell loop of curl processes cannot measure this
/// on a small machine: each fork competes for the cores the starting VTN needs (on the 2-core benchmark VM such a
/// loop read 94-129 ms where this reads 51-80 ms).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class StartUp
{
    public static int Run(LoadOptions options)
    {
        if (options.StartUpCommand is not [var program, .. var arguments] || options.UseVenIdsFile is null)
        {
            Console.Error.WriteLine("--startup needs --use-venids FILE and the VTN's command after --");
            return 2;
        }

        var request = PollRequest(options.Url, File.ReadLines(options.UseVenIdsFile).First(l => l.Length > 0));
        var times = new double[options.StartUpRuns];
        for (var run = 0; run < times.Length; run++)
        {
            var clock = Stopwatch.StartNew();
            using var vtn = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            vtn.OutputDataReceived += static (_, _) => { };
            vtn.ErrorDataReceived += static (_, _) => { };
            vtn.BeginOutputReadLine();
            vtn.BeginErrorReadLine();
            while (!IsAnswered(options.Url, request))
            {
                if (vtn.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.Error.WriteLine($"the VTN did not answer a poll (exit code {(vtn.HasExited ? vtn.ExitCode : "none, still running")})");
                    return 1;
                }

                Thread.Sleep(1);
            }

            times[run] = clock.Elapsed.TotalMilliseconds;
            using (var stop = Process.Start("kill", ["-TERM", vtn.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                stop.WaitForExit();
            }

            vtn.WaitForExit();
        }

        var sorted = times.Order().ToArray();
        Console.WriteLine($"start-up: {string.Join(" ", times.Select(t => $"{t:F0}"))} ms (median {sorted[sorted.Length / 2]:F0} ms, max {sorted[^1]:F0} ms) from exec to the first answered poll");
        return 0;
    }

    private static byte[] PollRequest(Uri url, string venId)
    {
        var body = OadrPayload.WriteToArray(new OadrPoll { VenId = venId });
        var head = $"POST {url.AbsolutePath.TrimEnd('/')}/OadrPoll HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private static bool IsAnswered(Uri url, byte[] request)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Connect(url.Host, url.Port);
            socket.Send(request);
            using var answer = new MemoryStream();
            var buffer = new byte[4096];
            for (var read = socket.Receive(buffer); read > 0; read = socket.Receive(buffer))
            {
                answer.Write(buffer, 0, read);
            }

            return answer.ToArray().AsSpan().IndexOf("oadrResponse"u8) >= 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
