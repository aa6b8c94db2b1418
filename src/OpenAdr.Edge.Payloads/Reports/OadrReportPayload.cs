using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadr:oadrReportPayload: the value of one data point (rID) in one report interval, with confidence, accuracy and quality.</summary>
[XmlType]
public sealed partial class OadrReportPayload : StreamPayloadBase
{
    // ei:ReportPayloadType (the XSD base type), flattened: its sequence comes first.
    [XmlElement("rID", Ns.Ei, Intern = true)]
    public string RId { get; set; } = "";

    [XmlElement("confidence", Ns.Ei, Format = XmlTextFormat.Percent)]
    public uint? Confidence { get; set; }

    [XmlElement("accuracy", Ns.Ei)]
    public float? Accuracy { get; set; }

    [XmlChoice]
    public PayloadBase PayloadBase { get; set; } = null!;

    // oadrReportPayloadType's extension.
    [XmlElement("oadrDataQuality", Ns.Oadr)]
    [XmlRestriction(typeof(OadrDataQuality), ExtensionPrefix = "x-")]
    public string? DataQuality { get; set; }
}

/// <summary>The known values of oadr:oadrDataQuality (x- extensions also allowed).</summary>
public enum OadrDataQuality
{
    [XmlEnumValue("No Quality - No Value")] NoQualityNoValue,
    [XmlEnumValue("No New Value - Previous Value Used")] NoNewValuePreviousValueUsed,
    [XmlEnumValue("Quality Bad - Non Specific")] QualityBadNonSpecific,
    [XmlEnumValue("Quality Bad - Configuration Error")] QualityBadConfigurationError,
    [XmlEnumValue("Quality Bad - Not Connected")] QualityBadNotConnected,
    [XmlEnumValue("Quality Bad - Device Failure")] QualityBadDeviceFailure,
    [XmlEnumValue("Quality Bad - Sensor Failure")] QualityBadSensorFailure,
    [XmlEnumValue("Quality Bad - Last Known Value")] QualityBadLastKnownValue,
    [XmlEnumValue("Quality Bad - Comm Failure")] QualityBadCommFailure,
    [XmlEnumValue("Quality Bad - Out of Service")] QualityBadOutOfService,
    [XmlEnumValue("Quality Uncertain - Non Specific")] QualityUncertainNonSpecific,
    [XmlEnumValue("Quality Uncertain - Last Usable Value")] QualityUncertainLastUsableValue,
    [XmlEnumValue("Quality Uncertain - Sensor Not Accurate")] QualityUncertainSensorNotAccurate,
    [XmlEnumValue("Quality Uncertain - EU Units Exceeded")] QualityUncertainEuUnitsExceeded,
    [XmlEnumValue("Quality Uncertain - Sub Normal")] QualityUncertainSubNormal,
    [XmlEnumValue("Quality Good - Non Specific")] QualityGoodNonSpecific,
    [XmlEnumValue("Quality Good - Local Override")] QualityGoodLocalOverride,
    [XmlEnumValue("Quality Limit - Field/Not")] QualityLimitFieldNot,
    [XmlEnumValue("Quality Limit - Field/Low")] QualityLimitFieldLow,
    [XmlEnumValue("Quality Limit - Field/High")] QualityLimitFieldHigh,
    [XmlEnumValue("Quality Limit - Field/Constant")] QualityLimitFieldConstant,
}
