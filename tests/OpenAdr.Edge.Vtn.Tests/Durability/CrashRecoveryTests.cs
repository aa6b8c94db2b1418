using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Storage;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Durability;

/// <summary>
/// The engine runs in a child process that prints each write once it is acknowledged, and is killed with SIGKILL at a
/// random moment. After every kill the database must hold every acknowledged write, and the queues must resume.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Kills = 5;

    [Fact]
    public async Task Every_acknowledged_write_survives_SIGKILL_and_queues_resume()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var database = new TempDatabase();
        var random = new Random(20261126);
        var acknowledged = new List<string>();
        for (var run = 0; run < Kills; run++)
        {
            var acksBeforeKill = random.Next(20, 400);
            var lines = await RunAndKillAsync(database.Path, $"run{run}", acksBeforeKill, cancellationToken);
            Assert.True(lines.Count >= acksBeforeKill, $"run {run}: the child acknowledged only {lines.Count} writes before it stopped by itself");
            acknowledged.AddRange(lines);
            TestContext.Current.TestOutputHelper?.WriteLine($"run {run}: killed after {lines.Count} acknowledged writes");
            await VerifyAsync(database, acknowledged, cancellationToken);
        }
    }

    private static async Task VerifyAsync(TempDatabase database, List<string> acknowledged, CancellationToken cancellationToken)
    {
        await using var store = await database.OpenAsync();
        var state = await store.LoadAsync(cancellationToken);
        var vens = state.Vens.Select(v => v.VenId).ToHashSet(StringComparer.Ordinal);
        var events = state.OpenEvents.Select(e => (e.VenId, e.EventId)).ToHashSet();
        var optIns = state.LatestEventResponses.Where(r => r.Opt == OptType.OptIn).Select(r => (r.VenId, r.EventId)).ToHashSet();
        foreach (var line in acknowledged)
        {
            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "registered":
                    Assert.Contains(parts[1], vens);
                    break;
                case "event":
                    Assert.Contains((parts[1], parts[2]), events);
                    break;
                case "opt":
                    Assert.Contains((parts[1], parts[2]), optIns);
                    break;
                case "data":
                    var points = await store.ReadReportDataAsync(parts[1], 100, cancellationToken);
                    Assert.Equal(int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture), points.Count(p => p.ReportRequestId == parts[2]));
                    break;
                default:
                    Assert.Fail($"Unexpected line '{line}'.");
                    break;
            }
        }

        await store.DisposeAsync();

        // The queues resume: a VEN whose acknowledged event it never polled gets it at its first poll after the restart.
        var withEvents = acknowledged.Where(l => l.StartsWith("event ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        await using var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "crash-vtn" }, await database.OpenAsync(), cancellationToken: cancellationToken);
        foreach (var parts in withEvents.TakeLast(5))
        {
            var answer = await vtn.HandleAsync(new OadrPoll { VenId = parts[1] }, default, cancellationToken);
            if (answer is OadrRegisterReport)
            {
                answer = await vtn.HandleAsync(new OadrPoll { VenId = parts[1] }, default, cancellationToken);
            }

            var distribute = Assert.IsType<OadrDistributeEvent>(answer);
            Assert.Contains(distribute.OadrEvents, e => e.EiEvent.EventDescriptor.EventId == parts[2]);
        }
    }

    private static async Task<List<string>> RunAndKillAsync(string databasePath, string run, int acksBeforeKill, CancellationToken cancellationToken)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "OpenAdr.Edge.Vtn.CrashHost.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(host);
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(run);
        start.ArgumentList.Add("4");
        using var child = Process.Start(start)!;
        var lines = new List<string>();
        var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            while (lines.Count < acksBeforeKill && await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line != "ready")
                {
                    lines.Add(line);
                }
            }
        }
        finally
        {
            // SIGKILL: no finalizers, no flushing, no disposal.
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(cancellationToken);
        }

        // Whatever the child printed before it died was acknowledged too.
        // A line cut off by the kill (no newline yet) was not fully printed, so it does not count.
        var rest = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        var complete = rest[..(rest.LastIndexOf('\n') + 1)];
        lines.AddRange(complete.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l != "ready"));
        var errors = await stderr;
        Assert.True(lines.Count >= acksBeforeKill, $"The child stopped early: {errors}");
        return lines;
    }
}
