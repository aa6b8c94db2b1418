using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAdr.Edge.VenSession;

/// <summary>
/// The parts of the operator's JSON API (<c>/api</c>) the session drives and checks. The records repeat the server's
/// DTO fields the session reads (a client's view, not a reference to the server's assembly).
/// </summary>
internal sealed class OperatorApi : IDisposable
{
    private readonly HttpClient _http;

    public OperatorApi(Uri baseAddress, string? token)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The VEN as the operator sees it, or null when the API does not know it (404).</summary>
    public async Task<VenDto?> GetVenAsync(string venId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(VenPath(venId), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync(response, HttpStatusCode.OK, OperatorJson.Default.VenDto, cancellationToken).ConfigureAwait(false);
    }

    public Task<ReportsDto> GetReportsAsync(string venId, CancellationToken cancellationToken) =>
        GetAsync(VenPath(venId) + "/reports", OperatorJson.Default.ReportsDto, cancellationToken);

    public Task<IReadOnlyList<ReportDataDto>> GetReportDataAsync(string venId, CancellationToken cancellationToken) =>
        GetAsync(VenPath(venId) + "/reports/data", OperatorJson.Default.IReadOnlyListReportDataDto, cancellationToken);

    public Task<IReadOnlyList<EventDto>> GetEventsAsync(string venId, CancellationToken cancellationToken) =>
        GetAsync(VenPath(venId) + "/events", OperatorJson.Default.IReadOnlyListEventDto, cancellationToken);

    /// <summary><c>POST /api/events</c>: 201 with one created event per VEN.</summary>
    public async Task<IReadOnlyList<CreatedEventDto>> CreateEventAsync(CreateEventRequest request, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/events", request, OperatorJson.Default.CreateEventRequest, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, HttpStatusCode.Created, OperatorJson.Default.IReadOnlyListCreatedEventDto, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /api/vens/{venId}/events/{eventId}</c>: 204.</summary>
    public async Task CancelEventAsync(string venId, string eventId, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(VenPath(venId) + "/events/" + Uri.EscapeDataString(eventId), cancellationToken).ConfigureAwait(false);
        await ExpectAsync(response, HttpStatusCode.NoContent, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private static string VenPath(string venId) => "api/vens/" + Uri.EscapeDataString(venId);

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, HttpStatusCode.OK, type, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await ExpectAsync(response, expected, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
            ?? throw new StepFailedException($"{response.RequestMessage?.RequestUri} answered JSON null");
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new StepFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}"));
        }
    }
}

internal sealed record VenDto(string VenId, bool Registered, string? VenName = null, string? RegistrationId = null, string? Fingerprint = null);

internal sealed record IntervalDto(DateTime Start, TimeSpan Duration, float Value);

internal sealed record SignalDto(string SignalId, string SignalName, string SignalType, IReadOnlyList<IntervalDto> Intervals);

internal sealed record EventDto(string VenId, string EventId, uint ModificationNumber, string Status, IReadOnlyList<SignalDto> Signals, string? Opt = null, string? OptSource = null);

internal sealed record CreateEventRequest(IReadOnlyList<string> VenIds, string SignalName, string SignalType, IReadOnlyList<IntervalDto> Intervals);

internal sealed record CreatedEventDto(string VenId, string EventId);

internal sealed record ReportRequestDto(string ReportRequestId, string ReportSpecifierId, TimeSpan Granularity, IReadOnlyList<string> RIds, string State);

internal sealed record ReportsDto(string VenId, IReadOnlyList<ReportRequestDto> Requests);

internal sealed record ReportDataDto(string ReportRequestId, string RId, DateTime Start, double? Value = null);

// Null fields are left out by the server: only those are optional here; any other missing or null field fails the read.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(VenDto))]
[JsonSerializable(typeof(IReadOnlyList<EventDto>))]
[JsonSerializable(typeof(CreateEventRequest))]
[JsonSerializable(typeof(IReadOnlyList<CreatedEventDto>))]
[JsonSerializable(typeof(ReportsDto))]
[JsonSerializable(typeof(IReadOnlyList<ReportDataDto>))]
internal sealed partial class OperatorJson : JsonSerializerContext;
