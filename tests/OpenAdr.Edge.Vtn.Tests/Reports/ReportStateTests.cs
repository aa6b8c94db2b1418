using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Reports.ReportMessages;

namespace OpenAdr.Edge.Vtn.Tests.Reports;

/// <summary>
/// The report state each VEN keeps in its compact form: offers that VENs share when they offer alike, and requests
/// kept as their IDs, rIDs and periods, which still go out, come back from the store and take data as they were made.
/// </summary>
public sealed class ReportStateTests
{
    [Fact]
    public async Task Vens_offering_alike_each_see_their_own_venID_in_their_offers()
    {
        await using var harness = await VtnHarness.StartAsync();
        var offered = new System.Collections.Concurrent.ConcurrentBag<ReportOffer>();
        harness.Vtn.OnRegisterReport = offer =>
        {
            offered.Add(offer);
            return ValueTask.FromResult<ReportSubscription?>(null);
        };
        var a = await harness.RegisterAsync("a");
        var b = await harness.RegisterAsync("b");
        await harness.SendAsync<OadrRegisteredReport>(RegisterReport(a, TelemetryUsage()));
        await harness.SendAsync<OadrRegisteredReport>(RegisterReport(b, TelemetryUsage()));

        var offersOfA = harness.Vtn.GetReports(a)!.Offers;
        var offersOfB = harness.Vtn.GetReports(b)!.Offers;

        Assert.Equal(new[] { PowerRId, VoltageRId }, offersOfB.Select(o => o.RId));
        Assert.All(offersOfA, o => Assert.Equal(a, o.VenId));
        Assert.All(offersOfB, o => Assert.Equal(b, o.VenId));
        Assert.Equal(offersOfA, offersOfB.Select(o => o with { VenId = a }));
        Assert.Equal(2, offered.Count(o => o.VenId == b));
    }

    [Fact]
    public async Task An_operator_request_that_says_more_than_rIDs_and_periods_is_sent_and_restored_as_made()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        harness.Vtn.OnRegisterReport = _ => ValueTask.FromResult<ReportSubscription?>(null);
        await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        var request = Request("telemetry-usage", TimeSpan.FromSeconds(10), PowerRId, VoltageRId);
        request.ReportRequestId = "detailed";
        request.ReportSpecifier.ReportInterval = new WsCalendarInterval { Properties = new Properties { DtStart = VtnHarness.Start, Duration = TimeSpan.FromHours(1) } };
        request.ReportSpecifier.SpecifierPayloads[1].ReadingType = "Direct Read";
        var expected = Xml(request);

        await harness.Vtn.RequestReportAsync(venId, request, cancellationToken: TestContext.Current.CancellationToken);
        var sent = Assert.Single((await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId))).OadrReportRequests);
        await harness.RestartAsync();
        var (restored, state) = Assert.Single(harness.Vtn.GetReports(venId)!.Requests);

        Assert.Equal(expected, Xml(sent));
        Assert.Equal(expected, Xml(restored));
        Assert.Equal(ReportRequestState.Requested, state);
    }

    [Fact]
    public async Task Requests_made_at_registration_come_back_from_the_store_as_made_and_their_data_still_reaches_the_handler()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var sink = new ReportSink();
        harness.Vtn.OnRegisterReport = sink.AcceptAllAtMinimum();
        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        var made = Assert.Single(registered.OadrReportRequests);
        Assert.Equal(new[] { PowerRId, VoltageRId }, made.ReportSpecifier.SpecifierPayloads.Select(p => p.RId));
        Assert.All(made.ReportSpecifier.SpecifierPayloads, p => Assert.Equal("x-notApplicable", p.ReadingType));

        await harness.RestartAsync();
        var afterRestart = new ReportSink();
        harness.Vtn.OnRegisterReport = afterRestart.AcceptAllAtMinimum();
        var (restored, _) = Assert.Single(harness.Vtn.GetReports(venId)!.Requests);
        var updated = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, made.ReportRequestId, "telemetry-usage", (VoltageRId, VtnHarness.Start, 231f)));
        var refused = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, made.ReportRequestId, "telemetry-usage", (StatusRId, VtnHarness.Start, 1f)));

        Assert.Equal(Xml(made), Xml(restored));
        Assert.Equal("200", updated.EiResponse.ResponseCode);
        Assert.Equal(231f, afterRestart.Single(VoltageRId).Points[0].Value);
        Assert.Equal("452", refused.EiResponse.ResponseCode);
        Assert.Empty(sink.Received);
    }

    private static string Xml(OadrReportRequest request) => Encoding.UTF8.GetString(Documents.Write(new OadrCreateReport { RequestId = "r", OadrReportRequests = [request] }));
}
