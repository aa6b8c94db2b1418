using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Server.Operator;

/// <summary>
/// The operator's JSON API under <c>/api</c>: VENs, events, reports, opts and admissions, described by
/// <c>/api/openapi.json</c> (Operator/openapi.json). Refusals are <see cref="ErrorDto"/>s:
/// 400 for invalid input, 404 for unknown IDs, 409 for what the state does not allow.
/// </summary>
public static class OperatorEndpoints
{
    public static RouteGroupBuilder MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var vtn = endpoints.ServiceProvider.GetRequiredService<OpenAdrVtn>();
        var api = endpoints.MapGroup("/api");

        api.MapGet("/openapi.json", context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.Body.WriteAsync(OpenApiDocument, context.RequestAborted).AsTask();
        });
        api.MapGet("/vens", context => WriteAsync(context, vtn.GetVens().Select(ToDto).ToList(), Json.IReadOnlyListVenDto));
        api.MapGet("/vens/{venId}", context => vtn.GetVen(Route(context, "venId")) is { } ven
            ? WriteAsync(context, ToDto(ven), Json.VenDto)
            : NotFoundAsync(context, "No such VEN."));
        api.MapDelete("/vens/{venId}", context => RunAsync(context, () => vtn.DeleteVenAsync(Route(context, "venId"), context.RequestAborted)));
        api.MapPost("/vens/{venId}/request-reregistration", context => RunAsync(context, () => vtn.RequestReregistrationAsync(Route(context, "venId"), context.RequestAborted)));
        api.MapPost("/vens/{venId}/cancel-registration", context => RunAsync(context, () => vtn.CancelPartyRegistrationAsync(Route(context, "venId"), context.RequestAborted)));

        api.MapGet("/vens/{venId}/events", context =>
            WriteAsync(context, vtn.GetEventSummaries(Route(context, "venId")).Select(ToDto).ToList(), Json.IReadOnlyListEventDto));
        api.MapPost("/events", context => CreateEventsAsync(context, vtn));
        api.MapPut("/vens/{venId}/events/{eventId}", context => ModifyEventAsync(context, vtn));
        api.MapDelete("/vens/{venId}/events/{eventId}", context =>
            RunAsync(context, () => vtn.CancelEventAsync(Route(context, "venId"), Route(context, "eventId"), context.RequestAborted)));

        api.MapGet("/vens/{venId}/reports", context => vtn.GetReports(Route(context, "venId")) is { } reports
            ? WriteAsync(context, ToDto(reports), Json.ReportsDto)
            : NotFoundAsync(context, "No such VEN."));
        api.MapGet("/vens/{venId}/reports/data", context => ReportDataAsync(context, vtn));
        api.MapGet("/vens/{venId}/opts", context =>
            WriteAsync(context, vtn.GetOpts(Route(context, "venId")).Select(ToDto).ToList(), Json.IReadOnlyListOptDto));
        api.MapGet("/admissions", context =>
            WriteAsync(context, vtn.Admissions.All.Select(ToDto).ToList(), Json.IReadOnlyListAdmissionDto));
        api.MapPut("/admissions/{venName}", context => SetAdmissionAsync(context, vtn));
        api.MapDelete("/admissions/{venName}", async context =>
        {
            var removed = false;
            await RunAsync(context, async () => removed = await vtn.Admissions.RemoveAsync(Route(context, "venName"), context.RequestAborted).ConfigureAwait(false), () =>
                removed ? NoContentAsync(context) : NotFoundAsync(context, "No admission decision for this VEN name.")).ConfigureAwait(false);
        });
        return api;
    }

    /// <summary>The OpenAPI 3.0 description of this API (written by hand: these are bare request delegates).</summary>
    public static ReadOnlyMemory<byte> OpenApiDocument => s_openApiDocument.Value;

    private static readonly Lazy<byte[]> s_openApiDocument = new(() =>
    {
        using var stream = typeof(OperatorEndpoints).Assembly.GetManifestResourceStream("OpenAdr.Edge.Server.Operator.openapi.json")
            ?? throw new InvalidOperationException("The embedded openapi.json is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static async Task SetAdmissionAsync(HttpContext context, OpenAdrVtn vtn)
    {
        if (await ReadAsync(context, Json.SetAdmissionRequest) is not { } request)
        {
            return;
        }

        if (!Enum.TryParse<AdmissionState>(request.State, ignoreCase: true, out var state) || state == AdmissionState.Pending)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "454", $"State '{request.State}' is not 'allowed' or 'denied'.").ConfigureAwait(false);
            return;
        }

        AdmissionRecord? admission = null;
        await RunAsync(context, async () => admission = await vtn.Admissions.SetAsync(Route(context, "venName"), state, request.Fingerprint, context.RequestAborted).ConfigureAwait(false),
            () => WriteAsync(context, ToDto(admission!), Json.AdmissionDto)).ConfigureAwait(false);
    }

    private static AdmissionDto ToDto(AdmissionRecord admission) =>
        new(admission.VenName, admission.State.ToString().ToLowerInvariant(), admission.Fingerprint, admission.UpdatedAt);

    private static OperatorJsonContext Json => OperatorJsonContext.Default;

    private static async Task CreateEventsAsync(HttpContext context, OpenAdrVtn vtn)
    {
        if (await ReadAsync(context, Json.CreateEventRequest) is not { } request)
        {
            return;
        }

        if (request.VenIds is not { Count: > 0 } || request.Intervals is not { Count: > 0 })
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "454", "venIds and intervals must not be empty.").ConfigureAwait(false);
            return;
        }

        if (!Enum.TryParse<SignalType>(request.SignalType.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var signalType)
            || !Enum.TryParse<ResponseRequired>(request.ResponseRequired, ignoreCase: true, out var responseRequired))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "454", $"Unknown signalType '{request.SignalType}' or responseRequired '{request.ResponseRequired}'.").ConfigureAwait(false);
            return;
        }

        var created = new List<CreatedEventDto>();
        await RunAsync(context, async () =>
        {
            foreach (var venId in request.VenIds)
            {
                var eventId = await vtn.AddEventAsync(
                    venId, request.SignalName, signalType,
                    request.Intervals.Select(i => new EventInterval(i.Start, i.Duration, i.Value)).ToList(),
                    targets: request.Targets?.Select(t => new EventTarget(t.VenId, t.ResourceId, t.GroupId, t.GroupName, t.PartyId)).ToList(),
                    eventId: request.EventId, responseRequired: responseRequired, marketContext: request.MarketContext, priority: request.Priority,
                    notificationPeriod: request.NotificationPeriod, rampUpPeriod: request.RampUpPeriod, recoveryPeriod: request.RecoveryPeriod,
                    cancellationToken: context.RequestAborted).ConfigureAwait(false);
                created.Add(new CreatedEventDto(venId, eventId));
            }
        }, async () =>
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            await JsonSerializer.SerializeAsync(context.Response.Body, (IReadOnlyList<CreatedEventDto>)created, Json.IReadOnlyListCreatedEventDto, context.RequestAborted).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static async Task ModifyEventAsync(HttpContext context, OpenAdrVtn vtn)
    {
        if (await ReadAsync(context, Json.ModifyEventRequest) is not { } request)
        {
            return;
        }

        await RunAsync(context, () => vtn.ModifyEventAsync(Route(context, "venId"), Route(context, "eventId"), eiEvent =>
        {
            if (request.Priority is { } priority)
            {
                eiEvent.EventDescriptor.Priority = priority;
            }

            if (request.Intervals is { Count: > 0 } intervals)
            {
                var signal = eiEvent.EiEventSignals.Signals[0];
                var ordered = intervals.OrderBy(i => i.Start).ToList();
                eiEvent.EiActivePeriod.Properties.DtStart = ordered[0].Start.ToUniversalTime();
                eiEvent.EiActivePeriod.Properties.Duration = TimeSpan.FromTicks(ordered.Sum(i => i.Duration.Ticks));
                signal.Intervals.Items = ordered.Select((interval, index) => new Interval
                {
                    Duration = interval.Duration,
                    Uid = index.ToString(CultureInfo.InvariantCulture),
                    StreamPayloads = [new SignalPayload { PayloadBase = new PayloadFloat { Value = interval.Value } }],
                }).ToList();
            }
        }, context.RequestAborted)).ConfigureAwait(false);
    }

    private static async Task ReportDataAsync(HttpContext context, OpenAdrVtn vtn)
    {
        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, 100_000) : 1000;
        DateTime? from = DateTime.TryParse(query["from"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var f) ? f : null;
        DateTime? to = DateTime.TryParse(query["to"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        string? rId = query["rid"];
        var points = await vtn.ReadReportDataAsync(Route(context, "venId"), limit, context.RequestAborted).ConfigureAwait(false);
        var selected = points
            .Where(p => (rId is null || p.RId == rId) && (from is null || p.Start >= from) && (to is null || p.Start < to))
            .Select(p => new ReportDataDto(p.ReportRequestId, p.RId, p.Start, p.Duration, p.Value, p.Status, p.ReceivedAt))
            .ToList();
        await WriteAsync(context, selected, Json.IReadOnlyListReportDataDto).ConfigureAwait(false);
    }

    private static VenDto ToDto(VenSummary ven) => new(
        ven.VenId, ven.Registration is not null, ven.Registration?.VenName, ven.Registration?.RegistrationId, ven.Registration?.Fingerprint,
        ven.Registration?.RegisteredAt, ven.LastSeen, ven.QueueDepth, ven.OpenEvents, ven.ReportRequests);

    private static EventDto ToDto(EventSummary summary)
    {
        var eiEvent = summary.Event.EiEvent;
        var descriptor = eiEvent.EventDescriptor;
        var properties = eiEvent.EiActivePeriod.Properties;
        var signals = eiEvent.EiEventSignals.Signals.Select(signal =>
        {
            var start = properties.DtStart;
            var intervals = new List<IntervalDto>();
            foreach (var interval in signal.Intervals.Items)
            {
                var duration = interval.Duration ?? TimeSpan.Zero;
                var value = interval.StreamPayloads is [SignalPayload { PayloadBase: PayloadFloat f }] ? f.Value : float.NaN;
                intervals.Add(new IntervalDto(interval.DtStart ?? start, duration, value));
                start += duration;
            }

            return new SignalDto(signal.SignalId, signal.SignalName, signal.SignalType.ToString(), intervals);
        }).ToList();
        return new EventDto(
            summary.VenId, descriptor.EventId, descriptor.ModificationNumber, descriptor.EventStatus.ToString().ToLowerInvariant(),
            properties.DtStart, properties.Duration, descriptor.Priority ?? 0, descriptor.EiMarketContext,
            summary.Event.OadrResponseRequired.ToString().ToLowerInvariant(), signals, summary.Opt?.ToString(), summary.OptSource?.ToString());
    }

    private static ReportsDto ToDto(ReportSummary reports)
    {
        var offered = new List<OfferedPointDto>();
        foreach (var offer in reports.Offers)
        {
            offered.Add(new OfferedPointDto(offer.ReportSpecifierId, offer.ReportName, offer.RId, Period(offer.MinSamplingInterval), Period(offer.MaxSamplingInterval)));
        }

        var requests = reports.Requests.Select(r => new ReportRequestDto(
            r.Request.ReportRequestId, r.Request.ReportSpecifier.ReportSpecifierId, r.Request.ReportSpecifier.Granularity,
            r.Request.ReportSpecifier.ReportBackDuration, r.Request.ReportSpecifier.SpecifierPayloads.Select(p => p.RId).ToList(), r.State.ToString())).ToList();
        return new ReportsDto(reports.VenId, offered, requests);
    }

    /// <summary>An offer without an oadrSamplingRate has no period (zero in the engine's form).</summary>
    private static TimeSpan? Period(TimeSpan period) => period == TimeSpan.Zero ? null : period;

    private static OptDto ToDto(OadrCreateOpt opt) =>
        new(opt.OptId, opt.OptType.ToString(), opt.OptReason, opt.MarketContext, opt.QualifiedEventId?.EventId, opt.CreatedDateTime);

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";

    private static async Task<T?> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            if (await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false) is { } value)
            {
                return value;
            }
        }
        catch (JsonException e)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "454", "Invalid JSON: " + e.Message).ConfigureAwait(false);
            return null;
        }

        await ErrorAsync(context, StatusCodes.Status400BadRequest, "454", "A JSON body is required.").ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Runs an operation and answers 204 (or <paramref name="onSuccess"/>), or the refusal as an <see cref="ErrorDto"/>;
    /// 503 with <c>Retry-After</c> when the database cannot be written now (the change was not stored).
    /// </summary>
    private static async Task RunAsync(HttpContext context, Func<ValueTask> operation, Func<Task>? onSuccess = null)
    {
        try
        {
            await operation().ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "454", e.Message).ConfigureAwait(false);
            return;
        }
        catch (VtnOperationException e)
        {
            var status = e.Code is ResponseCodes.InvalidId or ResponseCodes.NotRegisteredOrAuthorized ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            await ErrorAsync(context, status, e.Code, e.Message).ConfigureAwait(false);
            return;
        }
        catch (StoreUnavailableException e)
        {
            context.Response.Headers.RetryAfter = StoreRetryAfterSeconds;
            await ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "503",
                $"The database cannot be written now ({e.Describe()}); the change was not stored. Retry later.").ConfigureAwait(false);
            return;
        }

        if (onSuccess is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        else
        {
            await onSuccess().ConfigureAwait(false);
        }
    }

    private static Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }

    /// <summary>What <c>Retry-After</c> says when the database cannot be written: the OpenADR listener's default.</summary>
    private const string StoreRetryAfterSeconds = "5";

    private static Task NoContentAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task NotFoundAsync(HttpContext context, string message) => ErrorAsync(context, StatusCodes.Status404NotFound, "452", message);

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return WriteAsync(context, new ErrorDto(code, message), Json.ErrorDto);
    }
}
