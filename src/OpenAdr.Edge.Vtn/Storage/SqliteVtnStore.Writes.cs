using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace OpenAdr.Edge.Vtn.Storage;

public sealed partial class SqliteVtnStore
{
    private static readonly object s_true = 1L;
    private static readonly object s_false = 0L;

    private static long ToTicks(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks; // Unspecified is taken as UTC.

    private static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);

    private static object Boolean(bool value) => value ? s_true : s_false;

    private static object OrNull(object? value) => value ?? DBNull.Value;

    /// <summary>
    /// The writer's statements, prepared once on the writer's connection and reused for every change. Each command's
    /// parameters are in the order their names first appear in its SQL; the methods set them by that index.
    /// </summary>
    private sealed class WriteCommands : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly List<SqliteCommand> _all = [];
        private readonly SqliteCommand _begin;
        private readonly SqliteCommand _commit;
        private readonly SqliteCommand _rollback;
        private readonly SqliteCommand _saveVen;
        private readonly SqliteCommand _deleteVen;
        private readonly SqliteCommand _clearReportState;
        private readonly SqliteCommand _saveEvent;
        private readonly SqliteCommand _saveEventResponse;
        private readonly SqliteCommand _saveReportCapabilities;
        private readonly SqliteCommand _saveReportRequest;
        private readonly SqliteCommand _deleteReportRequest;
        private readonly SqliteCommand _appendReportData;
        private readonly SqliteCommand _deleteReportData;
        private readonly SqliteCommand _saveOpt;
        private readonly SqliteCommand _saveQueueEntry;
        private readonly SqliteCommand _deleteQueueEntry;
        private readonly SqliteCommand _saveAdmission;
        private readonly SqliteCommand _deleteAdmission;

        public WriteCommands(SqliteConnection connection)
        {
            _connection = connection;
            try
            {
                // The transaction is ours, not a SqliteTransaction: no per-batch objects, and commands need no enlisting.
                _begin = Prepare("BEGIN IMMEDIATE;");
                _commit = Prepare("COMMIT;");
                _rollback = Prepare("ROLLBACK;");

                _saveVen = Prepare("""
                    INSERT INTO ven (ven_id, registration_id, ven_name, fingerprint, profile, transport, transport_address,
                                     report_only, xml_signature, http_pull_model, registered_at)
                    VALUES ($ven_id, $registration_id, $ven_name, $fingerprint, $profile, $transport, $transport_address,
                            $report_only, $xml_signature, $http_pull_model, $registered_at)
                    ON CONFLICT (ven_id) DO UPDATE SET
                        registration_id = excluded.registration_id, ven_name = excluded.ven_name,
                        fingerprint = excluded.fingerprint, profile = excluded.profile, transport = excluded.transport,
                        transport_address = excluded.transport_address, report_only = excluded.report_only,
                        xml_signature = excluded.xml_signature, http_pull_model = excluded.http_pull_model,
                        registered_at = excluded.registered_at;
                    """);
                _deleteVen = Prepare("""
                    DELETE FROM ven WHERE ven_id = $ven_id;
                    DELETE FROM report_capabilities WHERE ven_id = $ven_id;
                    DELETE FROM report_request WHERE ven_id = $ven_id;
                    DELETE FROM queue_entry WHERE ven_id = $ven_id;
                    """);
                _clearReportState = Prepare("""
                    DELETE FROM report_capabilities WHERE ven_id = $ven_id;
                    DELETE FROM report_request WHERE ven_id = $ven_id;
                    """);
                _saveEvent = Prepare("""
                    INSERT INTO event (ven_id, event_id, modification_number, cancelled, closed, body, updated_at)
                    VALUES ($ven_id, $event_id, $modification_number, $cancelled, $closed, $body, $updated_at)
                    ON CONFLICT (ven_id, event_id) DO UPDATE SET
                        modification_number = excluded.modification_number, cancelled = excluded.cancelled,
                        closed = excluded.closed, body = excluded.body, updated_at = excluded.updated_at;
                    """);
                _saveEventResponse = Prepare("""
                    INSERT INTO event_response (ven_id, event_id, modification_number, opt, source, received_at)
                    VALUES ($ven_id, $event_id, $modification_number, $opt, $source, $received_at);
                    """);
                _saveReportCapabilities = Prepare("""
                    INSERT INTO report_capabilities (ven_id, body, received_at)
                    VALUES ($ven_id, $body, $received_at)
                    ON CONFLICT (ven_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at;
                    """);
                _saveReportRequest = Prepare("""
                    INSERT INTO report_request (ven_id, report_request_id, state, body, updated_at)
                    VALUES ($ven_id, $report_request_id, $state, $body, $updated_at)
                    ON CONFLICT (ven_id, report_request_id) DO UPDATE SET
                        state = excluded.state, body = excluded.body, updated_at = excluded.updated_at;
                    """);
                _deleteReportRequest = Prepare("""
                    DELETE FROM report_request WHERE ven_id = $ven_id AND report_request_id = $report_request_id;
                    """);
                _appendReportData = Prepare("""
                    INSERT INTO report_data (ven_id, report_request_id, r_id, start, duration, value, status, received_at)
                    VALUES ($ven_id, $report_request_id, $r_id, $start, $duration, $value, $status, $received_at);
                    """);
                // Rows arrive in id order, so the oldest are the first ids: the scan stops after $max rows.
                _deleteReportData = Prepare("""
                    DELETE FROM report_data
                    WHERE id IN (SELECT id FROM report_data ORDER BY id LIMIT $max) AND received_at < $received_before;
                    """);
                _saveOpt = Prepare("""
                    INSERT INTO opt (ven_id, opt_id, cancelled, body, updated_at)
                    VALUES ($ven_id, $opt_id, $cancelled, $body, $updated_at)
                    ON CONFLICT (ven_id, opt_id) DO UPDATE SET
                        cancelled = excluded.cancelled, body = excluded.body, updated_at = excluded.updated_at;
                    """);
                _saveQueueEntry = Prepare("""
                    INSERT INTO queue_entry (ven_id, sequence, kind, argument)
                    VALUES ($ven_id, $sequence, $kind, $argument);
                    """);
                _deleteQueueEntry = Prepare("""
                    DELETE FROM queue_entry WHERE ven_id = $ven_id AND sequence = $sequence;
                    """);
                _saveAdmission = Prepare("""
                    INSERT INTO admission (ven_name, state, fingerprint, updated_at) VALUES ($ven_name, $state, $fingerprint, $updated_at)
                    ON CONFLICT (ven_name) DO UPDATE SET state = excluded.state, fingerprint = excluded.fingerprint, updated_at = excluded.updated_at;
                    """);
                _deleteAdmission = Prepare("DELETE FROM admission WHERE ven_name = $ven_name;");
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public void Begin()
        {
            // A rollback that failed earlier (an I/O error) may have left a transaction open.
            RollbackIfActive();
            _begin.ExecuteNonQuery();
        }

        public void Commit() => _commit.ExecuteNonQuery();

        public void RollbackIfActive()
        {
            // Some errors (disk full, I/O) make SQLite roll the transaction back itself.
            if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                try
                {
                    _rollback.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // Nothing was committed either way; Begin tries again before the next transaction, so the writer
                    // lives on to write once the disk does.
                }
            }
        }

        public void Apply(StoreChange change)
        {
            // The most frequent first: report data, responses and the poll queue.
            switch (change)
            {
                case AppendReportData append:
                    AppendReportData(append.Points);
                    break;
                case DeleteReportData delete:
                    _deleteReportData.Parameters[0].Value = delete.MaxRows;
                    _deleteReportData.Parameters[1].Value = ToTicks(delete.ReceivedBefore);
                    delete.Deleted = _deleteReportData.ExecuteNonQuery();
                    break;
                case SaveEventResponse save:
                    SaveEventResponse(save.Response);
                    break;
                case SaveQueueEntry save:
                    SaveQueueEntry(save.Entry);
                    break;
                case DeleteQueueEntry delete:
                    Execute(_deleteQueueEntry, delete.VenId, delete.Sequence);
                    break;
                case SaveEvent save:
                    SaveEvent(save.Event);
                    break;
                case SaveOpt save:
                    SaveOpt(save.Opt);
                    break;
                case SaveReportRequest save:
                    SaveReportRequest(save.Request);
                    break;
                case DeleteReportRequest delete:
                    Execute(_deleteReportRequest, delete.VenId, delete.ReportRequestId);
                    break;
                case SaveReportCapabilities save:
                    SaveReportCapabilities(save.Capabilities);
                    break;
                case SaveVen save:
                    SaveVen(save.Ven);
                    break;
                case DeleteVen delete:
                    Execute(_deleteVen, delete.VenId);
                    break;
                case ClearReportState clear:
                    Execute(_clearReportState, clear.VenId);
                    break;
                case SaveAdmission save:
                    SaveAdmission(save.Admission);
                    break;
                case DeleteAdmission delete:
                    Execute(_deleteAdmission, delete.VenName);
                    break;
                case null:
                    throw new ArgumentException("A list of changes holds null.");
                default:
                    throw new NotSupportedException($"{change.GetType().Name} is not a change the SQLite store knows.");
            }
        }

        public void Dispose()
        {
            foreach (var command in _all)
            {
                command.Dispose();
            }
        }

        private void SaveVen(VenRecord ven)
        {
            var p = _saveVen.Parameters;
            p[0].Value = ven.VenId;
            p[1].Value = ven.RegistrationId;
            p[2].Value = OrNull(ven.VenName);
            p[3].Value = OrNull(ven.Fingerprint);
            p[4].Value = (long)ven.Profile;
            p[5].Value = (long)ven.Transport;
            p[6].Value = OrNull(ven.TransportAddress);
            p[7].Value = Boolean(ven.ReportOnly);
            p[8].Value = Boolean(ven.XmlSignature);
            p[9].Value = Boolean(ven.HttpPullModel);
            p[10].Value = ToTicks(ven.RegisteredAt);
            _saveVen.ExecuteNonQuery();
        }

        private void SaveEvent(EventRecord record)
        {
            var p = _saveEvent.Parameters;
            p[0].Value = record.VenId;
            p[1].Value = record.EventId;
            p[2].Value = (long)record.ModificationNumber;
            p[3].Value = Boolean(record.Cancelled);
            p[4].Value = Boolean(record.Closed);
            p[5].Value = record.Body;
            p[6].Value = ToTicks(record.UpdatedAt);
            _saveEvent.ExecuteNonQuery();
        }

        private void SaveEventResponse(EventResponseRecord response)
        {
            var p = _saveEventResponse.Parameters;
            p[0].Value = response.VenId;
            p[1].Value = response.EventId;
            p[2].Value = (long)response.ModificationNumber;
            p[3].Value = (long)response.Opt;
            p[4].Value = (long)response.Source;
            p[5].Value = ToTicks(response.ReceivedAt);
            _saveEventResponse.ExecuteNonQuery();
        }

        private void SaveReportCapabilities(ReportCapabilitiesRecord capabilities)
        {
            var p = _saveReportCapabilities.Parameters;
            p[0].Value = capabilities.VenId;
            p[1].Value = capabilities.Body;
            p[2].Value = ToTicks(capabilities.ReceivedAt);
            _saveReportCapabilities.ExecuteNonQuery();
        }

        private void SaveReportRequest(ReportRequestRecord request)
        {
            var p = _saveReportRequest.Parameters;
            p[0].Value = request.VenId;
            p[1].Value = request.ReportRequestId;
            p[2].Value = (long)request.State;
            p[3].Value = request.Body;
            p[4].Value = ToTicks(request.UpdatedAt);
            _saveReportRequest.ExecuteNonQuery();
        }

        private void AppendReportData(IReadOnlyList<ReportDataRecord> points)
        {
            var p = _appendReportData.Parameters;
            for (var i = 0; i < points.Count; i++)
            {
                var point = points[i];
                p[0].Value = point.VenId;
                p[1].Value = point.ReportRequestId;
                p[2].Value = point.RId;
                p[3].Value = ToTicks(point.Start);
                p[4].Value = point.Duration is { } duration ? duration.Ticks : DBNull.Value;
                p[5].Value = point.Value is { } value ? value : DBNull.Value;
                p[6].Value = OrNull(point.Status);
                p[7].Value = ToTicks(point.ReceivedAt);
                _appendReportData.ExecuteNonQuery();
            }
        }

        private void SaveAdmission(AdmissionRecord admission)
        {
            var p = _saveAdmission.Parameters;
            p[0].Value = admission.VenName;
            p[1].Value = (long)admission.State;
            p[2].Value = OrNull(admission.Fingerprint);
            p[3].Value = ToTicks(admission.UpdatedAt);
            _saveAdmission.ExecuteNonQuery();
        }

        private void SaveOpt(OptRecord opt)
        {
            var p = _saveOpt.Parameters;
            p[0].Value = opt.VenId;
            p[1].Value = opt.OptId;
            p[2].Value = Boolean(opt.Cancelled);
            p[3].Value = opt.Body;
            p[4].Value = ToTicks(opt.UpdatedAt);
            _saveOpt.ExecuteNonQuery();
        }

        private void SaveQueueEntry(QueueEntryRecord entry)
        {
            var p = _saveQueueEntry.Parameters;
            p[0].Value = entry.VenId;
            p[1].Value = entry.Sequence;
            p[2].Value = (long)entry.Kind;
            p[3].Value = OrNull(entry.Argument);
            _saveQueueEntry.ExecuteNonQuery();
        }

        private static void Execute(SqliteCommand command, object first, object? second = null)
        {
            var p = command.Parameters;
            p[0].Value = first;
            if (second is not null)
            {
                p[1].Value = second;
            }

            command.ExecuteNonQuery();
        }

        private SqliteCommand Prepare(string sql)
        {
            var command = _connection.CreateCommand();
            _all.Add(command);
            command.CommandText = sql;
            foreach (var name in ParameterNames(sql))
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            command.Prepare();
            return command;
        }

        private static List<string> ParameterNames(string sql)
        {
            var names = new List<string>();
            for (var i = 0; i < sql.Length; i++)
            {
                if (sql[i] != '$')
                {
                    continue;
                }

                var end = i + 1;
                while (end < sql.Length && (char.IsAsciiLetterOrDigit(sql[end]) || sql[end] == '_'))
                {
                    end++;
                }

                var name = sql[i..end];
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                i = end - 1;
            }

            return names;
        }
    }
}
