using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;

namespace OpenAdr.Edge.VenSession;

/// <summary>
/// One VEN's life against a running VTN, step by step: each step sends what a VEN sends (or what an operator does
/// through the JSON API), checks the answer, and prints one line. The first failing step ends the session.
/// </summary>
internal sealed class Session : IDisposable
{
    private const string TelemetrySpecifierId = "telemetry";
    private const string PowerRId = "power";
    private const float ReportedWatts = 1234.5f;
    private const float EventLevel = 2;

    private readonly SessionOptions _options;
    private readonly OpenAdrVenClient _ven;
    private readonly OperatorApi _operator;
    private readonly string? _fingerprint;
    private string _reportRequestId = "";
    private string _eventId = "";
    private OadrDistributeEvent? _distribution;
    private OadrDistributeEvent? _cancellation;

    public Session(SessionOptions options)
    {
        _options = options;
        HttpMessageHandler? handler = null;
        if (options.MutualTls)
        {
            var certificate = X509Certificate2.CreateFromPemFile(options.Certificate!, options.Key);
            _fingerprint = Fingerprint(certificate);
            handler = MutualTlsHandler(certificate, X509CertificateLoader.LoadCertificateFromFile(options.Ca!));
        }

        _ven = new OpenAdrVenClient(options.OpenAdrUrl, options.VenName, handler);
        _operator = new OperatorApi(options.OperatorUrl, options.OperatorToken);
    }

    private delegate Task<string> Step(CancellationToken cancellationToken);

    /// <summary>Runs every step in order; 0 when all passed, 1 at the first failure.</summary>
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        (string Name, Step Run)[] steps =
        [
            ("query registration", QueryRegistrationAsync),
            ("register", RegisterAsync),
            ("offer telemetry METADATA", OfferTelemetryAsync),
            ("created report", CreatedReportAsync),
            ("update report", UpdateReportAsync),
            ("poll off the VTN's METADATA", PollVtnMetadataAsync),
            ("operator creates an event", CreateEventAsync),
            ("poll the event", PollEventAsync),
            ("opt in", OptInAsync),
            ("operator API shows the opt", CheckOptAsync),
            ("operator cancels the event", CancelEventAsync),
            ("poll the cancellation", PollCancellationAsync),
            ("acknowledge the cancellation", AcknowledgeCancellationAsync),
            ("cancel the registration", CancelRegistrationAsync),
            ("poll: oadrRequestReregistration", PollReregistrationAsync),
        ];

        var transport = _options.MutualTls ? "mutual TLS" : "plain HTTP";
        output.WriteLine($"VEN session '{_options.VenName}' against {_options.OpenAdrUrl} ({transport}), operator API {_options.OperatorUrl}");
        for (var i = 0; i < steps.Length; i++)
        {
            var (name, run) = steps[i];
            var started = Stopwatch.GetTimestamp();
            string detail;
            try
            {
                detail = await run(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Whatever went wrong (a failed check, a refused connection, a timeout) is this step's failure.
                var reason = e is StepFailedException ? e.Message : e.GetType().Name + ": " + e.Message;
                output.WriteLine($"FAIL {i + 1,2}/{steps.Length} {name}: {reason}");
                output.WriteLine($"VEN session FAILED at step {i + 1} ({name})");
                return 1;
            }

            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            output.WriteLine($"ok   {i + 1,2}/{steps.Length} {name} ({milliseconds} ms): {detail}");
        }

        output.WriteLine($"VEN session passed: {steps.Length} steps ({transport})");
        return 0;
    }

    public void Dispose()
    {
        _ven.Dispose();
        _operator.Dispose();
    }

    private async Task<string> QueryRegistrationAsync(CancellationToken cancellationToken)
    {
        var answer = await _ven.QueryRegistrationAsync(cancellationToken).ConfigureAwait(false);
        ExpectOk(answer.EiResponse);
        Expect(!string.IsNullOrEmpty(answer.VtnId), "oadrCreatedPartyRegistration has no vtnID");
        Expect(answer.OadrProfiles.Profiles.Count > 0, "oadrCreatedPartyRegistration lists no profile");
        return $"vtnID {answer.VtnId}";
    }

    private async Task<string> RegisterAsync(CancellationToken cancellationToken)
    {
        var created = await _ven.RegisterAsync(cancellationToken).ConfigureAwait(false);
        ExpectOk(created.EiResponse);
        Expect(_ven.VenId is { Length: > 0 } && _ven.RegistrationId is { Length: > 0 }, "no venID or registrationID in oadrCreatedPartyRegistration");
        Expect(_ven.PollFrequency > TimeSpan.Zero, "no oadrRequestedOadrPollFreq");

        var ven = await _operator.GetVenAsync(_ven.VenId!, cancellationToken).ConfigureAwait(false)
            ?? throw new StepFailedException($"the operator API does not know venID {_ven.VenId}");
        Expect(ven.Registered && ven.VenName == _options.VenName && ven.RegistrationId == _ven.RegistrationId,
            $"the operator API shows registered={ven.Registered}, venName={ven.VenName}, registrationID={ven.RegistrationId}");
        Expect(ven.Fingerprint == _fingerprint, $"the operator API shows fingerprint {ven.Fingerprint ?? "none"}, expected {_fingerprint ?? "none"}");
        return $"venID {_ven.VenId}, poll every {_ven.PollFrequency}" + (_fingerprint is null ? "" : $", fingerprint {_fingerprint}");
    }

    private async Task<string> OfferTelemetryAsync(CancellationToken cancellationToken)
    {
        var registered = await _ven.RegisterReportsAsync(
            [TelemetryReports.RealPowerMetadata(TelemetrySpecifierId, PowerRId, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1))], cancellationToken).ConfigureAwait(false);
        ExpectOk(registered.EiResponse);
        Expect(registered.OadrReportRequests.Count == 1, $"expected one oadrReportRequest, got {registered.OadrReportRequests.Count}");
        var specifier = registered.OadrReportRequests[0].ReportSpecifier;
        Expect(specifier.ReportSpecifierId == TelemetrySpecifierId && specifier.SpecifierPayloads.Any(p => p.RId == PowerRId),
            $"the report request is for '{specifier.ReportSpecifierId}' ({string.Join(", ", specifier.SpecifierPayloads.Select(p => p.RId))})");
        _reportRequestId = registered.OadrReportRequests[0].ReportRequestId;
        return $"reportRequestID {_reportRequestId}, granularity {specifier.Granularity}";
    }

    private async Task<string> CreatedReportAsync(CancellationToken cancellationToken)
    {
        ExpectOk((await _ven.CreatedReportAsync([_reportRequestId], cancellationToken: cancellationToken).ConfigureAwait(false)).EiResponse);
        var reports = await _operator.GetReportsAsync(_ven.VenId!, cancellationToken).ConfigureAwait(false);
        var request = reports.Requests.SingleOrDefault(r => r.ReportRequestId == _reportRequestId)
            ?? throw new StepFailedException($"the operator API does not list report request {_reportRequestId}");
        Expect(request.State == "Pending", $"the operator API shows the report request as {request.State}, expected Pending");
        return "report request pending";
    }

    private async Task<string> UpdateReportAsync(CancellationToken cancellationToken)
    {
        var reading = TelemetryReports.Readings(TelemetrySpecifierId, _reportRequestId, PowerRId, [(DateTime.UtcNow, TimeSpan.FromSeconds(10), ReportedWatts)]);
        var updated = await _ven.UpdateReportAsync([reading], cancellationToken).ConfigureAwait(false);
        ExpectOk(updated.EiResponse);
        var data = await _operator.GetReportDataAsync(_ven.VenId!, cancellationToken).ConfigureAwait(false);
        Expect(data.Any(p => p.ReportRequestId == _reportRequestId && p.RId == PowerRId && p.Value == ReportedWatts),
            $"the operator API's report data has no {ReportedWatts} W point for '{PowerRId}' ({data.Count} points)");
        return $"{ReportedWatts} W stored";
    }

    private async Task<string> PollVtnMetadataAsync(CancellationToken cancellationToken)
    {
        var metadata = Expect<OadrRegisterReport>(await _ven.PollAsync(cancellationToken).ConfigureAwait(false));
        var answer = await _ven.SendAsync("EiReport", new OadrRegisteredReport
        {
            EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = metadata.RequestId },
            VenId = _ven.VenId,
        }, cancellationToken).ConfigureAwait(false);
        ExpectOk(Expect<OadrResponse>(answer).EiResponse);
        ExpectOk(Expect<OadrResponse>(await _ven.PollAsync(cancellationToken).ConfigureAwait(false)).EiResponse);
        return $"oadrRegisterReport ({metadata.OadrReports.Count} reports) answered; the next poll is an empty oadrResponse";
    }

    private async Task<string> CreateEventAsync(CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow.AddHours(1);
        var created = await _operator.CreateEventAsync(
            new CreateEventRequest([_ven.VenId!], "SIMPLE", "level", [new IntervalDto(start, TimeSpan.FromMinutes(30), EventLevel)]),
            cancellationToken).ConfigureAwait(false);
        Expect(created is [{ } one] && one.VenId == _ven.VenId && one.EventId.Length > 0, $"POST /api/events answered {created.Count} events");
        _eventId = created[0].EventId;
        return $"eventID {_eventId}, SIMPLE level {EventLevel} for 30 min in an hour";
    }

    private async Task<string> PollEventAsync(CancellationToken cancellationToken)
    {
        var distribution = Expect<OadrDistributeEvent>(await _ven.PollAsync(cancellationToken).ConfigureAwait(false));
        var oadrEvent = SingleEvent(distribution);
        var descriptor = oadrEvent.EiEvent.EventDescriptor;
        Expect(descriptor.EventStatus is EventStatus.Far or EventStatus.Near && descriptor.ModificationNumber == 0,
            $"event status {descriptor.EventStatus}, modificationNumber {descriptor.ModificationNumber}");
        Expect(oadrEvent.OadrResponseRequired == ResponseRequired.Always, "the event does not ask for an answer");
        var value = oadrEvent.EiEvent.EiEventSignals.Signals is [{ Intervals.Items: [{ StreamPayloads: [SignalPayload { PayloadBase: PayloadFloat level }] }] }]
            ? level.Value
            : float.NaN;
        Expect(value == EventLevel, $"the event's signal is not one interval at level {EventLevel}");
        _distribution = distribution;
        return $"oadrDistributeEvent: {descriptor.EventStatus.ToString().ToLowerInvariant()}, level {value}";
    }

    private async Task<string> OptInAsync(CancellationToken cancellationToken)
    {
        ExpectOk((await _ven.AnswerEventsAsync(_distribution!, _ => OptType.OptIn, cancellationToken).ConfigureAwait(false)).EiResponse);
        return "oadrCreatedEvent optIn accepted";
    }

    private async Task<string> CheckOptAsync(CancellationToken cancellationToken)
    {
        var events = await _operator.GetEventsAsync(_ven.VenId!, cancellationToken).ConfigureAwait(false);
        var shown = events.SingleOrDefault(e => e.EventId == _eventId)
            ?? throw new StepFailedException($"the operator API does not list event {_eventId}");
        Expect(string.Equals(shown.Opt, "OptIn", StringComparison.OrdinalIgnoreCase), $"the operator API shows opt '{shown.Opt ?? "none"}'");
        return $"opt {shown.Opt} ({shown.OptSource})";
    }

    private async Task<string> CancelEventAsync(CancellationToken cancellationToken)
    {
        await _operator.CancelEventAsync(_ven.VenId!, _eventId, cancellationToken).ConfigureAwait(false);
        return "DELETE answered 204";
    }

    private async Task<string> PollCancellationAsync(CancellationToken cancellationToken)
    {
        _cancellation = Expect<OadrDistributeEvent>(await _ven.PollAsync(cancellationToken).ConfigureAwait(false));
        var descriptor = SingleEvent(_cancellation).EiEvent.EventDescriptor;
        Expect(descriptor.EventStatus == EventStatus.Cancelled && descriptor.ModificationNumber == 1,
            $"event status {descriptor.EventStatus}, modificationNumber {descriptor.ModificationNumber}; expected cancelled, 1");
        return "oadrDistributeEvent: cancelled, modificationNumber 1";
    }

    private async Task<string> AcknowledgeCancellationAsync(CancellationToken cancellationToken)
    {
        ExpectOk((await _ven.AnswerEventsAsync(_cancellation!, _ => OptType.OptIn, cancellationToken).ConfigureAwait(false)).EiResponse);
        var remaining = await _ven.RequestEventsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Expect(remaining.OadrEvents.Count == 0, $"oadrRequestEvent still returns {remaining.OadrEvents.Count} events");
        return "acknowledged; oadrRequestEvent returns no event";
    }

    private async Task<string> CancelRegistrationAsync(CancellationToken cancellationToken)
    {
        var venId = _ven.VenId!;
        ExpectOk((await _ven.CancelRegistrationAsync(cancellationToken).ConfigureAwait(false)).EiResponse);
        var ven = await _operator.GetVenAsync(venId, cancellationToken).ConfigureAwait(false);
        Expect(ven is null || !ven.Registered, "the operator API still shows the VEN registered");
        return "oadrCanceledPartyRegistration 200";
    }

    private async Task<string> PollReregistrationAsync(CancellationToken cancellationToken)
    {
        Expect<OadrRequestReregistration>(await _ven.PollAsync(cancellationToken).ConfigureAwait(false));
        return "oadrRequestReregistration";
    }

    private OadrEvent SingleEvent(OadrDistributeEvent distribution)
    {
        var events = distribution.OadrEvents.Where(e => e.EiEvent.EventDescriptor.EventId == _eventId).ToList();
        Expect(events.Count == 1, $"oadrDistributeEvent holds {distribution.OadrEvents.Count} events, none or several with eventID {_eventId}");
        return events[0];
    }

    /// <summary>Presents the VEN's certificate and trusts the VTN only when its certificate chains to <paramref name="ca"/>.</summary>
    private static SocketsHttpHandler MutualTlsHandler(X509Certificate2 certificate, X509Certificate2 ca) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificates = [certificate],
            LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                CustomTrustStore = { ca },
            },
        },
    };

    /// <summary>The OpenADR fingerprint (§10.5.1): the last 10 bytes of SHA-256 over the DER certificate, as AA:BB:….</summary>
    private static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', SHA256.HashData(certificate.RawData)[^10..].Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    private static T Expect<T>(OadrMessage? answer)
        where T : OadrMessage =>
        answer as T ?? throw new StepFailedException($"expected {typeof(T).Name}, got {answer?.GetType().Name ?? "an empty body"}"
            + (answer is OadrResponse response ? $" (responseCode {response.EiResponse.ResponseCode}: {response.EiResponse.ResponseDescription})" : ""));

    private static void ExpectOk(EiResponse? response) =>
        Expect(response?.ResponseCode == "200", $"responseCode {response?.ResponseCode ?? "missing"}: {response?.ResponseDescription}");

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new StepFailedException(failure);
        }
    }
}

/// <summary>A check of a step did not hold; the message says what was seen.</summary>
internal sealed class StepFailedException(string message) : Exception(message);
