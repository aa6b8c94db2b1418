using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>Any of the 23 OpenADR 2.0b payloads that may stand in oadrSignedObject.</summary>
[XmlType]
[XmlDerivedType(typeof(OadrDistributeEvent), "oadrDistributeEvent", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCreatedEvent), "oadrCreatedEvent", Ns.Oadr)]
[XmlDerivedType(typeof(OadrRequestEvent), "oadrRequestEvent", Ns.Oadr)]
[XmlDerivedType(typeof(OadrResponse), "oadrResponse", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCancelOpt), "oadrCancelOpt", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCanceledOpt), "oadrCanceledOpt", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCreateOpt), "oadrCreateOpt", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCreatedOpt), "oadrCreatedOpt", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCancelReport), "oadrCancelReport", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCanceledReport), "oadrCanceledReport", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCreateReport), "oadrCreateReport", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCreatedReport), "oadrCreatedReport", Ns.Oadr)]
[XmlDerivedType(typeof(OadrRegisterReport), "oadrRegisterReport", Ns.Oadr)]
[XmlDerivedType(typeof(OadrRegisteredReport), "oadrRegisteredReport", Ns.Oadr)]
[XmlDerivedType(typeof(OadrUpdateReport), "oadrUpdateReport", Ns.Oadr)]
[XmlDerivedType(typeof(OadrUpdatedReport), "oadrUpdatedReport", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCancelPartyRegistration), "oadrCancelPartyRegistration", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCanceledPartyRegistration), "oadrCanceledPartyRegistration", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCreatePartyRegistration), "oadrCreatePartyRegistration", Ns.Oadr)]
[XmlDerivedType(typeof(OadrCreatedPartyRegistration), "oadrCreatedPartyRegistration", Ns.Oadr)]
[XmlDerivedType(typeof(OadrRequestReregistration), "oadrRequestReregistration", Ns.Oadr)]
[XmlDerivedType(typeof(OadrQueryRegistration), "oadrQueryRegistration", Ns.Oadr)]
[XmlDerivedType(typeof(OadrPoll), "oadrPoll", Ns.Oadr)]
public abstract partial class OadrMessage
{
    [XmlAttribute("schemaVersion", Ns.Ei)]
    [XmlRestriction(typeof(SchemaVersionEnumerated), ExtensionPrefix = "x-")]
    public string? SchemaVersion { get; set; } = "2.0b";
}

/// <summary>The known values of the ei:schemaVersion attribute (x- extensions also allowed).</summary>
public enum SchemaVersionEnumerated
{
    [XmlEnumValue("2.0a")] Oadr20a,
    [XmlEnumValue("2.0b")] Oadr20b,
}
