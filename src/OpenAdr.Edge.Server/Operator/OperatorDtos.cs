using System;
using System.Collections.Generic;

namespace OpenAdr.Edge.Server.Operator;

/// <summary>A VEN in the operator API.</summary>
public sealed record VenDto(
    string VenId,
    bool Registered,
    string? VenName,
    string? RegistrationId,
    string? Fingerprint,
    DateTime? RegisteredAt,
    DateTime? LastSeen,
    int QueueDepth,
    int OpenEvents,
    int ReportRequests);

public sealed record IntervalDto(DateTime Start, TimeSpan Duration, float Value);

public sealed record SignalDto(string SignalId, string SignalName, string SignalType, IReadOnlyList<IntervalDto> Intervals);

/// <summary>An event as it would be sent now, with the VEN's latest answer (optIn/optOut, and whether it came through EiOpt).</summary>
public sealed record EventDto(
    string VenId,
    string EventId,
    uint ModificationNumber,
    string Status,
    DateTime Start,
    TimeSpan Duration,
    uint Priority,
    string MarketContext,
    string ResponseRequired,
    IReadOnlyList<SignalDto> Signals,
    string? Opt,
    string? OptSource);

public sealed record TargetDto(string? VenId = null, string? ResourceId = null, string? GroupId = null, string? GroupName = null, string? PartyId = null);

/// <summary>A single-signal event for one or more VENs (the parameters of <c>AddEventAsync</c>).</summary>
public sealed record CreateEventRequest(
    IReadOnlyList<string> VenIds,
    string SignalName,
    string SignalType,
    IReadOnlyList<IntervalDto> Intervals,
    IReadOnlyList<TargetDto>? Targets = null,
    string? EventId = null,
    string ResponseRequired = "always",
    string MarketContext = "oadr://unknown.context",
    uint Priority = 0,
    TimeSpan? NotificationPeriod = null,
    TimeSpan? RampUpPeriod = null,
    TimeSpan? RecoveryPeriod = null);

public sealed record CreatedEventDto(string VenId, string EventId);

/// <summary>A change to an event: new intervals (single-signal events) and/or a new priority.</summary>
public sealed record ModifyEventRequest(IReadOnlyList<IntervalDto>? Intervals = null, uint? Priority = null);

public sealed record OfferedPointDto(string ReportSpecifierId, string? ReportName, string RId, TimeSpan? MinPeriod, TimeSpan? MaxPeriod);

public sealed record ReportRequestDto(string ReportRequestId, string ReportSpecifierId, TimeSpan Granularity, TimeSpan ReportBackDuration, IReadOnlyList<string> RIds, string State);

public sealed record ReportsDto(string VenId, IReadOnlyList<OfferedPointDto> Offered, IReadOnlyList<ReportRequestDto> Requests);

public sealed record ReportDataDto(string ReportRequestId, string RId, DateTime Start, TimeSpan? Duration, double? Value, string? Status, DateTime ReceivedAt);

public sealed record OptDto(string OptId, string OptType, string OptReason, string? MarketContext, string? EventId, DateTime CreatedDateTime);

/// <summary>Why a request was refused: an OpenADR-style code (452 unknown ID, 454 invalid data, …) and a sentence.</summary>
public sealed record ErrorDto(string Code, string Message);

/// <summary>An admission decision: "allowed", "denied" or "pending"; with a fingerprint, for that client certificate only.</summary>
public sealed record AdmissionDto(string VenName, string State, string? Fingerprint, DateTime UpdatedAt);

/// <summary>Pre-registering or approving a VEN name ("allowed"), or denying it ("denied").</summary>
public sealed record SetAdmissionRequest(string State, string? Fingerprint = null);
