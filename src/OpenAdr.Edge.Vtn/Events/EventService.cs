using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Polling;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Vens;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>EiEvent: the events of each VEN, their snapshots (oadrDistributeEvent), and the VENs' answers (oadrCreatedEvent).</summary>
internal sealed partial class EventService(OpenAdrVtn vtn)
{
    private readonly SharedEventParts _shared = new();

    public void Restore(EventRecord record)
    {
        var definition = EventDocuments.Read(record.Body);
        _shared.Share(definition, record.VenId);
        vtn.Vens.GetOrAdd(record.VenId).Events.Set(new VenEvent(definition));
    }

    /// <summary>Restores the latest response to an event restored before it.</summary>
    public void Restore(EventResponseRecord response)
    {
        if (vtn.Vens.TryGet(response.VenId, out var ven) && ven.Events.TryGetValue(response.EventId, out var venEvent))
        {
            venEvent.Opt = response.Opt;
            venEvent.OptSource = response.Source;
        }
    }

    public async ValueTask AddAsync(string venId, OadrEvent definition, EventResponseCallback? callback, Func<ValueTask>? deliveryCallback, CancellationToken cancellationToken)
    {
        var ven = vtn.Vens.GetOrAdd(venId);
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var eventId = definition.EiEvent.EventDescriptor.EventId;
            if (ven.Events.ContainsKey(eventId))
            {
                throw new VtnOperationException(ResponseCodes.InvalidId, $"VEN '{venId}' has an event '{eventId}' already (R-70).");
            }

            _shared.Share(definition, venId);
            var venEvent = new VenEvent(definition) { Callback = callback, DeliveryCallback = deliveryCallback };
            await PublishAsync(ven, venEvent, cancellationToken).ConfigureAwait(false);
            Log.EventAdded(vtn.Logger, eventId, venId);
        }
        finally
        {
            ven.ExitGate();
        }
    }

    public async ValueTask CancelAsync(string venId, string eventId, CancellationToken cancellationToken)
    {
        var (ven, venEvent) = await FindAsync(venId, eventId, cancellationToken).ConfigureAwait(false);
        try
        {
            if (venEvent.Cancelled)
            {
                return;
            }

            if (EventSchedule.StatusAt(venEvent.Definition, vtn.Now) == EventStatus.Completed)
            {
                throw new VtnOperationException(ResponseCodes.NotAllowed, $"Event '{eventId}' is completed: the past does not change (R-20).");
            }

            var changed = Revise(venEvent.Definition, status: EventStatus.Cancelled);
            await PublishAsync(ven, venEvent, cancellationToken, changed).ConfigureAwait(false);
            Log.EventCancelled(vtn.Logger, eventId, venId);
        }
        finally
        {
            ven.ExitGate();
        }
    }

    public async ValueTask ModifyAsync(string venId, string eventId, Action<EiEvent> change, CancellationToken cancellationToken)
    {
        var (ven, venEvent) = await FindAsync(venId, eventId, cancellationToken).ConfigureAwait(false);
        try
        {
            var status = EventSchedule.StatusAt(venEvent.Definition, vtn.Now);
            if (status is EventStatus.Cancelled or EventStatus.Completed)
            {
                throw new VtnOperationException(ResponseCodes.NotAllowed, $"Event '{eventId}' is {status}: the past does not change (R-20).");
            }

            var copy = EventDocuments.Read(EventDocuments.Write(venEvent.Definition, venId));
            change(copy.EiEvent);
            copy.EiEvent.EventDescriptor.EventId = eventId;
            EventFactory.CheckRaw(copy);
            var changed = Revise(copy, status: copy.EiEvent.EventDescriptor.EventStatus == EventStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Far);
            changed.EiEvent.EventDescriptor.ModificationNumber = venEvent.ModificationNumber + 1;
            _shared.Share(changed, venId);
            await PublishAsync(ven, venEvent, cancellationToken, changed).ConfigureAwait(false);
            Log.EventModified(vtn.Logger, eventId, venId, changed.EiEvent.EventDescriptor.ModificationNumber);
        }
        finally
        {
            ven.ExitGate();
        }
    }

    /// <summary>The VEN's next answer to the event (an opt response through oadrCreatedEvent or oadrCreateOpt).</summary>
    public Task<OptType> NextResponseAsync(string venId, string eventId, CancellationToken cancellationToken)
    {
        if (!vtn.Vens.TryGet(venId, out var ven))
        {
            throw UnknownEvent(venId, eventId);
        }

        var waiter = new TaskCompletionSource<OptType>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (ven)
        {
            if (!ven.Events.TryGetValue(eventId, out var venEvent))
            {
                throw UnknownEvent(venId, eventId);
            }

            venEvent.AddWaiter(waiter);
        }

        return cancellationToken.CanBeCanceled ? waiter.Task.WaitAsync(cancellationToken) : waiter.Task;
    }

    public IReadOnlyList<OadrEvent> Snapshot(string venId)
    {
        var events = new List<OadrEvent>();
        if (vtn.Vens.TryGet(venId, out var ven))
        {
            var now = vtn.Now;
            lock (ven)
            {
                foreach (var (status, venEvent) in Ordered(ven, now))
                {
                    events.Add(Stamp(venEvent.Definition, status, now, venId));
                }
            }
        }

        return events;
    }

    /// <summary>
    /// The VEN's events as one oadrDistributeEvent: far, near, active, cancelled until acknowledged, and the
    /// completed ones once more before they are dropped. Null when there is nothing to say, so that an empty
    /// distribution (an implied cancel of everything) is never sent by accident. Call under <c>lock (ven)</c>.
    /// </summary>
    public OadrDistributeEvent? Compose(VenState ven, string eiResponseRequestId, uint? replyLimit, List<StoreChange> changes, List<Func<ValueTask>> deliveries)
    {
        var now = vtn.Now;
        var ordered = Ordered(ven, now);
        // A replyLimit of 0 is no limit: an empty answer would tell the VEN that all its events are cancelled.
        if (replyLimit is { } limit and > 0 && ordered.Count > limit)
        {
            ordered.RemoveRange((int)limit, ordered.Count - (int)limit);
        }

        if (ordered.Count == 0)
        {
            return null;
        }

        var events = new List<OadrEvent>(ordered.Count);
        foreach (var (status, venEvent) in ordered)
        {
            events.Add(Stamp(venEvent.Definition, status, now, ven.VenId));
            if (venEvent.DeliveryCallback is { } delivered)
            {
                deliveries.Add(delivered);
            }

            if (status == EventStatus.Cancelled)
            {
                venEvent.CancelledDeliveries++;
            }

            var done = status == EventStatus.Completed
                || (status == EventStatus.Cancelled && (venEvent.Definition.OadrResponseRequired == ResponseRequired.Never
                    || venEvent.CancelledDeliveries >= vtn.Options.CancelledEventDeliveries || now >= EventSchedule.End(venEvent.Definition)));
            if (done)
            {
                Close(ven, venEvent, changes, now);
            }
        }

        return new OadrDistributeEvent
        {
            EiResponse = Answers.Response(ResponseCodes.Ok, "OK", eiResponseRequestId),
            RequestId = Guid.NewGuid().ToString(),
            VtnId = vtn.Options.VtnId,
            OadrEvents = events,
        };
    }

    public async ValueTask<OadrMessage> RequestEventAsync(VenState ven, OadrRequestEvent request, CancellationToken cancellationToken)
    {
        var requestId = request.EiRequestEvent.RequestId;
        if (vtn.OnRequestEvent is { } handler)
        {
            var custom = await vtn.CallHandlerAsync(nameof(vtn.OnRequestEvent), () => handler(ven.VenId)).ConfigureAwait(false);
            return new OadrDistributeEvent
            {
                EiResponse = Answers.Response(ResponseCodes.Ok, "OK", requestId),
                RequestId = Guid.NewGuid().ToString(),
                VtnId = vtn.Options.VtnId,
                OadrEvents = custom is null ? [] : [.. custom],
            };
        }

        var changes = new List<StoreChange>();
        var deliveries = new List<Func<ValueTask>>();
        OadrDistributeEvent? answer;
        lock (ven)
        {
            var total = ven.Events.Count;
            answer = Compose(ven, requestId, request.EiRequestEvent.ReplyLimit, changes, deliveries);
            if (answer is null || answer.OadrEvents.Count == total)
            {
                // The VEN now holds the whole snapshot: a distribution waiting in the queue would only repeat it.
                ven.Queue.RemoveAll(static m => m.Kind == QueuedMessageKind.DistributeEvent, m => changes.Add(new DeleteQueueEntry(ven.VenId, m.Sequence)));
            }
        }

        vtn.CommitInBackground(changes);
        await NotifyDeliveredAsync(deliveries).ConfigureAwait(false);
        // Asked directly, "no events" is the truthful answer: an empty oadrDistributeEvent.
        return answer ?? new OadrDistributeEvent
        {
            EiResponse = Answers.Response(ResponseCodes.Ok, "OK", requestId),
            RequestId = Guid.NewGuid().ToString(),
            VtnId = vtn.Options.VtnId,
        };
    }

    public async ValueTask<OadrMessage> CreatedEventAsync(VenState ven, OadrCreatedEvent created, CancellationToken cancellationToken)
    {
        var requestId = created.EiCreatedEvent.EiResponse.RequestId;
        var code = ResponseCodes.Ok;
        var description = "OK";
        var changes = new List<StoreChange>();
        var applied = new List<(VenEvent Event, OptType Opt, uint ModificationNumber, bool Close, bool Changed)>();
        var withdrawn = new List<StoreChange>();
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = vtn.Now;
            foreach (var response in created.EiCreatedEvent.EventResponses?.Responses ?? [])
            {
                var eventId = response.QualifiedEventId.EventId;
                var modification = response.QualifiedEventId.ModificationNumber;
                VenEvent? venEvent;
                uint closedModification = 0;
                bool recentlyClosed;
                lock (ven)
                {
                    ven.Events.TryGetValue(eventId, out venEvent);
                    recentlyClosed = venEvent is null && ven.WasRecentlyClosed(eventId, out closedModification);
                }

                if (venEvent is null)
                {
                    if (recentlyClosed && closedModification == modification)
                    {
                        continue;
                    }

                    Log.ResponseForUnknownEvent(vtn.Logger, ven.VenId, eventId);
                    (code, description) = First(code, description, ResponseCodes.InvalidId, $"Unknown event '{eventId}'.");
                    continue;
                }

                if (modification != venEvent.ModificationNumber)
                {
                    Log.ResponseOutOfSequence(vtn.Logger, ven.VenId, eventId, modification, venEvent.ModificationNumber);
                    (code, description) = First(code, description, ResponseCodes.OutOfSequence,
                        $"Event '{eventId}' is at modification {venEvent.ModificationNumber}, not {modification}.");
                    continue;
                }

                // Every answer is stored; R-206: an opt sent through EiOpt for this event outranks what oadrCreatedEvent
                // says later (also after a restart, where the stored opt restores its precedence).
                changes.Add(new SaveEventResponse(new EventResponseRecord(ven.VenId, eventId, modification, response.OptType, EventResponseSource.CreatedEvent, now)));
                var superseded = venEvent.OptSource == EventResponseSource.CreateOpt;

                var changedMind = !superseded && venEvent.Opt != response.OptType;
                var close = venEvent.Cancelled;
                if (close)
                {
                    changes.Add(new SaveEvent(venEvent.ToRecord(ven.VenId, closed: true, now)));
                }

                applied.Add((venEvent, response.OptType, modification, close, changedMind && !superseded));
            }

            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                foreach (var (venEvent, opt, modification, close, _) in applied)
                {
                    if (venEvent.OptSource != EventResponseSource.CreateOpt)
                    {
                        venEvent.Opt = opt;
                        venEvent.OptSource = EventResponseSource.CreatedEvent;
                    }

                    if (close && ven.Events.Remove(venEvent.EventId))
                    {
                        ven.RememberClosed(venEvent.EventId, venEvent.ModificationNumber);
                    }
                }

                if (!PollService.AwaitsCancellationAcknowledgement(ven))
                {
                    // Nothing left to repeat: a distribution queued only to repeat a cancellation is withdrawn.
                    ven.Queue.RemoveAll(
                        static m => m.Kind == QueuedMessageKind.DistributeEvent && m.Argument == VenQueue.Resend,
                        m => withdrawn.Add(new DeleteQueueEntry(ven.VenId, m.Sequence)));
                }
            }
        }
        finally
        {
            ven.ExitGate();
        }

        vtn.CommitInBackground(withdrawn);
        foreach (var (venEvent, opt, _, _, changed) in applied)
        {
            if (changed)
            {
                await AnnounceResponseAsync(ven.VenId, venEvent, opt).ConfigureAwait(false);
            }
            else
            {
                // A repeated (or superseded) answer fires no callback, but it is the answer an operator awaits.
                CompleteWaiters(venEvent, venEvent.Opt ?? opt);
            }
        }

        return Answers.Response(code, description, requestId, ven.VenId);
    }

    /// <summary>Tells the event's callback, the <see cref="OpenAdrVtn.OnCreatedEvent"/> handler and anyone awaiting the answer.</summary>
    public async ValueTask AnnounceResponseAsync(string venId, VenEvent venEvent, OptType opt)
    {
        Log.EventAnswered(vtn.Logger, venId, venEvent.EventId, opt);
        CompleteWaiters(venEvent, opt);
        if (venEvent.Callback is { } callback)
        {
            await vtn.NotifyAsync("event callback", () => callback(venId, venEvent.EventId, opt)).ConfigureAwait(false);
        }

        if (vtn.OnCreatedEvent is { } handler)
        {
            await vtn.NotifyAsync(nameof(vtn.OnCreatedEvent), () => handler(venId, venEvent.EventId, opt)).ConfigureAwait(false);
        }
    }

    public async ValueTask NotifyDeliveredAsync(List<Func<ValueTask>> deliveries)
    {
        foreach (var delivered in deliveries)
        {
            await vtn.NotifyAsync("delivery callback", delivered).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the event (new or changed) and announces it with an oadrDistributeEvent at the VEN's next poll.</summary>
    private async ValueTask PublishAsync(VenState ven, VenEvent venEvent, CancellationToken cancellationToken, OadrEvent? changed = null)
    {
        var now = vtn.Now;
        var definition = changed ?? venEvent.Definition;
        var record = new EventRecord(ven.VenId, definition.EiEvent.EventDescriptor.EventId, definition.EiEvent.EventDescriptor.ModificationNumber,
            definition.EiEvent.EventDescriptor.EventStatus == EventStatus.Cancelled, Closed: false, EventDocuments.Write(definition, ven.VenId), now);
        var changes = new List<StoreChange> { new SaveEvent(record) };
        var reserved = ven.ReserveMessage(QueuedMessageKind.DistributeEvent, null, changes);
        await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        lock (ven)
        {
            venEvent.Definition = definition;
            ven.Events.Set(venEvent);
        }

        vtn.CommitInBackground(ven.PublishMessage(reserved, QueuedMessageKind.DistributeEvent));
    }

    private async ValueTask<(VenState Ven, VenEvent Event)> FindAsync(string venId, string eventId, CancellationToken cancellationToken)
    {
        if (!vtn.Vens.TryGet(venId, out var ven))
        {
            throw UnknownEvent(venId, eventId);
        }

        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        if (!ven.Events.TryGetValue(eventId, out var venEvent))
        {
            ven.ExitGate();
            throw UnknownEvent(venId, eventId);
        }

        return (ven, venEvent);
    }

    /// <summary>A new version of the event: modification number + 1 and a modification time .</summary>
    private OadrEvent Revise(OadrEvent definition, EventStatus status)
    {
        var descriptor = Clone(definition.EiEvent.EventDescriptor);
        descriptor.ModificationNumber++;
        descriptor.ModificationDateTime = vtn.Now;
        descriptor.EventStatus = status;
        if (status == EventStatus.Cancelled)
        {
            descriptor.ModificationReason = "cancelled";
        }

        return WithDescriptor(definition, descriptor);
    }

    private static void CompleteWaiters(VenEvent venEvent, OptType opt)
    {
        foreach (var waiter in venEvent.TakeWaiters())
        {
            waiter.TrySetResult(opt);
        }
    }

    private void Close(VenState ven, VenEvent venEvent, List<StoreChange> changes, DateTime now)
    {
        ven.Events.Remove(venEvent.EventId);
        ven.RememberClosed(venEvent.EventId, venEvent.ModificationNumber);
        changes.Add(new SaveEvent(venEvent.ToRecord(ven.VenId, closed: true, now)));
        Log.EventClosed(vtn.Logger, venEvent.EventId, ven.VenId);
    }

    private static List<(EventStatus Status, VenEvent Event)> Ordered(VenState ven, DateTime now)
    {
        var ordered = new List<(EventStatus Status, VenEvent Event)>(ven.Events.Count);
        foreach (var venEvent in ven.Events.Values)
        {
            ordered.Add((EventSchedule.StatusAt(venEvent.Definition, now), venEvent));
        }

        ordered.Sort(static (x, y) => EventSchedule.Compare((x.Event.Definition, x.Status), (y.Event.Definition, y.Status)));
        return ordered;
    }

    /// <summary>
    /// The event as sent now: its status from the clock, and the payload's creation time (R-115: the same for every
    /// event of one payload). The definition itself is shared, not copied: only the descriptor differs.
    /// </summary>
    private static OadrEvent Stamp(OadrEvent definition, EventStatus status, DateTime now, string venId)
    {
        var descriptor = Clone(definition.EiEvent.EventDescriptor);
        descriptor.EventStatus = status;
        descriptor.CreatedDateTime = now;
        return WithDescriptor(definition, descriptor, OwnTarget.WrittenOut(definition.EiEvent.EiTarget, venId));
    }

    private static OadrEvent WithDescriptor(OadrEvent definition, EventDescriptor descriptor, EiTarget? target = null) => new()
    {
        OadrResponseRequired = definition.OadrResponseRequired,
        EiEvent = new EiEvent
        {
            EventDescriptor = descriptor,
            EiActivePeriod = definition.EiEvent.EiActivePeriod,
            EiEventSignals = definition.EiEvent.EiEventSignals,
            EiTarget = target ?? definition.EiEvent.EiTarget,
        },
    };

    private static EventDescriptor Clone(EventDescriptor d) => new()
    {
        EventId = d.EventId,
        ModificationNumber = d.ModificationNumber,
        ModificationDateTime = d.ModificationDateTime,
        ModificationReason = d.ModificationReason,
        Priority = d.Priority,
        EiMarketContext = d.EiMarketContext,
        CreatedDateTime = d.CreatedDateTime,
        EventStatus = d.EventStatus,
        TestEvent = d.TestEvent,
        VtnComment = d.VtnComment,
    };

    private static (string Code, string Description) First(string code, string description, string newCode, string newDescription) =>
        code == ResponseCodes.Ok ? (newCode, newDescription) : (code, description);

    private static VtnOperationException UnknownEvent(string venId, string eventId) =>
        new(ResponseCodes.InvalidId, $"VEN '{venId}' has no open event '{eventId}'.");

    private static partial class Log
    {
        [LoggerMessage(1200, LogLevel.Information, "Event '{EventId}' added for VEN '{VenId}'.")]
        public static partial void EventAdded(ILogger logger, string eventId, string venId);

        [LoggerMessage(1201, LogLevel.Information, "Event '{EventId}' of VEN '{VenId}' cancelled.")]
        public static partial void EventCancelled(ILogger logger, string eventId, string venId);

        [LoggerMessage(1202, LogLevel.Information, "Event '{EventId}' of VEN '{VenId}' modified (modification {ModificationNumber}).")]
        public static partial void EventModified(ILogger logger, string eventId, string venId, uint modificationNumber);

        [LoggerMessage(1203, LogLevel.Warning, "VEN '{VenId}' answered unknown event '{EventId}': 452.")]
        public static partial void ResponseForUnknownEvent(ILogger logger, string venId, string eventId);

        [LoggerMessage(1204, LogLevel.Warning, "VEN '{VenId}' answered modification {Sent} of event '{EventId}', which is at {Current}: 450.")]
        public static partial void ResponseOutOfSequence(ILogger logger, string venId, string eventId, uint sent, uint current);

        [LoggerMessage(1205, LogLevel.Information, "VEN '{VenId}' answered event '{EventId}' with {Opt}.")]
        public static partial void EventAnswered(ILogger logger, string venId, string eventId, OptType opt);

        [LoggerMessage(1206, LogLevel.Debug, "Event '{EventId}' of VEN '{VenId}' closed.")]
        public static partial void EventClosed(ILogger logger, string eventId, string venId);
    }
}
