using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Handlers;

/// <summary>What a VEN says about itself in oadrCreatePartyRegistration (OpenLEADR's <c>registration_info</c>).</summary>
/// <param name="VenId">The venID the VEN sent: its own on re-registration, or a pre-allocated one .</param>
/// <param name="RegistrationId">The registrationID the VEN sent when it re-registers.</param>
/// <param name="Fingerprint">The TLS client certificate's fingerprint, when the connection has one: compare it with what you know of the VEN.</param>
public sealed record RegistrationInfo(
    string? VenName,
    string? VenId,
    string? RegistrationId,
    OadrProfileName ProfileName,
    OadrTransportName TransportName,
    string? TransportAddress,
    bool ReportOnly,
    bool XmlSignature,
    bool HttpPullModel,
    string RequestId,
    string? Fingerprint);

/// <summary>An accepted registration: the IDs the VEN will use from now on.</summary>
public readonly record struct AcceptedRegistration(string VenId, string RegistrationId);

/// <summary>What the VTN knows of a VEN (OpenLEADR's <c>ven_lookup</c> result).</summary>
/// <param name="RegistrationId">Null when the VEN is known but not registered: it is asked to register again.</param>
public sealed record VenInfo(string VenId, string? VenName, string? Fingerprint, string? RegistrationId);

/// <summary>A cancelled registration, by the VEN or after the VTN asked for it.</summary>
public sealed record CancelledRegistration(string VenId, string RegistrationId, string? RequestId);
