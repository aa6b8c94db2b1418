using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Scenarios;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Reports.ReportMessages;

namespace OpenAdr.Edge.Vtn.Tests.Reports;

/// <summary>Report requests the operator makes (oadrCreateReport) or ends (oadrCancelReport), and the VEN's confirmations.</summary>
public sealed class ReportRequestTests
{
    [Fact]
    public async Task Requested_report_is_sent_as_oadrCreateReport_at_the_next_poll_and_its_data_reaches_the_callback()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await RegisterOfferingTelemetryAsync(harness);
        var sink = new ReportSink();

        var reportRequestId = await harness.Vtn.RequestReportAsync(
            venId, Request("telemetry-usage", TimeSpan.FromSeconds(10), PowerRId, VoltageRId), sink.Callback, TestContext.Current.CancellationToken);

        var create = await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId));
        OadrSchema.AssertWritesValidDocument(create);
        Assert.Equal(venId, create.VenId);
        Assert.False(string.IsNullOrEmpty(create.RequestId));
        var request = Assert.Single(create.OadrReportRequests);
        Assert.Equal(reportRequestId, request.ReportRequestId);
        Assert.Equal(TimeSpan.FromSeconds(10), request.ReportSpecifier.Granularity);
        Assert.Equal(new[] { PowerRId, VoltageRId }, request.ReportSpecifier.SpecifierPayloads.ConvertAll(p => p.RId));
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));

        var created = await harness.SendAsync<OadrResponse>(CreatedReport(venId, create.RequestId, reportRequestId), OpenAdrService.EiReport);
        Assert.Equal(("200", create.RequestId), (created.EiResponse.ResponseCode, created.EiResponse.RequestId));
        var updated = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, reportRequestId, "telemetry-usage", (PowerRId, VtnHarness.Start, 3.5f)));
        Assert.Equal("200", updated.EiResponse.ResponseCode);
        Assert.Equal(3.5f, sink.Single(PowerRId).Points[0].Value);
    }

    [Fact]
    public async Task Requesting_an_rid_the_ven_does_not_offer_is_refused_with_452_and_nothing_is_queued()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await RegisterOfferingTelemetryAsync(harness);

        var unknownRId = await Assert.ThrowsAsync<VtnOperationException>(async () =>
            await harness.Vtn.RequestReportAsync(venId, Request("telemetry-usage", TimeSpan.FromSeconds(10), "frequency"), cancellationToken: TestContext.Current.CancellationToken));
        var unknownReport = await Assert.ThrowsAsync<VtnOperationException>(async () =>
            await harness.Vtn.RequestReportAsync(venId, Request("no-such-report", TimeSpan.FromSeconds(10), PowerRId), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("452", unknownRId.Code);
        Assert.Equal("452", unknownReport.Code);
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));
        Assert.Equal(0, harness.Database.ScalarInt64("SELECT COUNT(*) FROM report_request"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7200)]
    public async Task Requesting_a_granularity_outside_the_offered_range_is_refused_with_454(double seconds)
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await RegisterOfferingTelemetryAsync(harness);

        var refused = await Assert.ThrowsAsync<VtnOperationException>(async () =>
            await harness.Vtn.RequestReportAsync(venId, Request("telemetry-usage", TimeSpan.FromSeconds(seconds), PowerRId), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("454", refused.Code);
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));
    }

    [Fact]
    public async Task Requesting_a_report_of_an_unregistered_ven_is_refused_with_463()
    {
        await using var harness = await VtnHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<VtnOperationException>(async () =>
            await harness.Vtn.RequestReportAsync("ven-nobody", Request("telemetry-usage", TimeSpan.FromSeconds(10), PowerRId), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("463", refused.Code);
    }

    [Fact]
    public async Task Created_report_marks_the_listed_requests_pending_and_tells_the_handler()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        harness.Vtn.OnRegisterReport = new ReportSink().AcceptAllAtMinimum();
        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        var reportRequestId = Assert.Single(registered.OadrReportRequests).ReportRequestId;
        var told = new List<(string, IReadOnlyList<string>)>();
        harness.Vtn.OnCreatedReport = (ven, pending) =>
        {
            told.Add((ven, pending));
            return ValueTask.CompletedTask;
        };
        Assert.Equal((long)ReportRequestState.Requested, StateOf(harness, reportRequestId));

        var answer = await harness.SendAsync<OadrResponse>(CreatedReport(venId, registered.EiResponse.RequestId, reportRequestId), OpenAdrService.EiReport);

        Assert.Equal(("200", registered.EiResponse.RequestId, venId), (answer.EiResponse.ResponseCode, answer.EiResponse.RequestId, answer.VenId));
        Assert.Equal((long)ReportRequestState.Pending, StateOf(harness, reportRequestId));
        var (toldVen, toldPending) = Assert.Single(told);
        Assert.Equal(venId, toldVen);
        Assert.Equal(new[] { reportRequestId }, toldPending);
    }

    [Fact]
    public async Task Created_report_from_a_ven_that_never_registered_reports_gets_a_normal_answer()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        var answer = await harness.SendAsync<OadrResponse>(CreatedReport(venId, "req-x", "rr-never-requested"), OpenAdrService.EiReport);

        Assert.Equal(("200", "req-x"), (answer.EiResponse.ResponseCode, answer.EiResponse.RequestId));
        Assert.Equal(0, harness.Database.ScalarInt64("SELECT COUNT(*) FROM report_request"));
    }

    [Fact]
    public async Task Cancel_with_report_to_follow_takes_one_more_report_then_the_request_is_gone()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var sink = new ReportSink();
        harness.Vtn.OnRegisterReport = sink.AcceptAllAtMinimum();
        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        var reportRequestId = Assert.Single(registered.OadrReportRequests).ReportRequestId;

        await harness.Vtn.CancelReportAsync(venId, reportRequestId, reportToFollow: true, TestContext.Current.CancellationToken);

        var cancel = await harness.SendAsync<OadrCancelReport>(Messages.Poll(venId));
        OadrSchema.AssertWritesValidDocument(cancel);
        Assert.Equal(new[] { reportRequestId }, cancel.ReportRequestIds);
        Assert.True(cancel.ReportToFollow);
        Assert.Equal(venId, cancel.VenId);
        Assert.False(string.IsNullOrEmpty(cancel.RequestId));
        var canceled = await harness.SendAsync<OadrResponse>(CanceledReport(venId, cancel.RequestId), OpenAdrService.EiReport);
        Assert.Equal(("200", cancel.RequestId), (canceled.EiResponse.ResponseCode, canceled.EiResponse.RequestId));

        var last = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, reportRequestId, "telemetry-usage", (PowerRId, VtnHarness.Start, 1f)));
        var afterLast = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, reportRequestId, "telemetry-usage", (PowerRId, VtnHarness.Start.AddSeconds(2), 2f)));

        Assert.Equal("200", last.EiResponse.ResponseCode);
        Assert.Equal("452", afterLast.EiResponse.ResponseCode);
        Assert.Single(await harness.Vtn.ReadReportDataAsync(venId, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Single(sink.Received);
    }

    [Fact]
    public async Task Cancel_without_report_to_follow_ends_the_request_at_once()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        harness.Vtn.OnRegisterReport = new ReportSink().AcceptAllAtMinimum();
        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        var reportRequestId = Assert.Single(registered.OadrReportRequests).ReportRequestId;

        await harness.Vtn.CancelReportAsync(venId, reportRequestId, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False((await harness.SendAsync<OadrCancelReport>(Messages.Poll(venId))).ReportToFollow);
        var update = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, reportRequestId, "telemetry-usage", (PowerRId, VtnHarness.Start, 1f)));
        Assert.Equal("452", update.EiResponse.ResponseCode);
    }

    [Fact]
    public async Task Cancelling_an_unknown_report_request_is_refused_with_452()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        var refused = await Assert.ThrowsAsync<VtnOperationException>(async () =>
            await harness.Vtn.CancelReportAsync(venId, "rr-unknown", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("452", refused.Code);
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));
    }

    [Fact]
    public async Task Vens_cancel_of_reports_from_the_vtn_gets_oadrCanceledReport_452()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        var answer = await harness.SendAsync<OadrCanceledReport>(CancelReport(venId, "rr-vtn"), OpenAdrService.EiReport);

        OadrSchema.AssertWritesValidDocument(answer);
        Assert.Equal(("452", "req-cancel-report", venId), (answer.EiResponse.ResponseCode, answer.EiResponse.RequestId, answer.VenId));
    }

    /// <summary>A registered VEN "ven-a" that offers TELEMETRY_USAGE (2 s to 1 h), of which the VTN requests nothing yet.</summary>
    private static async Task<string> RegisterOfferingTelemetryAsync(VtnHarness harness)
    {
        var venId = await harness.RegisterAsync("a");
        harness.Vtn.OnRegisterReport = _ => ValueTask.FromResult<ReportSubscription?>(null);
        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        Assert.Empty(registered.OadrReportRequests);
        return venId;
    }

    private static long StateOf(VtnHarness harness, string reportRequestId) =>
        harness.Database.ScalarInt64($"SELECT state FROM report_request WHERE report_request_id = '{reportRequestId}'");
}
