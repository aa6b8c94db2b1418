using System;
using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadr:oadrReport: a report, either metadata (its data point descriptions) or data (intervals of report payloads).</summary>
[XmlType]
public sealed partial class OadrReport
{
    // strm:StreamBaseType (the XSD base type), flattened: its sequence comes first.
    [XmlElement("dtstart", Ns.Xcal, Inner = "date-time")]
    public DateTime? DtStart { get; set; }

    [XmlElement("duration", Ns.Xcal, Inner = "duration")]
    public TimeSpan? Duration { get; set; }

    [XmlElement("intervals", Ns.Strm)]
    public Intervals? Intervals { get; set; }

    // oadrReportType's extension.
    [XmlElement("eiReportID", Ns.Ei, Intern = true)]
    public string? EiReportId { get; set; }

    [XmlElement("oadrReportDescription", Ns.Oadr)]
    public List<OadrReportDescription> OadrReportDescriptions { get; set; } = [];

    [XmlElement("reportRequestID", Ns.Ei, Intern = true)]
    public string ReportRequestId { get; set; } = "";

    [XmlElement("reportSpecifierID", Ns.Ei, Intern = true)]
    public string ReportSpecifierId { get; set; } = "";

    [XmlElement("reportName", Ns.Ei)]
    [XmlRestriction(typeof(ReportNameEnumerated), ExtensionPrefix = "x-")]
    public string? ReportName { get; set; }

    [XmlElement("createdDateTime", Ns.Ei)]
    public DateTime CreatedDateTime { get; set; }
}

/// <summary>The known values of ei:reportName (x- extensions also allowed).</summary>
public enum ReportNameEnumerated
{
    [XmlEnumValue("METADATA_HISTORY_USAGE")] MetadataHistoryUsage,
    [XmlEnumValue("HISTORY_USAGE")] HistoryUsage,
    [XmlEnumValue("METADATA_HISTORY_GREENBUTTON")] MetadataHistoryGreenButton,
    [XmlEnumValue("HISTORY_GREENBUTTON")] HistoryGreenButton,
    [XmlEnumValue("METADATA_TELEMETRY_USAGE")] MetadataTelemetryUsage,
    [XmlEnumValue("TELEMETRY_USAGE")] TelemetryUsage,
    [XmlEnumValue("METADATA_TELEMETRY_STATUS")] MetadataTelemetryStatus,
    [XmlEnumValue("TELEMETRY_STATUS")] TelemetryStatus,
}
