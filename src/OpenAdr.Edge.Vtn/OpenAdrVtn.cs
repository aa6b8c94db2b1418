using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Events;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Opt;
using OpenAdr.Edge.Vtn.Polling;
using OpenAdr.Edge.Vtn.Registration;
using OpenAdr.Edge.Vtn.Reports;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Vens;

namespace OpenAdr.Edge.Vtn;

/// <summary>
/// The VTN: the C# counterpart of OpenLEADR's <c>OpenADRServer</c>, without the transport. Give it each parsed
/// message a VEN sends (<see cref="HandleAsync"/>) and send back what it returns; set the <c>On…</c> handlers to make
/// the decisions that are yours; add events and report requests through its methods. Everything it acknowledges is
/// in the <see cref="IVtnStore"/> first.
/// </summary>
public sealed partial class OpenAdrVtn : IAsyncDisposable
{
    private readonly RegistrationService _registration;
    private readonly EventService _events;
    private readonly ReportService _reports;
    private readonly OptService _opts;
    private readonly PollService _polls;
    private ITimer? _housekeeping;

    private OpenAdrVtn(VtnOptions options, IVtnStore store, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.VtnId);
        if (options.QueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.QueueCapacity, "The queue capacity must be at least 1.");
        }

        Options = options;
        Store = store;
        Time = time;
        Logger = logger;
        Vens = new VenDirectory(options.QueueCapacity);
        Admissions = new VenAdmissions(this);
        _registration = new RegistrationService(this);
        _events = new EventService(this);
        _reports = new ReportService(this);
        _opts = new OptService(this, _events);
        _polls = new PollService(this, _events, _reports, _registration);
        Retention = new ReportRetention(this);
    }

    public VtnOptions Options { get; }

    internal IVtnStore Store { get; }

    internal ReportRetention Retention { get; }

    /// <summary>Admission decisions by VEN name, stored with everything else (for registration handlers to consult).</summary>
    public VenAdmissions Admissions { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal VenDirectory Vens { get; }

    internal DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>Opens the VTN over its store and rebuilds its memory (VENs, queues, open events, report requests, opts) from it.</summary>
    public static async Task<OpenAdrVtn> OpenAsync(
        VtnOptions options,
        IVtnStore store,
        TimeProvider? time = null,
        ILogger<OpenAdrVtn>? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        if (options.ReportRetention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ReportRetention must be positive, or null to keep all report data.");
        }

        var vtn = new OpenAdrVtn(options, store, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        await store.LoadAsync(new StateRestore(vtn), cancellationToken).ConfigureAwait(false);
        vtn._polls.AnnounceOpenEvents();
        vtn._housekeeping = vtn.Time.CreateTimer(static state => ((OpenAdrVtn)state!).RunHousekeeping(), vtn, options.HousekeepingInterval, options.HousekeepingInterval);
        return vtn;
    }

    /// <summary>
    /// Handles one message from a VEN and returns the answer: always a message, except for a VEN's oadrResponse
    /// (null: answer with an empty body). OpenADR errors come back as answers with a 4xx response code; exceptions
    /// mean the store failed (<see cref="StoreUnavailableException"/> when it cannot write now: answer HTTP 503) or a bug.
    /// </summary>
    public ValueTask<OadrMessage?> HandleAsync(OadrMessage message, VenRequestContext context = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is OadrPoll poll && (context.Service is null or OpenAdrService.OadrPoll) && OnPoll is null && VenLookup is null
            && context.Signature.Status == Payloads.Signatures.SignatureStatus.Unsigned && _polls.TryAnswerFromMemory(poll, context, out var answer))
        {
            return new ValueTask<OadrMessage?>(answer);
        }

        return HandleSlowAsync(message, context, cancellationToken);
    }

    private async ValueTask<OadrMessage?> HandleSlowAsync(OadrMessage message, VenRequestContext context, CancellationToken cancellationToken)
    {
        if (message is OadrResponse)
        {
            return null;
        }

        var service = Answers.ServiceOf(message);
        if (service is null || (context.Service is { } arrivedOn && arrivedOn != service))
        {
            Log.WrongService(Logger, message.GetType().Name, context.Service?.ToString() ?? "?");
            return Answers.Error(message, ResponseCodes.ComplianceError,
                service is null ? $"A VEN does not send {MessageName(message)}." : $"{MessageName(message)} belongs to {service}, not {context.Service}.",
                Options.VtnId, Options.RequestedPollFrequency);
        }

        if (message is OadrQueryRegistration or OadrCreatePartyRegistration && RegistrationSignatureRefusal(message, context) is { } signatureRefusal)
        {
            return signatureRefusal;
        }

        try
        {
            switch (message)
            {
                case OadrQueryRegistration query:
                    return await _registration.QueryAsync(query, context).ConfigureAwait(false);
                case OadrCreatePartyRegistration create:
                    return await _registration.CreateAsync(create, context, cancellationToken).ConfigureAwait(false);
            }

            var identified = await IdentifyAsync(message, context).ConfigureAwait(false);
            if (identified.Answer is { } refusal)
            {
                return refusal;
            }

            var ven = identified.Ven!;
            return message switch
            {
                OadrPoll => await _polls.PollAsync(ven, cancellationToken).ConfigureAwait(false),
                OadrCancelPartyRegistration cancel => await _registration.CancelAsync(ven, cancel, cancellationToken).ConfigureAwait(false),
                OadrCanceledPartyRegistration canceled => await _registration.CanceledAsync(ven, canceled, cancellationToken).ConfigureAwait(false),
                OadrRequestEvent request => await _events.RequestEventAsync(ven, request, cancellationToken).ConfigureAwait(false),
                OadrCreatedEvent created => await _events.CreatedEventAsync(ven, created, cancellationToken).ConfigureAwait(false),
                OadrRegisterReport register => await _reports.RegisterReportAsync(ven, register, cancellationToken).ConfigureAwait(false),
                OadrRegisteredReport registered => _reports.RegisteredReport(ven, registered),
                OadrCreatedReport created => await _reports.CreatedReportAsync(ven, created, cancellationToken).ConfigureAwait(false),
                OadrUpdateReport update => await _reports.UpdateReportAsync(ven, update, cancellationToken).ConfigureAwait(false),
                OadrCancelReport cancel => _reports.CancelReportFromVen(ven, cancel),
                OadrCanceledReport canceled => _reports.CanceledReport(ven, canceled),
                OadrCreateReport create => await _reports.CreateReportFromVenAsync(ven, create, cancellationToken).ConfigureAwait(false),
                OadrCreateOpt create => await _opts.CreateOptAsync(ven, create, cancellationToken).ConfigureAwait(false),
                OadrCancelOpt cancel => await _opts.CancelOptAsync(ven, cancel, cancellationToken).ConfigureAwait(false),
                _ => Answers.Error(message, ResponseCodes.ComplianceError, $"{MessageName(message)} is not handled.", Options.VtnId, Options.RequestedPollFrequency),
            };
        }
        catch (HandlerException e)
        {
            Log.HandlerFailed(Logger, e.Handler, MessageName(message), e.InnerException!);
            return Answers.Error(message, ResponseCodes.DeploymentError, $"The VTN could not handle {MessageName(message)}.", Options.VtnId, Options.RequestedPollFrequency);
        }
    }

    /// <summary>Who sent it: a registered VEN (or one the user's <see cref="VenLookup"/> knows) whose certificate matches.</summary>
    private async ValueTask<(VenState? Ven, OadrMessage? Answer)> IdentifyAsync(OadrMessage message, VenRequestContext context)
    {
        var venId = Answers.VenIdOf(message);
        if (venId is null && message is OadrCancelPartyRegistration { RegistrationId: { Length: > 0 } registrationId })
        {
            venId = Vens.FindByRegistrationId(registrationId)?.VenId;
        }

        if (venId is null && context.ClientFingerprint is { } fingerprint)
        {
            venId = Vens.FindByFingerprint(fingerprint)?.VenId;
        }

        if (venId is null)
        {
            Log.NoVenId(Logger, MessageName(message));
            return (null, Answers.Error(message, ResponseCodes.InvalidId, "The message names no venID.", Options.VtnId, Options.RequestedPollFrequency));
        }

        string? knownFingerprint;
        bool registered;
        if (VenLookup is { } lookup)
        {
            var info = await CallHandlerAsync(nameof(VenLookup), () => lookup(venId)).ConfigureAwait(false);
            registered = info?.RegistrationId is not null;
            knownFingerprint = info?.Fingerprint;
        }
        else
        {
            var known = Vens.TryGet(venId, out var state) ? state.Registration : null;
            registered = known is not null;
            knownFingerprint = known?.Fingerprint;
        }

        if (!registered)
        {
            Log.UnknownVen(Logger, venId, MessageName(message));
            return (null, message is OadrPoll
                ? new OadrRequestReregistration { VenId = venId }
                : Answers.Error(message, ResponseCodes.NotRegisteredOrAuthorized, $"VEN '{venId}' is not registered.", Options.VtnId, Options.RequestedPollFrequency));
        }

        if (context.ClientFingerprint is { } presented && knownFingerprint is not null && !Fingerprints.AreEqual(presented, knownFingerprint))
        {
            Log.FingerprintMismatch(Logger, venId);
            return (null, Answers.Error(message, ResponseCodes.NotRegisteredOrAuthorized, "The client certificate does not belong to this venID.", Options.VtnId, Options.RequestedPollFrequency));
        }

        var signs = Vens.TryGet(venId, out var current) && current.Registration is { XmlSignature: true };
        if (SignatureRefusal(message, venId, signs, knownFingerprint, context) is { } refusedSignature)
        {
            return (null, refusedSignature);
        }

        var identifiedVen = Vens.GetOrAdd(venId);
        identifiedVen.LastSeenTicks = Now.Ticks;
        return (identifiedVen, null);
    }

    internal async ValueTask<T> CallHandlerAsync<T>(string handler, Func<ValueTask<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreUnavailableException)
        {
            // A store that cannot write (a handler storing an admission, say) stays a 503, not the handler's 469.
            throw new HandlerException(handler, e);
        }
    }

    internal async ValueTask CallHandlerAsync(string handler, Func<ValueTask> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreUnavailableException)
        {
            // A store that cannot write (a handler storing an admission, say) stays a 503, not the handler's 469.
            throw new HandlerException(handler, e);
        }
    }

    /// <summary>Runs a notification (callback) after the fact: its failure is logged, never answered to the VEN.</summary>
    internal async ValueTask NotifyAsync(string handler, Func<ValueTask> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.CallbackFailed(Logger, handler, e);
        }
    }

    internal Task CommitAsync(IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken) => Store.CommitAsync(changes, cancellationToken);

    /// <summary>
    /// Commits bookkeeping whose loss only means saying something twice (a delivered queue entry, a completed event
    /// reported): a poll does not wait for it.
    /// </summary>
    internal void CommitInBackground(IReadOnlyList<StoreChange> changes)
    {
        if (changes.Count > 0)
        {
            _ = CommitLoggedAsync(changes);
        }
    }

    private async Task CommitLoggedAsync(IReadOnlyList<StoreChange> changes)
    {
        try
        {
            await Store.CommitAsync(changes).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.BackgroundCommitFailed(Logger, e);
        }
    }

    /// <summary>Rebuilds the engine's memory from the store, one record at a time.</summary>
    private sealed class StateRestore(OpenAdrVtn vtn) : IStoredStateReceiver
    {
        public void Ven(VenRecord ven) => vtn.Vens.GetOrAdd(ven.VenId).Registration = ven;

        public void OpenEvent(EventRecord openEvent) => vtn._events.Restore(openEvent);

        public void LatestEventResponse(EventResponseRecord response) => vtn._events.Restore(response);

        public void ReportCapabilities(ReportCapabilitiesRecord capabilities) => vtn._reports.Restore(capabilities);

        public void ReportRequest(ReportRequestRecord request) => vtn._reports.Restore(request);

        public void OpenOpt(OptRecord opt) => vtn._opts.Restore(opt);

        public void QueueEntry(QueueEntryRecord entry) => vtn._polls.Restore(entry);

        public void Admission(AdmissionRecord admission) => vtn.Admissions.Restore(admission);
    }

    public async ValueTask DisposeAsync()
    {
        if (_housekeeping is not null)
        {
            await _housekeeping.DisposeAsync().ConfigureAwait(false);
        }

        await Store.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Periodic work: completed events are announced once more, then dropped; old report data is deleted.</summary>
    internal void RunHousekeeping()
    {
        try
        {
            _polls.AnnounceCompletedEvents();
            Retention.Start();
        }
        catch (Exception e)
        {
            Log.HousekeepingFailed(Logger, e);
        }
    }

    internal static string MessageName(OadrMessage message) => OadrMessageNames.Of(message);

    private sealed class HandlerException(string handler, Exception inner) : Exception(handler + " failed.", inner)
    {
        public string Handler { get; } = handler;
    }

    internal static partial class Log
    {
        [LoggerMessage(1000, LogLevel.Warning, "{Message} is not accepted on the {Service} endpoint.")]
        public static partial void WrongService(ILogger logger, string message, string service);

        [LoggerMessage(1001, LogLevel.Warning, "{Message} names no venID and the connection identifies no VEN.")]
        public static partial void NoVenId(ILogger logger, string message);

        [LoggerMessage(1002, LogLevel.Information, "{Message} from VEN '{VenId}', which is not registered.")]
        public static partial void UnknownVen(ILogger logger, string venId, string message);

        [LoggerMessage(1003, LogLevel.Warning, "VEN '{VenId}' presented a client certificate that is not its own.")]
        public static partial void FingerprintMismatch(ILogger logger, string venId);

        [LoggerMessage(1004, LogLevel.Error, "The {Handler} handler failed on {Message}; the VEN gets 469.")]
        public static partial void HandlerFailed(ILogger logger, string handler, string message, Exception exception);

        [LoggerMessage(1005, LogLevel.Error, "The {Handler} callback failed.")]
        public static partial void CallbackFailed(ILogger logger, string handler, Exception exception);

        [LoggerMessage(1007, LogLevel.Error, "Housekeeping failed; it runs again at the next interval.")]
        public static partial void HousekeepingFailed(ILogger logger, Exception exception);

        [LoggerMessage(1006, LogLevel.Warning, "Storing delivery bookkeeping failed; some messages may be sent again after a restart.")]
        public static partial void BackgroundCommitFailed(ILogger logger, Exception exception);
    }
}
