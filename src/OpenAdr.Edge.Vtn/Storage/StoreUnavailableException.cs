using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace OpenAdr.Edge.Vtn.Storage;

/// <summary>Why the database cannot be written at the moment.</summary>
public enum StoreUnavailableReason
{
    /// <summary>No space left (SQLITE_FULL): the disk, or the database's size limit.</summary>
    DiskFull,

    /// <summary>The file, its directory or the file system refuses writes (SQLITE_READONLY).</summary>
    ReadOnly,

    /// <summary>The operating system failed a read or write (SQLITE_IOERR).</summary>
    IoError,
}

/// <summary>
/// A commit failed because the database cannot be written now (disk full, read-only, I/O error), not because of
/// what it held: nothing of it was written, and the same commit may succeed later. The transport answers 503 with
/// <c>Retry-After</c>.
/// </summary>
public sealed class StoreUnavailableException : IOException
{
    public StoreUnavailableException(StoreUnavailableReason reason, string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public StoreUnavailableReason Reason { get; }

    /// <summary>A short phrase for log lines and answers: "disk full", "read-only", "I/O error".</summary>
    public string Describe() => Describe(Reason);

    public static string Describe(StoreUnavailableReason reason) => reason switch
    {
        StoreUnavailableReason.DiskFull => "disk full",
        StoreUnavailableReason.ReadOnly => "read-only",
        _ => "I/O error",
    };

    /// <summary>The exception a failed transaction becomes: this one for the SQLite errors that mean "cannot write now", else itself.</summary>
    internal static Exception Classify(Exception exception, string path)
    {
        if (exception is not SqliteException sqlite)
        {
            return exception;
        }

        // The primary result code is the low byte of an extended one (SQLITE_IOERR_FSYNC is SQLITE_IOERR | 4 << 8).
        StoreUnavailableReason? reason = (sqlite.SqliteErrorCode & 0xFF) switch
        {
            13 => StoreUnavailableReason.DiskFull,
            8 => StoreUnavailableReason.ReadOnly,
            10 => StoreUnavailableReason.IoError,
            _ => null,
        };
        return reason is { } known
            ? new StoreUnavailableException(known, $"The VTN store {path} cannot be written ({Describe(known)}): {sqlite.Message}", sqlite)
            : exception;
    }
}
