using System;
using System.Collections.Generic;
using System.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Benchmarks.Baselines;

// OpenADR 2.0b as a .NET developer maps it for XmlSerializer without this project: classes annotated the way xsd.exe
// generates them from the official schema, for the five messages the payload benchmarks use. XmlSerializerBaseline
// refuses any element or attribute these classes leave unmapped, so the baseline does the whole job ours does.

[XmlRoot("oadrPayload", Namespace = Ns.Oadr)]
public class OadrPayload
{
    [XmlElement("oadrSignedObject")] public OadrSignedObject? SignedObject { get; set; }
}

public class OadrSignedObject
{
    [XmlAttribute("Id", Form = System.Xml.Schema.XmlSchemaForm.Qualified)] public string? Id { get; set; }

    [XmlElement("oadrPoll", typeof(OadrPoll))]
    [XmlElement("oadrResponse", typeof(OadrResponse))]
    [XmlElement("oadrDistributeEvent", typeof(OadrDistributeEvent))]
    [XmlElement("oadrUpdateReport", typeof(OadrUpdateReport))]
    [XmlElement("oadrRegisterReport", typeof(OadrRegisterReport))]
    public object? Item { get; set; }
}

public abstract class OadrMessage
{
    [XmlAttribute("schemaVersion", Namespace = Ns.Ei, Form = System.Xml.Schema.XmlSchemaForm.Qualified)] public string? SchemaVersion { get; set; }
}

public class OadrPoll : OadrMessage
{
    [XmlElement("venID", Namespace = Ns.Ei)] public string? VenId { get; set; }
}

public class EiResponse
{
    [XmlElement("responseCode", Namespace = Ns.Ei)] public string? ResponseCode { get; set; }
    [XmlElement("responseDescription", Namespace = Ns.Ei)] public string? ResponseDescription { get; set; }
    [XmlElement("requestID", Namespace = Ns.Pyld)] public string? RequestId { get; set; }
}

public class OadrResponse : OadrMessage
{
    [XmlElement("eiResponse", Namespace = Ns.Ei)] public EiResponse? EiResponse { get; set; }
    [XmlElement("venID", Namespace = Ns.Ei)] public string? VenId { get; set; }
}

public class OadrDistributeEvent : OadrMessage
{
    [XmlElement("eiResponse", Namespace = Ns.Ei)] public EiResponse? EiResponse { get; set; }
    [XmlElement("requestID", Namespace = Ns.Pyld)] public string? RequestId { get; set; }
    [XmlElement("vtnID", Namespace = Ns.Ei)] public string? VtnId { get; set; }
    [XmlElement("oadrEvent")] public List<OadrEvent> Events { get; set; } = [];
}

public class OadrEvent
{
    [XmlElement("eiEvent", Namespace = Ns.Ei)] public EiEvent? EiEvent { get; set; }
    [XmlElement("oadrResponseRequired")] public string? ResponseRequired { get; set; }
}

public class EiEvent
{
    [XmlElement("eventDescriptor")] public EventDescriptor? EventDescriptor { get; set; }
    [XmlElement("eiActivePeriod")] public EiActivePeriod? ActivePeriod { get; set; }
    [XmlArray("eiEventSignals")][XmlArrayItem("eiEventSignal")] public List<EiEventSignal> Signals { get; set; } = [];
    [XmlElement("eiTarget")] public EiTarget? Target { get; set; }
}

[XmlType(Namespace = Ns.Ei)]
public class EventDescriptor
{
    [XmlElement("eventID")] public string? EventId { get; set; }
    [XmlElement("modificationNumber")] public uint ModificationNumber { get; set; }
    [XmlElement("modificationDateTime")] public DateTime ModificationDateTime { get; set; }
    [XmlElement("modificationReason")] public string? ModificationReason { get; set; }
    [XmlElement("priority")] public uint Priority { get; set; }
    [XmlElement("eiMarketContext")] public EiMarketContext? MarketContext { get; set; }
    [XmlElement("createdDateTime")] public DateTime CreatedDateTime { get; set; }
    [XmlElement("eventStatus")] public string? EventStatus { get; set; }
    [XmlElement("testEvent")] public string? TestEvent { get; set; }
    [XmlElement("vtnComment")] public string? VtnComment { get; set; }
}

public class EiMarketContext
{
    [XmlElement("marketContext", Namespace = Ns.Emix)] public string? MarketContext { get; set; }
}

[XmlType(Namespace = Ns.Ei)]
public class EiActivePeriod
{
    [XmlElement("properties", Namespace = Ns.Xcal)] public Properties? Properties { get; set; }
    [XmlElement("components", Namespace = Ns.Xcal)] public object? Components { get; set; }
}

[XmlType(Namespace = Ns.Xcal)]
public class Properties
{
    [XmlElement("dtstart")] public DtStart? DtStart { get; set; }
    [XmlElement("duration")] public DurationProperty? Duration { get; set; }
    [XmlElement("tolerance")] public object? Tolerance { get; set; }
    [XmlElement("x-eiNotification", Namespace = Ns.Ei)] public DurationProperty? Notification { get; set; }
    [XmlElement("x-eiRampUp", Namespace = Ns.Ei)] public DurationProperty? RampUp { get; set; }
    [XmlElement("x-eiRecovery", Namespace = Ns.Ei)] public DurationProperty? Recovery { get; set; }
}

[XmlType(Namespace = Ns.Xcal)]
public class DtStart
{
    [XmlElement("date-time")] public DateTime DateTime { get; set; }
}

[XmlType(Namespace = Ns.Xcal)]
public class DurationProperty
{
    [XmlElement("duration", Namespace = Ns.Xcal)] public string? Duration { get; set; }
}

[XmlType(Namespace = Ns.Ei)]
public class EiEventSignal
{
    [XmlArray("intervals", Namespace = Ns.Strm)][XmlArrayItem("interval", Namespace = Ns.Ei)] public List<Interval> Intervals { get; set; } = [];
    [XmlElement("signalName")] public string? SignalName { get; set; }
    [XmlElement("signalType")] public string? SignalType { get; set; }
    [XmlElement("signalID")] public string? SignalId { get; set; }
    [XmlElement("currentValue")] public CurrentValue? CurrentValue { get; set; }
}

[XmlType(Namespace = Ns.Ei)]
public class Interval
{
    [XmlElement("dtstart", Namespace = Ns.Xcal)] public DtStart? DtStart { get; set; }
    [XmlElement("duration", Namespace = Ns.Xcal)] public DurationProperty? Duration { get; set; }
    [XmlElement("uid", Namespace = Ns.Xcal)] public Uid? Uid { get; set; }
    [XmlElement("signalPayload")] public List<SignalPayload> SignalPayloads { get; set; } = [];
    [XmlElement("oadrReportPayload", Namespace = Ns.Oadr)] public List<OadrReportPayload> ReportPayloads { get; set; } = [];
}

[XmlType(Namespace = Ns.Xcal)]
public class Uid
{
    [XmlElement("text")] public string? Text { get; set; }
}

[XmlType(Namespace = Ns.Ei)]
public class SignalPayload
{
    [XmlElement("payloadFloat")] public PayloadFloat? PayloadFloat { get; set; }
}

[XmlType(Namespace = Ns.Ei)]
public class CurrentValue
{
    [XmlElement("payloadFloat")] public PayloadFloat? PayloadFloat { get; set; }
}

[XmlType(Namespace = Ns.Ei)]
public class PayloadFloat
{
    [XmlElement("value")] public float Value { get; set; }
}

[XmlType(Namespace = Ns.Ei)]
public class EiTarget
{
    [XmlElement("groupID")] public List<string> GroupIds { get; set; } = [];
    [XmlElement("resourceID")] public List<string> ResourceIds { get; set; } = [];
    [XmlElement("venID")] public List<string> VenIds { get; set; } = [];
    [XmlElement("partyID")] public List<string> PartyIds { get; set; } = [];
}

public class OadrUpdateReport : OadrMessage
{
    [XmlElement("requestID", Namespace = Ns.Pyld)] public string? RequestId { get; set; }
    [XmlElement("oadrReport")] public List<OadrReport> Reports { get; set; } = [];
    [XmlElement("venID", Namespace = Ns.Ei)] public string? VenId { get; set; }
}

public class OadrRegisterReport : OadrMessage
{
    [XmlElement("requestID", Namespace = Ns.Pyld)] public string? RequestId { get; set; }
    [XmlElement("oadrReport")] public List<OadrReport> Reports { get; set; } = [];
    [XmlElement("venID", Namespace = Ns.Ei)] public string? VenId { get; set; }
    [XmlElement("reportRequestID", Namespace = Ns.Ei)] public string? ReportRequestId { get; set; }
}

[XmlType(Namespace = Ns.Oadr)]
public class OadrReport
{
    [XmlElement("dtstart", Namespace = Ns.Xcal)] public DtStart? DtStart { get; set; }
    [XmlElement("duration", Namespace = Ns.Xcal)] public DurationProperty? Duration { get; set; }
    [XmlArray("intervals", Namespace = Ns.Strm)][XmlArrayItem("interval", Namespace = Ns.Ei)] public List<Interval>? Intervals { get; set; }
    [XmlElement("eiReportID", Namespace = Ns.Ei)] public string? EiReportId { get; set; }
    [XmlElement("oadrReportDescription")] public List<OadrReportDescription> Descriptions { get; set; } = [];
    [XmlElement("reportRequestID", Namespace = Ns.Ei)] public string? ReportRequestId { get; set; }
    [XmlElement("reportSpecifierID", Namespace = Ns.Ei)] public string? ReportSpecifierId { get; set; }
    [XmlElement("reportName", Namespace = Ns.Ei)] public string? ReportName { get; set; }
    [XmlElement("createdDateTime", Namespace = Ns.Ei)] public DateTime CreatedDateTime { get; set; }
}

[XmlType(Namespace = Ns.Oadr)]
public class OadrReportPayload
{
    [XmlElement("rID", Namespace = Ns.Ei)] public string? RId { get; set; }
    [XmlElement("confidence")] public uint? Confidence { get; set; }
    [XmlElement("accuracy")] public float? Accuracy { get; set; }
    [XmlElement("payloadFloat", Namespace = Ns.Ei)] public PayloadFloat? PayloadFloat { get; set; }
    [XmlElement("oadrDataQuality")] public string? DataQuality { get; set; }
}

[XmlType(Namespace = Ns.Oadr)]
public class OadrReportDescription
{
    [XmlElement("rID", Namespace = Ns.Ei)] public string? RId { get; set; }
    [XmlElement("reportSubject", Namespace = Ns.Ei)] public EiTarget? ReportSubject { get; set; }
    [XmlElement("reportDataSource", Namespace = Ns.Ei)] public EiTarget? ReportDataSource { get; set; }
    [XmlElement("reportType", Namespace = Ns.Ei)] public string? ReportType { get; set; }
    [XmlElement("powerReal", typeof(PowerItem), Namespace = Ns.Power)]
    [XmlElement("voltage", typeof(VoltageItem), Namespace = Ns.Power)]
    public ItemBase? Item { get; set; }
    [XmlElement("readingType", Namespace = Ns.Ei)] public string? ReadingType { get; set; }
    [XmlElement("marketContext", Namespace = Ns.Emix)] public string? MarketContext { get; set; }
    [XmlElement("oadrSamplingRate")] public OadrSamplingRate? SamplingRate { get; set; }
}

[XmlType(Namespace = Ns.Power)]
public abstract class ItemBase
{
    [XmlElement("itemDescription")] public string? ItemDescription { get; set; }
    [XmlElement("itemUnits")] public string? ItemUnits { get; set; }
    [XmlElement("siScaleCode", Namespace = Ns.Scale)] public string? SiScaleCode { get; set; }
}

[XmlType("PowerRealType", Namespace = Ns.Power)]
public class PowerItem : ItemBase
{
    [XmlElement("powerAttributes")] public PowerAttributes? PowerAttributes { get; set; }
}

[XmlType("VoltageType", Namespace = Ns.Power)]
public class VoltageItem : ItemBase;

[XmlType(Namespace = Ns.Power)]
public class PowerAttributes
{
    [XmlElement("hertz")] public decimal Hertz { get; set; }
    [XmlElement("voltage")] public decimal Voltage { get; set; }
    [XmlElement("ac")] public bool Ac { get; set; }
}

[XmlType(Namespace = Ns.Oadr)]
public class OadrSamplingRate
{
    [XmlElement("oadrMinPeriod")] public string? MinPeriod { get; set; }
    [XmlElement("oadrMaxPeriod")] public string? MaxPeriod { get; set; }
    [XmlElement("oadrOnChange")] public bool OnChange { get; set; }
}
