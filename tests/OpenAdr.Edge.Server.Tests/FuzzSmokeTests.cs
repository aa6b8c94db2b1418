using System;
using System.IO;
using System.Threading.Tasks;
using OpenAdr.Edge.Fuzz;
using OpenAdr.Edge.Tests;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>
/// A short round of each mode of the fuzzing harness (tests/OpenAdr.Edge.Fuzz) with a fixed seed: no finding, and
/// the mutants reach every stage (refused by the reader, read, answered by the engine; every kind of HTTP answer).
/// The long runs are the harness's own (README, Fuzzing).
/// </summary>
public sealed class FuzzSmokeTests
{
    private static SeedCorpus Corpus() => SeedCorpus.Load(SharedFiles.Get("interop/openleadr"));

    [Fact]
    public async Task Twenty_thousand_mutants_through_the_reader_and_the_engine_give_no_finding()
    {
        var output = new StringWriter();
        var findings = new Findings(folder: null, output);
        var report = await new ReaderFuzzer(Corpus(), findings, output) { ProgressEvery = TimeSpan.FromDays(1) }
            .RunAsync(20_000, seed: 1, TestContext.Current.CancellationToken);

        Assert.True(report.Findings == 0, output.ToString());
        Assert.Equal(20_000, report.Inputs);
        Assert.InRange(report.Refused, 1, 19_999);
        Assert.InRange(report.Answered, 1, report.Accepted);
    }

    [Fact]
    public async Task A_thousand_mutated_requests_over_http_give_no_finding()
    {
        var output = new StringWriter();
        var findings = new Findings(folder: null, output);
        var report = await new HttpFuzzer(Corpus(), findings, output) { ProgressEvery = TimeSpan.FromDays(1) }
            .RunAsync(1_000, seed: 1, TestContext.Current.CancellationToken);

        Assert.True(report.Findings == 0, output.ToString());
        Assert.Equal(1_000, report.Requests);
        Assert.Contains(200, report.ByStatus.Keys);
        Assert.Contains(406, report.ByStatus.Keys);
    }
}
