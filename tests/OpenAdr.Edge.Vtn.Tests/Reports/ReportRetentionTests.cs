using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Storage;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Reports;

public sealed class ReportRetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReportDataRecord Point(string venId, int index, DateTime receivedAt) =>
        new(venId, "rr", "rid", receivedAt.AddSeconds(-10), null, index, null, receivedAt);

    [Fact]
    public async Task The_store_deletes_at_most_the_given_number_of_the_oldest_points_received_before_the_cutoff()
    {
        using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var cutoff = Sample.Now;
        await store.CommitAsync([new AppendReportData([.. Enumerable.Range(0, 7).Select(i => Point("ven-1", i, cutoff.AddMinutes(i - 7)))])], Ct);
        await store.CommitAsync([new AppendReportData([.. Enumerable.Range(7, 3).Select(i => Point("ven-1", i, cutoff.AddMinutes(i - 7)))])], Ct);

        var first = new DeleteReportData(cutoff, 5);
        await store.CommitAsync([first], Ct);
        var second = new DeleteReportData(cutoff, 5);
        await store.CommitAsync([second], Ct);

        Assert.Equal(5, first.Deleted);
        Assert.Equal(2, second.Deleted);
        Assert.Equal([7.0, 8.0, 9.0], (await store.ReadReportDataAsync("ven-1", 100, Ct)).Select(p => p.Value));
    }

    [Fact]
    public async Task Data_older_than_the_retention_goes_in_several_transactions_and_newer_data_stays()
    {
        await using var harness = await VtnHarness.StartAsync();
        var now = harness.Clock.UtcNow;
        var old = Enumerable.Range(0, 12_000).Select(i => Point("ven-a", i, now.AddDays(-31).AddSeconds(i))).ToArray();
        var recent = Enumerable.Range(0, 3).Select(i => Point("ven-a", 100_000 + i, now.AddDays(-29).AddMinutes(i))).ToArray();
        await harness.Vtn.Store.CommitAsync([new AppendReportData(old), new AppendReportData(recent)], Ct);

        var deleted = await harness.Vtn.Retention.DeleteBeforeAsync(now - TimeSpan.FromDays(30), Ct);

        Assert.Equal(12_000, deleted);
        Assert.Equal(recent.Select(p => p.Value), (await harness.Vtn.Store.ReadReportDataAsync("ven-a", 100, Ct)).Select(p => p.Value));
    }

    [Fact]
    public async Task Housekeeping_deletes_data_past_the_configured_retention()
    {
        await using var harness = await VtnHarness.StartAsync(options: new VtnOptions { VtnId = "test-vtn", ReportRetention = TimeSpan.FromDays(2) });
        var now = harness.Clock.UtcNow;
        await harness.Vtn.Store.CommitAsync(
            [new AppendReportData([Point("ven-a", 1, now.AddDays(-3)), Point("ven-a", 2, now.AddDays(-1))])], Ct);

        harness.Vtn.RunHousekeeping();

        // Housekeeping deletes in the background: wait for it, but not for ever if it never comes.
        for (var waited = 0; waited < 500 && (await harness.Vtn.Store.ReadReportDataAsync("ven-a", 100, Ct)).Count > 1; waited++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal([2.0], (await harness.Vtn.Store.ReadReportDataAsync("ven-a", 100, Ct)).Select(p => p.Value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_retention_that_is_not_positive_is_refused(int days)
    {
        using var database = new TempDatabase();
        await using var store = await database.OpenAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "test-vtn", ReportRetention = TimeSpan.FromDays(days) }, store, cancellationToken: Ct));
    }
}
