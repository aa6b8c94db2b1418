using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Events;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Vens;

namespace OpenAdr.Edge.Vtn.Opt;

/// <summary>EiOpt: availability schedules and event opts a VEN creates and cancels.</summary>
internal sealed partial class OptService(OpenAdrVtn vtn, EventService events)
{
    /// <summary>Restores an open opt, after the events and their responses.</summary>
    public void Restore(OptRecord record)
    {
        var ven = vtn.Vens.GetOrAdd(record.VenId);
        var opt = Documents.Read<OadrCreateOpt>(record.Body);
        ven.OptsToChange[record.OptId] = opt;
        // R-206 survives a restart: the open EiOpt answer outranks any oadrCreatedEvent stored after it.
        if (opt.QualifiedEventId is { } qualified && ven.Events.TryGetValue(qualified.EventId, out var venEvent))
        {
            venEvent.Opt = opt.OptType;
            venEvent.OptSource = EventResponseSource.CreateOpt;
        }
    }

    /// <summary>
    /// Stores the opt (a new optID, or a new version of a schedule with the same optID, R-203). An opt for an event
    /// must name an open event (452) and stay within its targets (462); it outranks what oadrCreatedEvent says.
    /// </summary>
    public async ValueTask<OadrMessage> CreateOptAsync(VenState ven, OadrCreateOpt create, CancellationToken cancellationToken)
    {
        VenEvent? venEvent = null;
        var announce = false;
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = vtn.Now;
            var changes = new List<StoreChange> { new SaveOpt(new OptRecord(ven.VenId, create.OptId, Cancelled: false, Documents.Write(create), now)) };
            if (create.QualifiedEventId is { } qualified)
            {
                lock (ven)
                {
                    ven.Events.TryGetValue(qualified.EventId, out venEvent);
                }

                if (venEvent is null)
                {
                    Log.OptForUnknownEvent(vtn.Logger, ven.VenId, qualified.EventId);
                    return Created(create, ResponseCodes.InvalidId, $"Unknown event '{qualified.EventId}'.");
                }

                if (!WithinTargets(create.EiTarget, venEvent.Definition.EiEvent.EiTarget))
                {
                    Log.OptOutsideTargets(vtn.Logger, ven.VenId, qualified.EventId);
                    return Created(create, ResponseCodes.TargetMismatch, "The opt names resources the event does not target.");
                }

                changes.Add(new SaveEventResponse(new EventResponseRecord(ven.VenId, qualified.EventId, venEvent.ModificationNumber, create.OptType, EventResponseSource.CreateOpt, now)));
                announce = venEvent.Opt != create.OptType;
            }

            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                ven.OptsToChange[create.OptId] = create;
                if (venEvent is not null)
                {
                    venEvent.Opt = create.OptType;
                    venEvent.OptSource = EventResponseSource.CreateOpt;
                }
            }
        }
        finally
        {
            ven.ExitGate();
        }

        Log.OptCreated(vtn.Logger, ven.VenId, create.OptId, create.OptType);
        if (vtn.OnCreateOpt is { } handler)
        {
            await vtn.NotifyAsync(nameof(vtn.OnCreateOpt), () => handler(ven.VenId, create)).ConfigureAwait(false);
        }

        if (announce && venEvent is not null)
        {
            await events.AnnounceResponseAsync(ven.VenId, venEvent, create.OptType).ConfigureAwait(false);
        }

        return Created(create, ResponseCodes.Ok, "OK");
    }

    public async ValueTask<OadrMessage> CancelOptAsync(VenState ven, OadrCancelOpt cancel, CancellationToken cancellationToken)
    {
        OadrCreateOpt? opt;
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (ven)
            {
                opt = ven.Opts?.GetValueOrDefault(cancel.OptId);
            }

            if (opt is null)
            {
                Log.CancelOfUnknownOpt(vtn.Logger, ven.VenId, cancel.OptId);
                return new OadrCanceledOpt { EiResponse = Answers.Response(ResponseCodes.InvalidId, $"Unknown optID '{cancel.OptId}'.", cancel.RequestId), OptId = cancel.OptId };
            }

            await vtn.CommitAsync([new SaveOpt(new OptRecord(ven.VenId, cancel.OptId, Cancelled: true, Documents.Write(opt), vtn.Now))], cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                ven.Opts?.Remove(cancel.OptId);
            }
        }
        finally
        {
            ven.ExitGate();
        }

        Log.OptCancelled(vtn.Logger, ven.VenId, cancel.OptId);
        if (vtn.OnCancelOpt is { } handler)
        {
            await vtn.NotifyAsync(nameof(vtn.OnCancelOpt), () => handler(ven.VenId, cancel)).ConfigureAwait(false);
        }

        return new OadrCanceledOpt { EiResponse = Answers.Response(ResponseCodes.Ok, "OK", cancel.RequestId), OptId = cancel.OptId };
    }

    /// <summary>The opt's resources must be among the event's when the event names resources .</summary>
    private static bool WithinTargets(EiTarget opt, EiTarget eventTarget)
    {
        if (eventTarget.ResourceIds is not { Count: > 0 } eventResources)
        {
            return true;
        }

        foreach (var resource in opt.ResourceIds ?? [])
        {
            if (!eventResources.Contains(resource))
            {
                return false;
            }
        }

        return true;
    }

    private static OadrCreatedOpt Created(OadrCreateOpt create, string code, string description) =>
        new() { EiResponse = Answers.Response(code, description, create.RequestId), OptId = create.OptId };

    private static partial class Log
    {
        [LoggerMessage(1500, LogLevel.Information, "VEN '{VenId}' created opt '{OptId}' ({OptType}).")]
        public static partial void OptCreated(ILogger logger, string venId, string optId, OptType optType);

        [LoggerMessage(1501, LogLevel.Information, "VEN '{VenId}' cancelled opt '{OptId}'.")]
        public static partial void OptCancelled(ILogger logger, string venId, string optId);

        [LoggerMessage(1502, LogLevel.Warning, "VEN '{VenId}' opted for unknown event '{EventId}': 452.")]
        public static partial void OptForUnknownEvent(ILogger logger, string venId, string eventId);

        [LoggerMessage(1503, LogLevel.Warning, "VEN '{VenId}' opted for resources event '{EventId}' does not target: 462.")]
        public static partial void OptOutsideTargets(ILogger logger, string venId, string eventId);

        [LoggerMessage(1504, LogLevel.Warning, "VEN '{VenId}' cancelled unknown opt '{OptId}': 452.")]
        public static partial void CancelOfUnknownOpt(ILogger logger, string venId, string optId);
    }
}
