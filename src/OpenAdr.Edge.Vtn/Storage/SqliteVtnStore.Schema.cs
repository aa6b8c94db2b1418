using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenAdr.Edge.Vtn.Storage;

public sealed partial class SqliteVtnStore
{
    /// <summary>
    /// The schema, one step per version: step <c>i</c> takes a database from <c>user_version</c> <c>i</c> to <c>i + 1</c>.
    /// A shipped step is never edited; a change is a new step at the end.
    /// </summary>
    /// <remarks>
    /// Times are UTC ticks, durations ticks, enums their integer value, booleans 0 or 1. There are no foreign keys on
    /// purpose: events, responses, report data and opts outlive their VEN's registration as history.
    /// </remarks>
    private static readonly string[] s_migrations =
    [
        // 1: registrations, events and the responses to them, report capabilities and requests, opts, poll queues.
        """
        CREATE TABLE ven (
            ven_id TEXT NOT NULL PRIMARY KEY,
            registration_id TEXT NOT NULL,
            ven_name TEXT,
            fingerprint TEXT,
            profile INTEGER NOT NULL,
            transport INTEGER NOT NULL,
            transport_address TEXT,
            report_only INTEGER NOT NULL,
            xml_signature INTEGER NOT NULL,
            http_pull_model INTEGER NOT NULL,
            registered_at INTEGER NOT NULL
        );

        CREATE TABLE event (
            ven_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            modification_number INTEGER NOT NULL,
            cancelled INTEGER NOT NULL,
            closed INTEGER NOT NULL,
            body BLOB NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (ven_id, event_id)
        );

        -- The rowid is the order responses arrived in: the latest one is the largest.
        CREATE TABLE event_response (
            id INTEGER PRIMARY KEY,
            ven_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            modification_number INTEGER NOT NULL,
            opt INTEGER NOT NULL,
            source INTEGER NOT NULL,
            received_at INTEGER NOT NULL
        );
        CREATE INDEX event_response_by_event ON event_response (ven_id, event_id, id);

        CREATE TABLE report_capabilities (
            ven_id TEXT NOT NULL PRIMARY KEY,
            body BLOB NOT NULL,
            received_at INTEGER NOT NULL
        );

        CREATE TABLE report_request (
            ven_id TEXT NOT NULL,
            report_request_id TEXT NOT NULL,
            state INTEGER NOT NULL,
            body BLOB NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (ven_id, report_request_id)
        );

        CREATE TABLE opt (
            ven_id TEXT NOT NULL,
            opt_id TEXT NOT NULL,
            cancelled INTEGER NOT NULL,
            body BLOB NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (ven_id, opt_id)
        );

        -- Plain inserts: a sequence saved twice is a bug of the caller, and the commit that does it fails.
        CREATE TABLE queue_entry (
            ven_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            argument TEXT,
            PRIMARY KEY (ven_id, sequence)
        );
        """,

        // 2: report data, the one table that grows with every oadrUpdateReport.
        """
        -- The rowid is the order points arrived in; an index on ven_id alone is ordered by (ven_id, rowid).
        CREATE TABLE report_data (
            id INTEGER PRIMARY KEY,
            ven_id TEXT NOT NULL,
            report_request_id TEXT NOT NULL,
            r_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            duration INTEGER,
            value REAL,
            status TEXT,
            received_at INTEGER NOT NULL
        );
        CREATE INDEX report_data_by_ven ON report_data (ven_id);
        """,

        // 3: admission decisions by VEN name (the binary's default policy; a library user may ignore them).
        """
        CREATE TABLE admission (
            ven_name TEXT NOT NULL PRIMARY KEY,
            state INTEGER NOT NULL,
            fingerprint TEXT,
            updated_at INTEGER NOT NULL
        );
        """,
    ];

    /// <summary>The <c>user_version</c> this code writes.</summary>
    internal static int LatestSchemaVersion => s_migrations.Length;

    /// <summary>Creates (or brings up to) a database at an older schema version, as an older build would have left it.</summary>
    internal static async Task CreateAtVersionAsync(string path, int version, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, LatestSchemaVersion);
        var fullPath = Path.GetFullPath(path);
        var connection = await OpenWriteConnectionAsync(fullPath, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await MigrateAsync(connection, fullPath, version, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sets the SQLite provider once per process, before the first connection opens.</summary>
    internal static void EnsureSqliteProvider() => SqliteProvider.Ensure();

    private static async Task<SqliteConnection> OpenWriteConnectionAsync(string fullPath, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = await OpenConnectionAsync(fullPath, SqliteOpenMode.ReadWriteCreate, cancellationToken).ConfigureAwait(false);
        try
        {
            // Refuse a newer database before touching it, not even to change its journal mode.
            ThrowIfNewer(await ReadUserVersionAsync(connection, cancellationToken).ConfigureAwait(false), fullPath);

            var journalMode = await ExecuteScalarAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            if (!string.Equals(journalMode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL journal mode for {fullPath} (it answered '{journalMode}').");
            }

            // FULL: in WAL mode every commit syncs the log, so an acknowledged commit survives a power loss.
            // journal_size_limit: the log shrinks back after a checkpoint instead of keeping its largest size.
            await ExecuteScalarAsync(connection, "PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 67108864;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Task<SqliteConnection> OpenReadConnectionAsync(string fullPath, CancellationToken cancellationToken) =>
        OpenConnectionAsync(fullPath, SqliteOpenMode.ReadOnly, cancellationToken);

    private static async Task<SqliteConnection> OpenConnectionAsync(string fullPath, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        SqliteProvider.Ensure();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = mode,
            Cache = SqliteCacheMode.Private,

            // The store keeps its connections for its whole life; a pool would only keep the file open after disposal.
            Pooling = false,
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteScalarAsync(connection, "PRAGMA busy_timeout = 5000;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Applies the missing steps up to <paramref name="targetVersion"/> in one transaction; returns the version reached.</summary>
    private static async Task<int> MigrateAsync(SqliteConnection connection, string fullPath, int targetVersion, ILogger logger, CancellationToken cancellationToken)
    {
        // IMMEDIATE: hold the write lock before reading the version, so no one else migrates between the read and the steps.
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            var current = await ReadUserVersionAsync(connection, cancellationToken, transaction).ConfigureAwait(false);
            ThrowIfNewer(current, fullPath);
            if (current >= targetVersion)
            {
                return current;
            }

            for (var version = current + 1; version <= targetVersion; version++)
            {
                var script = s_migrations[version - 1] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {version};");
                await ExecuteScalarAsync(connection, script, cancellationToken, transaction).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            Log.Migrated(logger, fullPath, current, targetVersion);
            return targetVersion;
        }
    }

    private static void ThrowIfNewer(int version, string fullPath)
    {
        if (version > LatestSchemaVersion)
        {
            throw new NotSupportedException(
                $"The VTN store {fullPath} has schema version {version}, newer than the {LatestSchemaVersion} this build knows: " +
                "it was written by a newer version of OpenAdr.Edge. Refusing to open it rather than risk damaging it.");
        }
    }

    private static async Task<int> ReadUserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        Convert.ToInt32(await ExecuteScalarAsync(connection, "PRAGMA user_version;", cancellationToken, transaction).ConfigureAwait(false), CultureInfo.InvariantCulture);

    private static async Task<object?> ExecuteScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            command.Transaction = transaction;
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static class SqliteProvider
    {
        private static readonly Lock s_lock = new();
        private static volatile bool s_set;

        public static void Ensure()
        {
            if (s_set)
            {
                return;
            }

            lock (s_lock)
            {
                if (!s_set)
                {
                    // No SQLitePCLRaw bundle is referenced: the native-AOT host links SQLite statically as e_sqlite3.
                    SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
                    s_set = true;
                }
            }
        }
    }
}
