using System;
using System.Collections.Generic;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Reports;

/// <summary>One VEN's report state: what it offers (its METADATA), what the VTN asked for, and where the data goes.</summary>
internal sealed class VenReports
{
    /// <summary>
    /// The data points of the VEN's latest METADATA, in the compact form the handlers see (about a tenth of the
    /// document's objects); the document itself is in the store.
    /// </summary>
    public IReadOnlyList<ReportOffer> Offers { get; set; } = [];

    public Dictionary<string, ReportRequestEntry> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Per (reportRequestID, rID): the callback its data goes to. Process-local, like OpenLEADR's; rebuilt on demand after a restart.</summary>
    public Dictionary<(string ReportRequestId, string RId), ReportCallback> Callbacks { get; } = [];

    public void Clear()
    {
        Offers = [];
        Requests.Clear();
        Callbacks.Clear();
    }

    public ReportOffer? FindOffer(string reportSpecifierId, string rId)
    {
        foreach (var offer in Offers)
        {
            if (offer.RId == rId && offer.ReportSpecifierId == reportSpecifierId)
            {
                return offer;
            }
        }

        return null;
    }
}

internal sealed class ReportRequestEntry(OadrReportRequest request, ReportRequestState state)
{
    public OadrReportRequest Request { get; } = request;

    public ReportRequestState State { get; set; } = state;

    public ReportRequestRecord ToRecord(string venId, DateTime now) => new(venId, Request.ReportRequestId, State, ReportDocuments.Write(Request), now);
}

/// <summary>A report request is stored as an oadrCreateReport holding only it.</summary>
internal static class ReportDocuments
{
    public static byte[] Write(OadrReportRequest request) =>
        Documents.Write(new OadrCreateReport { RequestId = "stored", OadrReportRequests = [request] });

    public static OadrReportRequest Read(byte[] document) => Documents.Read<OadrCreateReport>(document).OadrReportRequests[0];
}
