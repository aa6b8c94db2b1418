using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenAdr.Edge.Vtn.Storage;

/// <summary>
/// The VTN's store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so an acknowledged commit survives a power
/// loss. One writer thread takes every waiting <see cref="CommitAsync"/> and applies them all in a single transaction
/// (group commit: many concurrent commits cost one fsync); reads use a connection of their own beside it.
/// </summary>
public sealed partial class SqliteVtnStore : IVtnStore
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly SqliteConnection _writeConnection;
    private readonly WriteCommands _writeCommands;
    private readonly SqliteConnection _readConnection;
    private readonly SemaphoreSlim _readLock = new(1, 1);

    // Only the writer reads, but SingleReader is left off: that channel cannot count what waits (PendingCommits).
    private readonly Channel<CommitRequest> _requests = Channel.CreateUnbounded<CommitRequest>();

    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _writerFailure;
    private StoreUnavailableException? _writeFailure;
    private long _failedSinceWritable;
    private long _transactionsCommitted;
    private int _disposed;

    private SqliteVtnStore(string path, ILogger logger, SqliteConnection writeConnection, WriteCommands writeCommands, SqliteConnection readConnection)
    {
        _path = path;
        _logger = logger;
        _writeConnection = writeConnection;
        _writeCommands = writeCommands;
        _readConnection = readConnection;
        new Thread(RunWriter) { IsBackground = true, Name = "OpenAdr VTN store writer" }.Start();
    }

    /// <summary>Transactions the writer has committed; fewer than the commits requested when they were grouped.</summary>
    internal long TransactionsCommitted => Interlocked.Read(ref _transactionsCommitted);

    /// <summary>Commits waiting for the writer to take them.</summary>
    internal int PendingCommits => _requests.Reader.Count;

    /// <summary>
    /// Why the last transaction failed, when it failed because the database cannot be written now (disk full,
    /// read-only, I/O error); null while writes succeed. The next transaction that succeeds clears it.
    /// </summary>
    public StoreUnavailableException? WriteFailure => Volatile.Read(ref _writeFailure);

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the file and its directories when they are missing and
    /// bringing an older schema up to date.
    /// </summary>
    /// <exception cref="NotSupportedException">The database was written by a newer version of this software.</exception>
    public static async Task<SqliteVtnStore> OpenAsync(string path, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        logger ??= NullLogger.Instance;
        var fullPath = Path.GetFullPath(path);

        SqliteConnection? writeConnection = null;
        WriteCommands? writeCommands = null;
        SqliteConnection? readConnection = null;
        try
        {
            writeConnection = await OpenWriteConnectionAsync(fullPath, cancellationToken).ConfigureAwait(false);
            var version = await MigrateAsync(writeConnection, fullPath, LatestSchemaVersion, logger, cancellationToken).ConfigureAwait(false);
            writeCommands = new WriteCommands(writeConnection);
            readConnection = await OpenReadConnectionAsync(fullPath, cancellationToken).ConfigureAwait(false);
            Log.Opened(logger, fullPath, version);
            return new SqliteVtnStore(fullPath, logger, writeConnection, writeCommands, readConnection);
        }
        catch
        {
            writeCommands?.Dispose();
            if (writeConnection is not null)
            {
                await writeConnection.DisposeAsync().ConfigureAwait(false);
            }

            if (readConnection is not null)
            {
                await readConnection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Applies the changes in one transaction, grouped with every other commit waiting at that moment. The task
    /// completes once the transaction is durable, or fails with the exception that stopped this list of changes.
    /// </summary>
    /// <remarks>
    /// When a grouped transaction fails, each of its commits is retried alone, so one bad change fails only the commit
    /// that holds it. <paramref name="cancellationToken"/> is honoured until the writer takes the commit, never after:
    /// a cancelled task always means nothing was written.
    /// </remarks>
    public Task CommitAsync(IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        var request = new CommitRequest(changes, cancellationToken);
        if (!_requests.Writer.TryWrite(request))
        {
            ThrowClosed();
        }

        return request.Task;
    }

    /// <summary>Lets every commit already requested finish, then stops the writer and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _writerStopped.Task.ConfigureAwait(false);
            return;
        }

        _requests.Writer.TryComplete();

        // The read-only connection closes before the writer's: the last connection to close folds the log into the
        // database file and deletes it, so a stopped VTN leaves one file to copy, and only a connection that may write
        // can do that.
        await _readLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _readConnection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _readLock.Release();
        }

        await _writerStopped.Task.ConfigureAwait(false);
        Log.Closed(_logger, _path);
    }

    private void ThrowClosed()
    {
        if (_writerFailure is { } failure)
        {
            throw new InvalidOperationException($"The store writer of {_path} stopped after a failure; nothing more can be committed.", failure);
        }

        throw new ObjectDisposedException(nameof(SqliteVtnStore));
    }

    private void RunWriter()
    {
        var reader = _requests.Reader;
        var batch = new List<CommitRequest>();
        try
        {
            while (WaitForRequests(reader))
            {
                while (reader.TryRead(out var request))
                {
                    if (request is WriterStatement statement)
                    {
                        WriteBatch(CollectionsMarshal.AsSpan(batch));
                        batch.Clear();
                        statement.Run(_writeConnection);
                    }
                    else if (request.CancellationToken.IsCancellationRequested)
                    {
                        request.TrySetCanceled(request.CancellationToken);
                    }
                    else
                    {
                        batch.Add(request);
                    }
                }

                if (batch.Count > 0)
                {
                    WriteBatch(CollectionsMarshal.AsSpan(batch));
                    batch.Clear();
                }
            }
        }
        catch (Exception exception)
        {
            // A failing change never gets here (WriteBatch turns it into its commit's exception): the connection itself
            // broke. Fail what is in hand and what waits, and refuse what comes.
            Log.WriterStopped(_logger, _path, exception);
            _writerFailure = exception;
            _requests.Writer.TryComplete(exception);
            foreach (var request in batch)
            {
                request.TrySetException(exception);
            }

            while (reader.TryRead(out var request))
            {
                request.TrySetException(exception);
            }
        }
        finally
        {
            _writeCommands.Dispose();
            _writeConnection.Dispose();
            _writerStopped.TrySetResult();
        }
    }

    private static bool WaitForRequests(ChannelReader<CommitRequest> reader)
    {
        // The writer owns its thread, so blocking here costs the thread pool nothing.
        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void WriteBatch(ReadOnlySpan<CommitRequest> batch)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        var failure = TryWriteTransaction(batch);
        if (failure is null)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.BatchCommitted(_logger, batch.Length, CountChanges(batch));
            }

            foreach (var request in batch)
            {
                request.TrySetResult();
            }

            return;
        }

        if (batch.Length == 1)
        {
            Fail(batch[0], failure);
            return;
        }

        // The grouped transaction is gone as a whole; give each commit its own so a neighbour's bad change does not
        // fail it (on a full disk, a small commit may still fit). This costs one fsync per commit, but only on this path.
        if (failure is not StoreUnavailableException)
        {
            Log.BatchFailed(_logger, batch.Length, failure);
        }

        for (var i = 0; i < batch.Length; i++)
        {
            var alone = batch.Slice(i, 1);
            var aloneFailure = TryWriteTransaction(alone);
            if (aloneFailure is null)
            {
                alone[0].TrySetResult();
            }
            else
            {
                Fail(alone[0], aloneFailure);
            }
        }
    }

    private void Fail(CommitRequest request, Exception failure)
    {
        // A database that cannot be written is announced once when it starts and once when it ends (TryWriteTransaction),
        // not at every commit it fails.
        if (failure is not StoreUnavailableException)
        {
            Log.CommitFailed(_logger, request.Changes.Count, failure);
        }

        request.TrySetException(failure);
    }

    private Exception? TryWriteTransaction(ReadOnlySpan<CommitRequest> requests)
    {
        try
        {
            _writeCommands.Begin();
            foreach (var request in requests)
            {
                var changes = request.Changes;
                for (var i = 0; i < changes.Count; i++)
                {
                    _writeCommands.Apply(changes[i]);
                }
            }

            _writeCommands.Commit();
        }
        catch (Exception exception)
        {
            _writeCommands.RollbackIfActive();
            var failure = StoreUnavailableException.Classify(exception, _path);
            if (failure is StoreUnavailableException unavailable)
            {
                if (_writeFailure?.Reason != unavailable.Reason)
                {
                    Log.NotWritable(_logger, _path, unavailable.Describe(), unavailable.InnerException!.Message);
                }

                _failedSinceWritable++;
                Volatile.Write(ref _writeFailure, unavailable);
            }

            return failure;
        }

        Interlocked.Increment(ref _transactionsCommitted);
        if (_writeFailure is { } recovered)
        {
            Log.WritableAgain(_logger, _path, _failedSinceWritable, recovered.Describe());
            _failedSinceWritable = 0;
            Volatile.Write(ref _writeFailure, null);
        }

        return null;
    }

    /// <summary>
    /// Runs one SQL statement on the writer's connection, on the writer's thread, between two transactions: for tests
    /// that make the database full (<c>PRAGMA max_page_count</c>) or read-only (<c>PRAGMA query_only</c>).
    /// </summary>
    internal Task ExecuteOnWriterAsync(string sql)
    {
        var statement = new WriterStatement(sql);
        if (!_requests.Writer.TryWrite(statement))
        {
            ThrowClosed();
        }

        return statement.Task;
    }

    private static int CountChanges(ReadOnlySpan<CommitRequest> batch)
    {
        var count = 0;
        foreach (var request in batch)
        {
            count += request.Changes.Count;
        }

        return count;
    }

    private async ValueTask EnterReadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _readLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _disposed) != 0)
        {
            _readLock.Release();
            throw new ObjectDisposedException(nameof(SqliteVtnStore));
        }
    }

    private class CommitRequest(IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken)
        : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public IReadOnlyList<StoreChange> Changes { get; } = changes;

        public CancellationToken CancellationToken { get; } = cancellationToken;
    }

    private sealed class WriterStatement(string sql) : CommitRequest([], default)
    {
        public void Run(SqliteConnection connection)
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
                TrySetResult();
            }
            catch (SqliteException e)
            {
                TrySetException(e);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2000, LogLevel.Information, "Opened the VTN store {Path} at schema version {Version}")]
        public static partial void Opened(ILogger logger, string path, int version);

        [LoggerMessage(2001, LogLevel.Information, "Migrated the VTN store {Path} from schema version {FromVersion} to {ToVersion}")]
        public static partial void Migrated(ILogger logger, string path, int fromVersion, int toVersion);

        [LoggerMessage(2002, LogLevel.Debug, "Committed {Commits} commits ({Changes} changes) in one transaction")]
        public static partial void BatchCommitted(ILogger logger, int commits, int changes);

        [LoggerMessage(2003, LogLevel.Warning, "A transaction grouping {Commits} commits failed; retrying each commit in a transaction of its own")]
        public static partial void BatchFailed(ILogger logger, int commits, Exception exception);

        [LoggerMessage(2004, LogLevel.Error, "A commit of {Changes} changes failed and was not written")]
        public static partial void CommitFailed(ILogger logger, int changes, Exception exception);

        [LoggerMessage(2005, LogLevel.Critical, "The writer of the VTN store {Path} stopped; no further commit can succeed")]
        public static partial void WriterStopped(ILogger logger, string path, Exception exception);

        [LoggerMessage(2006, LogLevel.Information, "Closed the VTN store {Path}")]
        public static partial void Closed(ILogger logger, string path);

        [LoggerMessage(2007, LogLevel.Error, "The VTN store {Path} cannot be written ({Reason}: {Detail}); commits fail and VENs get 503 until a write succeeds")]
        public static partial void NotWritable(ILogger logger, string path, string reason, string detail);

        [LoggerMessage(2008, LogLevel.Information, "The VTN store {Path} is written again, after {Failed} failed transactions ({Reason})")]
        public static partial void WritableAgain(ILogger logger, string path, long failed, string reason);
    }
}
