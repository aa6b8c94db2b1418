using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;

namespace OpenAdr.Edge.CrashTest;

/// <summary>
/// The checks after a kill: the database file is sound (before the restart), and after the restart the operator API
/// shows every acknowledged write, event IDs are unique, modification numbers have not gone back, and a VEN with an
/// event it never received gets it at its next poll.
/// </summary>
internal static class Verifier
{
    private static int s_providerSet;

    /// <summary><c>PRAGMA integrity_check</c> over a read-only connection: "ok", or what SQLite found.</summary>
    public static string IntegrityCheck(string database)
    {
        if (Interlocked.Exchange(ref s_providerSet, 1) == 0)
        {
            SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return string.Join("; ", rows);
    }

    /// <summary>Checks every acknowledged write of every run so far; returns how many were checked (and queues polled).</summary>
    public static async Task<long> VerifyAsync(EdgeProcess edge, OperatorApi api, Ledger ledger, Action<string> violation, CancellationToken cancellationToken)
    {
        long checks = 0;
        var vens = (await api.GetVensAsync(cancellationToken)).ToDictionary(v => v.VenId, StringComparer.Ordinal);
        await Parallel.ForEachAsync(ledger.VenIds(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (venId, token) =>
        {
            var count = await VerifyVenAsync(edge, api, ledger, ledger.Snapshot(venId), vens, violation, token);
            Interlocked.Add(ref checks, count);
        });
        return checks;
    }

    private static async Task<long> VerifyVenAsync(
        EdgeProcess edge, OperatorApi api, Ledger ledger, VenEntry ven, Dictionary<string, VenDto> vens, Action<string> violation, CancellationToken cancellationToken)
    {
        long checks = 1;
        if (!vens.TryGetValue(ven.VenId, out var listed) || !listed.Registered)
        {
            violation($"registration of {ven.VenId} ({ven.VenName}) was acknowledged but is {(listed is null ? "missing" : "not registered")}");
            return checks;
        }

        var events = await api.GetEventsAsync(ven.VenId, cancellationToken);
        foreach (var duplicate in events.GroupBy(e => e.EventId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            violation($"GET /api/vens/{ven.VenId}/events lists event {duplicate.Key} {duplicate.Count()} times");
        }

        var byId = events.GroupBy(e => e.EventId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var entry in ven.Events.Values)
        {
            // The event, each modification and the answer: one acknowledged write each.
            checks += 1 + entry.ModificationsAcknowledged + entry.OptAnswersAcknowledged;
            if (!byId.TryGetValue(entry.EventId, out var shown))
            {
                violation($"event {ven.VenId}/{entry.EventId} was acknowledged (201) but is missing");
                continue;
            }

            ledger.Observe(ven.VenId, entry.EventId, shown.ModificationNumber, "GET events", violation);
            if (shown.ModificationNumber < entry.ModificationsAcknowledged)
            {
                violation($"event {ven.VenId}/{entry.EventId}: {entry.ModificationsAcknowledged} modifications acknowledged (204) but modificationNumber is {shown.ModificationNumber}");
            }

            var expected = entry.Opt.ToString();
            if (entry.OptAnswersAcknowledged > 0 && !string.Equals(shown.Opt, expected, StringComparison.OrdinalIgnoreCase))
            {
                violation($"event {ven.VenId}/{entry.EventId}: the {expected} answer was acknowledged (200) but the API shows '{shown.Opt ?? "none"}'");
            }
            else if (shown.Opt is { } opt && (!entry.OptSent || !string.Equals(opt, expected, StringComparison.OrdinalIgnoreCase)))
            {
                violation($"event {ven.VenId}/{entry.EventId}: the API shows '{opt}', an answer the VEN never sent");
            }
        }

        if (ven.Points.Count > 0)
        {
            var data = await api.GetReportDataAsync(ven.VenId, cancellationToken);
            var stored = data.Select(p => (p.ReportRequestId, p.RId, p.Start.ToUniversalTime().Ticks, Value: (float?)p.Value)).ToHashSet();
            foreach (var point in ven.Points)
            {
                checks++;
                if (!stored.Contains((point.ReportRequestId, point.RId, point.Start.Ticks, point.Value)))
                {
                    violation($"report point {ven.VenId} {point.RId} at {point.Start:O} = {point.Value} was acknowledged (oadrUpdatedReport 200) but is missing");
                }
            }
        }

        var undelivered = ven.Events.Values.Where(e => !e.Delivered).Select(e => e.EventId).ToList();
        if (undelivered.Count > 0)
        {
            checks += await CheckQueueResumesAsync(edge, ledger, ven, undelivered, violation, cancellationToken);
        }

        return checks;
    }

    /// <summary>The VEN polls as it would after the restart: its acknowledged events it never received must come.</summary>
    private static async Task<long> CheckQueueResumesAsync(
        EdgeProcess edge, Ledger ledger, VenEntry ven, List<string> undelivered, Action<string> violation, CancellationToken cancellationToken)
    {
        using var client = new OpenAdrVenClient(edge.OpenAdrUrl, ven.VenName) { VenId = ven.VenId };
        for (var poll = 0; poll < 6; poll++)
        {
            switch (await client.PollAsync(cancellationToken))
            {
                case OadrDistributeEvent distribution:
                    var delivered = distribution.OadrEvents.Select(e => (e.EiEvent.EventDescriptor.EventId, e.EiEvent.EventDescriptor.ModificationNumber)).ToList();
                    foreach (var duplicate in delivered.GroupBy(e => e.EventId, StringComparer.Ordinal).Where(g => g.Count() > 1))
                    {
                        violation($"an oadrDistributeEvent for {ven.VenId} after the restart lists event {duplicate.Key} {duplicate.Count()} times");
                    }

                    ledger.Delivered(ven.VenId, delivered, violation);
                    foreach (var missing in undelivered.Except(delivered.Select(e => e.EventId), StringComparer.Ordinal))
                    {
                        violation($"queue of {ven.VenId}: the oadrDistributeEvent after the restart lacks acknowledged event {missing}");
                    }

                    return undelivered.Count;
                case OadrRequestReregistration:
                    violation($"queue of {ven.VenId}: polling after the restart got oadrRequestReregistration");
                    return 1;
                case OadrResponse:
                    violation($"queue of {ven.VenId}: polling after the restart found the queue empty, {undelivered.Count} acknowledged events never delivered");
                    return 1;
                default:
                    // The VTN's METADATA or a report request queued before the event: the event comes after it.
                    continue;
            }
        }

        violation($"queue of {ven.VenId}: 6 polls after the restart brought no oadrDistributeEvent");
        return 1;
    }
}
