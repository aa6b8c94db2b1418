using System;
using System.Collections.Generic;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Reports;

/// <summary>One VEN's report state: what it offers (its METADATA), what the VTN asked for, and where the data goes.</summary>
internal sealed class VenReports
{
    public OadrRegisterReport? Capabilities { get; set; }

    public Dictionary<string, ReportRequestEntry> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Per (reportRequestID, rID): the callback its data goes to. Process-local, like OpenLEADR's; rebuilt on demand after a restart.</summary>
    public Dictionary<(string ReportRequestId, string RId), ReportCallback> Callbacks { get; } = [];

    public void Clear()
    {
        Capabilities = null;
        Requests.Clear();
        Callbacks.Clear();
    }

    /// <summary>The description of an offered data point, and the report that offers it.</summary>
    public (OadrReport Report, OadrReportDescription Description)? FindOffer(string reportSpecifierId, string rId)
    {
        foreach (var report in Capabilities?.OadrReports ?? [])
        {
            if (report.ReportSpecifierId != reportSpecifierId)
            {
                continue;
            }

            foreach (var description in report.OadrReportDescriptions)
            {
                if (description.RId == rId)
                {
                    return (report, description);
                }
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
