using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Ven;

/// <summary>
/// A VEN speaking OpenADR 2.0b simple HTTP (pull) to a VTN: the counterpart of OpenLEADR's <c>OpenADRClient</c>.
/// Each call sends one message and returns the VTN's answer; OpenADR error codes come back inside the answers,
/// transport failures as <see cref="OpenAdrTransportException"/>. Mutual TLS: pass a handler with the client certificate.
/// </summary>
public sealed class OpenAdrVenClient : IDisposable
{
    private static readonly MediaTypeHeaderValue s_xml = MediaTypeHeaderValue.Parse("application/xml");
    private readonly HttpClient _http;
    private int _requests;

    /// <param name="vtnUrl">The VTN's OpenADR base address, e.g. <c>https://vtn:8443/OpenADR2/Simple/2.0b</c>.</param>
    /// <param name="handler">The HTTP handler (e.g. a <see cref="SocketsHttpHandler"/> with a client certificate); the client disposes it.</param>
    public OpenAdrVenClient(Uri vtnUrl, string venName, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(vtnUrl);
        ArgumentException.ThrowIfNullOrEmpty(venName);
        VenName = venName;
        var baseAddress = vtnUrl.AbsoluteUri.EndsWith('/') ? vtnUrl : new Uri(vtnUrl.AbsoluteUri + "/");
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string VenName { get; }

    /// <summary>Set by a successful registration.</summary>
    public string? VenId { get; set; }

    public string? RegistrationId { get; set; }

    public string? VtnId { get; private set; }

    /// <summary>How often the VTN asked to be polled.</summary>
    public TimeSpan? PollFrequency { get; private set; }

    public Task<OadrCreatedPartyRegistration> QueryRegistrationAsync(CancellationToken cancellationToken = default) =>
        SendAsync<OadrCreatedPartyRegistration>("EiRegisterParty", new OadrQueryRegistration { RequestId = NextRequestId() }, cancellationToken);

    /// <summary>Registers (or re-registers, when <see cref="RegistrationId"/> is set); on success the IDs are kept.</summary>
    public async Task<OadrCreatedPartyRegistration> RegisterAsync(CancellationToken cancellationToken = default)
    {
        var created = await SendAsync<OadrCreatedPartyRegistration>("EiRegisterParty", new OadrCreatePartyRegistration
        {
            RequestId = NextRequestId(),
            VenId = VenId,
            RegistrationId = RegistrationId,
            OadrProfileName = OadrProfileName.Oadr20b,
            OadrTransportName = OadrTransportName.SimpleHttp,
            OadrReportOnly = false,
            OadrXmlSignature = false,
            OadrVenName = VenName,
            OadrHttpPullModel = true,
        }, cancellationToken).ConfigureAwait(false);
        if (created.EiResponse.ResponseCode == "200" && !string.IsNullOrEmpty(created.VenId))
        {
            VenId = created.VenId;
            RegistrationId = created.RegistrationId;
            VtnId = created.VtnId;
            PollFrequency = created.OadrRequestedOadrPollFreq;
        }

        return created;
    }

    public async Task<OadrCanceledPartyRegistration> CancelRegistrationAsync(CancellationToken cancellationToken = default)
    {
        var canceled = await SendAsync<OadrCanceledPartyRegistration>("EiRegisterParty", new OadrCancelPartyRegistration
        {
            RequestId = NextRequestId(),
            RegistrationId = Registered(RegistrationId),
            VenId = VenId,
        }, cancellationToken).ConfigureAwait(false);
        if (canceled.EiResponse.ResponseCode == "200")
        {
            RegistrationId = null;
        }

        return canceled;
    }

    /// <summary>Asks for the next message; <see cref="OadrResponse"/> when the VTN has nothing.</summary>
    public async Task<OadrMessage> PollAsync(CancellationToken cancellationToken = default) =>
        await SendAsync("OadrPoll", new OadrPoll { VenId = Registered(VenId) }, cancellationToken).ConfigureAwait(false)
        ?? throw new OpenAdrTransportException(HttpStatusCode.OK, "an empty answer to oadrPoll");

    public Task<OadrDistributeEvent> RequestEventsAsync(uint? replyLimit = null, CancellationToken cancellationToken = default) =>
        SendAsync<OadrDistributeEvent>("EiEvent", new OadrRequestEvent
        {
            EiRequestEvent = new EiRequestEvent { RequestId = NextRequestId(), VenId = Registered(VenId), ReplyLimit = replyLimit },
        }, cancellationToken);

    /// <summary>
    /// Answers every event of a distribution that asks for an answer and has not completed, as OpenLEADR's VEN does
    /// (qualifiedEventID = eventID + modificationNumber; each response carries the distribution's requestID).
    /// </summary>
    public Task<OadrResponse> AnswerEventsAsync(OadrDistributeEvent distribution, Func<OadrEvent, OptType> decide, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(decide);
        var responses = new List<EventResponse>();
        foreach (var oadrEvent in distribution.OadrEvents)
        {
            var descriptor = oadrEvent.EiEvent.EventDescriptor;
            if (oadrEvent.OadrResponseRequired == ResponseRequired.Always && descriptor.EventStatus != EventStatus.Completed)
            {
                responses.Add(new EventResponse
                {
                    ResponseCode = "200",
                    ResponseDescription = "OK",
                    RequestId = distribution.RequestId,
                    QualifiedEventId = new QualifiedEventId { EventId = descriptor.EventId, ModificationNumber = descriptor.ModificationNumber },
                    OptType = decide(oadrEvent),
                });
            }
        }

        return SendAsync<OadrResponse>("EiEvent", new OadrCreatedEvent
        {
            EiCreatedEvent = new EiCreatedEvent
            {
                EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = "" },
                EventResponses = new EventResponses { Responses = responses },
                VenId = Registered(VenId),
            },
        }, cancellationToken);
    }

    /// <summary>Offers the VEN's reports (its METADATA); the answer may carry the VTN's report requests.</summary>
    public Task<OadrRegisteredReport> RegisterReportsAsync(IReadOnlyList<OadrReport> metadata, CancellationToken cancellationToken = default) =>
        SendAsync<OadrRegisteredReport>("EiReport", new OadrRegisterReport
        {
            RequestId = NextRequestId(),
            OadrReports = [.. metadata],
            VenId = Registered(VenId),
            ReportRequestId = "0",
        }, cancellationToken);

    /// <summary>Tells the VTN which of its report requests the VEN has scheduled.</summary>
    public Task<OadrResponse> CreatedReportAsync(IReadOnlyList<string> pendingReportRequestIds, string requestId = "", CancellationToken cancellationToken = default) =>
        SendAsync<OadrResponse>("EiReport", new OadrCreatedReport
        {
            EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = requestId },
            OadrPendingReports = new OadrPendingReports { ReportRequestIds = [.. pendingReportRequestIds] },
            VenId = Registered(VenId),
        }, cancellationToken);

    public Task<OadrUpdatedReport> UpdateReportAsync(IReadOnlyList<OadrReport> reports, CancellationToken cancellationToken = default) =>
        SendAsync<OadrUpdatedReport>("EiReport", new OadrUpdateReport { RequestId = NextRequestId(), OadrReports = [.. reports], VenId = Registered(VenId) }, cancellationToken);

    public Task<OadrCreatedOpt> CreateOptAsync(OadrCreateOpt opt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opt);
        opt.VenId = Registered(VenId);
        if (string.IsNullOrEmpty(opt.RequestId))
        {
            opt.RequestId = NextRequestId();
        }

        return SendAsync<OadrCreatedOpt>("EiOpt", opt, cancellationToken);
    }

    public Task<OadrCanceledOpt> CancelOptAsync(string optId, CancellationToken cancellationToken = default) =>
        SendAsync<OadrCanceledOpt>("EiOpt", new OadrCancelOpt { RequestId = NextRequestId(), OptId = optId, VenId = Registered(VenId) }, cancellationToken);

    /// <summary>Sends any message to a service; null when the VTN answered with an empty body (its answer to an oadrResponse).</summary>
    public async Task<OadrMessage?> SendAsync(string service, OadrMessage message, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        OadrPayload.Wrap(message).WriteDocument(buffer);
        using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = s_xml;
        using var response = await _http.PostAsync(service, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new OpenAdrTransportException(response.StatusCode, System.Text.Encoding.UTF8.GetString(body));
        }

        return body.Length == 0 ? null : OadrPayload.Read(body).OadrSignedObject.Message;
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(string service, OadrMessage message, CancellationToken cancellationToken)
        where T : OadrMessage
    {
        var answer = await SendAsync(service, message, cancellationToken).ConfigureAwait(false);
        return answer as T ?? throw new OpenAdrTransportException(HttpStatusCode.OK, $"expected {typeof(T).Name}, got {answer?.GetType().Name ?? "an empty body"}");
    }

    private string NextRequestId() => VenName + "-" + Interlocked.Increment(ref _requests).ToString(CultureInfo.InvariantCulture);

    private static string Registered(string? id) => id ?? throw new InvalidOperationException("The VEN is not registered yet.");
}
