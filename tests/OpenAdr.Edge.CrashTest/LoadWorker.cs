using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;

namespace OpenAdr.Edge.CrashTest;

/// <summary>
/// One stream of mixed load until the binary dies: a new VEN registers, offers telemetry, and then in cycles the
/// operator creates (and sometimes modifies) an event for it and for a VEN of an earlier run, the VEN polls, answers
/// every event, and sends telemetry. Each write goes into the <see cref="Ledger"/> once the VTN acknowledged it.
/// </summary>
internal sealed class LoadWorker(RunContext run, int worker, Random random)
{
    private const string SpecifierId = "telemetry";
    private const string PowerRId = "power";
    private const int PointsPerReport = 5;
    private static int s_nextValue;

    private string _step = "";

    public async Task RunAsync()
    {
        try
        {
            for (var i = 0; !run.Killed; i++)
            {
                await OneVenAsync($"crash-{run.Number}-w{worker}-{i}");
            }
        }
        catch (Exception e) when (run.Killed || e is OperationCanceledException && run.Cancellation.IsCancellationRequested)
        {
            // The request in flight died with the binary: it was never acknowledged, so nothing is expected of it.
        }
        catch (Exception e)
        {
            run.Violation($"load, worker {worker}, {_step}: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task OneVenAsync(string venName)
    {
        var cancellationToken = run.Cancellation;
        using var ven = new OpenAdrVenClient(run.Edge.OpenAdrUrl, venName);
        _step = "register";
        var registration = await ven.RegisterAsync(cancellationToken);
        Expect(registration.EiResponse, "oadrCreatedPartyRegistration");
        var venId = ven.VenId!;
        run.Ledger.Registered(venId, venName, run.Number);

        _step = "register report";
        var registered = await ven.RegisterReportsAsync(
            [TelemetryReports.RealPowerMetadata(SpecifierId, PowerRId, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1))], cancellationToken);
        Expect(registered.EiResponse, "oadrRegisteredReport");
        if (registered.OadrReportRequests.Count != 1)
        {
            throw new HarnessException($"oadrRegisteredReport carries {registered.OadrReportRequests.Count} report requests, expected 1");
        }

        var reportRequestId = registered.OadrReportRequests[0].ReportRequestId;
        run.Ledger.ReportRequest(venId, reportRequestId);
        _step = "created report";
        Expect((await ven.CreatedReportAsync([reportRequestId], cancellationToken: cancellationToken)).EiResponse, "oadrResponse to oadrCreatedReport");

        var cycles = random.Next(2, 6);
        for (var cycle = 0; cycle < cycles && !run.Killed; cycle++)
        {
            await CreateEventAsync(venId, cancellationToken, modifications: random.Next(0, 3));
            if (random.Next(3) == 0 && run.Ledger.EarlierVen(run.Number, random) is { } earlier)
            {
                // A VEN that lived through a restart gets an event it has not polled: its queue must resume.
                await CreateEventAsync(earlier, cancellationToken, modifications: 0);
            }

            await PollAndAnswerAsync(ven, venId, cancellationToken);
            await SendTelemetryAsync(ven, venId, reportRequestId, cancellationToken);
        }
    }

    private async Task CreateEventAsync(string venId, CancellationToken cancellationToken, int modifications)
    {
        _step = "operator: create event";
        var opt = random.Next(2) == 0 ? OptType.OptIn : OptType.OptOut;
        var eventId = await run.Operator.CreateEventAsync(venId, random.Next(1, 4), cancellationToken);
        if (!run.Ledger.EventCreated(venId, eventId, opt))
        {
            run.Violation($"event ID {eventId} for {venId} was acknowledged twice by POST /api/events");
            return;
        }

        for (var m = 0; m < modifications; m++)
        {
            _step = "operator: modify event";
            run.Ledger.ModificationStarted(venId, eventId);
            await run.Operator.ModifyEventAsync(venId, eventId, (uint)(m + 1), cancellationToken);
            run.Ledger.ModificationAcknowledged(venId, eventId);
        }
    }

    private async Task PollAndAnswerAsync(OpenAdrVenClient ven, string venId, CancellationToken cancellationToken)
    {
        for (var poll = 0; poll < 4; poll++)
        {
            _step = "poll";
            var answer = await ven.PollAsync(cancellationToken);
            switch (answer)
            {
                case OadrResponse:
                    return;
                case OadrDistributeEvent distribution:
                    var delivered = distribution.OadrEvents.Select(e => (e.EiEvent.EventDescriptor.EventId, e.EiEvent.EventDescriptor.ModificationNumber)).ToList();
                    CheckUnique(venId, delivered.Select(e => e.EventId), "an oadrDistributeEvent");
                    run.Ledger.Delivered(venId, delivered, run.Violation);
                    await AnswerAsync(ven, venId, distribution, cancellationToken);
                    return;
                default:
                    // The VTN's own METADATA (oadrRegisterReport) and the like: the next poll brings what follows.
                    continue;
            }
        }
    }

    private async Task AnswerAsync(OpenAdrVenClient ven, string venId, OadrDistributeEvent distribution, CancellationToken cancellationToken)
    {
        var known = run.Ledger.Snapshot(venId).Events;
        var answered = distribution.OadrEvents
            .Where(e => e.OadrResponseRequired == ResponseRequired.Always && e.EiEvent.EventDescriptor.EventStatus != EventStatus.Completed)
            .Select(e => e.EiEvent.EventDescriptor.EventId)
            .Where(known.ContainsKey)
            .ToList();
        if (answered.Count == 0)
        {
            return;
        }

        _step = "oadrCreatedEvent";
        run.Ledger.OptsSent(venId, answered);
        var response = await ven.AnswerEventsAsync(
            distribution, e => known.TryGetValue(e.EiEvent.EventDescriptor.EventId, out var entry) ? entry.Opt : OptType.OptIn, cancellationToken);
        Expect(response.EiResponse, "oadrResponse to oadrCreatedEvent");
        run.Ledger.OptsAcknowledged(venId, answered);
    }

    private async Task SendTelemetryAsync(OpenAdrVenClient ven, string venId, string reportRequestId, CancellationToken cancellationToken)
    {
        _step = "oadrUpdateReport";
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var points = Enumerable.Range(0, PointsPerReport)
            .Select(k => new ReportPoint(reportRequestId, PowerRId, start.AddSeconds(10 * k), Interlocked.Increment(ref s_nextValue)))
            .ToList();
        var updated = await ven.UpdateReportAsync(
            [TelemetryReports.Readings(SpecifierId, reportRequestId, PowerRId, points.Select(p => (p.Start, TimeSpan.FromSeconds(10), p.Value)))], cancellationToken);
        Expect(updated.EiResponse, "oadrUpdatedReport");
        run.Ledger.PointsAcknowledged(venId, points);
    }

    private void CheckUnique(string venId, IEnumerable<string> eventIds, string where)
    {
        foreach (var duplicate in eventIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            run.Violation($"{where} for {venId} lists event {duplicate.Key} {duplicate.Count()} times");
        }
    }

    private static void Expect(EiResponse response, string what)
    {
        if (response.ResponseCode != "200")
        {
            throw new HarnessException($"{what}: responseCode {response.ResponseCode} ({response.ResponseDescription})");
        }
    }
}
