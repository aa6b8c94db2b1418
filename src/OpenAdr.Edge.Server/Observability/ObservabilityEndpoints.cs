using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Vtn;

namespace OpenAdr.Edge.Server.Observability;

public static class ObservabilityEndpoints
{
    /// <summary>How long a commit may wait before <c>/health</c> calls the writer stalled.</summary>
    public static readonly TimeSpan StallThreshold = TimeSpan.FromSeconds(10);

    /// <summary><c>/alive</c> (the process answers), <c>/health</c> (the database reads and takes writes, the writer moves), <c>/metrics</c> (Prometheus text).</summary>
    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var vtn = endpoints.ServiceProvider.GetRequiredService<OpenAdrVtn>();
        var metrics = endpoints.ServiceProvider.GetRequiredService<EdgeMetrics>();
        var store = endpoints.ServiceProvider.GetService<MeasuredStore>();
        endpoints.MapGet("/alive", context => PlainAsync(context, StatusCodes.Status200OK, "alive\n"));
        endpoints.MapGet("/health", async context =>
        {
            try
            {
                using var timeout = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await vtn.ReadReportDataAsync("health-probe", 1, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "unhealthy: the database does not answer (" + e.GetType().Name + ")\n").ConfigureAwait(false);
                return;
            }

            if (store?.WriteFailure is { } failure)
            {
                // Reads still work; writes do not, until one succeeds again.
                await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "unhealthy: the database cannot be written (" + failure.Describe() + ")\n").ConfigureAwait(false);
                return;
            }

            if (store?.OldestPendingCommit > StallThreshold)
            {
                await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "unhealthy: a commit has waited for " + store.OldestPendingCommit + "\n").ConfigureAwait(false);
                return;
            }

            await PlainAsync(context, StatusCodes.Status200OK, "healthy\n").ConfigureAwait(false);
        });
        endpoints.MapGet("/metrics", context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            return context.Response.WriteAsync(metrics.Render(vtn, store), context.RequestAborted);
        });
        return endpoints;
    }

    private static Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
