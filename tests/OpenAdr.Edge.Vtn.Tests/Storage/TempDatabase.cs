using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using OpenAdr.Edge.Vtn.Storage;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Storage;

/// <summary>A database file in a directory of its own under the temp folder, deleted with everything in it.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "openadr-vtn-tests", Guid.NewGuid().ToString("N"));

        // Two levels the store has to create itself.
        Path = System.IO.Path.Combine(Root, "state", "vtn", "vtn.db");
    }

    public string Root { get; }

    public string Path { get; }

    public Task<SqliteVtnStore> OpenAsync() => SqliteVtnStore.OpenAsync(Path, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>A connection of the test's own, beside the store's.</summary>
    public SqliteConnection Connect()
    {
        SqliteVtnStore.EnsureSqliteProvider();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Connect();
        return Scalar(connection, sql);
    }

    public long ScalarInt64(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    public void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Takes SQLite's write lock until disposed: the store's writer waits for it, its readers do not.</summary>
    public WriteLock HoldWriteLock() => new(Connect());

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal sealed class WriteLock : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;

        public WriteLock(SqliteConnection connection)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction(deferred: false);
        }

        public void Dispose()
        {
            _transaction.Commit();
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}

internal static class Wait
{
    /// <summary>Polls until the condition holds; fails the test after ten seconds.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The writer has taken every commit requested so far (and, behind a write lock, is stuck on the first).</summary>
    public static Task UntilWriterTookEverythingAsync(SqliteVtnStore store) =>
        UntilAsync(() => store.PendingCommits == 0, "the writer took every pending commit");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
