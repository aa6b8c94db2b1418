using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Scenarios;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Reports.ReportMessages;

namespace OpenAdr.Edge.Vtn.Tests.Reports;

/// <summary>oadrUpdateReport: where report data goes (per-rID callbacks, the fallback handler, the store) and what is refused.</summary>
public sealed class ReportDataTests
{
    private static readonly DateTime T0 = VtnHarness.Start;
    private static readonly DateTime T1 = VtnHarness.Start.AddSeconds(2);

    [Fact]
    public async Task Update_reaches_the_per_rid_callbacks_and_the_store_and_its_request_id_is_echoed()
    {
        await using var harness = await VtnHarness.StartAsync();
        var sink = new ReportSink();
        var (venId, reportRequestId) = await RegisterTelemetryAsync(harness, sink);
        var update = UpdateReport(venId, reportRequestId, "telemetry-usage", (PowerRId, T0, 1.5f), (VoltageRId, T0, 230f), (PowerRId, T1, 2.5f));

        var updated = await harness.SendAsync<OadrUpdatedReport>(update, OpenAdrService.EiReport);

        OadrSchema.AssertWritesValidDocument(updated);
        Assert.Equal(("200", update.RequestId, venId), (updated.EiResponse.ResponseCode, updated.EiResponse.RequestId, updated.VenId));
        Assert.Null(updated.OadrCancelReport);
        var power = sink.Single(PowerRId);
        Assert.Equal((venId, reportRequestId), (power.VenId, power.ReportRequestId));
        Assert.Equal(new[] { (T0, (float?)1.5f), (T1, 2.5f) }, power.Points.Select(p => (p.Start, p.Value)));
        Assert.Equal(new[] { (T0, (float?)230f) }, sink.Single(VoltageRId).Points.Select(p => (p.Start, p.Value)));
        var stored = await harness.Vtn.ReadReportDataAsync(venId, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(
            new[] { (PowerRId, T0, (double?)1.5), (VoltageRId, T0, 230.0), (PowerRId, T1, 2.5) }.Order(),
            stored.Select(d => (d.RId, d.Start, d.Value)).Order());
        Assert.All(stored, d => Assert.Equal(reportRequestId, d.ReportRequestId));
    }

    [Fact]
    public async Task Telemetry_status_payload_is_accepted_and_stored()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var sink = new ReportSink();
        harness.Vtn.OnRegisterReport = sink.AcceptAllAtMinimum();
        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryStatus()));
        var reportRequestId = Assert.Single(registered.OadrReportRequests).ReportRequestId;
        var status = new OadrPayloadResourceStatus { OadrOnline = true, OadrManualOverride = false };
        var update = UpdateReport(venId, Data(reportRequestId, "telemetry-status", "TELEMETRY_STATUS", [(StatusRId, T0, status)]));
        OadrSchema.AssertWritesValidDocument(update);

        var updated = await harness.SendAsync<OadrUpdatedReport>(update, OpenAdrService.EiReport);

        Assert.Equal("200", updated.EiResponse.ResponseCode);
        var point = Assert.Single(sink.Single(StatusRId).Points);
        Assert.Null(point.Value);
        Assert.Equal((true, false), (point.Status!.OadrOnline, point.Status.OadrManualOverride));
        var stored = Assert.Single(await harness.Vtn.ReadReportDataAsync(venId, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal((StatusRId, T0, (double?)null, "online=1;manualOverride=0"), (stored.RId, stored.Start, stored.Value, stored.Status));
    }

    [Fact]
    public async Task History_usage_data_is_accepted_for_a_request_made_by_the_full_handler()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var sink = new ReportSink();
        harness.Vtn.OnRegisterFullReport = (_, report) => ValueTask.FromResult<IReadOnlyList<ReportRIdSubscription>?>(
            report.ReportName == "METADATA_HISTORY_USAGE" ? [new ReportRIdSubscription(EnergyRId, sink.Callback, TimeSpan.FromMinutes(15))] : null);
        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, HistoryUsage(), TelemetryUsage()));
        var request = Assert.Single(registered.OadrReportRequests);
        Assert.Equal(("history-usage", TimeSpan.FromMinutes(15)), (request.ReportSpecifier.ReportSpecifierId, request.ReportSpecifier.Granularity));
        var data = Data(request.ReportRequestId, "history-usage", "HISTORY_USAGE", [(EnergyRId, T0, new PayloadFloat { Value = 12 }), (EnergyRId, T0.AddMinutes(15), new PayloadFloat { Value = 14 })]);
        data.Intervals!.Items.ForEach(i => i.Duration = TimeSpan.FromMinutes(15));

        var updated = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, data), OpenAdrService.EiReport);

        Assert.Equal("200", updated.EiResponse.ResponseCode);
        Assert.Equal(new float?[] { 12, 14 }, sink.Single(EnergyRId).Points.Select(p => p.Value));
        var stored = await harness.Vtn.ReadReportDataAsync(venId, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, d => Assert.Equal(TimeSpan.FromMinutes(15), d.Duration));
    }

    [Fact]
    public async Task Data_for_an_unknown_report_request_gets_452_and_nothing_is_stored()
    {
        await using var harness = await VtnHarness.StartAsync();
        var sink = new ReportSink();
        var (venId, reportRequestId) = await RegisterTelemetryAsync(harness, sink);
        var fallbackCalls = 0;
        harness.Vtn.OnUpdateReport = (_, _) =>
        {
            fallbackCalls++;
            return ValueTask.CompletedTask;
        };
        var known = Data(reportRequestId, "telemetry-usage", "TELEMETRY_USAGE", [(PowerRId, T0, new PayloadFloat { Value = 1 })]);
        var unknown = Data("rr-unknown", "telemetry-usage", "TELEMETRY_USAGE", [(PowerRId, T0, new PayloadFloat { Value = 2 })]);
        var update = UpdateReport(venId, known, unknown);

        var updated = await harness.SendAsync<OadrUpdatedReport>(update);

        Assert.Equal(("452", update.RequestId, venId), (updated.EiResponse.ResponseCode, updated.EiResponse.RequestId, updated.VenId));
        Assert.Empty(await harness.Vtn.ReadReportDataAsync(venId, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(sink.Received);
        Assert.Equal(0, fallbackCalls);
    }

    [Fact]
    public async Task Callbacks_survive_a_restart_through_the_compact_handler()
    {
        await using var harness = await VtnHarness.StartAsync();
        var before = new ReportSink();
        var (venId, reportRequestId) = await RegisterTelemetryAsync(harness, before);

        await harness.RestartAsync();
        var after = new ReportSink();
        harness.Vtn.OnRegisterReport = after.AcceptAllAtMinimum();
        var updated = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, reportRequestId, "telemetry-usage", (PowerRId, T0, 7f)));

        Assert.Equal("200", updated.EiResponse.ResponseCode);
        Assert.Empty(before.Received);
        var data = after.Single(PowerRId);
        Assert.Equal((reportRequestId, 7f), (data.ReportRequestId, data.Points[0].Value));
    }

    [Fact]
    public async Task Update_handler_gets_data_that_no_callback_takes()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        harness.Vtn.OnRegisterReport = _ => ValueTask.FromResult<ReportSubscription?>(null);
        await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        var reportRequestId = await harness.Vtn.RequestReportAsync(venId, Request("telemetry-usage", TimeSpan.FromSeconds(10), PowerRId), cancellationToken: TestContext.Current.CancellationToken);
        var fallback = new List<(string VenId, OadrReport Report)>();
        harness.Vtn.OnUpdateReport = (ven, report) =>
        {
            fallback.Add((ven, report));
            return ValueTask.CompletedTask;
        };

        var updated = await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, reportRequestId, "telemetry-usage", (PowerRId, T0, 4f)));

        Assert.Equal("200", updated.EiResponse.ResponseCode);
        var (toldVen, report) = Assert.Single(fallback);
        Assert.Equal((venId, reportRequestId), (toldVen, report.ReportRequestId));
        Assert.Equal(4f, ((PayloadFloat)((OadrReportPayload)report.Intervals!.Items[0].StreamPayloads[0]).PayloadBase).Value);
        Assert.Single(await harness.Vtn.ReadReportDataAsync(venId, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Update_handler_is_not_told_of_data_a_callback_takes()
    {
        await using var harness = await VtnHarness.StartAsync();
        var sink = new ReportSink();
        var (venId, reportRequestId) = await RegisterTelemetryAsync(harness, sink);
        var fallbackCalls = 0;
        harness.Vtn.OnUpdateReport = (_, _) =>
        {
            fallbackCalls++;
            return ValueTask.CompletedTask;
        };

        await harness.SendAsync<OadrUpdatedReport>(UpdateReport(venId, reportRequestId, "telemetry-usage", (PowerRId, T0, 4f)));

        Assert.Equal(0, fallbackCalls);
        Assert.Single(sink.Received);
    }

    [Fact]
    public async Task Interop_update_report_reaches_the_callbacks_with_its_values()
    {
        var register = (OadrRegisterReport)OadrPayload.Read(System.IO.File.ReadAllBytes(
            OpenAdr.Edge.Tests.SharedFiles.Get("interop/openleadr/003_1_VEN-to-VTN_EiReport_oadrRegisterReport.xml"))).OadrSignedObject.Message;
        var update = (OadrUpdateReport)OadrPayload.Read(System.IO.File.ReadAllBytes(
            OpenAdr.Edge.Tests.SharedFiles.Get("interop/openleadr/005_1_VEN-to-VTN_EiReport_oadrUpdateReport.xml"))).OadrSignedObject.Message;
        await using var harness = await VtnHarness.StartAsync();
        harness.Vtn.OnCreatePartyRegistration = _ => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration(register.VenId!, "reg-probe"));
        await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("probe-ven"));
        var sink = new ReportSink();
        harness.Vtn.OnRegisterReport = sink.AcceptAllAtMinimum();
        var registered = await harness.SendAsync<OadrRegisteredReport>(register);
        // The recorded reportRequestID is OpenLEADR's; ours stands in for it.
        update.OadrReports[0].ReportRequestId = Assert.Single(registered.OadrReportRequests).ReportRequestId;

        var updated = await harness.SendAsync<OadrUpdatedReport>(update, OpenAdrService.EiReport);

        Assert.Equal(("200", "2e46780e-7b2b-44ef-9291-151729ea3005"), (updated.EiResponse.ResponseCode, updated.EiResponse.RequestId));
        Assert.Equal(1655.5f, Assert.Single(sink.Single("probe-power-real").Points).Value);
        Assert.Equal(225.4f, Assert.Single(sink.Single("probe-voltage").Points).Value);
        Assert.Equal(new DateTime(2026, 11, 26, 3, 49, 16, DateTimeKind.Utc).AddTicks(7004090), sink.Single("probe-power-real").Points[0].Start);
    }

    /// <summary>"ven-a", registered, whose TELEMETRY_USAGE the VTN takes at 2 s into <paramref name="sink"/>.</summary>
    private static async Task<(string VenId, string ReportRequestId)> RegisterTelemetryAsync(VtnHarness harness, ReportSink sink)
    {
        var venId = await harness.RegisterAsync("a");
        harness.Vtn.OnRegisterReport = sink.AcceptAllAtMinimum();
        var registered = await harness.SendAsync<OadrRegisteredReport>(RegisterReport(venId, TelemetryUsage()));
        return (venId, Assert.Single(registered.OadrReportRequests).ReportRequestId);
    }
}
