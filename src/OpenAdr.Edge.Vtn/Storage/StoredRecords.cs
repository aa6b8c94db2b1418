using System;
using System.Collections.Generic;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Storage;

/// <summary>A registered VEN, as stored.</summary>
public sealed record VenRecord(
    string VenId,
    string RegistrationId,
    string? VenName,
    string? Fingerprint,
    OadrProfileName Profile,
    OadrTransportName Transport,
    string? TransportAddress,
    bool ReportOnly,
    bool XmlSignature,
    bool HttpPullModel,
    DateTime RegisteredAt);

/// <summary>
/// One event of one VEN. <paramref name="Body"/> is the event as an OpenADR document (an oadrDistributeEvent holding
/// only this oadrEvent), so every signal, interval, baseline and target survives exactly as the VEN receives it.
/// </summary>
public sealed record EventRecord(
    string VenId,
    string EventId,
    uint ModificationNumber,
    bool Cancelled,
    bool Closed,
    byte[] Body,
    DateTime UpdatedAt);

/// <summary>What a VEN answered for one modification of an event, from oadrCreatedEvent or oadrCreateOpt.</summary>
public sealed record EventResponseRecord(
    string VenId,
    string EventId,
    uint ModificationNumber,
    OptType Opt,
    EventResponseSource Source,
    DateTime ReceivedAt);

public enum EventResponseSource
{
    CreatedEvent,
    CreateOpt,
}

/// <summary>A VEN's report capabilities: its last METADATA oadrRegisterReport, as an OpenADR document.</summary>
public sealed record ReportCapabilitiesRecord(string VenId, byte[] Body, DateTime ReceivedAt);

/// <summary>A report the VTN asked a VEN for. <paramref name="Body"/> is an oadrCreateReport document holding only this request.</summary>
public sealed record ReportRequestRecord(
    string VenId,
    string ReportRequestId,
    ReportRequestState State,
    byte[] Body,
    DateTime UpdatedAt);

public enum ReportRequestState
{
    /// <summary>Sent (or queued); the VEN has not listed it as pending yet.</summary>
    Requested,

    /// <summary>The VEN listed it in oadrPendingReports.</summary>
    Pending,

    /// <summary>Cancelled with reportToFollow: one more oadrUpdateReport is expected.</summary>
    CancelledReportToFollow,
}

/// <summary>One data point of an oadrUpdateReport.</summary>
public readonly record struct ReportDataRecord(
    string VenId,
    string ReportRequestId,
    string RId,
    DateTime Start,
    TimeSpan? Duration,
    double? Value,
    string? Status,
    DateTime ReceivedAt);

/// <summary>An opt (oadrCreateOpt) of a VEN, as an OpenADR document.</summary>
public sealed record OptRecord(string VenId, string OptId, bool Cancelled, byte[] Body, DateTime UpdatedAt);

/// <summary>One message waiting in a VEN's queue; its payload is composed when the VEN polls.</summary>
public sealed record QueueEntryRecord(string VenId, long Sequence, QueuedMessageKind Kind, string? Argument);

public enum QueuedMessageKind
{
    DistributeEvent = 1,
    CreateReport = 2,
    RegisterReport = 3,
    CancelReport = 4,
    CancelPartyRegistration = 5,
    RequestReregistration = 6,
}

/// <summary>
/// Who may register, by VEN name: allowed or denied by an operator, or pending (it asked, nobody decided yet).
/// With a fingerprint, only the VEN presenting that client certificate is meant.
/// </summary>
public sealed record AdmissionRecord(string VenName, AdmissionState State, string? Fingerprint, DateTime UpdatedAt);

public enum AdmissionState
{
    Pending = 0,
    Allowed = 1,
    Denied = 2,
}
