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

namespace OpenAdr.Edge.Vtn.Registration;

/// <summary>EiRegisterParty: query, create (first time and again), cancel by either side, and re-registration requests.</summary>
internal sealed partial class RegistrationService(OpenAdrVtn vtn)
{
    /// <summary>What the VTN supports: OpenADR 2.0b over simple HTTP.</summary>
    public static OadrProfiles Profiles() => new()
    {
        Profiles = [new OadrProfile { OadrProfileName = OadrProfileName.Oadr20b, OadrTransports = new OadrTransports { Transports = [new OadrTransport { OadrTransportName = OadrTransportName.SimpleHttp }] } }],
    };

    public async ValueTask<OadrMessage> QueryAsync(OadrQueryRegistration query, VenRequestContext context)
    {
        if (vtn.OnQueryRegistration is { } handler
            && await vtn.CallHandlerAsync(nameof(vtn.OnQueryRegistration), () => handler(query, context)).ConfigureAwait(false) is { } custom)
        {
            return custom;
        }

        // the IDs are only in a query answer when the VEN is registered, which only its certificate can tell.
        var registered = context.ClientFingerprint is { } fingerprint ? vtn.Vens.FindByFingerprint(fingerprint)?.Registration : null;
        return Created(Answers.Response(ResponseCodes.Ok, "OK", query.RequestId), registered?.VenId, registered?.RegistrationId, pull: true);
    }

    public async ValueTask<OadrMessage> CreateAsync(OadrCreatePartyRegistration create, VenRequestContext context, CancellationToken cancellationToken)
    {
        var claimedVenId = string.IsNullOrEmpty(create.VenId) ? null : create.VenId;
        var claimedRegistrationId = string.IsNullOrEmpty(create.RegistrationId) ? null : create.RegistrationId;
        var now = vtn.Now;
        if (claimedRegistrationId is not null)
        {
            // Re-registration: the IDs must be the ones the VEN has, and the registrationID stays (§8.4.1).
            if (claimedVenId is null || !vtn.Vens.TryGet(claimedVenId, out var current) || current.Registration is not { } registration
                || registration.RegistrationId != claimedRegistrationId)
            {
                Log.ReregistrationMismatch(vtn.Logger, claimedVenId ?? "", claimedRegistrationId);
                return Error(create, ResponseCodes.InvalidId, "Unknown venID or registrationID.");
            }

            // A re-registration names its venID, so it is authenticated like any message that does (the IDs alone are no proof).
            if (context.ClientFingerprint is { } presented && registration.Fingerprint is { } known && !Fingerprints.AreEqual(presented, known))
            {
                OpenAdrVtn.Log.FingerprintMismatch(vtn.Logger, claimedVenId);
                return Error(create, ResponseCodes.NotRegisteredOrAuthorized, "The client certificate does not belong to this venID.");
            }
        }
        else if (claimedVenId is not null && BelongsToAnotherCertificate(claimedVenId, context))
        {
            // A first registration with a pre-allocated venID that another VEN's certificate holds.
            OpenAdrVtn.Log.FingerprintMismatch(vtn.Logger, claimedVenId);
            return Error(create, ResponseCodes.NotRegisteredOrAuthorized, "The client certificate does not belong to this venID.");
        }

        var handler = vtn.OnCreatePartyRegistration;
        if (handler is null)
        {
            Log.NoRegistrationHandler(vtn.Logger, create.OadrVenName ?? "");
            return Error(create, ResponseCodes.NotRegisteredOrAuthorized, "Registration refused.");
        }

        var info = new RegistrationInfo(
            create.OadrVenName, claimedVenId, claimedRegistrationId, create.OadrProfileName, create.OadrTransportName,
            create.OadrTransportAddress, create.OadrReportOnly, create.OadrXmlSignature, create.OadrHttpPullModel ?? true,
            create.RequestId, context.ClientFingerprint);
        var decision = await vtn.CallHandlerAsync(nameof(vtn.OnCreatePartyRegistration), () => handler(info)).ConfigureAwait(false);
        if (decision is not { } accepted || string.IsNullOrEmpty(accepted.VenId) || string.IsNullOrEmpty(accepted.RegistrationId))
        {
            Log.RegistrationRefused(vtn.Logger, create.OadrVenName ?? "");
            return Error(create, ResponseCodes.NotRegisteredOrAuthorized, "Registration refused.");
        }

        var reregistration = claimedRegistrationId is not null;
        if (reregistration)
        {
            accepted = new AcceptedRegistration(claimedVenId!, claimedRegistrationId!);
        }
        else if (BelongsToAnotherCertificate(accepted.VenId, context))
        {
            // The handler handed out a venID whose registration another certificate holds: taking it over would
            // give this VEN the other's events and reports.
            OpenAdrVtn.Log.FingerprintMismatch(vtn.Logger, accepted.VenId);
            return Error(create, ResponseCodes.NotRegisteredOrAuthorized, "The client certificate does not belong to this venID.");
        }

        var ven = vtn.Vens.GetOrAdd(accepted.VenId);
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = new VenRecord(
                accepted.VenId, accepted.RegistrationId, create.OadrVenName, context.ClientFingerprint ?? ven.Registration?.Fingerprint,
                create.OadrProfileName, create.OadrTransportName, create.OadrTransportAddress, create.OadrReportOnly,
                create.OadrXmlSignature, create.OadrHttpPullModel ?? true, now);
            var changes = new List<StoreChange> { new SaveVen(record) };
            QueuedMessage? metadata = null;
            if (!reregistration)
            {
                // A new registration starts from nothing and opens with the VTN's METADATA.
                changes.Add(new ClearReportState(accepted.VenId));
                lock (ven)
                {
                    RemoveReportMessages(ven, changes);
                }

                metadata = ven.ReserveMessage(QueuedMessageKind.RegisterReport, null, changes);
            }

            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                ven.LastSeenTicks = now.Ticks;
                ven.Registration = record;
                if (!reregistration)
                {
                    ven.Reports.Clear();
                }
            }

            if (!reregistration)
            {
                vtn.CommitInBackground(ven.PublishMessage(metadata, QueuedMessageKind.RegisterReport));
            }

            Log.Registered(vtn.Logger, record.VenId, record.RegistrationId, reregistration);
            return Created(Answers.Response(ResponseCodes.Ok, "OK", create.RequestId), record.VenId, record.RegistrationId, record.HttpPullModel);
        }
        finally
        {
            ven.ExitGate();
        }
    }

    /// <summary>Whether a registered VEN holds <paramref name="venId"/> with another client certificate than the connection's.</summary>
    private bool BelongsToAnotherCertificate(string venId, VenRequestContext context) =>
        context.ClientFingerprint is { } presented
        && vtn.Vens.TryGet(venId, out var existing)
        && existing.Registration is { Fingerprint: { } known }
        && !Fingerprints.AreEqual(presented, known);

    public async ValueTask<OadrMessage> CancelAsync(VenState ven, OadrCancelPartyRegistration cancel, CancellationToken cancellationToken)
    {
        if (ven.Registration is not { } registration || registration.RegistrationId != cancel.RegistrationId)
        {
            Log.CancelMismatch(vtn.Logger, ven.VenId, cancel.RegistrationId);
            return new OadrCanceledPartyRegistration
            {
                EiResponse = Answers.Response(ResponseCodes.InvalidId, "Unknown registrationID.", cancel.RequestId),
                RegistrationId = cancel.RegistrationId,
                VenId = ven.VenId,
            };
        }

        await EndAsync(ven, registration, cancel.RequestId, cancellationToken).ConfigureAwait(false);
        return new OadrCanceledPartyRegistration
        {
            EiResponse = Answers.Response(ResponseCodes.Ok, "OK", cancel.RequestId),
            RegistrationId = registration.RegistrationId,
            VenId = ven.VenId,
        };
    }

    /// <summary>The VEN's answer to the VTN's oadrCancelPartyRegistration: the registration ends once the VEN agrees.</summary>
    public async ValueTask<OadrMessage> CanceledAsync(VenState ven, OadrCanceledPartyRegistration canceled, CancellationToken cancellationToken)
    {
        var requestId = canceled.EiResponse.RequestId;
        if (ven.Registration is not { } registration
            || (!string.IsNullOrEmpty(canceled.RegistrationId) && canceled.RegistrationId != registration.RegistrationId))
        {
            return Answers.Response(ResponseCodes.InvalidId, "Unknown registrationID.", requestId, ven.VenId);
        }

        if (!ven.CancellationRequested)
        {
            Log.UnsolicitedCanceled(vtn.Logger, ven.VenId);
            return Answers.Response(ResponseCodes.ComplianceError, "The VTN did not ask to cancel this registration.", requestId, ven.VenId);
        }

        if (canceled.EiResponse.ResponseCode == ResponseCodes.Ok)
        {
            await EndAsync(ven, registration, requestId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Log.CancelRefusedByVen(vtn.Logger, ven.VenId, canceled.EiResponse.ResponseCode);
        }

        return Answers.Response(ResponseCodes.Ok, "OK", requestId, ven.VenId);
    }

    /// <summary>An operator ends a registration without asking the VEN; its next message is answered as from an unknown VEN.</summary>
    public async ValueTask RemoveAsync(string venId, CancellationToken cancellationToken)
    {
        if (!vtn.Vens.TryGet(venId, out var ven) || ven.Registration is not { } registration)
        {
            throw new VtnOperationException(ResponseCodes.NotRegisteredOrAuthorized, $"VEN '{venId}' is not registered.");
        }

        await EndAsync(ven, registration, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a registration: the VEN, its METADATA, its report requests and its queue go; events and data stay as history.</summary>
    private async ValueTask EndAsync(VenState ven, VenRecord registration, string? requestId, CancellationToken cancellationToken)
    {
        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await vtn.CommitAsync([new DeleteVen(ven.VenId)], cancellationToken).ConfigureAwait(false);
            lock (ven)
            {
                ven.Registration = null;
                ven.CancellationRequested = false;
                ven.Reports.Clear();
                ven.Queue.RemoveAll(static _ => true, static _ => { });
            }
        }
        finally
        {
            ven.ExitGate();
        }

        Log.RegistrationEnded(vtn.Logger, ven.VenId);
        if (vtn.OnCancelPartyRegistration is { } handler)
        {
            await vtn.NotifyAsync(nameof(vtn.OnCancelPartyRegistration), () => handler(new CancelledRegistration(ven.VenId, registration.RegistrationId, requestId))).ConfigureAwait(false);
        }
    }

    /// <summary>Queues a message the VEN gets at its next poll (oadrCancelPartyRegistration, oadrRequestReregistration).</summary>
    public async ValueTask EnqueueAsync(string venId, QueuedMessageKind kind, CancellationToken cancellationToken)
    {
        if (!vtn.Vens.TryGet(venId, out var ven) || ven.Registration is null)
        {
            throw new VtnOperationException(ResponseCodes.NotRegisteredOrAuthorized, $"VEN '{venId}' is not registered.");
        }

        await ven.EnterGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changes = new List<StoreChange>();
            var reserved = ven.ReserveMessage(kind, null, changes);
            await vtn.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            vtn.CommitInBackground(ven.PublishMessage(reserved, kind));
        }
        finally
        {
            ven.ExitGate();
        }
    }

    public OadrMessage ComposeCancelPartyRegistration(VenState ven) => new OadrCancelPartyRegistration
    {
        RequestId = Guid.NewGuid().ToString(),
        RegistrationId = ven.Registration?.RegistrationId ?? "",
        VenId = ven.VenId,
    };

    private static void RemoveReportMessages(VenState ven, List<StoreChange> changes) =>
        ven.Queue.RemoveAll(
            static m => m.Kind is QueuedMessageKind.CreateReport or QueuedMessageKind.CancelReport or QueuedMessageKind.RegisterReport,
            m => changes.Add(new DeleteQueueEntry(ven.VenId, m.Sequence)));

    private OadrCreatedPartyRegistration Created(EiResponse response, string? venId, string? registrationId, bool pull) => new()
    {
        EiResponse = response,
        VenId = venId,
        RegistrationId = registrationId,
        VtnId = vtn.Options.VtnId,
        OadrProfiles = Profiles(),
        OadrRequestedOadrPollFreq = pull ? vtn.Options.RequestedPollFrequency : null,
    };

    private OadrCreatedPartyRegistration Error(OadrCreatePartyRegistration create, string code, string description) =>
        Created(Answers.Response(code, description, create.RequestId), null, null, pull: true);

    private static partial class Log
    {
        [LoggerMessage(1100, LogLevel.Information, "VEN '{VenId}' registered (registrationID '{RegistrationId}', again: {Again}).")]
        public static partial void Registered(ILogger logger, string venId, string registrationId, bool again);

        [LoggerMessage(1101, LogLevel.Warning, "Re-registration with unknown IDs (venID '{VenId}', registrationID '{RegistrationId}'): 452.")]
        public static partial void ReregistrationMismatch(ILogger logger, string venId, string registrationId);

        [LoggerMessage(1102, LogLevel.Warning, "No OnCreatePartyRegistration handler: registration of '{VenName}' refused.")]
        public static partial void NoRegistrationHandler(ILogger logger, string venName);

        [LoggerMessage(1103, LogLevel.Information, "Registration of '{VenName}' refused by the handler.")]
        public static partial void RegistrationRefused(ILogger logger, string venName);

        [LoggerMessage(1104, LogLevel.Warning, "VEN '{VenId}' cancelled registration '{RegistrationId}', which is not its own: 452.")]
        public static partial void CancelMismatch(ILogger logger, string venId, string registrationId);

        [LoggerMessage(1105, LogLevel.Information, "The registration of VEN '{VenId}' ended.")]
        public static partial void RegistrationEnded(ILogger logger, string venId);

        [LoggerMessage(1107, LogLevel.Warning, "VEN '{VenId}' answered a registration cancellation the VTN never sent: 459.")]
        public static partial void UnsolicitedCanceled(ILogger logger, string venId);

        [LoggerMessage(1106, LogLevel.Warning, "VEN '{VenId}' refused the VTN's registration cancellation with {Code}.")]
        public static partial void CancelRefusedByVen(ILogger logger, string venId, string code);
    }
}
