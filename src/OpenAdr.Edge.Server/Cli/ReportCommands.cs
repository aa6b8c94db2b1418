using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using OpenAdr.Edge.Server.Operator;

namespace OpenAdr.Edge.Server.Cli;

/// <summary><c>openadr-edge report ...</c>: what a VEN offers, what was requested of it, and the data it sent.</summary>
internal static class ReportCommands
{
    public static Command Create(OperatorConnection connection)
    {
        var reports = connection.Group("report", "Reports: what VENs offer, what the VTN requested, and the data that came in");
        reports.Add(Show(connection));
        return reports;
    }

    private static Command Show(OperatorConnection connection)
    {
        var venId = new Argument<string>("venId") { Description = "The VEN" };
        var rId = new Option<string>("--rid") { Description = "Only this data point (rID)", HelpName = "rid" };
        var from = CliValues.TimeOption("--from", "Only data from this time on");
        var to = CliValues.TimeOption("--to", "Only data before this time");
        var limit = CliValues.CountOption("--limit", "Read at most this many of the VEN's latest data points [default: 1000]");
        var command = new Command("show", "A VEN's offered data points, the report requests made of it, and the data it sent (newest first)") { venId, rId, from, to, limit };
        connection.SetAction(command, async call =>
        {
            var id = call.Get(venId);
            var reports = await call.Client.GetReportsAsync(id, call.CancellationToken).ConfigureAwait(false);
            var data = await call.Client.GetReportDataAsync(id, call.Get(rId), call.Get(from), call.Get(to), call.Get(limit), call.CancellationToken).ConfigureAwait(false);
            if (call.Json)
            {
                // Two answers, each as the API sent it.
                await call.Output.WriteLineAsync($$"""{"reports":{{reports.Json}},"data":{{data.Json}}}""").ConfigureAwait(false);
                return;
            }

            Write(call.Output, reports.Value, data.Value);
        });
        return command;
    }

    private static void Write(TextWriter output, ReportsDto reports, IReadOnlyList<ReportDataDto> data)
    {
        output.WriteLine("Offered:");
        var offered = new TextTable("SPECIFIER", "REPORT", "RID", "MIN PERIOD", "MAX PERIOD");
        foreach (var point in reports.Offered)
        {
            offered.Add(point.ReportSpecifierId, point.ReportName, point.RId, TextTable.Duration(point.MinPeriod), TextTable.Duration(point.MaxPeriod));
        }

        offered.WriteTo(output, "(none)");
        output.WriteLine();
        output.WriteLine("Requested:");
        var requested = new TextTable("REQUEST ID", "SPECIFIER", "GRANULARITY", "REPORT BACK", "RIDS", "STATE");
        foreach (var request in reports.Requests)
        {
            requested.Add(request.ReportRequestId, request.ReportSpecifierId, TextTable.Duration(request.Granularity), TextTable.Duration(request.ReportBackDuration),
                string.Join(",", request.RIds), request.State);
        }

        requested.WriteTo(output, "(none)");
        output.WriteLine();
        output.WriteLine("Data:");
        var readings = new TextTable("START", "RID", "VALUE", "STATUS", "DURATION", "REQUEST ID", "RECEIVED");
        foreach (var point in data.OrderByDescending(p => p.Start))
        {
            readings.Add(TextTable.Time(point.Start), point.RId, TextTable.Number(point.Value), point.Status, TextTable.Duration(point.Duration),
                point.ReportRequestId, TextTable.Time(point.ReceivedAt));
        }

        readings.WriteTo(output, "(none)");
    }
}
