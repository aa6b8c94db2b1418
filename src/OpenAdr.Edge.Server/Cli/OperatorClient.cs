using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Server.Operator;

namespace OpenAdr.Edge.Server.Cli;

/// <summary>
/// A client of the operator API (<see cref="OperatorEndpoints"/>) over the same DTOs and source-generated JSON. Each
/// answer keeps the JSON as the server sent it, so that <c>--json</c> prints exactly that. Refusals become
/// <see cref="OperatorApiException"/>; an unreachable server, <see cref="HttpRequestException"/>.
/// </summary>
public sealed class OperatorClient : IDisposable
{
    private readonly HttpClient _http;

    public OperatorClient(Uri baseAddress, string? token, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        // Paths are relative ("api/vens"), so that an operator API behind a path prefix works too.
        _http.BaseAddress = baseAddress.AbsolutePath.EndsWith('/') ? baseAddress : new Uri(baseAddress + "/");
        _http.Timeout = TimeSpan.FromSeconds(30);
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri BaseAddress => _http.BaseAddress!;

    public Task<OperatorAnswer<IReadOnlyList<VenDto>>> GetVensAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/vens", Json.IReadOnlyListVenDto, cancellationToken);

    public Task<OperatorAnswer<VenDto>> GetVenAsync(string venId, CancellationToken cancellationToken = default) =>
        GetAsync("api/vens/" + Segment(venId), Json.VenDto, cancellationToken);

    /// <summary>Ends a VEN's registration at once, without asking it.</summary>
    public Task DeleteVenAsync(string venId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "api/vens/" + Segment(venId), null, cancellationToken);

    /// <summary>Asks a VEN to end its registration at its next poll.</summary>
    public Task CancelRegistrationAsync(string venId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/vens/{Segment(venId)}/cancel-registration", null, cancellationToken);

    public Task RequestReregistrationAsync(string venId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/vens/{Segment(venId)}/request-reregistration", null, cancellationToken);

    public Task<OperatorAnswer<IReadOnlyList<AdmissionDto>>> GetAdmissionsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/admissions", Json.IReadOnlyListAdmissionDto, cancellationToken);

    public async Task<OperatorAnswer<AdmissionDto>> SetAdmissionAsync(string venName, SetAdmissionRequest request, CancellationToken cancellationToken = default)
    {
        var body = Content(request, Json.SetAdmissionRequest);
        var json = await SendAsync(HttpMethod.Put, "api/admissions/" + Segment(venName), body, cancellationToken).ConfigureAwait(false);
        return Read(json, Json.AdmissionDto);
    }

    public Task<OperatorAnswer<IReadOnlyList<EventDto>>> GetEventsAsync(string venId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/vens/{Segment(venId)}/events", Json.IReadOnlyListEventDto, cancellationToken);

    public async Task<OperatorAnswer<IReadOnlyList<CreatedEventDto>>> CreateEventAsync(CreateEventRequest request, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Post, "api/events", Content(request, Json.CreateEventRequest), cancellationToken).ConfigureAwait(false);
        return Read(json, Json.IReadOnlyListCreatedEventDto);
    }

    public Task CancelEventAsync(string venId, string eventId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/vens/{Segment(venId)}/events/{Segment(eventId)}", null, cancellationToken);

    public Task<OperatorAnswer<ReportsDto>> GetReportsAsync(string venId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/vens/{Segment(venId)}/reports", Json.ReportsDto, cancellationToken);

    public Task<OperatorAnswer<IReadOnlyList<ReportDataDto>>> GetReportDataAsync(
        string venId, string? rId = null, DateTime? from = null, DateTime? to = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder($"api/vens/{Segment(venId)}/reports/data");
        var separator = '?';
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        Add("rid", rId);
        Add("from", from?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        Add("to", to?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        Add("limit", limit?.ToString(CultureInfo.InvariantCulture));
        return GetAsync(query.ToString(), Json.IReadOnlyListReportDataDto, cancellationToken);
    }

    public Task<OperatorAnswer<IReadOnlyList<OptDto>>> GetOptsAsync(string venId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/vens/{Segment(venId)}/opts", Json.IReadOnlyListOptDto, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static OperatorJsonContext Json => OperatorJsonContext.Default;

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static ByteArrayContent Content<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<OperatorAnswer<T>> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        Read(await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false), type);

    private static OperatorAnswer<T> Read<T>(string json, JsonTypeInfo<T> type)
    {
        try
        {
            return new OperatorAnswer<T>(JsonSerializer.Deserialize(json, type) ?? throw new JsonException("The answer is null."), json);
        }
        catch (JsonException e)
        {
            throw new OperatorApiException(HttpStatusCode.OK, null, "The operator API answered with JSON this client does not understand: " + e.Message);
        }
    }

    /// <summary>Sends a request and returns the body of a 2xx answer; anything else is an <see cref="OperatorApiException"/>.</summary>
    private async Task<string> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new OperatorApiException(response.StatusCode, null,
                "The operator API refused the token (401 Unauthorized): pass the server's OpenAdr:Operator:Token with --token or OPENADR_OPERATOR_TOKEN."),
            _ when TryReadError(body) is { } error => new OperatorApiException(response.StatusCode, error.Code, error.Message),
            _ => new OperatorApiException(response.StatusCode, null,
                $"The operator API answered {(int)response.StatusCode} {response.ReasonPhrase} to {method} /{path}."),
        };
    }

    private static ErrorDto? TryReadError(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, Json.ErrorDto);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>An operator API answer: the value, and the JSON it was read from.</summary>
public readonly record struct OperatorAnswer<T>(T Value, string Json);

/// <summary>The operator API refused a request: its <see cref="ErrorDto"/> (code and message), or what the status says.</summary>
public sealed class OperatorApiException : Exception
{
    public OperatorApiException(HttpStatusCode status, string? code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public OperatorApiException()
    {
    }

    public OperatorApiException(string message)
        : base(message)
    {
    }

    public OperatorApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }

    /// <summary>The OpenADR-style code of the <see cref="ErrorDto"/> (452 unknown ID, 454 invalid data, …), when there was one.</summary>
    public string? Code { get; }
}
