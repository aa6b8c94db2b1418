using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using OpenAdr.Edge.Vtn.Storage;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Storage.Wait;

namespace OpenAdr.Edge.Vtn.Tests.Storage;

/// <summary>
/// The single writer: group commit, failures confined to their commit, cancellation, disposal. Several tests hold
/// SQLite's write lock from a connection of their own, which stops the writer on its first transaction while further
/// commits pile up, so what goes in which transaction is certain rather than a race.
/// </summary>
public sealed class SqliteVtnStoreWriterTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Concurrent_commits_share_one_transaction()
    {
        const int Commits = 200;
        await using var store = await _database.OpenAsync();

        var commits = Enumerable.Range(0, Commits)
            .Select(i => Task.Run(() => store.CommitAsync([new SaveQueueEntry(Sample.Queued("ven-" + (i % 7), i))], Ct), Ct))
            .ToArray();
        await Task.WhenAll(commits);

        var state = await store.LoadAsync(Ct);
        Assert.Equal(Commits, state.QueueEntries.Count);
        Assert.Equal(Enumerable.Range(0, Commits).Select(i => (long)i), state.QueueEntries.Select(q => q.Sequence).Order());
        Assert.InRange(store.TransactionsCommitted, 1, Commits - 1);
        output.WriteLine($"{Commits} concurrent commits took {store.TransactionsCommitted} transactions.");
    }

    [Fact]
    public async Task Commits_waiting_behind_a_busy_writer_go_in_one_transaction()
    {
        await using var store = await _database.OpenAsync();
        Task first;
        Task[] waiting;
        using (_database.HoldWriteLock())
        {
            first = store.CommitAsync([new SaveVen(Sample.Ven("ven-first"))], Ct);
            await Wait.UntilWriterTookEverythingAsync(store);
            waiting = Enumerable.Range(0, 50).Select(i => store.CommitAsync([new SaveVen(Sample.Ven("ven-" + i))], Ct)).ToArray();
            Assert.Equal(50, store.PendingCommits);
            Assert.False(first.IsCompleted);
        }

        await first;
        await Task.WhenAll(waiting);

        Assert.Equal(2, store.TransactionsCommitted);
        Assert.Equal(51, (await store.LoadAsync(Ct)).Vens.Count);
    }

    [Fact]
    public async Task An_empty_commit_completes_at_once_without_a_transaction()
    {
        await using var store = await _database.OpenAsync();

        var commit = store.CommitAsync([], Ct);

        Assert.True(commit.IsCompletedSuccessfully);
        Assert.Equal(0, store.TransactionsCommitted);
    }

    [Fact]
    public async Task A_bad_change_fails_only_its_own_commit()
    {
        await using var store = await _database.OpenAsync();
        await store.CommitAsync([new SaveQueueEntry(Sample.Queued("ven-1", 1))], Ct);
        var transactionsBefore = store.TransactionsCommitted;

        Task first;
        Task bad;
        Task[] good;
        using (_database.HoldWriteLock())
        {
            first = store.CommitAsync([new SaveVen(Sample.Ven("ven-first"))], Ct);
            await Wait.UntilWriterTookEverythingAsync(store);
            var before = Enumerable.Range(0, 5).Select(i => store.CommitAsync([new SaveQueueEntry(Sample.Queued("ven-2", i))], Ct)).ToArray();

            // The VEN would be saved, but the queue entry repeats a stored (venID, sequence): the whole commit must fail.
            bad = store.CommitAsync([new SaveVen(Sample.Ven("ven-bad")), new SaveQueueEntry(Sample.Queued("ven-1", 1, QueuedMessageKind.CreateReport))], Ct);
            var after = Enumerable.Range(5, 5).Select(i => store.CommitAsync([new SaveQueueEntry(Sample.Queued("ven-2", i))], Ct)).ToArray();
            good = [.. before, .. after];
        }

        await first;
        await Task.WhenAll(good);
        var failure = await Assert.ThrowsAsync<SqliteException>(() => bad);

        Assert.Equal(19, failure.SqliteErrorCode); // SQLITE_CONSTRAINT
        var state = await store.LoadAsync(Ct);
        Assert.Equal(["ven-first"], state.Vens.Select(v => v.VenId));
        Assert.Equal([Sample.Queued("ven-1", 1)], state.QueueEntries.Where(q => q.VenId == "ven-1"));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), state.QueueEntries.Where(q => q.VenId == "ven-2").Select(q => q.Sequence));

        // The first commit alone, then the failed group of eleven retried one by one: ten of them commit.
        Assert.Equal(transactionsBefore + 1 + 10, store.TransactionsCommitted);
    }

    [Fact]
    public async Task A_change_the_store_does_not_know_fails_its_commit_and_the_writer_goes_on()
    {
        await using var store = await _database.OpenAsync();

        await Assert.ThrowsAsync<NotSupportedException>(() => store.CommitAsync([new SaveVen(Sample.Ven("ven-1")), new UnknownChange()], Ct));
        await store.CommitAsync([new SaveVen(Sample.Ven("ven-2"))], Ct);

        Assert.Equal(["ven-2"], (await store.LoadAsync(Ct)).Vens.Select(v => v.VenId));
    }

    [Fact]
    public async Task A_commit_cancelled_before_the_writer_takes_it_is_not_written()
    {
        await using var store = await _database.OpenAsync();
        using var cancellation = new CancellationTokenSource();
        Task first;
        Task cancelled;
        Task kept;
        using (_database.HoldWriteLock())
        {
            first = store.CommitAsync([new SaveVen(Sample.Ven("ven-first"))], Ct);
            await Wait.UntilWriterTookEverythingAsync(store);
            cancelled = store.CommitAsync([new SaveVen(Sample.Ven("ven-cancelled"))], cancellation.Token);
            kept = store.CommitAsync([new SaveVen(Sample.Ven("ven-kept"))], Ct);
            await cancellation.CancelAsync();
        }

        await Task.WhenAll(first, kept);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(["ven-first", "ven-kept"], (await store.LoadAsync(Ct)).Vens.Select(v => v.VenId));
    }

    [Fact]
    public async Task Reads_do_not_wait_for_a_blocked_writer()
    {
        await using var store = await _database.OpenAsync();
        await store.CommitAsync([new SaveVen(Sample.Ven("ven-1"))], Ct);
        Task blocked;
        using (_database.HoldWriteLock())
        {
            blocked = store.CommitAsync([new SaveVen(Sample.Ven("ven-2"))], Ct);
            await Wait.UntilWriterTookEverythingAsync(store);

            var state = await store.LoadAsync(Ct).WaitAsync(TimeSpan.FromSeconds(2), Ct);

            Assert.Equal(["ven-1"], state.Vens.Select(v => v.VenId));
            Assert.False(blocked.IsCompleted);
        }

        await blocked;
        Assert.Equal(["ven-1", "ven-2"], (await store.LoadAsync(Ct)).Vens.Select(v => v.VenId));
    }

    [Fact]
    public async Task Dispose_completes_pending_commits()
    {
        var store = await _database.OpenAsync();
        Task[] commits;
        Task disposal;
        using (_database.HoldWriteLock())
        {
            commits = [store.CommitAsync([new SaveVen(Sample.Ven("ven-first"))], Ct)];
            await Wait.UntilWriterTookEverythingAsync(store);
            commits = [.. commits, .. Enumerable.Range(0, 20).Select(i => store.CommitAsync([new SaveVen(Sample.Ven("ven-" + i))], Ct))];

            disposal = store.DisposeAsync().AsTask();
            await Task.Delay(50, Ct);
            Assert.False(disposal.IsCompleted);
        }

        await disposal;

        Assert.All(commits, c => Assert.True(c.IsCompletedSuccessfully));
        await using var reopened = await _database.OpenAsync();
        Assert.Equal(21, (await reopened.LoadAsync(Ct)).Vens.Count);
    }

    [Fact]
    public async Task A_clean_close_folds_the_log_into_the_database_file_and_removes_it()
    {
        var store = await _database.OpenAsync();
        await store.CommitAsync([new SaveVen(Sample.Ven("ven-1"))], Ct);
        Assert.True(File.Exists(_database.Path + "-wal"), "commits go to the log first");
        _ = await store.ReadReportDataAsync("ven-1", 10, Ct);

        await store.DisposeAsync();

        Assert.False(File.Exists(_database.Path + "-wal"));
        Assert.False(File.Exists(_database.Path + "-shm"));
        var copy = Path.Combine(_database.Root, "copy.db");
        File.Copy(_database.Path, copy);
        await using var fromCopy = await SqliteVtnStore.OpenAsync(copy, cancellationToken: Ct);
        Assert.Equal(["ven-1"], (await fromCopy.LoadAsync(Ct)).Vens.Select(v => v.VenId));
    }

    [Fact]
    public async Task Commits_and_reads_after_dispose_throw_ObjectDisposedException()
    {
        var store = await _database.OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();

        // Thrown by the call itself, not through the task.
        Assert.Throws<ObjectDisposedException>(() => { _ = store.CommitAsync([new SaveVen(Sample.Ven("ven-1"))], Ct); });
        Assert.Throws<ObjectDisposedException>(() => { _ = store.CommitAsync([], Ct); });
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadAsync(Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ReadReportDataAsync("ven-1", 10, Ct));
    }

    [Fact]
    public async Task Many_concurrent_report_data_commits_all_land()
    {
        const int Writers = 50;
        const int CommitsPerWriter = 40;
        const int PointsPerCommit = 50;
        await using var store = await _database.OpenAsync();
        var batches = Enumerable.Range(0, Writers)
            .Select(w => Enumerable.Range(0, CommitsPerWriter)
                .Select(c => Enumerable.Range(c * PointsPerCommit, PointsPerCommit).Select(i => Sample.Point("ven-" + w, i)).ToArray())
                .ToArray())
            .ToArray();

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(batches.Select(commits => Task.Run(
            async () =>
            {
                // Each writer waits for its commit before the next, as a VEN's oadrUpdateReport handler would.
                foreach (var points in commits)
                {
                    await store.CommitAsync([new AppendReportData(points)], Ct);
                }
            },
            Ct)));
        stopwatch.Stop();

        const int Total = Writers * CommitsPerWriter * PointsPerCommit;
        output.WriteLine(
            $"{Total:N0} points in {Writers * CommitsPerWriter:N0} commits by {Writers} writers: {stopwatch.Elapsed.TotalMilliseconds:N0} ms, " +
            $"{Total / stopwatch.Elapsed.TotalSeconds:N0} points/s durable, {store.TransactionsCommitted:N0} transactions.");
        Assert.Equal(Total, _database.ScalarInt64("SELECT count(*) FROM report_data;"));
        Assert.Equal(batches[7].SelectMany(c => c), await store.ReadReportDataAsync("ven-7", Total, Ct));
    }

    private sealed record UnknownChange : StoreChange;
}
