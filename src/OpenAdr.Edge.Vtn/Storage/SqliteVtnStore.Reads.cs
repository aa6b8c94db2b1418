using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Storage;

public sealed partial class SqliteVtnStore
{
    /// <inheritdoc />
    public async Task LoadAsync(IStoredStateReceiver receiver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        await EnterReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One read transaction: every record comes from the same snapshot, whatever the writer commits meanwhile.
            var transaction = _readConnection.BeginTransaction(deferred: true);
            await using (transaction.ConfigureAwait(false))
            {
                await ReadEachAsync(
                    transaction,
                    """
                    SELECT ven_id, registration_id, ven_name, fingerprint, profile, transport, transport_address,
                           report_only, xml_signature, http_pull_model, registered_at
                    FROM ven ORDER BY ven_id;
                    """,
                    r => receiver.Ven(new VenRecord(
                        r.GetString(0),
                        r.GetString(1),
                        NullableString(r, 2),
                        NullableString(r, 3),
                        (OadrProfileName)r.GetInt32(4),
                        (OadrTransportName)r.GetInt32(5),
                        NullableString(r, 6),
                        r.GetBoolean(7),
                        r.GetBoolean(8),
                        r.GetBoolean(9),
                        FromTicks(r.GetInt64(10)))),
                    cancellationToken).ConfigureAwait(false);

                await ReadEachAsync(
                    transaction,
                    """
                    SELECT ven_id, event_id, modification_number, cancelled, closed, body, updated_at
                    FROM event WHERE closed = 0 ORDER BY ven_id, event_id;
                    """,
                    r => receiver.OpenEvent(new EventRecord(
                        r.GetString(0),
                        r.GetString(1),
                        checked((uint)r.GetInt64(2)),
                        r.GetBoolean(3),
                        r.GetBoolean(4),
                        Blob(r, 5),
                        FromTicks(r.GetInt64(6)))),
                    cancellationToken).ConfigureAwait(false);

                await ReadEachAsync(
                    transaction,
                    """
                    SELECT r.ven_id, r.event_id, r.modification_number, r.opt, r.source, r.received_at
                    FROM event e
                    JOIN event_response r ON r.id = (
                        SELECT max(id) FROM event_response WHERE ven_id = e.ven_id AND event_id = e.event_id)
                    WHERE e.closed = 0
                    ORDER BY e.ven_id, e.event_id;
                    """,
                    r => receiver.LatestEventResponse(ReadEventResponse(r)),
                    cancellationToken).ConfigureAwait(false);

                await ReadEachAsync(
                    transaction,
                    "SELECT ven_id, body, received_at FROM report_capabilities ORDER BY ven_id;",
                    r => receiver.ReportCapabilities(new ReportCapabilitiesRecord(r.GetString(0), Blob(r, 1), FromTicks(r.GetInt64(2)))),
                    cancellationToken).ConfigureAwait(false);

                await ReadEachAsync(
                    transaction,
                    """
                    SELECT ven_id, report_request_id, state, body, updated_at
                    FROM report_request ORDER BY ven_id, report_request_id;
                    """,
                    r => receiver.ReportRequest(new ReportRequestRecord(
                        r.GetString(0),
                        r.GetString(1),
                        (ReportRequestState)r.GetInt32(2),
                        Blob(r, 3),
                        FromTicks(r.GetInt64(4)))),
                    cancellationToken).ConfigureAwait(false);

                await ReadEachAsync(
                    transaction,
                    "SELECT ven_id, opt_id, cancelled, body, updated_at FROM opt WHERE cancelled = 0 ORDER BY ven_id, opt_id;",
                    r => receiver.OpenOpt(new OptRecord(r.GetString(0), r.GetString(1), r.GetBoolean(2), Blob(r, 3), FromTicks(r.GetInt64(4)))),
                    cancellationToken).ConfigureAwait(false);

                await ReadEachAsync(
                    transaction,
                    "SELECT ven_id, sequence, kind, argument FROM queue_entry ORDER BY ven_id, sequence;",
                    r => receiver.QueueEntry(new QueueEntryRecord(r.GetString(0), r.GetInt64(1), (QueuedMessageKind)r.GetInt32(2), NullableString(r, 3))),
                    cancellationToken).ConfigureAwait(false);

                await ReadEachAsync(
                    transaction,
                    "SELECT ven_name, state, fingerprint, updated_at FROM admission ORDER BY ven_name;",
                    r => receiver.Admission(new AdmissionRecord(r.GetString(0), (AdmissionState)r.GetInt32(1), NullableString(r, 2), FromTicks(r.GetInt64(3)))),
                    cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _readLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>The first <paramref name="limit"/> points stored for the VEN, in the order they were appended.</remarks>
    public async Task<IReadOnlyList<ReportDataRecord>> ReadReportDataAsync(string venId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(venId);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await EnterReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await QueryAsync(
                transaction: null,
                """
                SELECT ven_id, report_request_id, r_id, start, duration, value, status, received_at
                FROM report_data WHERE ven_id = $ven_id ORDER BY id LIMIT $limit;
                """,
                static r => new ReportDataRecord(
                    r.GetString(0),
                    r.GetString(1),
                    r.GetString(2),
                    FromTicks(r.GetInt64(3)),
                    r.IsDBNull(4) ? null : new TimeSpan(r.GetInt64(4)),
                    r.IsDBNull(5) ? null : r.GetDouble(5),
                    NullableString(r, 6),
                    FromTicks(r.GetInt64(7))),
                cancellationToken,
                ("$ven_id", venId),
                ("$limit", limit)).ConfigureAwait(false);
        }
        finally
        {
            _readLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventResponseRecord>> ReadEventResponsesAsync(string venId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(venId);
        ArgumentNullException.ThrowIfNull(eventId);
        await EnterReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await QueryAsync(
                transaction: null,
                """
                SELECT ven_id, event_id, modification_number, opt, source, received_at
                FROM event_response WHERE ven_id = $ven_id AND event_id = $event_id ORDER BY id;
                """,
                ReadEventResponse,
                cancellationToken,
                ("$ven_id", venId),
                ("$event_id", eventId)).ConfigureAwait(false);
        }
        finally
        {
            _readLock.Release();
        }
    }

    private static EventResponseRecord ReadEventResponse(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        checked((uint)r.GetInt64(2)),
        (OptType)r.GetInt32(3),
        (EventResponseSource)r.GetInt32(4),
        FromTicks(r.GetInt64(5)));

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static byte[] Blob(SqliteDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    private async Task<List<T>> QueryAsync<T>(
        SqliteTransaction? transaction,
        string sql,
        Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        var rows = new List<T>();
        await ReadEachAsync(transaction, sql, r => rows.Add(map(r)), cancellationToken, parameters).ConfigureAwait(false);
        return rows;
    }

    private async Task ReadEachAsync(
        SqliteTransaction? transaction,
        string sql,
        Action<SqliteDataReader> each,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        var command = _readConnection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    each(reader);
                }
            }
        }
    }
}
