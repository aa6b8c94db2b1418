using System;
using System.Collections.Generic;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadr:oadrReportRequest: a request for one report, identified by its reportRequestID.</summary>
[XmlType]
public sealed partial class OadrReportRequest
{
    [XmlElement("reportRequestID", Ns.Ei, Intern = true)]
    public string ReportRequestId { get; set; } = "";

    [XmlElement("reportSpecifier", Ns.Ei)]
    public ReportSpecifier ReportSpecifier { get; set; } = new();
}

/// <summary>ei:reportSpecifier: which metadata report and data points to report, how often and over which period.</summary>
[XmlType]
public sealed partial class ReportSpecifier
{
    [XmlElement("reportSpecifierID", Ns.Ei, Intern = true)]
    public string ReportSpecifierId { get; set; } = "";

    [XmlElement("granularity", Ns.Xcal, Inner = "duration")]
    public TimeSpan Granularity { get; set; }

    [XmlElement("reportBackDuration", Ns.Ei, Inner = "duration", InnerNamespace = Ns.Xcal)]
    public TimeSpan ReportBackDuration { get; set; }

    [XmlElement("reportInterval", Ns.Ei)]
    public WsCalendarInterval? ReportInterval { get; set; }

    [XmlElement("specifierPayload", Ns.Ei, MinOccurs = 1)]
    public List<SpecifierPayload> SpecifierPayloads { get; set; } = [];
}

/// <summary>ei:specifierPayload: one requested data point (rID, unit and reading type).</summary>
[XmlType]
public sealed partial class SpecifierPayload
{
    [XmlElement("rID", Ns.Ei, Intern = true)]
    public string RId { get; set; } = "";

    [XmlChoice]
    public ItemBase? ItemBase { get; set; }

    [XmlElement("readingType", Ns.Ei)]
    [XmlRestriction(typeof(ReadingTypeEnumerated), ExtensionPrefix = "x-")]
    public string ReadingType { get; set; } = "";
}
