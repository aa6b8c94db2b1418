using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;

namespace OpenAdr.Edge.Vtn;

public sealed partial class OpenAdrVtn
{
    /// <summary>Answers oadrQueryRegistration; null (or no handler) gives the built-in answer: profile 2.0b over simpleHttp and the poll frequency.</summary>
    public Func<OadrQueryRegistration, VenRequestContext, ValueTask<OadrCreatedPartyRegistration?>>? OnQueryRegistration { get; set; }

    /// <summary>
    /// Decides on a registration: the IDs to accept it with, or null to refuse it (the VEN gets 463). Without a
    /// handler every registration is refused, as in OpenLEADR.
    /// </summary>
    public Func<RegistrationInfo, ValueTask<AcceptedRegistration?>>? OnCreatePartyRegistration { get; set; }

    /// <summary>Told when a registration ends (the VEN cancelled it, or acknowledged the VTN's cancellation).</summary>
    public Func<CancelledRegistration, ValueTask>? OnCancelPartyRegistration { get; set; }

    /// <summary>
    /// The compact report registration handler: called once per data point a VEN offers (TELEMETRY_USAGE and
    /// TELEMETRY_STATUS); return a subscription to request it, or null to decline it.
    /// </summary>
    public Func<ReportOffer, ValueTask<ReportSubscription?>>? OnRegisterReport { get; set; }

    /// <summary>
    /// The full report registration handler: called once per offered report with the VEN's description of it; return
    /// the rIDs to request (any report name, HISTORY_USAGE included). Takes precedence over <see cref="OnRegisterReport"/>.
    /// </summary>
    public Func<string, OadrReport, ValueTask<IReadOnlyList<ReportRIdSubscription>?>>? OnRegisterFullReport { get; set; }

    /// <summary>Receives report data that no per-rID callback takes (after a restart, or for requests made without one).</summary>
    public Func<string, OadrReport, ValueTask>? OnUpdateReport { get; set; }

    /// <summary>Told which reports a VEN says it has scheduled (its oadrCreatedReport).</summary>
    public Func<string, IReadOnlyList<string>, ValueTask>? OnCreatedReport { get; set; }

    /// <summary>
    /// Replaces the built-in queue: called on every poll; return the message for the VEN, or null for "nothing"
    /// (oadrResponse 200). While it is set, <see cref="AddEventAsync"/> is refused, as in OpenLEADR.
    /// </summary>
    public Func<string, ValueTask<OadrMessage?>>? OnPoll { get; set; }

    /// <summary>When set, answers oadrRequestEvent with the events it returns instead of the VEN's built-in event list.</summary>
    public Func<string, ValueTask<IReadOnlyList<OadrEvent>?>>? OnRequestEvent { get; set; }

    /// <summary>Told of every answer a VEN gives to an event (besides the event's own callback).</summary>
    public EventResponseCallback? OnCreatedEvent { get; set; }

    /// <summary>Told of each oadrCreateOpt a VEN sends (availability schedules and event opts).</summary>
    public Func<string, OadrCreateOpt, ValueTask>? OnCreateOpt { get; set; }

    /// <summary>Told of each oadrCancelOpt a VEN sends.</summary>
    public Func<string, OadrCancelOpt, ValueTask>? OnCancelOpt { get; set; }

    /// <summary>
    /// Who a venID is (OpenLEADR's <c>ven_lookup</c>). When set it replaces the built-in registry for every message
    /// that carries a venID: unknown VENs (or without a registrationID) are asked to register again, and a TLS
    /// client certificate must match the fingerprint it returns.
    /// </summary>
    public Func<string, ValueTask<VenInfo?>>? VenLookup { get; set; }
}
