using System;
using System.Collections.Generic;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Events;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn;

/// <summary>A VEN as an operator sees it.</summary>
/// <param name="Registration">Null when the VTN holds state for the venID (events added ahead) but it is not registered.</param>
/// <param name="LastSeen">The last time it sent anything, since the VTN started; null when it has not.</param>
public sealed record VenSummary(string VenId, VenRecord? Registration, DateTime? LastSeen, int QueueDepth, int OpenEvents, int ReportRequests);

/// <summary>An open event of a VEN, as it would be sent now, with the VEN's latest answer.</summary>
public sealed record EventSummary(string VenId, OadrEvent Event, OptType? Opt, EventResponseSource? OptSource);

/// <summary>What a VEN offers (each data point of its latest METADATA) and what the VTN asked of it.</summary>
public sealed record ReportSummary(string VenId, IReadOnlyList<ReportOffer> Offers, IReadOnlyList<(OadrReportRequest Request, ReportRequestState State)> Requests);

public sealed partial class OpenAdrVtn
{
    /// <summary>Every venID the VTN holds state for, registered or not.</summary>
    public IReadOnlyList<VenSummary> GetVens()
    {
        var vens = new List<VenSummary>();
        foreach (var ven in Vens.All)
        {
            if (Summarize(ven.VenId) is { } summary)
            {
                vens.Add(summary);
            }
        }

        vens.Sort(static (a, b) => string.CompareOrdinal(a.VenId, b.VenId));
        return vens;
    }

    public VenSummary? GetVen(string venId) => Summarize(venId);

    /// <summary>The VEN's open events in R-15 order, with the VEN's answers.</summary>
    public IReadOnlyList<EventSummary> GetEventSummaries(string venId)
    {
        var summaries = new List<EventSummary>();
        if (!Vens.TryGet(venId, out var ven))
        {
            return summaries;
        }

        var snapshot = _events.Snapshot(venId);
        lock (ven)
        {
            foreach (var oadrEvent in snapshot)
            {
                ven.Events.TryGetValue(oadrEvent.EiEvent.EventDescriptor.EventId, out var venEvent);
                summaries.Add(new EventSummary(venId, oadrEvent, venEvent?.Opt, venEvent?.OptSource));
            }
        }

        return summaries;
    }

    public ReportSummary? GetReports(string venId)
    {
        if (!Vens.TryGet(venId, out var ven))
        {
            return null;
        }

        lock (ven)
        {
            var requests = new List<(OadrReportRequest, ReportRequestState)>();
            foreach (var entry in ven.Reports.Requests)
            {
                requests.Add((entry.ToRequest(), entry.State));
            }

            return new ReportSummary(venId, ven.Reports.OffersFor(venId), requests);
        }
    }

    /// <summary>The VEN's open opts (availability schedules and event opts).</summary>
    public IReadOnlyList<OadrCreateOpt> GetOpts(string venId)
    {
        if (!Vens.TryGet(venId, out var ven))
        {
            return [];
        }

        lock (ven)
        {
            return ven.Opts is { } opts ? [.. opts.Values] : [];
        }
    }

    private VenSummary? Summarize(string venId)
    {
        if (!Vens.TryGet(venId, out var ven))
        {
            return null;
        }

        lock (ven)
        {
            var lastSeen = ven.LastSeenTicks == 0 ? (DateTime?)null : new DateTime(ven.LastSeenTicks, DateTimeKind.Utc);
            return new VenSummary(venId, ven.Registration, lastSeen, ven.Queue.Count, ven.Events.Count, ven.Reports.Requests.Count);
        }
    }
}
