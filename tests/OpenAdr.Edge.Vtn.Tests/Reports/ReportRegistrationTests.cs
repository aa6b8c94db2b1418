using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Scenarios;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Reports.ReportMessages;

namespace OpenAdr.Edge.Vtn.Tests.Reports;

/// <summary>oadrRegisterReport: what the handlers are offered, and the report requests that ride back in oadrRegisteredReport.</summary>
public sealed class ReportRegistrationTests
{
    [Fact]
    public async Task Compact_handler_gets_venid_resource_measurement_unit_scale_and_sampling_range_of_the_interop_metadata()
    {
        var register = (OadrRegisterReport)OadrPayload.Read(File.ReadAllBytes(SharedFiles.Get("interop/openleadr/003_1_VEN-to-VTN_EiReport_oadrRegisterReport.xml"))).OadrSignedObject.Message;
        var venId = register.VenId!;
        await using var harness = await VtnHarness.StartAsync();
        harness.Vtn.OnCreatePartyRegistration = _ => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration(venId, "reg-probe"));
        await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("probe-ven"));
        var offers = new List<ReportOffer>();
        var sink = new ReportSink();
        harness.Vtn.OnRegisterReport = offer =>
        {
            offers.Add(offer);
            return ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(sink.Callback, TimeSpan.FromSeconds(2)));
        };

        var registered = await harness.SendAsync<OadrRegisteredReport>(register, OpenAdrService.EiReport);

        var hour = TimeSpan.FromHours(1);
        var two = TimeSpan.FromSeconds(2);
        Assert.Equal(
            new[]
            {
                new ReportOffer(venId, "METADATA_TELEMETRY_USAGE", "probe-telemetry-usage", "probe-power-real", "probe-device-1", "RealPower", "W", "none", two, hour),
                new ReportOffer(venId, "METADATA_TELEMETRY_USAGE", "probe-telemetry-usage", "probe-voltage", "probe-device-1", "Voltage", "V", "none", two, hour),
            },
            offers);
        Assert.Equal("200", registered.EiResponse.ResponseCode);
        Assert.Equal(register.RequestId, registered.EiResponse.RequestId);
        var request = Assert.Single(registered.OadrReportRequests);
        Assert.Equal(new[] { "probe-power-real", "probe-voltage" }, request.ReportSpecifier.SpecifierPayloads.ConvertAll(p => p.RId));
    }

    [Fact]
    public async Task Compact_handler_is_told_the_scale_and_units_the_ven_names()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var offers = new List<ReportOffer>();
        harness.Vtn.OnRegisterReport = offer =>
        {
            offers.Add(offer);
            return ValueTask.FromResult<ReportSubscription?>(null);
        };

        await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage(minSeconds: 5, maxSeconds: 60)));

        Assert.Equal(
            new (string, string, string?, string?, double, double)[] { (PowerRId, "RealPower", "W", "k", 5.0, 60.0), (VoltageRId, "Voltage", "V", "none", 5.0, 60.0) },
            offers.ConvertAll(o => (o.RId, o.Measurement, o.Unit, o.Scale, o.MinSamplingInterval.TotalSeconds, o.MaxSamplingInterval.TotalSeconds)));
    }

    [Fact]
    public async Task Compact_handler_is_offered_telemetry_status_as_Status_without_unit_or_scale()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        ReportOffer? offered = null;
        harness.Vtn.OnRegisterReport = offer =>
        {
            offered = offer;
            return ValueTask.FromResult<ReportSubscription?>(null);
        };

        await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryStatus()));

        Assert.NotNull(offered);
        Assert.Equal(("METADATA_TELEMETRY_STATUS", StatusRId, "Status", null, null), (offered.ReportName, offered.RId, offered.Measurement, offered.Unit, offered.Scale));
    }

    [Fact]
    public async Task Compact_handler_is_not_offered_history_reports()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var offers = new List<ReportOffer>();
        harness.Vtn.OnRegisterReport = offer =>
        {
            offers.Add(offer);
            return ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(_ => ValueTask.CompletedTask, TimeSpan.FromMinutes(15)));
        };

        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, HistoryUsage()));

        Assert.Empty(offers);
        Assert.Empty(registered.OadrReportRequests);
    }

    [Fact]
    public async Task Full_form_handler_takes_precedence_over_the_compact_one()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var compactCalls = 0;
        harness.Vtn.OnRegisterReport = _ =>
        {
            compactCalls++;
            return ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(_ => ValueTask.CompletedTask, TimeSpan.FromSeconds(2)));
        };
        var reports = new List<(string VenId, string ReportSpecifierId)>();
        harness.Vtn.OnRegisterFullReport = (ven, report) =>
        {
            reports.Add((ven, report.ReportSpecifierId));
            return ValueTask.FromResult<IReadOnlyList<ReportRIdSubscription>?>(
                [new ReportRIdSubscription(VoltageRId, _ => ValueTask.CompletedTask, TimeSpan.FromSeconds(10))]);
        };

        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));

        Assert.Equal(0, compactCalls);
        Assert.Equal(new[] { (venId, "telemetry-usage") }, reports);
        var request = Assert.Single(registered.OadrReportRequests);
        Assert.Equal(VoltageRId, Assert.Single(request.ReportSpecifier.SpecifierPayloads).RId);
        Assert.Equal(TimeSpan.FromSeconds(10), request.ReportSpecifier.Granularity);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7200)]
    public async Task Sampling_interval_outside_the_offered_range_leaves_the_rid_unrequested(double powerSeconds)
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        harness.Vtn.OnRegisterReport = offer => ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(
            _ => ValueTask.CompletedTask, TimeSpan.FromSeconds(offer.RId == PowerRId ? powerSeconds : 5)));

        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage(minSeconds: 2, maxSeconds: 3600)));

        Assert.Equal("200", registered.EiResponse.ResponseCode);
        var request = Assert.Single(registered.OadrReportRequests);
        Assert.Equal(VoltageRId, Assert.Single(request.ReportSpecifier.SpecifierPayloads).RId);
        Assert.Equal(TimeSpan.FromSeconds(5), request.ReportSpecifier.Granularity);
    }

    [Fact]
    public async Task Differing_sampling_intervals_make_separate_report_requests()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var power = new ReportSink();
        var voltage = new ReportSink();
        harness.Vtn.OnRegisterReport = offer => ValueTask.FromResult<ReportSubscription?>(offer.RId == PowerRId
            ? new ReportSubscription(power.Callback, TimeSpan.FromSeconds(2))
            : new ReportSubscription(voltage.Callback, TimeSpan.FromSeconds(10)));

        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));

        Assert.Equal(2, registered.OadrReportRequests.Count);
        var powerRequest = Assert.Single(registered.OadrReportRequests, r => r.ReportSpecifier.SpecifierPayloads is [{ RId: PowerRId }]);
        var voltageRequest = Assert.Single(registered.OadrReportRequests, r => r.ReportSpecifier.SpecifierPayloads is [{ RId: VoltageRId }]);
        Assert.Equal(TimeSpan.FromSeconds(2), powerRequest.ReportSpecifier.Granularity);
        Assert.Equal(TimeSpan.FromSeconds(10), voltageRequest.ReportSpecifier.Granularity);
        Assert.NotEqual(powerRequest.ReportRequestId, voltageRequest.ReportRequestId);

        await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, voltageRequest.ReportRequestId, "telemetry-usage", (VoltageRId, VtnHarness.Start, 231f)));
        Assert.Empty(power.Received);
        Assert.Equal(voltageRequest.ReportRequestId, voltage.Single(VoltageRId).ReportRequestId);
    }

    [Fact]
    public async Task Report_requests_ride_in_the_registered_report_with_reading_type_not_applicable()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        harness.Vtn.OnRegisterReport = _ => ValueTask.FromResult<ReportSubscription?>(
            new ReportSubscription(_ => ValueTask.CompletedTask, TimeSpan.FromSeconds(2), ReportingInterval: TimeSpan.FromMinutes(1)));
        var register = RegisterReport(venId, TelemetryUsage());

        var registered = await harness.SendAsync<OadrRegisteredReport>(register, OpenAdrService.EiReport);

        OadrSchema.AssertWritesValidDocument(registered);
        Assert.Equal(("200", register.RequestId, venId), (registered.EiResponse.ResponseCode, registered.EiResponse.RequestId, registered.VenId));
        var request = Assert.Single(registered.OadrReportRequests);
        Assert.False(string.IsNullOrEmpty(request.ReportRequestId));
        Assert.Equal("telemetry-usage", request.ReportSpecifier.ReportSpecifierId);
        Assert.Equal(TimeSpan.FromSeconds(2), request.ReportSpecifier.Granularity);
        Assert.Equal(TimeSpan.FromMinutes(1), request.ReportSpecifier.ReportBackDuration);
        Assert.Null(request.ReportSpecifier.ReportInterval);
        Assert.Equal(
            new[] { (PowerRId, "x-notApplicable"), (VoltageRId, "x-notApplicable") },
            request.ReportSpecifier.SpecifierPayloads.ConvertAll(p => (p.RId, p.ReadingType)));
        // Nothing else is sent for them: no oadrCreateReport waits for the next poll.
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));
    }

    [Fact]
    public async Task Metadata_without_reports_gets_an_empty_registered_report()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId));

        Assert.Equal("200", registered.EiResponse.ResponseCode);
        Assert.Empty(registered.OadrReportRequests);
    }

    [Fact]
    public async Task Second_metadata_replaces_the_first_and_ends_the_requests_made_of_it()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var sink = new ReportSink();
        harness.Vtn.OnRegisterReport = sink.AcceptAllAtMinimum();
        var first = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage("first")));
        var firstRequest = Assert.Single(first.OadrReportRequests).ReportRequestId;

        var second = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryStatus("second")));

        var secondRequest = Assert.Single(second.OadrReportRequests).ReportRequestId;
        var stale = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, firstRequest, "first", (PowerRId, VtnHarness.Start, 1f)));
        Assert.Equal("452", stale.EiResponse.ResponseCode);
        var refused = await Assert.ThrowsAsync<VtnOperationException>(async () =>
            await harness.Vtn.RequestReportAsync(venId, Request("first", TimeSpan.FromSeconds(2), PowerRId), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("452", refused.Code);
        var current = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId,
            Data(secondRequest, "second", "TELEMETRY_STATUS", [(StatusRId, VtnHarness.Start, new OadrPayloadResourceStatus { OadrOnline = true })])));
        Assert.Equal("200", current.EiResponse.ResponseCode);
        Assert.Equal(1, harness.Database.ScalarInt64("SELECT COUNT(*) FROM report_request"));
    }

    [Fact]
    public async Task Second_metadata_drops_report_requests_still_waiting_for_a_poll()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        await harness.Vtn.RequestReportAsync(venId, Request("telemetry-usage", TimeSpan.FromSeconds(5), PowerRId), cancellationToken: TestContext.Current.CancellationToken);

        await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));

        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));
    }
}
