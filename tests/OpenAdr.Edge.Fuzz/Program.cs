using System;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenAdr.Edge.Fuzz;

const string Usage = """
    openadr-edge fuzzing harness
      reader [--count N] [--seed S] [--seeds DIR] [--findings DIR]
          N mutants (default 10,000,000) through OadrPayload.ReadDocument and OpenAdrVtn.HandleAsync
      http [--count N] [--seed S] [--seeds DIR] [--findings DIR] [--concurrency C] [--timeout SECONDS]
          N mutated requests (default 100,000) against the application on loopback
    Exit code: 0 without findings, 1 with findings, 2 on a usage error.
    """;

if (args.Length == 0 || args[0] is not ("reader" or "http"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var mode = args[0];
long count = mode == "reader" ? 10_000_000 : 100_000;
var seed = 1;
var concurrency = 4;
var timeout = TimeSpan.FromSeconds(10);
var repository = SeedCorpus.FindRepositoryRoot(AppContext.BaseDirectory) ?? SeedCorpus.FindRepositoryRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;
var seeds = SeedCorpus.DefaultInteropFolder(repository);
var findingsFolder = Path.Combine(repository, "artifacts", "fuzz-findings");
for (var i = 1; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--count" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
            count = n;
            break;
        case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
            seed = s;
            break;
        case "--concurrency" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0:
            concurrency = c;
            break;
        case "--timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0:
            timeout = TimeSpan.FromSeconds(t);
            break;
        case "--seeds" when value is not null:
            seeds = Path.GetFullPath(value);
            break;
        case "--findings" when value is not null:
            findingsFolder = Path.GetFullPath(value);
            break;
        default:
            Console.Error.WriteLine($"Unknown or invalid option '{args[i]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }

    i++;
}

SeedCorpus corpus;
try
{
    corpus = SeedCorpus.Load(seeds);
}
catch (DirectoryNotFoundException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine($"{mode}: {count:N0} inputs, seed {seed}, {corpus.Seeds.Count} seeds from {seeds} and the repository's samples, findings to {findingsFolder}");
var findings = new Findings(findingsFolder, Console.Out);
if (mode == "reader")
{
    var report = await new ReaderFuzzer(corpus, findings, Console.Out).RunAsync(count, seed);
    Console.WriteLine($"inputs {report.Inputs:N0} in {report.Duration:hh\\:mm\\:ss} = {report.PerSecond:N0}/s; refused by the reader {report.Refused:N0}, read {report.Accepted:N0}, answered by the engine {report.Answered:N0}");
    PrintEnd(report.Findings, report.PeakManagedBytes, report.PeakRssBytes, report.SlowestInput);
}
else
{
    var report = await new HttpFuzzer(corpus, findings, Console.Out) { Concurrency = concurrency, Timeout = timeout }.RunAsync(count, seed);
    Console.WriteLine($"requests {report.Requests:N0} in {report.Duration:hh\\:mm\\:ss} = {report.PerSecond:N0}/s; connections {report.Connections:N0}, closed by the server without an answer {report.NoAnswer:N0}");
    Console.WriteLine("by status: " + string.Join(", ", report.ByStatus.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value:N0}")));
    PrintEnd(report.Findings, report.PeakManagedBytes, report.PeakRssBytes, report.SlowestRequest);
}

return findings.Count == 0 ? 0 : 1;

void PrintEnd(long found, long peakManaged, long peakRss, TimeSpan slowest)
{
    Console.WriteLine($"findings {found}{(found == 0 ? "" : " (" + string.Join("; ", findings.BySignature.Select(pair => $"{pair.Value} x {pair.Key}")) + ")")}");
    Console.WriteLine($"peak managed heap {peakManaged / 1048576.0:N1} MB, peak RSS {peakRss / 1048576.0:N1} MB, slowest input {slowest.TotalMilliseconds:N1} ms");
}
