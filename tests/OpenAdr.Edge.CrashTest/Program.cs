using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.CrashTest;

// The crash harness against the real binary; .ci/run runs it as one end-to-end check.
if (!HarnessOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

var directory = options.KeepDirectory ?? Path.Combine(Path.GetTempPath(), "openadr-crash-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(directory);
var database = Path.Combine(directory, "vtn.db");
var log = Path.Combine(directory, "openadr-edge.log");
var violations = new ConcurrentQueue<string>();
var ledger = new Ledger();
var random = new Random(options.Seed);
long checks = 0;
var started = Stopwatch.StartNew();
Console.WriteLine($"crash test: {options.Binary}, {options.Kills} kills, {options.Workers} load workers, seed {options.Seed}, database {database}");

using var overall = new CancellationTokenSource(TimeSpan.FromMinutes(10));
EdgeProcess? edge = null;
try
{
    edge = await EdgeProcess.StartAsync(options.Binary, database, log, [], overall.Token);
    for (var run = 0; run < options.Kills; run++)
    {
        var acknowledgedBefore = ledger.Acknowledged;
        using (var api = new OperatorApi(edge.OperatorUrl))
        {
            using var load = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
            var context = new RunContext(run, edge, api, ledger, violations, load.Token);
            var workers = Enumerable.Range(0, options.Workers)
                .Select(w => Task.Run(() => new LoadWorker(context, w, new Random(options.Seed ^ (run * 1000 + w))).RunAsync()))
                .ToArray();
            var killAfter = TimeSpan.FromMilliseconds(random.Next(50, (int)options.MaxRun.TotalMilliseconds + 1));
            await Task.Delay(killAfter, overall.Token);
            context.MarkKilled();
            edge.Kill();
            await edge.WaitForExitAsync();
            edge.Dispose();
            edge = null;
            await load.CancelAsync();
            await Task.WhenAll(workers);
            Console.Write(string.Create(CultureInfo.InvariantCulture,
                $"kill {run + 1,2}/{options.Kills}: SIGKILL after {killAfter.TotalMilliseconds,4:0} ms of load ({ledger.Acknowledged - acknowledgedBefore,4} writes acknowledged); "));
        }

        // Before the restart: the file as the kill left it.
        var integrity = Verifier.IntegrityCheck(database);
        if (integrity != "ok")
        {
            violations.Enqueue($"after kill {run + 1}: PRAGMA integrity_check: {integrity}");
        }

        var restart = Stopwatch.StartNew();
        edge = await EdgeProcess.StartAsync(options.Binary, database, log, [], overall.Token);
        var restartMs = restart.ElapsedMilliseconds;
        using (var api = new OperatorApi(edge.OperatorUrl))
        {
            var afterKill = run + 1;
            var verified = await Verifier.VerifyAsync(edge, api, ledger, v => violations.Enqueue($"after kill {afterKill}: {v}"), overall.Token);
            checks += verified;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"integrity_check {integrity}; restarted in {restartMs} ms; checked {verified} (all {ledger.Acknowledged} acknowledged writes, and queues), {violations.Count} violations so far"));
        }
    }

    // The binary must still stop cleanly after all that.
    var exitCode = await edge.TerminateAsync(TimeSpan.FromSeconds(30));
    if (exitCode != 0)
    {
        violations.Enqueue($"SIGTERM after the last restart: exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "none (still running after 30 s)"}, expected 0");
    }

    var finalIntegrity = Verifier.IntegrityCheck(database);
    if (finalIntegrity != "ok")
    {
        violations.Enqueue($"after SIGTERM: PRAGMA integrity_check: {finalIntegrity}");
    }
}
catch (Exception e)
{
    violations.Enqueue($"the harness stopped: {e.GetType().Name}: {e.Message}");
}
finally
{
    if (edge is not null)
    {
        edge.Kill();
        await edge.WaitForExitAsync();
        edge.Dispose();
    }
}

foreach (var violation in violations.Take(50))
{
    Console.WriteLine("VIOLATION " + violation);
}

if (violations.Count > 50)
{
    Console.WriteLine($"... and {violations.Count - 50} more violations");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"crash test: {options.Kills} kills, {ledger.Acknowledged} acknowledged writes ({ledger.VenIds().Count} VENs), {checks} checks of acknowledged writes and queues after the restarts, {violations.Count} violations, {started.Elapsed.TotalSeconds:0.0} s (seed {options.Seed})"));
if (violations.IsEmpty && options.KeepDirectory is null)
{
    Directory.Delete(directory, recursive: true);
}
else
{
    Console.WriteLine($"database and server log kept in {directory}");
}

return violations.IsEmpty ? 0 : 1;
