using System;
using System.Collections.Generic;

namespace OpenAdr.Edge.Vtn.Storage;

/// <summary>One durable change. A list of them commits atomically.</summary>
public abstract record StoreChange;

/// <summary>Inserts or replaces the VEN (by venID).</summary>
public sealed record SaveVen(VenRecord Ven) : StoreChange;

/// <summary>Removes the VEN's registration, report capabilities, report requests and queue (its events, responses, data and opts stay as history).</summary>
public sealed record DeleteVen(string VenId) : StoreChange;

/// <summary>Removes the VEN's report capabilities and report requests .</summary>
public sealed record ClearReportState(string VenId) : StoreChange;

/// <summary>Inserts or replaces the event (by venID and eventID). Closed events are not loaded at start.</summary>
public sealed record SaveEvent(EventRecord Event) : StoreChange;

/// <summary>Appends a response; the latest per (venID, eventID) is what <see cref="StoredState.LatestEventResponses"/> returns for open events.</summary>
public sealed record SaveEventResponse(EventResponseRecord Response) : StoreChange;

/// <summary>Inserts or replaces the VEN's report capabilities.</summary>
public sealed record SaveReportCapabilities(ReportCapabilitiesRecord Capabilities) : StoreChange;

/// <summary>Inserts or replaces the report request (by venID and reportRequestID).</summary>
public sealed record SaveReportRequest(ReportRequestRecord Request) : StoreChange;

public sealed record DeleteReportRequest(string VenId, string ReportRequestId) : StoreChange;

public sealed record AppendReportData(IReadOnlyList<ReportDataRecord> Points) : StoreChange;

/// <summary>Deletes at most <see cref="MaxRows"/> of the oldest report data points received before the cutoff; the store sets <see cref="Deleted"/>.</summary>
public sealed record DeleteReportData(DateTime ReceivedBefore, int MaxRows) : StoreChange
{
    public int Deleted { get; set; }
}

/// <summary>Inserts or replaces the opt (by venID and optID). Cancelled opts are not loaded at start.</summary>
public sealed record SaveOpt(OptRecord Opt) : StoreChange;

public sealed record SaveQueueEntry(QueueEntryRecord Entry) : StoreChange;

public sealed record DeleteQueueEntry(string VenId, long Sequence) : StoreChange;

/// <summary>Inserts or replaces the admission decision for a VEN name.</summary>
public sealed record SaveAdmission(AdmissionRecord Admission) : StoreChange;

public sealed record DeleteAdmission(string VenName) : StoreChange;
