using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Events;
using OpenAdr.Edge.Vtn.Registration;
using OpenAdr.Edge.Vtn.Reports;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Vens;

namespace OpenAdr.Edge.Vtn.Polling;

/// <summary>OadrPoll: one queued message per poll, composed from current state; oadrResponse 200 when nothing waits.</summary>
internal sealed partial class PollService(OpenAdrVtn vtn, EventService events, ReportService reports, RegistrationService registration)
{
    /// <summary>
    /// The common case, answered without waiting, allocating or touching the store: a registered VEN whose queue is
    /// empty. False when the poll needs the full path.
    /// </summary>
    public bool TryAnswerFromMemory(OadrPoll poll, VenRequestContext context, out OadrMessage? answer)
    {
        answer = null;
        if (!vtn.Vens.TryGet(poll.VenId, out var ven) || !ven.IsRegisteredUnsigned
            || (context.ClientFingerprint is { } presented && ven.Registration?.Fingerprint is { } known && !Fingerprints.AreEqual(presented, known)))
        {
            return false;
        }

        // Without the VEN's lock: a message queued while this reads is answered at the next poll, as it would be had
        // the poll come a moment earlier.
        if (!ven.Queue.IsEmpty)
        {
            return false;
        }

        ven.LastSeenTicks = vtn.Now.Ticks;
        answer = ven.EmptyPollResponse;
        return true;
    }

    public async ValueTask<OadrMessage> PollAsync(VenState ven, CancellationToken cancellationToken)
    {
        if (vtn.OnPoll is { } handler)
        {
            return await vtn.CallHandlerAsync(nameof(vtn.OnPoll), () => handler(ven.VenId)).ConfigureAwait(false) ?? ven.EmptyPollResponse;
        }

        var changes = new List<StoreChange>();
        var deliveries = new List<Func<ValueTask>>();
        OadrMessage? answer = null;
        lock (ven)
        {
            while (answer is null && ven.Queue.TryPeek(out _))
            {
                var message = ven.Queue.Dequeue();
                changes.Add(new DeleteQueueEntry(ven.VenId, message.Sequence));
                answer = Compose(ven, message, changes, deliveries);
            }

            if (answer is OadrDistributeEvent && AwaitsCancellationAcknowledgement(ven))
            {
                // a cancellation the VEN must acknowledge is sent again at its next poll until it does (or
                // until the delivery bound closes the event), so a lost acknowledgement does not leave it unheard.
                changes.AddRange(ven.PublishMessage(null, QueuedMessageKind.DistributeEvent, VenQueue.Resend));
            }

            if (answer is OadrCancelPartyRegistration)
            {
                ven.CancellationRequested = true;
            }
        }

        // At least once: losing this bookkeeping in a crash only means the VEN hears the same thing again.
        vtn.CommitInBackground(changes);
        await events.NotifyDeliveredAsync(deliveries).ConfigureAwait(false);
        if (answer is not null)
        {
            Log.Delivered(vtn.Logger, OpenAdrVtn.MessageName(answer), ven.VenId);
        }

        return answer ?? ven.EmptyPollResponse;
    }

    /// <summary>
    /// Announces events that completed since they were last sent (they are reported once more, then dropped), so
    /// that a VEN hears of the end and the VTN's memory does not keep finished events. Called periodically.
    /// </summary>
    public void AnnounceCompletedEvents()
    {
        var now = vtn.Now;
        var changes = new List<StoreChange>();
        foreach (var ven in vtn.Vens.All)
        {
            lock (ven)
            {
                foreach (var venEvent in ven.Events.Values)
                {
                    if (EventSchedule.StatusAt(venEvent.Definition, now) == EventStatus.Completed)
                    {
                        changes.AddRange(ven.PublishMessage(null, QueuedMessageKind.DistributeEvent));
                        break;
                    }
                }
            }
        }

        vtn.CommitInBackground(changes);
    }

    /// <summary>Whether the VEN has a cancelled event it must still acknowledge. Call under <c>lock (ven)</c>.</summary>
    public static bool AwaitsCancellationAcknowledgement(VenState ven)
    {
        foreach (var venEvent in ven.Events.Values)
        {
            if (venEvent.Cancelled && venEvent.Definition.OadrResponseRequired == ResponseRequired.Always)
            {
                return true;
            }
        }

        return false;
    }

    public void Restore(QueueEntryRecord entry)
    {
        var ven = vtn.Vens.GetOrAdd(entry.VenId);
        if (!ven.Queue.TryRestore(new QueuedMessage(entry.Sequence, entry.Kind, entry.Argument)))
        {
            Log.RestoredEntryDropped(vtn.Logger, entry.Kind, entry.VenId);
        }
    }

    /// <summary>
    /// Queues every open event once more after a restart, behind the restored queue entries: always safe, and
    /// it covers an announcement lost in a crash.
    /// </summary>
    public void AnnounceOpenEvents()
    {
        var changes = new List<StoreChange>();
        foreach (var ven in vtn.Vens.All)
        {
            if (ven.Events.Count > 0)
            {
                changes.AddRange(ven.PublishMessage(null, QueuedMessageKind.DistributeEvent));
            }
        }

        vtn.CommitInBackground(changes);
    }

    private OadrMessage? Compose(VenState ven, QueuedMessage message, List<StoreChange> changes, List<Func<ValueTask>> deliveries) => message.Kind switch
    {
        QueuedMessageKind.DistributeEvent => events.Compose(ven, "", null, changes, deliveries),
        QueuedMessageKind.RegisterReport => reports.ComposeVtnMetadata(ven),
        QueuedMessageKind.CreateReport => reports.ComposeCreateReport(ven, message.Argument ?? ""),
        QueuedMessageKind.CancelReport => reports.ComposeCancelReport(ven, message.Argument ?? ""),
        QueuedMessageKind.CancelPartyRegistration => ven.Registration is null ? null : registration.ComposeCancelPartyRegistration(ven),
        QueuedMessageKind.RequestReregistration => new OadrRequestReregistration { VenId = ven.VenId },
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(1300, LogLevel.Debug, "{Message} delivered to VEN '{VenId}'.")]
        public static partial void Delivered(ILogger logger, string message, string venId);

        [LoggerMessage(1301, LogLevel.Warning, "A stored {Kind} message for VEN '{VenId}' no longer fits its queue and was dropped.")]
        public static partial void RestoredEntryDropped(ILogger logger, QueuedMessageKind kind, string venId);
    }
}
