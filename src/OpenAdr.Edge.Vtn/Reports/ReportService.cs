using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Polling;
using OpenAdr.Edge.Vtn.Sharing;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Vens;

namespace OpenAdr.Edge.Vtn.Reports;

/// <summary>EiReport: the VENs' METADATA, the VTN's report requests, report data, and cancellations both ways.</summary>
internal sealed partial class ReportService(OpenAdrVtn vtn)
{
    // A gateway's VENs are mostly alike and offer the same data points: they share one instance of each.
    private readonly RecentValues<OfferedPoint> _offeredPoints = new(256);

    public void Restore(ReportCapabilitiesRecord record) =>
        vtn.Vens.GetOrAdd(record.VenId).Reports.Offers = OffersOf(record.VenId, Documents.Read<OadrRegisterReport>(record.Body));

    public void Restore(ReportRequestRecord record) =>
        vtn.Vens.GetOrAdd(record.VenId).Reports.SetRequest(ReportRequestEntry.Of(ReportDocuments.Read(record.Body), record.State));

    /// <summary>
    /// The VEN's METADATA: it replaces what the VEN offered before and ends the requests made of it (R-306); the
    /// handlers pick what to request, and the requests ride back in the oadrRegisteredReport (what OpenLEADR's VEN expects).
    /// </summary>
    public async ValueTask<OadrMessage> RegisterReportAsync(VenState ven, OadrRegisterReport register, CancellationToken cancellationToken)
    {
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = vtn.Now;
            var requests = new List<OadrReportRequest>();
            var entries = new List<ReportRequestEntry>();
            foreach (var report in register.OadrReports)
            {
                foreach (var (granularity, reportBack, subscriptions) in await SubscribeAsync(ven.VenId, report).ConfigureAwait(false))
                {
                    var request = ReportRequestEntry.Compose(
                        Guid.NewGuid().ToString(), report.ReportSpecifierId, granularity, reportBack, subscriptions.ConvertAll(static s => s.RId));
                    requests.Add(request);
                    var entry = ReportRequestEntry.Of(request, ReportRequestState.Requested);
                    foreach (var subscription in subscriptions)
                    {
                        entry.SetCallback(subscription.RId, subscription.Callback);
                    }

                    entries.Add(entry);
                }
            }

            var changes = new List<StoreChange>
            {
                new ClearReportState(ven.VenId),
                new SaveReportCapabilities(new ReportCapabilitiesRecord(ven.VenId, Documents.Write(register), now)),
            };
            changes.AddRange(entries.ConvertAll(e => (StoreChange)new SaveReportRequest(e.ToRecord(ven.VenId, now))));
            lock (ven)
            {
                ven.Queue.RemoveAll(
                    static m => m.Kind is QueuedMessageKind.CreateReport or QueuedMessageKind.CancelReport,
                    m => changes.Add(new DeleteQueueEntry(ven.VenId, m.Sequence)));
            }

            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                ven.Reports.Clear();
                ven.Reports.Offers = OffersOf(ven.VenId, register);
                foreach (var entry in entries)
                {
                    ven.Reports.SetRequest(entry);
                }
            }

            Log.ReportsRegistered(vtn.Logger, ven.VenId, register.OadrReports.Count, requests.Count);
            return new OadrRegisteredReport
            {
                EiResponse = Answers.Response(ResponseCodes.Ok, "OK", register.RequestId),
                OadrReportRequests = requests,
                VenId = ven.VenId,
            };
        }
        finally
        {
            ven.ExitGate();
        }
    }

    /// <summary>The VEN's answer to the VTN's METADATA; the VTN offers no reports, so there is nothing to request of it.</summary>
    public OadrMessage RegisteredReport(VenState ven, OadrRegisteredReport registered)
    {
        if (registered.OadrReportRequests.Count > 0)
        {
            Log.RequestForVtnReport(vtn.Logger, ven.VenId);
            return Answers.Response(ResponseCodes.ReportNotSupported, "The VTN offers no reports.", registered.EiResponse.RequestId, ven.VenId);
        }

        return Answers.Response(ResponseCodes.Ok, "OK", registered.EiResponse.RequestId, ven.VenId);
    }

    public async ValueTask<OadrMessage> CreatedReportAsync(VenState ven, OadrCreatedReport created, CancellationToken cancellationToken)
    {
        var pending = created.OadrPendingReports.ReportRequestIds;
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = vtn.Now;
            var changes = new List<StoreChange>();
            var confirmed = new List<ReportRequestEntry>();
            lock (ven)
            {
                foreach (var id in pending)
                {
                    if (ven.Reports.TryGetRequest(id, out var entry) && entry.State == ReportRequestState.Requested)
                    {
                        confirmed.Add(entry);
                        changes.Add(new SaveReportRequest(entry.ToRecord(ven.VenId, ReportRequestState.Pending, now)));
                    }
                }
            }

            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                foreach (var entry in confirmed)
                {
                    entry.State = ReportRequestState.Pending;
                }
            }
        }
        finally
        {
            ven.ExitGate();
        }

        if (vtn.OnCreatedReport is { } handler)
        {
            await vtn.NotifyAsync(nameof(vtn.OnCreatedReport), () => handler(ven.VenId, pending)).ConfigureAwait(false);
        }

        return Answers.Response(ResponseCodes.Ok, "OK", created.EiResponse.RequestId, ven.VenId);
    }

    /// <summary>
    /// Report data: stored before it is acknowledged, then handed to the per-rID callbacks as (dtstart, value) lists,
    /// or to <see cref="OpenAdrVtn.OnUpdateReport"/>. Data for a request the VTN never made is refused whole (452).
    /// </summary>
    public async ValueTask<OadrMessage> UpdateReportAsync(VenState ven, OadrUpdateReport update, CancellationToken cancellationToken)
    {
        var now = vtn.Now;
        var points = new List<ReportDataRecord>();
        var finished = new List<string>();
        // Looked up once: the last report of a cancelled request still reaches its callbacks after the request is gone.
        var entries = new List<ReportRequestEntry>(update.OadrReports.Count);
        lock (ven)
        {
            foreach (var report in update.OadrReports)
            {
                if (!ven.Reports.TryGetRequest(report.ReportRequestId, out var entry))
                {
                    Log.DataForUnknownRequest(vtn.Logger, ven.VenId, report.ReportRequestId);
                    return new OadrUpdatedReport
                    {
                        EiResponse = Answers.Response(ResponseCodes.InvalidId, $"Unknown reportRequestID '{report.ReportRequestId}'.", update.RequestId),
                        VenId = ven.VenId,
                    };
                }

                if (UnrequestedRId(entry, report) is { } rId)
                {
                    Log.DataForUnrequestedRId(vtn.Logger, ven.VenId, rId, report.ReportRequestId);
                    return new OadrUpdatedReport
                    {
                        EiResponse = Answers.Response(ResponseCodes.InvalidId, $"rID '{rId}' is not part of report request '{report.ReportRequestId}' (R-304).", update.RequestId),
                        VenId = ven.VenId,
                    };
                }

                if (entry.State == ReportRequestState.CancelledReportToFollow)
                {
                    finished.Add(report.ReportRequestId);
                }

                entries.Add(entry);
                Collect(ven.VenId, report, now, points);
            }
        }

        var changes = new List<StoreChange> { new AppendReportData(points) };
        changes.AddRange(finished.ConvertAll(id => (StoreChange)new DeleteReportRequest(ven.VenId, id)));
        await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        if (finished.Count > 0)
        {
            lock (ven)
            {
                foreach (var id in finished)
                {
                    ven.Reports.RemoveRequest(id);
                }
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            await DeliverAsync(ven, update.OadrReports[i], entries[i]).ConfigureAwait(false);
        }

        return new OadrUpdatedReport { EiResponse = Answers.Response(ResponseCodes.Ok, "OK", update.RequestId), VenId = ven.VenId };
    }

    /// <summary>A VEN cancelling reports it receives from the VTN: the VTN sends none, so every ID is unknown (R-336).</summary>
    public OadrMessage CancelReportFromVen(VenState ven, OadrCancelReport cancel)
    {
        Log.CancelOfVtnReport(vtn.Logger, ven.VenId);
        return new OadrCanceledReport
        {
            EiResponse = Answers.Response(ResponseCodes.InvalidId, $"The VTN sends no report '{string.Join(", ", cancel.ReportRequestIds)}'.", cancel.RequestId),
            VenId = ven.VenId,
        };
    }

    /// <summary>The VEN confirms a cancellation the VTN sent.</summary>
    public OadrMessage CanceledReport(VenState ven, OadrCanceledReport canceled) =>
        Answers.Response(ResponseCodes.Ok, "OK", canceled.EiResponse.RequestId, ven.VenId);

    /// <summary>A VEN asking for the VTN's reports: only its METADATA exists (R-300), and it is sent at the next poll.</summary>
    public async ValueTask<OadrMessage> CreateReportFromVenAsync(VenState ven, OadrCreateReport create, CancellationToken cancellationToken)
    {
        foreach (var request in create.OadrReportRequests)
        {
            if (request.ReportSpecifier.ReportSpecifierId != "METADATA")
            {
                return new OadrCreatedReport
                {
                    EiResponse = Answers.Response(ResponseCodes.InvalidId, $"The VTN offers no report '{request.ReportSpecifier.ReportSpecifierId}'.", create.RequestId),
                    VenId = ven.VenId,
                };
            }
        }

        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changes = new List<StoreChange>();
            var reserved = ven.ReserveMessage(QueuedMessageKind.RegisterReport, null, changes);
            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            vtn.CommitInBackground(ven.PublishMessage(reserved, QueuedMessageKind.RegisterReport));
        }
        finally
        {
            ven.ExitGate();
        }

        return new OadrCreatedReport { EiResponse = Answers.Response(ResponseCodes.Ok, "OK", create.RequestId), VenId = ven.VenId };
    }

    /// <summary>
    /// An operator's report request, sent as oadrCreateReport at the VEN's next poll. Every rID must be one the VEN
    /// offers (452) and the granularity within its sampling range (454, R-317).
    /// </summary>
    public async ValueTask<string> RequestAsync(string venId, OadrReportRequest request, ReportCallback? callback, CancellationToken cancellationToken)
    {
        var ven = Registered(venId);
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (string.IsNullOrEmpty(request.ReportRequestId))
            {
                request.ReportRequestId = Guid.NewGuid().ToString();
            }

            Check(ven, request);
            var entry = ReportRequestEntry.Of(request, ReportRequestState.Requested);
            var changes = new List<StoreChange> { new SaveReportRequest(entry.ToRecord(venId, vtn.Now)) };
            var reserved = ven.ReserveMessage(QueuedMessageKind.CreateReport, request.ReportRequestId, changes);
            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                if (callback is not null)
                {
                    foreach (var rId in entry.RIds)
                    {
                        entry.SetCallback(rId, callback);
                    }
                }

                ven.Reports.SetRequest(entry);
            }

            vtn.CommitInBackground(ven.PublishMessage(reserved, QueuedMessageKind.CreateReport));
            return request.ReportRequestId;
        }
        finally
        {
            ven.ExitGate();
        }
    }

    /// <summary>Cancels a report request; with <paramref name="reportToFollow"/> the VEN sends one last report (R-345).</summary>
    public async ValueTask CancelAsync(string venId, string reportRequestId, bool reportToFollow, CancellationToken cancellationToken)
    {
        var ven = Registered(venId);
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ven.Reports.TryGetRequest(reportRequestId, out var entry))
            {
                throw new VtnOperationException(ResponseCodes.InvalidId, $"VEN '{venId}' has no report request '{reportRequestId}'.");
            }

            var now = vtn.Now;
            var changes = new List<StoreChange>
            {
                reportToFollow
                    ? new SaveReportRequest(entry.ToRecord(venId, ReportRequestState.CancelledReportToFollow, now))
                    : new DeleteReportRequest(venId, reportRequestId),
            };
            var argument = CancelArgument(reportRequestId, reportToFollow);
            var reserved = ven.ReserveMessage(QueuedMessageKind.CancelReport, argument, changes);
            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                if (reportToFollow)
                {
                    entry.State = ReportRequestState.CancelledReportToFollow;
                }
                else
                {
                    ven.Reports.RemoveRequest(reportRequestId);
                }
            }

            vtn.CommitInBackground(ven.PublishMessage(reserved, QueuedMessageKind.CancelReport));
        }
        finally
        {
            ven.ExitGate();
        }
    }

    /// <summary>The VTN's own METADATA (R-301): it offers no reports, so the oadrRegisterReport is empty.</summary>
    public OadrMessage ComposeVtnMetadata(VenState ven) => new OadrRegisterReport { RequestId = Guid.NewGuid().ToString(), VenId = ven.VenId };

    public OadrMessage? ComposeCreateReport(VenState ven, string reportRequestId) =>
        ven.Reports.TryGetRequest(reportRequestId, out var entry) && entry.State == ReportRequestState.Requested
            ? new OadrCreateReport { RequestId = Guid.NewGuid().ToString(), OadrReportRequests = [entry.ToRequest()], VenId = ven.VenId }
            : null;

    public OadrMessage? ComposeCancelReport(VenState ven, string argument)
    {
        var separator = argument.LastIndexOf('\n');
        if (separator < 0)
        {
            return null;
        }

        return new OadrCancelReport
        {
            RequestId = Guid.NewGuid().ToString(),
            ReportRequestIds = [argument[..separator]],
            ReportToFollow = argument[(separator + 1)..] == "1",
            VenId = ven.VenId,
        };
    }

    private static string CancelArgument(string reportRequestId, bool reportToFollow) => reportRequestId + (reportToFollow ? "\n1" : "\n0");

    private VenState Registered(string venId) =>
        vtn.Vens.TryGet(venId, out var ven) && ven.Registration is not null
            ? ven
            : throw new VtnOperationException(ResponseCodes.NotRegisteredOrAuthorized, $"VEN '{venId}' is not registered.");

    private static void Check(VenState ven, OadrReportRequest request)
    {
        var specifier = request.ReportSpecifier;
        if (ven.Reports.TryGetRequest(request.ReportRequestId, out _))
        {
            throw new VtnOperationException(ResponseCodes.InvalidId, $"Report request '{request.ReportRequestId}' exists already (R-322).");
        }

        if (specifier.ReportSpecifierId == "METADATA")
        {
            return;
        }

        foreach (var payload in specifier.SpecifierPayloads)
        {
            if (ven.Reports.FindOffer(ven.VenId, specifier.ReportSpecifierId, payload.RId) is not { } offer)
            {
                throw new VtnOperationException(ResponseCodes.InvalidId,
                    $"VEN '{ven.VenId}' offers no rID '{payload.RId}' in report '{specifier.ReportSpecifierId}' (R-300).");
            }

            if (!WithinSamplingRate(offer, specifier.Granularity))
            {
                throw new VtnOperationException(ResponseCodes.InvalidData,
                    $"Granularity {specifier.Granularity} is outside the sampling range VEN '{ven.VenId}' offers for rID '{payload.RId}' (R-317).");
            }
        }
    }

    /// <summary>Granularity 0 (one-shot and history requests) always fits; otherwise it lies within the offered range.</summary>
    private static bool WithinSamplingRate(ReportOffer offer, TimeSpan granularity) =>
        granularity == TimeSpan.Zero
        || (granularity >= offer.MinSamplingInterval && (offer.MaxSamplingInterval == TimeSpan.Zero || granularity <= offer.MaxSamplingInterval));

    /// <summary>The handlers' choice for one offered report, grouped into one request per (granularity, report-back) pair.</summary>
    private async ValueTask<List<(TimeSpan Granularity, TimeSpan ReportBack, List<ReportRIdSubscription> Subscriptions)>> SubscribeAsync(string venId, OadrReport report)
    {
        var accepted = new List<ReportRIdSubscription>();
        if (vtn.OnRegisterFullReport is { } full)
        {
            accepted.AddRange(await vtn.CallHandlerAsync(nameof(vtn.OnRegisterFullReport), () => full(venId, report)).ConfigureAwait(false) ?? []);
        }
        else if (vtn.OnRegisterReport is { } compact && IsTelemetry(report.ReportName))
        {
            foreach (var description in report.OadrReportDescriptions)
            {
                var offer = Offer(venId, report, description);
                if (await vtn.CallHandlerAsync(nameof(vtn.OnRegisterReport), () => compact(offer)).ConfigureAwait(false) is { } subscription)
                {
                    accepted.Add(new ReportRIdSubscription(description.RId, subscription.Callback, subscription.SamplingInterval, subscription.ReportingInterval));
                }
            }
        }

        var groups = new List<(TimeSpan, TimeSpan, List<ReportRIdSubscription>)>();
        foreach (var subscription in accepted)
        {
            var description = report.OadrReportDescriptions.Find(d => d.RId == subscription.RId);
            if (description is null || !WithinSamplingRate(Offer(venId, report, description), subscription.SamplingInterval))
            {
                Log.SubscriptionDeclined(vtn.Logger, venId, subscription.RId, subscription.SamplingInterval);
                continue;
            }

            var reportBack = subscription.ReportingInterval ?? subscription.SamplingInterval;
            var group = groups.FindIndex(g => g.Item1 == subscription.SamplingInterval && g.Item2 == reportBack);
            if (group < 0)
            {
                groups.Add((subscription.SamplingInterval, reportBack, [subscription]));
            }
            else
            {
                groups[group].Item3.Add(subscription);
            }
        }

        return groups;
    }

    private static bool IsTelemetry(string? reportName) => reportName is "METADATA_TELEMETRY_USAGE" or "METADATA_TELEMETRY_STATUS";

    private OfferedPoint[] OffersOf(string venId, OadrRegisterReport register)
    {
        var offers = new List<OfferedPoint>();
        foreach (var report in register.OadrReports)
        {
            foreach (var description in report.OadrReportDescriptions)
            {
                offers.Add(_offeredPoints.Share(OfferedPoint.Of(Offer(venId, report, description))));
            }
        }

        return [.. offers];
    }

    private static ReportOffer Offer(string venId, OadrReport report, OadrReportDescription description)
    {
        var (measurement, unit, scale) = report.ReportName == "METADATA_TELEMETRY_STATUS"
            ? ("Status", null, null)
            : ItemDescriptions.Describe(description.ItemBase);
        var resourceId = description.ReportDataSource?.ResourceIds is [var first, ..] ? first : null;
        return new ReportOffer(
            venId, report.ReportName ?? "", report.ReportSpecifierId, description.RId, resourceId, measurement, unit, scale,
            description.OadrSamplingRate?.OadrMinPeriod ?? TimeSpan.Zero, description.OadrSamplingRate?.OadrMaxPeriod ?? TimeSpan.Zero);
    }

    /// <summary>An rID the data carries that the request did not ask for; null when all were asked for (a METADATA request asks for any).</summary>
    private static string? UnrequestedRId(ReportRequestEntry request, OadrReport report)
    {
        if (request.ReportSpecifierId == "METADATA")
        {
            return null;
        }

        foreach (var interval in report.Intervals?.Items ?? [])
        {
            foreach (var payload in interval.StreamPayloads)
            {
                if (payload is OadrReportPayload data && !request.Requests(data.RId))
                {
                    return data.RId;
                }
            }
        }

        return null;
    }

    private static void Collect(string venId, OadrReport report, DateTime now, List<ReportDataRecord> points)
    {
        foreach (var interval in report.Intervals?.Items ?? [])
        {
            var start = interval.DtStart ?? report.DtStart ?? now;
            foreach (var payload in interval.StreamPayloads)
            {
                if (payload is OadrReportPayload data)
                {
                    var (value, status) = data.PayloadBase switch
                    {
                        PayloadFloat f => ((double?)f.Value, (string?)null),
                        OadrPayloadResourceStatus s => (null, StatusText(s)),
                        _ => (null, null),
                    };
                    points.Add(new ReportDataRecord(venId, report.ReportRequestId, data.RId, start, interval.Duration, value, status, now));
                }
            }
        }
    }

    private static string StatusText(OadrPayloadResourceStatus status) => string.Create(CultureInfo.InvariantCulture,
        $"online={(status.OadrOnline ? 1 : 0)};manualOverride={(status.OadrManualOverride ? 1 : 0)}");

    private async ValueTask DeliverAsync(VenState ven, OadrReport report, ReportRequestEntry entry)
    {
        var byRId = new Dictionary<string, List<ReportPoint>>(StringComparer.Ordinal);
        foreach (var interval in report.Intervals?.Items ?? [])
        {
            var start = interval.DtStart ?? report.DtStart ?? vtn.Now;
            foreach (var payload in interval.StreamPayloads)
            {
                if (payload is OadrReportPayload data)
                {
                    if (!byRId.TryGetValue(data.RId, out var list))
                    {
                        byRId[data.RId] = list = [];
                    }

                    list.Add(new ReportPoint(start, interval.Duration, (data.PayloadBase as PayloadFloat)?.Value, data.PayloadBase as OadrPayloadResourceStatus));
                }
            }
        }

        var unclaimed = false;
        foreach (var (rId, list) in byRId)
        {
            if (await CallbackForAsync(ven, entry, rId).ConfigureAwait(false) is { } callback)
            {
                await vtn.NotifyAsync("report callback", () => callback(new ReportData(ven.VenId, report.ReportRequestId, rId, list))).ConfigureAwait(false);
            }
            else
            {
                unclaimed = true;
            }
        }

        if (unclaimed && vtn.OnUpdateReport is { } fallback)
        {
            await vtn.NotifyAsync(nameof(vtn.OnUpdateReport), () => fallback(ven.VenId, report)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The callback for a data point. After a restart the callbacks are gone (they are code, not data), so the compact
    /// handler is asked again for the offered data point: subscriptions survive restarts (unlike OpenLEADR's, issue #186).
    /// </summary>
    private async ValueTask<ReportCallback?> CallbackForAsync(VenState ven, ReportRequestEntry entry, string rId)
    {
        lock (ven)
        {
            if (entry.CallbackFor(rId) is { } known)
            {
                return known;
            }

            if (!ven.Reports.TryGetRequest(entry.ReportRequestId, out var current) || current != entry)
            {
                return null;
            }
        }

        if (vtn.OnRegisterReport is not { } compact || vtn.OnRegisterFullReport is not null
            || ven.Reports.FindOffer(ven.VenId, entry.ReportSpecifierId, rId) is not { } offer)
        {
            return null;
        }

        var subscription = await vtn.CallHandlerAsync(nameof(vtn.OnRegisterReport), () => compact(offer)).ConfigureAwait(false);
        if (subscription is null)
        {
            return null;
        }

        lock (ven)
        {
            entry.SetCallback(rId, subscription.Callback);
        }

        return subscription.Callback;
    }

    private static partial class Log
    {
        [LoggerMessage(1400, LogLevel.Information, "VEN '{VenId}' registered {Reports} reports; {Requests} requests made.")]
        public static partial void ReportsRegistered(ILogger logger, string venId, int reports, int requests);

        [LoggerMessage(1401, LogLevel.Warning, "VEN '{VenId}' sent data for unknown report request '{ReportRequestId}': 452.")]
        public static partial void DataForUnknownRequest(ILogger logger, string venId, string reportRequestId);

        [LoggerMessage(1405, LogLevel.Warning, "VEN '{VenId}' sent data for rID '{RId}', which report request '{ReportRequestId}' did not ask for: 452.")]
        public static partial void DataForUnrequestedRId(ILogger logger, string venId, string rId, string reportRequestId);

        [LoggerMessage(1402, LogLevel.Warning, "VEN '{VenId}' asked the VTN for reports, which it does not offer: 461.")]
        public static partial void RequestForVtnReport(ILogger logger, string venId);

        [LoggerMessage(1403, LogLevel.Warning, "VEN '{VenId}' cancelled VTN reports, which it does not receive: 452.")]
        public static partial void CancelOfVtnReport(ILogger logger, string venId);

        [LoggerMessage(1404, LogLevel.Warning, "rID '{RId}' of VEN '{VenId}' not requested: sampling interval {Interval} is outside what the VEN offers (R-317).")]
        public static partial void SubscriptionDeclined(ILogger logger, string venId, string rId, TimeSpan interval);
    }
}
