using System;
using System.Collections.Generic;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Ven;

/// <summary>The reports a simple VEN sends: a METADATA offer of one real-power data point (TELEMETRY_USAGE), and readings of it.</summary>
public static class TelemetryReports
{
    /// <summary>The METADATA report offering one real-power data point in watts, sampled every <paramref name="minPeriod"/> to <paramref name="maxPeriod"/>.</summary>
    public static OadrReport RealPowerMetadata(string reportSpecifierId, string rId, TimeSpan minPeriod, TimeSpan maxPeriod) => new()
    {
        ReportSpecifierId = reportSpecifierId,
        ReportName = "METADATA_TELEMETRY_USAGE",
        ReportRequestId = "0",
        CreatedDateTime = DateTime.UtcNow,
        OadrReportDescriptions =
        [
            new OadrReportDescription
            {
                RId = rId,
                ReportType = "usage",
                ReadingType = "Direct Read",
                ItemBase = new PowerReal { ItemUnits = PowerRealUnits.Watt, PowerAttributes = new PowerAttributes { Hertz = 50, Voltage = 230, Ac = true } },
                OadrSamplingRate = new OadrSamplingRate { OadrMinPeriod = minPeriod, OadrMaxPeriod = maxPeriod },
            },
        ],
    };

    /// <summary>A TELEMETRY_USAGE report of readings of one data point, for the VTN's report request <paramref name="reportRequestId"/>.</summary>
    public static OadrReport Readings(string reportSpecifierId, string reportRequestId, string rId, IEnumerable<(DateTime Start, TimeSpan Duration, float Value)> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var intervals = new Intervals();
        foreach (var (start, duration, value) in readings)
        {
            intervals.Items.Add(new Interval
            {
                DtStart = start,
                Duration = duration,
                StreamPayloads = [new OadrReportPayload { RId = rId, PayloadBase = new PayloadFloat { Value = value } }],
            });
        }

        return new OadrReport
        {
            ReportSpecifierId = reportSpecifierId,
            ReportName = "TELEMETRY_USAGE",
            ReportRequestId = reportRequestId,
            CreatedDateTime = DateTime.UtcNow,
            Intervals = intervals,
        };
    }
}
