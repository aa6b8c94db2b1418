using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Reports;

/// <summary>EiReport messages as a VEN sends them, and the METADATA reports a VEN offers.</summary>
internal static class ReportMessages
{
    public const string PowerRId = "power";
    public const string VoltageRId = "voltage";
    public const string StatusRId = "status";
    public const string EnergyRId = "energy";

    public static OadrRegisterReport RegisterReport(string venId, params OadrReport[] reports) => new()
    {
        RequestId = "req-register-" + Guid.NewGuid().ToString("N")[..8],
        OadrReports = [.. reports],
        VenId = venId,
    };

    /// <summary>METADATA_TELEMETRY_USAGE: real power (rID "power") and voltage (rID "voltage") of resource "device-1".</summary>
    public static OadrReport TelemetryUsage(string reportSpecifierId = "telemetry-usage", double minSeconds = 2, double maxSeconds = 3600) => new()
    {
        Duration = TimeSpan.FromHours(1),
        OadrReportDescriptions =
        [
            Description(PowerRId, new PowerReal { ItemUnits = PowerRealUnits.Watt, SiScaleCode = SiScaleCode.Kilo, PowerAttributes = new PowerAttributes { Hertz = 50, Voltage = 230, Ac = true } }, "reading", minSeconds, maxSeconds),
            Description(VoltageRId, new Voltage { SiScaleCode = SiScaleCode.None }, "reading", minSeconds, maxSeconds),
        ],
        ReportRequestId = "0",
        ReportSpecifierId = reportSpecifierId,
        ReportName = "METADATA_TELEMETRY_USAGE",
        CreatedDateTime = VtnHarness.Start,
    };

    /// <summary>METADATA_TELEMETRY_STATUS: the resource status of "device-1" (rID "status").</summary>
    public static OadrReport TelemetryStatus(string reportSpecifierId = "telemetry-status") => new()
    {
        Duration = TimeSpan.FromHours(1),
        OadrReportDescriptions = [Description(StatusRId, null, "x-resourceStatus", 10, 3600)],
        ReportRequestId = "0",
        ReportSpecifierId = reportSpecifierId,
        ReportName = "METADATA_TELEMETRY_STATUS",
        CreatedDateTime = VtnHarness.Start,
    };

    /// <summary>METADATA_HISTORY_USAGE: the metered energy of "device-1" (rID "energy"), without a sampling rate.</summary>
    public static OadrReport HistoryUsage(string reportSpecifierId = "history-usage") => new()
    {
        Duration = TimeSpan.FromDays(1),
        OadrReportDescriptions = [Description(EnergyRId, new EnergyReal { SiScaleCode = SiScaleCode.Kilo }, "usage", null, null)],
        ReportRequestId = "0",
        ReportSpecifierId = reportSpecifierId,
        ReportName = "METADATA_HISTORY_USAGE",
        CreatedDateTime = VtnHarness.Start,
    };

    public static OadrReportDescription Description(string rId, ItemBase? item, string reportType, double? minSeconds, double? maxSeconds) => new()
    {
        RId = rId,
        ReportDataSource = new EiTarget { ResourceIds = ["device-1"] },
        ReportType = reportType,
        ItemBase = item,
        ReadingType = "Direct Read",
        OadrSamplingRate = minSeconds is { } min
            ? new OadrSamplingRate { OadrMinPeriod = TimeSpan.FromSeconds(min), OadrMaxPeriod = TimeSpan.FromSeconds(maxSeconds ?? min), OadrOnChange = false }
            : null,
    };

    /// <summary>oadrUpdateReport carrying one report: one interval per reading, each with its own dtstart.</summary>
    public static OadrUpdateReport UpdateReport(string venId, string reportRequestId, string reportSpecifierId, params (string RId, DateTime Start, float Value)[] readings)
    {
        var payloads = new List<(string, DateTime, PayloadBase)>();
        foreach (var (rId, start, value) in readings)
        {
            payloads.Add((rId, start, new PayloadFloat { Value = value }));
        }

        return UpdateReport(venId, Data(reportRequestId, reportSpecifierId, "TELEMETRY_USAGE", payloads));
    }

    public static OadrUpdateReport UpdateReport(string venId, params OadrReport[] reports) => new()
    {
        RequestId = "req-update-" + Guid.NewGuid().ToString("N")[..8],
        OadrReports = [.. reports],
        VenId = venId,
    };

    public static OadrReport Data(string reportRequestId, string reportSpecifierId, string reportName, IReadOnlyList<(string RId, DateTime Start, PayloadBase Payload)> readings)
    {
        var intervals = new Intervals();
        foreach (var (rId, start, payload) in readings)
        {
            intervals.Items.Add(new Interval
            {
                DtStart = start,
                StreamPayloads = [new OadrReportPayload { RId = rId, PayloadBase = payload }],
            });
        }

        return new OadrReport
        {
            DtStart = readings.Count > 0 ? readings[0].Start : VtnHarness.Start,
            Intervals = intervals,
            ReportRequestId = reportRequestId,
            ReportSpecifierId = reportSpecifierId,
            ReportName = reportName,
            CreatedDateTime = VtnHarness.Start,
        };
    }

    public static OadrCreatedReport CreatedReport(string venId, string requestId, params string[] pendingReportRequestIds) => new()
    {
        EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = requestId },
        OadrPendingReports = new OadrPendingReports { ReportRequestIds = [.. pendingReportRequestIds] },
        VenId = venId,
    };

    /// <summary>A VEN cancelling reports it receives from the VTN.</summary>
    public static OadrCancelReport CancelReport(string venId, params string[] reportRequestIds) => new()
    {
        RequestId = "req-cancel-report",
        ReportRequestIds = [.. reportRequestIds],
        ReportToFollow = false,
        VenId = venId,
    };

    /// <summary>The VEN's answer to the VTN's oadrCancelReport.</summary>
    public static OadrCanceledReport CanceledReport(string venId, string requestId) => new()
    {
        EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = requestId },
        VenId = venId,
    };

    /// <summary>An operator's report request for some rIDs of a report the VEN offers.</summary>
    public static OadrReportRequest Request(string reportSpecifierId, TimeSpan granularity, params string[] rIds)
    {
        var request = new OadrReportRequest
        {
            ReportSpecifier = new ReportSpecifier { ReportSpecifierId = reportSpecifierId, Granularity = granularity, ReportBackDuration = granularity },
        };
        foreach (var rId in rIds)
        {
            request.ReportSpecifier.SpecifierPayloads.Add(new SpecifierPayload { RId = rId, ReadingType = "x-notApplicable" });
        }

        return request;
    }
}

/// <summary>Collects what report callbacks receive.</summary>
internal sealed class ReportSink
{
    private readonly List<ReportData> _received = [];

    public IReadOnlyList<ReportData> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public ReportCallback Callback => data =>
    {
        lock (_received)
        {
            _received.Add(data);
        }

        return ValueTask.CompletedTask;
    };

    /// <summary>A compact handler that subscribes to every offered data point at its minimum sampling interval.</summary>
    public Func<ReportOffer, ValueTask<ReportSubscription?>> AcceptAllAtMinimum() =>
        offer => ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(Callback, offer.MinSamplingInterval));

    public ReportData Single(string rId) => Assert.Single(Received, d => d.RId == rId);
}
