using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Events;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn;

public sealed partial class OpenAdrVtn
{
    /// <summary>
    /// Adds a single-signal event for a VEN (OpenLEADR's <c>add_event</c>); the VEN gets it at its next poll. Returns
    /// the event ID once the event is stored. Targets default to the venID. Refused while <see cref="OnPoll"/> is set.
    /// </summary>
    /// <exception cref="ArgumentException">The signal name, a SIMPLE level, the market context or the intervals are invalid.</exception>
    /// <exception cref="VtnOperationException">The event ID is taken (452), or <see cref="OnPoll"/> replaces the queue (451).</exception>
    public async ValueTask<string> AddEventAsync(
        string venId,
        string signalName,
        SignalType signalType,
        IReadOnlyList<EventInterval> intervals,
        EventTarget? target = null,
        IReadOnlyList<EventTarget>? targets = null,
        IReadOnlyDictionary<TargetKind, IReadOnlyList<string>>? targetsByType = null,
        EventResponseCallback? callback = null,
        Func<ValueTask>? deliveryCallback = null,
        string? eventId = null,
        ResponseRequired responseRequired = ResponseRequired.Always,
        string marketContext = "oadr://unknown.context",
        uint priority = 0,
        TimeSpan? notificationPeriod = null,
        TimeSpan? rampUpPeriod = null,
        TimeSpan? recoveryPeriod = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(venId);
        RefuseWhenExternal();
        var allTargets = new List<EventTarget>();
        if (target is not null)
        {
            allTargets.Add(target);
        }

        allTargets.AddRange(targets ?? []);
        if (targetsByType is not null)
        {
            allTargets.AddRange(EventFactory.TargetsByType(targetsByType));
        }

        var definition = EventFactory.Create(
            venId, eventId ?? Guid.NewGuid().ToString(), signalName, signalType, intervals, allTargets, responseRequired,
            marketContext, priority, notificationPeriod, rampUpPeriod, recoveryPeriod, Now);
        await _events.AddAsync(venId, definition, callback, deliveryCallback, cancellationToken).ConfigureAwait(false);
        return definition.EiEvent.EventDescriptor.EventId;
    }

    /// <summary>
    /// Adds an event built by hand (several signals, baselines, signal-level targets; OpenLEADR's <c>add_raw_event</c>).
    /// The modification number starts at 0 and the event-level target defaults to the venID.
    /// </summary>
    public async ValueTask<string> AddRawEventAsync(
        string venId,
        OadrEvent oadrEvent,
        EventResponseCallback? callback = null,
        Func<ValueTask>? deliveryCallback = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(venId);
        RefuseWhenExternal();
        EventFactory.CheckRaw(oadrEvent);
        var copy = EventDocuments.Read(EventDocuments.Write(oadrEvent, venId));
        var descriptor = copy.EiEvent.EventDescriptor;
        descriptor.ModificationNumber = 0;
        descriptor.EventStatus = descriptor.EventStatus == EventStatus.None ? EventStatus.Far : descriptor.EventStatus;
        descriptor.CreatedDateTime = Now;
        descriptor.Priority ??= 0;
        if (EventFactory.TargetsNothing(copy.EiEvent.EiTarget))
        {
            copy.EiEvent.EiTarget.VenIds = [venId];
        }

        await _events.AddAsync(venId, copy, callback, deliveryCallback, cancellationToken).ConfigureAwait(false);
        return descriptor.EventId;
    }

    /// <summary>Cancels an event: modification number + 1, status cancelled; it is sent until the VEN acknowledges it.</summary>
    public ValueTask CancelEventAsync(string venId, string eventId, CancellationToken cancellationToken = default) =>
        _events.CancelAsync(venId, eventId, cancellationToken);

    /// <summary>
    /// Changes an event that has not completed (OpenLEADR has no such call): <paramref name="change"/> edits a copy,
    /// which is checked, given the next modification number and sent at the VEN's next poll.
    /// </summary>
    public ValueTask ModifyEventAsync(string venId, string eventId, Action<EiEvent> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _events.ModifyAsync(venId, eventId, change, cancellationToken);
    }

    /// <summary>The VEN's next answer to the event (the awaitable twin of OpenLEADR's future callback).</summary>
    public Task<OptType> EventResponseAsync(string venId, string eventId, CancellationToken cancellationToken = default) =>
        _events.NextResponseAsync(venId, eventId, cancellationToken);

    /// <summary>The VEN's open events as they would be sent now, in R-15 order.</summary>
    public IReadOnlyList<OadrEvent> GetEvents(string venId) => _events.Snapshot(venId);

    /// <summary>The registered VENs.</summary>
    public IReadOnlyList<VenRecord> GetRegisteredVens() =>
        [.. GetVens().Select(static ven => ven.Registration).OfType<VenRecord>()];

    /// <summary>
    /// Asks a VEN for a report it offers (oadrCreateReport at its next poll); returns the reportRequestID. The rIDs must be
    /// offered (452) and the granularity within their sampling range (454).
    /// </summary>
    public ValueTask<string> RequestReportAsync(string venId, OadrReportRequest request, ReportCallback? callback = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _reports.RequestAsync(venId, request, callback, cancellationToken);
    }

    /// <summary>Cancels a report request (oadrCancelReport at the VEN's next poll).</summary>
    public ValueTask CancelReportAsync(string venId, string reportRequestId, bool reportToFollow = false, CancellationToken cancellationToken = default) =>
        _reports.CancelAsync(venId, reportRequestId, reportToFollow, cancellationToken);

    /// <summary>Asks a VEN to end its registration (oadrCancelPartyRegistration at its next poll); it ends when the VEN agrees.</summary>
    public ValueTask CancelPartyRegistrationAsync(string venId, CancellationToken cancellationToken = default) =>
        _registration.EnqueueAsync(venId, QueuedMessageKind.CancelPartyRegistration, cancellationToken);

    /// <summary>Ends a VEN's registration at once, without asking it (its events, data and opts stay as history).</summary>
    public ValueTask DeleteVenAsync(string venId, CancellationToken cancellationToken = default) =>
        _registration.RemoveAsync(venId, cancellationToken);

    /// <summary>Asks a VEN to register again (oadrRequestReregistration at its next poll).</summary>
    public ValueTask RequestReregistrationAsync(string venId, CancellationToken cancellationToken = default) =>
        _registration.EnqueueAsync(venId, QueuedMessageKind.RequestReregistration, cancellationToken);

    /// <summary>Report data stored for a VEN, oldest first.</summary>
    public Task<IReadOnlyList<ReportDataRecord>> ReadReportDataAsync(string venId, int limit = 1000, CancellationToken cancellationToken = default) =>
        Store.ReadReportDataAsync(venId, limit, cancellationToken);

    private void RefuseWhenExternal()
    {
        if (OnPoll is not null)
        {
            throw new VtnOperationException(ResponseCodes.NotAllowed, "OnPoll replaces the built-in queue: events cannot be added to it.");
        }
    }
}
