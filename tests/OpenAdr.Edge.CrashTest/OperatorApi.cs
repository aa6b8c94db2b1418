using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAdr.Edge.CrashTest;

/// <summary>
/// The operator's JSON API as the harness uses it: creating and modifying events (writes it then expects to
/// survive), and reading VENs, events and report data back after a restart. A client's view of the server's DTOs.
/// </summary>
internal sealed class OperatorApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary><c>POST /api/events</c> for one VEN: the event's ID once the API answered 201.</summary>
    public async Task<string> CreateEventAsync(string venId, float level, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow.AddHours(1);
        var request = new CreateEventRequest([venId], "SIMPLE", "level", [new IntervalDto(start, TimeSpan.FromMinutes(30), level)]);
        using var response = await _http.PostAsJsonAsync("api/events", request, OperatorJson.Default.CreateEventRequest, cancellationToken);
        var created = await ReadAsync(response, HttpStatusCode.Created, OperatorJson.Default.IReadOnlyListCreatedEventDto, cancellationToken);
        return created is [{ } one] && one.VenId == venId && one.EventId.Length > 0
            ? one.EventId
            : throw new HarnessException($"POST /api/events for {venId} answered {created.Count} events");
    }

    /// <summary><c>PUT /api/vens/{venId}/events/{eventId}</c> with a new priority: done once it answered 204.</summary>
    public async Task ModifyEventAsync(string venId, string eventId, uint priority, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync(EventPath(venId, eventId), new ModifyEventRequest(priority), OperatorJson.Default.ModifyEventRequest, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.NoContent, cancellationToken);
    }

    public Task<IReadOnlyList<VenDto>> GetVensAsync(CancellationToken cancellationToken) =>
        GetAsync("api/vens", OperatorJson.Default.IReadOnlyListVenDto, cancellationToken);

    public Task<IReadOnlyList<EventDto>> GetEventsAsync(string venId, CancellationToken cancellationToken) =>
        GetAsync(VenPath(venId) + "/events", OperatorJson.Default.IReadOnlyListEventDto, cancellationToken);

    public Task<IReadOnlyList<ReportDataDto>> GetReportDataAsync(string venId, CancellationToken cancellationToken) =>
        GetAsync(VenPath(venId) + "/reports/data?limit=100000", OperatorJson.Default.IReadOnlyListReportDataDto, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static string VenPath(string venId) => "api/vens/" + Uri.EscapeDataString(venId);

    private static string EventPath(string venId, string eventId) => VenPath(venId) + "/events/" + Uri.EscapeDataString(eventId);

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        return await ReadAsync(response, HttpStatusCode.OK, type, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await ExpectAsync(response, expected, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new HarnessException($"{response.RequestMessage?.RequestUri} answered JSON null");
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HarnessException(string.Create(CultureInfo.InvariantCulture,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}, expected {(int)expected}: {body}"));
        }
    }
}

/// <summary>An answer the harness did not expect (not a lost write: a wrong status, a malformed body).</summary>
internal sealed class HarnessException(string message) : Exception(message);

internal sealed record VenDto(string VenId, bool Registered, string? VenName = null);

internal sealed record IntervalDto(DateTime Start, TimeSpan Duration, float Value);

internal sealed record EventDto(string VenId, string EventId, uint ModificationNumber, string Status, uint Priority, string? Opt = null, string? OptSource = null);

internal sealed record CreateEventRequest(IReadOnlyList<string> VenIds, string SignalName, string SignalType, IReadOnlyList<IntervalDto> Intervals);

internal sealed record CreatedEventDto(string VenId, string EventId);

internal sealed record ModifyEventRequest(uint Priority);

internal sealed record ReportDataDto(string ReportRequestId, string RId, DateTime Start, double? Value = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(IReadOnlyList<VenDto>))]
[JsonSerializable(typeof(IReadOnlyList<EventDto>))]
[JsonSerializable(typeof(CreateEventRequest))]
[JsonSerializable(typeof(IReadOnlyList<CreatedEventDto>))]
[JsonSerializable(typeof(ModifyEventRequest))]
[JsonSerializable(typeof(IReadOnlyList<ReportDataDto>))]
internal sealed partial class OperatorJson : JsonSerializerContext;
