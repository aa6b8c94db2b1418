using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Storage;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Storage.Wait;

namespace OpenAdr.Edge.Vtn.Tests.Storage;

/// <summary>Opening databases left by older and newer builds.</summary>
public sealed class SqliteVtnStoreMigrationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_new_database_is_created_with_its_directories_in_WAL_mode_at_the_latest_version()
    {
        await using var store = await _database.OpenAsync();

        Assert.True(File.Exists(_database.Path));
        Assert.Equal("wal", _database.Scalar("PRAGMA journal_mode;"));
        Assert.Equal(SqliteVtnStore.LatestSchemaVersion, _database.ScalarInt64("PRAGMA user_version;"));
        Assert.True(SqliteVtnStore.LatestSchemaVersion >= 2);
    }

    [Fact]
    public async Task A_version_1_database_is_upgraded_with_its_data_intact()
    {
        await SqliteVtnStore.CreateAtVersionAsync(_database.Path, 1, Ct);
        Assert.Equal(1, _database.ScalarInt64("PRAGMA user_version;"));
        Assert.Equal(0, _database.ScalarInt64("SELECT count(*) FROM sqlite_master WHERE name = 'report_data';"));

        // Rows as the version-1 build wrote them.
        _database.Execute(
            $"""
            INSERT INTO ven VALUES ('ven-1', 'reg-1', 'name', NULL, 1, 0, 'https://ven-1/', 0, 1, 1, {Sample.Now.Ticks});
            INSERT INTO event VALUES ('ven-1', 'ev-1', 3, 0, 0, x'3C653E', {Sample.Now.Ticks});
            INSERT INTO event_response (ven_id, event_id, modification_number, opt, source, received_at)
                VALUES ('ven-1', 'ev-1', 3, 1, 0, {Sample.Now.Ticks});
            INSERT INTO queue_entry VALUES ('ven-1', 7, 2, 'rr-1');
            """);

        await using (var store = await _database.OpenAsync())
        {
            var state = await store.LoadAsync(Ct);

            Assert.Equal(
                [new VenRecord("ven-1", "reg-1", "name", null, OadrProfileName.Oadr20b, OadrTransportName.SimpleHttp, "https://ven-1/", false, true, true, Sample.Now)],
                state.Vens);
            AssertStored.Equal([new EventRecord("ven-1", "ev-1", 3, false, false, "<e>"u8.ToArray(), Sample.Now)], state.OpenEvents);
            Assert.Equal([new EventResponseRecord("ven-1", "ev-1", 3, OptType.OptOut, EventResponseSource.CreatedEvent, Sample.Now)], state.LatestEventResponses);
            Assert.Equal([new QueueEntryRecord("ven-1", 7, QueuedMessageKind.CreateReport, "rr-1")], state.QueueEntries);

            // What version 2 added works on the upgraded database.
            await store.CommitAsync([new AppendReportData([Sample.Point("ven-1", 1)])], Ct);
            Assert.Equal([Sample.Point("ven-1", 1)], await store.ReadReportDataAsync("ven-1", 10, Ct));
        }

        Assert.Equal(SqliteVtnStore.LatestSchemaVersion, _database.ScalarInt64("PRAGMA user_version;"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_database_at_its_old_version()
    {
        await SqliteVtnStore.CreateAtVersionAsync(_database.Path, 1, Ct);
        _database.Execute(
            """
            INSERT INTO queue_entry VALUES ('ven-1', 1, 1, NULL);
            CREATE TABLE report_data (something_else TEXT);
            """);

        await Assert.ThrowsAsync<SqliteException>(() => _database.OpenAsync());

        Assert.Equal(1, _database.ScalarInt64("PRAGMA user_version;"));
        Assert.Equal(0, _database.ScalarInt64("SELECT count(*) FROM sqlite_master WHERE name = 'report_data_by_ven';"));
        Assert.Equal(1, _database.ScalarInt64("SELECT count(*) FROM queue_entry;"));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_untouched()
    {
        await (await _database.OpenAsync()).DisposeAsync();
        var newer = SqliteVtnStore.LatestSchemaVersion + 1;
        _database.Execute($"PRAGMA user_version = {newer}; PRAGMA journal_mode = DELETE;");

        var refusal = await Assert.ThrowsAsync<NotSupportedException>(() => _database.OpenAsync());

        Assert.Contains($"schema version {newer}", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(newer, _database.ScalarInt64("PRAGMA user_version;"));
        Assert.Equal("delete", _database.Scalar("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Reopening_an_up_to_date_database_keeps_its_data()
    {
        await using (var store = await _database.OpenAsync())
        {
            await store.CommitAsync([new SaveVen(Sample.Ven("ven-1")), new AppendReportData([Sample.Point("ven-1", 2)])], Ct);
        }

        await using (var store = await _database.OpenAsync())
        {
            Assert.Equal([Sample.Ven("ven-1")], (await store.LoadAsync(Ct)).Vens);
            Assert.Equal([Sample.Point("ven-1", 2)], await store.ReadReportDataAsync("ven-1", 10, Ct));
        }

        Assert.Equal(SqliteVtnStore.LatestSchemaVersion, _database.ScalarInt64("PRAGMA user_version;"));
    }
}
