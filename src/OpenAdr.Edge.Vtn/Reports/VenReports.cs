using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Sharing;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Reports;

/// <summary>One VEN's report state: what it offers (its METADATA), what the VTN asked for, and where the data goes.</summary>
internal sealed class VenReports
{
    // Most VENs hold one or two requests: an array the exact size (replaced, never changed in place) costs a tenth of a dictionary.
    private ReportRequestEntry[] _requests = [];

    /// <summary>
    /// The data points of the VEN's latest METADATA, without the venID so that VENs offering alike share them (see
    /// <see cref="ReportService"/>); the document itself is in the store.
    /// </summary>
    public OfferedPoint[] Offers { get; set; } = [];

    /// <summary>The requests, in the order they were made. A snapshot: changes replace the array.</summary>
    public IReadOnlyList<ReportRequestEntry> Requests => _requests;

    public void Clear()
    {
        Offers = [];
        _requests = [];
    }

    public bool TryGetRequest(string reportRequestId, [NotNullWhen(true)] out ReportRequestEntry? entry)
    {
        foreach (var request in _requests)
        {
            if (request.ReportRequestId == reportRequestId)
            {
                entry = request;
                return true;
            }
        }

        entry = null;
        return false;
    }

    /// <summary>Adds a request, or replaces the one with its reportRequestID.</summary>
    public void SetRequest(ReportRequestEntry entry)
    {
        var index = IndexOf(entry.ReportRequestId);
        if (index >= 0)
        {
            var replaced = (ReportRequestEntry[])_requests.Clone();
            replaced[index] = entry;
            _requests = replaced;
            return;
        }

        _requests = [.. _requests, entry];
    }

    public bool RemoveRequest(string reportRequestId)
    {
        var index = IndexOf(reportRequestId);
        if (index < 0)
        {
            return false;
        }

        _requests = ExactArrays.Without(_requests, index);
        return true;
    }

    public ReportOffer? FindOffer(string venId, string reportSpecifierId, string rId)
    {
        foreach (var offer in Offers)
        {
            if (offer.RId == rId && offer.ReportSpecifierId == reportSpecifierId)
            {
                return offer.For(venId);
            }
        }

        return null;
    }

    public IReadOnlyList<ReportOffer> OffersFor(string venId) => Array.ConvertAll(Offers, offer => offer.For(venId));

    private int IndexOf(string reportRequestId)
    {
        for (var i = 0; i < _requests.Length; i++)
        {
            if (_requests[i].ReportRequestId == reportRequestId)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A data point a VEN offers, as <see cref="ReportOffer"/> without the venID: VENs that offer alike hold one instance.</summary>
internal sealed record OfferedPoint(
    string ReportName,
    string ReportSpecifierId,
    string RId,
    string? ResourceId,
    string Measurement,
    string? Unit,
    string? Scale,
    TimeSpan MinSamplingInterval,
    TimeSpan MaxSamplingInterval)
{
    public static OfferedPoint Of(ReportOffer offer) => new(
        offer.ReportName, offer.ReportSpecifierId, offer.RId, offer.ResourceId, offer.Measurement, offer.Unit, offer.Scale,
        offer.MinSamplingInterval, offer.MaxSamplingInterval);

    public ReportOffer For(string venId) =>
        new(venId, ReportName, ReportSpecifierId, RId, ResourceId, Measurement, Unit, Scale, MinSamplingInterval, MaxSamplingInterval);
}

/// <summary>
/// A report request the VTN made, in the compact form each VEN keeps: what the engine looks at later (its ID, the
/// report, the granularity and report-back duration, the rIDs and where their data goes). An operator's request
/// that says more than that (a report interval, item bases, other reading types) is kept whole beside it.
/// </summary>
internal sealed class ReportRequestEntry
{
    /// <summary>The reading type of the requests the VTN makes itself (what OpenLEADR sends).</summary>
    public const string NotApplicable = "x-notApplicable";

    private readonly string[] _rIds;
    private readonly OadrReportRequest? _whole;

    // Parallel to the rIDs; null until a callback is known. Process-local, like OpenLEADR's; rebuilt on demand after a restart.
    private ReportCallback?[]? _callbacks;

    private ReportRequestEntry(OadrReportRequest request, string[] rIds, bool compact, ReportRequestState state)
    {
        var specifier = request.ReportSpecifier;
        ReportRequestId = request.ReportRequestId;
        ReportSpecifierId = specifier.ReportSpecifierId;
        Granularity = specifier.Granularity;
        ReportBackDuration = specifier.ReportBackDuration;
        _rIds = rIds;
        _whole = compact ? null : request;
        State = state;
    }

    public string ReportRequestId { get; }

    public string ReportSpecifierId { get; }

    public TimeSpan Granularity { get; }

    public TimeSpan ReportBackDuration { get; }

    public IReadOnlyList<string> RIds => _rIds;

    public ReportRequestState State { get; set; }

    public static ReportRequestEntry Of(OadrReportRequest request, ReportRequestState state)
    {
        var payloads = request.ReportSpecifier.SpecifierPayloads;
        var rIds = new string[payloads.Count];
        var compact = request.ReportSpecifier.ReportInterval is null;
        for (var i = 0; i < rIds.Length; i++)
        {
            rIds[i] = payloads[i].RId;
            compact &= payloads[i].ItemBase is null && payloads[i].ReadingType == NotApplicable;
        }

        return new ReportRequestEntry(request, rIds, compact, state);
    }

    /// <summary>A request for <paramref name="rIds"/> as the VTN makes it when a VEN registers its reports.</summary>
    public static OadrReportRequest Compose(string reportRequestId, string reportSpecifierId, TimeSpan granularity, TimeSpan reportBackDuration, IReadOnlyList<string> rIds)
    {
        var payloads = new List<SpecifierPayload>(rIds.Count);
        foreach (var rId in rIds)
        {
            payloads.Add(new SpecifierPayload { RId = rId, ReadingType = NotApplicable });
        }

        return new OadrReportRequest
        {
            ReportRequestId = reportRequestId,
            ReportSpecifier = new ReportSpecifier
            {
                ReportSpecifierId = reportSpecifierId,
                Granularity = granularity,
                ReportBackDuration = reportBackDuration,
                SpecifierPayloads = payloads,
            },
        };
    }

    /// <summary>The oadrReportRequest as it was made (rebuilt from the compact form; a new instance each time).</summary>
    public OadrReportRequest ToRequest() =>
        _whole ?? Compose(ReportRequestId, ReportSpecifierId, Granularity, ReportBackDuration, _rIds);

    public bool Requests(string rId) => Array.IndexOf(_rIds, rId) >= 0;

    public ReportCallback? CallbackFor(string rId)
    {
        var index = Array.IndexOf(_rIds, rId);
        return index >= 0 && _callbacks is { } callbacks ? callbacks[index] : null;
    }

    /// <summary>Where the data of <paramref name="rId"/> goes from now on. Call under <c>lock (ven)</c>.</summary>
    public void SetCallback(string rId, ReportCallback callback)
    {
        for (var i = 0; i < _rIds.Length; i++)
        {
            if (_rIds[i] == rId)
            {
                (_callbacks ??= new ReportCallback?[_rIds.Length])[i] = callback;
            }
        }
    }

    public ReportRequestRecord ToRecord(string venId, DateTime now) => ToRecord(venId, State, now);

    public ReportRequestRecord ToRecord(string venId, ReportRequestState state, DateTime now) =>
        new(venId, ReportRequestId, state, ReportDocuments.Write(ToRequest()), now);
}

/// <summary>A report request is stored as an oadrCreateReport holding only it.</summary>
internal static class ReportDocuments
{
    public static byte[] Write(OadrReportRequest request) =>
        Documents.Write(new OadrCreateReport { RequestId = "stored", OadrReportRequests = [request] });

    public static OadrReportRequest Read(byte[] document) => Documents.Read<OadrCreateReport>(document).OadrReportRequests[0];
}
