using System;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadrCreateOpt: a VEN creates an optIn/optOut schedule, or opts resources in or out of one event.</summary>
[XmlType]
public sealed partial class OadrCreateOpt : OadrMessage
{
    // ei:EiOptType (the XSD base type), flattened: its sequence comes first (its schemaVersion is OadrMessage's).
    [XmlElement("optID", Ns.Ei)]
    public string OptId { get; set; } = "";

    [XmlElement("optType", Ns.Ei)]
    public OptType OptType { get; set; }

    [XmlElement("optReason", Ns.Ei)]
    [XmlRestriction(typeof(OptReasonEnumerated), ExtensionPrefix = "x-")]
    public string OptReason { get; set; } = "";

    [XmlElement("marketContext", Ns.Emix, Intern = true)]
    public string? MarketContext { get; set; }

    [XmlElement("venID", Ns.Ei, Intern = true)]
    public string VenId { get; set; } = "";

    [XmlElement("vavailability", Ns.Xcal)]
    public Vavailability? Vavailability { get; set; }

    [XmlElement("createdDateTime", Ns.Ei)]
    public DateTime CreatedDateTime { get; set; }

    // oadrCreateOptType's extension.
    [XmlElement("requestID", Ns.Pyld)]
    public string RequestId { get; set; } = "";

    [XmlElement("qualifiedEventID", Ns.Ei)]
    public QualifiedEventId? QualifiedEventId { get; set; }

    [XmlElement("eiTarget", Ns.Ei)]
    public EiTarget EiTarget { get; set; } = new();

    [XmlElement("oadrDeviceClass", Ns.Oadr)]
    public EiTarget? OadrDeviceClass { get; set; }
}

/// <summary>The known values of ei:optReason (x- extensions also allowed).</summary>
public enum OptReasonEnumerated
{
    [XmlEnumValue("economic")] Economic,
    [XmlEnumValue("emergency")] Emergency,
    [XmlEnumValue("mustRun")] MustRun,
    [XmlEnumValue("notParticipating")] NotParticipating,
    [XmlEnumValue("outageRunStatus")] OutageRunStatus,
    [XmlEnumValue("overrideStatus")] OverrideStatus,
    [XmlEnumValue("participating")] Participating,
    [XmlEnumValue("x-schedule")] XSchedule,
}
