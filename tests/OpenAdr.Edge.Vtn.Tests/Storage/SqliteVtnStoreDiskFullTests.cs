using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Vtn.Storage;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Storage.Wait;

namespace OpenAdr.Edge.Vtn.Tests.Storage;

/// <summary>
/// A database that cannot be written: full (<c>PRAGMA max_page_count</c> on the writer's connection gives SQLITE_FULL
/// exactly as a full disk does) or read-only (<c>PRAGMA query_only</c> gives SQLITE_READONLY; chmod does not stop
/// root). The commit fails with <see cref="StoreUnavailableException"/>, nothing of it is written, what was
/// acknowledged before stays, the file stays sound, and writes succeed again by themselves once space returns.
/// </summary>
public sealed class SqliteVtnStoreDiskFullTests : IDisposable
{
    private const string Unlimited = "PRAGMA max_page_count = 1073741823;";

    // max_page_count below the current size is taken as the current size: nothing may grow from here.
    private const string Full = "PRAGMA max_page_count = 1;";

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_full_disk_fails_the_commit_keeps_what_was_acknowledged_and_writes_resume_when_space_returns()
    {
        await using (var store = await _database.OpenAsync())
        {
            await store.CommitAsync([Points("ven-before", 10)], Ct);
            await store.ExecuteOnWriterAsync(Full);

            var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CommitAsync([Points("ven-full", 2000)], Ct));
            Assert.Equal(StoreUnavailableReason.DiskFull, failure.Reason);
            Assert.Same(failure, store.WriteFailure);
            Assert.Empty(await store.ReadReportDataAsync("ven-full", 10_000, Ct));

            await store.ExecuteOnWriterAsync(Unlimited);
            await store.CommitAsync([Points("ven-full", 2000)], Ct);
            Assert.Null(store.WriteFailure);
        }

        Assert.Equal("ok", _database.Scalar("PRAGMA integrity_check;"));
        await using var reopened = await _database.OpenAsync();
        Assert.Equal(10, (await reopened.ReadReportDataAsync("ven-before", 10_000, Ct)).Count);
        Assert.Equal(2000, (await reopened.ReadReportDataAsync("ven-full", 10_000, Ct)).Count);
    }

    [Fact]
    public async Task A_read_only_database_fails_every_commit_with_ReadOnly_and_writes_resume_when_it_is_writable()
    {
        await using (var store = await _database.OpenAsync())
        {
            await store.CommitAsync([new SaveVen(Sample.Ven("ven-before"))], Ct);
            await store.ExecuteOnWriterAsync("PRAGMA query_only = 1;");

            var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CommitAsync([new SaveVen(Sample.Ven("ven-refused"))], Ct));
            Assert.Equal(StoreUnavailableReason.ReadOnly, failure.Reason);
            Assert.Equal(StoreUnavailableReason.ReadOnly, store.WriteFailure?.Reason);

            await store.ExecuteOnWriterAsync("PRAGMA query_only = 0;");
            await store.CommitAsync([new SaveVen(Sample.Ven("ven-after"))], Ct);
            Assert.Null(store.WriteFailure);
        }

        Assert.Equal("ok", _database.Scalar("PRAGMA integrity_check;"));
        await using var reopened = await _database.OpenAsync();
        var vens = (await reopened.LoadAsync(Ct)).Vens.Select(v => v.VenId).Order().ToList();
        Assert.Equal(["ven-after", "ven-before"], vens);
    }

    [Fact]
    public async Task On_a_full_disk_a_grouped_commit_that_fits_alone_is_still_written()
    {
        await using var store = await _database.OpenAsync();
        await store.ExecuteOnWriterAsync(Full);
        Task first, tooBig, small;
        using (_database.HoldWriteLock())
        {
            // The writer stops on the first commit; the next two wait for it and go in one transaction, which fails.
            first = store.CommitAsync([new SaveVen(Sample.Ven("ven-first"))], Ct);
            await UntilWriterTookEverythingAsync(store);
            tooBig = store.CommitAsync([Points("ven-big", 2000)], Ct);
            small = store.CommitAsync([new SaveVen(Sample.Ven("ven-small"))], Ct);
        }

        await first;
        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => tooBig);
        Assert.Equal(StoreUnavailableReason.DiskFull, failure.Reason);
        await small;

        var state = await store.LoadAsync(Ct);
        Assert.Equal(["ven-first", "ven-small"], state.Vens.Select(v => v.VenId).Order().ToList());
        Assert.Empty(await store.ReadReportDataAsync("ven-big", 10_000, Ct));
    }

    [Fact]
    public async Task Failing_writes_are_logged_once_when_they_start_and_once_when_they_end_not_per_commit()
    {
        var logger = new RecordingLogger();
        await using var store = await SqliteVtnStore.OpenAsync(_database.Path, logger, Ct);
        await store.ExecuteOnWriterAsync(Full);
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CommitAsync([Points("ven-" + i, 500)], Ct));
        }

        await store.ExecuteOnWriterAsync("PRAGMA query_only = 1;");
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CommitAsync([Points("ven-read-only", 1)], Ct));
        await store.ExecuteOnWriterAsync("PRAGMA query_only = 0;");
        await store.ExecuteOnWriterAsync(Unlimited);
        await store.CommitAsync([Points("ven-after", 500)], Ct);
        await store.CommitAsync([Points("ven-after", 500)], Ct);

        // One line as writes stop (disk full), one as the reason changes (read-only), one as they resume; none per commit.
        Assert.Equal(
            [(2007, LogLevel.Error), (2007, LogLevel.Error), (2008, LogLevel.Information)],
            logger.Entries.Where(e => e.Id is >= 2003 and <= 2008).Select(e => (e.Id, e.Level)).ToList());
        Assert.Contains("disk full", logger.Entries.First(e => e.Id == 2007).Message, StringComparison.Ordinal);
        Assert.Contains("read-only", logger.Entries.Last(e => e.Id == 2007).Message, StringComparison.Ordinal);
        Assert.Contains("after 21 failed transactions", logger.Entries.Single(e => e.Id == 2008).Message, StringComparison.Ordinal);
    }

    private static AppendReportData Points(string venId, int count) =>
        new(Enumerable.Range(0, count).Select(i => Sample.Point(venId, i)).ToList());

    private sealed class RecordingLogger : ILogger
    {
        private readonly List<(int Id, LogLevel Level, string Message)> _entries = [];

        public IReadOnlyList<(int Id, LogLevel Level, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((eventId.Id, logLevel, formatter(state, exception)));
            }
        }
    }
}
