using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;
using OpenAdr.Edge.Vtn.Storage;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>
/// The server over a database that cannot be written: full (<c>PRAGMA max_page_count</c> on the store's writer gives
/// SQLITE_FULL) or read-only (<c>PRAGMA query_only</c>). VENs get 503 with <c>Retry-After</c>, operators a 503 JSON
/// error, <c>/health</c> says why, and the same requests succeed once the database takes writes again.
/// </summary>
public sealed class DiskFullOverHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ven_gets_503_with_Retry_After_while_the_disk_is_full_and_its_retry_succeeds_once_space_returns()
    {
        await using var server = await EdgeServer.StartAsync();
        var store = server.App.Services.GetRequiredService<SqliteVtnStore>();
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "full-ven");
        await ven.RegisterAsync(Ct);
        var registered = await ven.RegisterReportsAsync([TelemetryReports.RealPowerMetadata("telemetry", "power", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1))], Ct);
        var requestId = registered.OadrReportRequests[0].ReportRequestId;
        await ven.CreatedReportAsync([requestId], cancellationToken: Ct);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var update = EdgeServer.Write(new OadrUpdateReport
        {
            RequestId = "update-1",
            VenId = ven.VenId,
            OadrReports = [TelemetryReports.Readings("telemetry", requestId, "power", Enumerable.Range(0, 1000).Select(i => (start.AddSeconds(10 * i), TimeSpan.FromSeconds(10), (float)i)))],
        });

        await store.ExecuteOnWriterAsync("PRAGMA max_page_count = 1;");
        var refused = await server.PostAsync("EiReport", update);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("disk full", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await AssertHealthAsync(server, HttpStatusCode.ServiceUnavailable, "disk full");
        Assert.Equal(0, await CountReportPointsAsync(server, ven.VenId!));

        await store.ExecuteOnWriterAsync("PRAGMA max_page_count = 1073741823;");
        var retried = await server.PostAsync("EiReport", update);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var answer = Assert.IsType<OadrUpdatedReport>(OadrPayload.Read(await retried.Content.ReadAsByteArrayAsync(Ct)).OadrSignedObject.Message);
        Assert.Equal("200", answer.EiResponse.ResponseCode);
        await AssertHealthAsync(server, HttpStatusCode.OK, "healthy");
        Assert.Equal(1000, await CountReportPointsAsync(server, ven.VenId!));
    }

    [Fact]
    public async Task An_operator_gets_a_503_json_error_while_the_database_is_read_only_and_writes_resume_when_it_is_writable()
    {
        await using var server = await EdgeServer.StartAsync();
        var store = server.App.Services.GetRequiredService<SqliteVtnStore>();
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "read-only-ven");
        await ven.RegisterAsync(Ct);
        var createEvent = $$"""
            {"venIds":["{{ven.VenId}}"],"signalName":"SIMPLE","signalType":"level","intervals":[{"start":"{{DateTime.UtcNow.AddHours(2):O}}","duration":"00:15:00","value":2}]}
            """;

        await store.ExecuteOnWriterAsync("PRAGMA query_only = 1;");
        var refused = await server.Operator.PostAsync("/api/events", Json(createEvent), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.StartsWith("application/json", refused.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("503", error.GetProperty("code").GetString());
        Assert.Contains("read-only", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var admission = await server.Operator.PutAsync("/api/admissions/some-ven", Json("""{"state":"allowed"}"""), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, admission.StatusCode);
        await AssertHealthAsync(server, HttpStatusCode.ServiceUnavailable, "read-only");

        // A new VEN cannot be stored either: 503 over OpenADR, not an OpenADR error code.
        using var newcomer = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "newcomer");
        var transport = await Assert.ThrowsAsync<OpenAdrTransportException>(() => newcomer.RegisterAsync(Ct));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, transport.Status);

        await store.ExecuteOnWriterAsync("PRAGMA query_only = 0;");
        var created = await server.Operator.PostAsync("/api/events", Json(createEvent), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertHealthAsync(server, HttpStatusCode.OK, "healthy");
        Assert.IsType<OadrRegisterReport>(await ven.PollAsync(Ct));
        var distribution = Assert.IsType<OadrDistributeEvent>(await ven.PollAsync(Ct));
        Assert.Single(distribution.OadrEvents);
        Assert.Equal("200", (await newcomer.RegisterAsync(Ct)).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task A_registration_handler_that_cannot_store_gives_the_ven_503_not_an_OpenADR_error()
    {
        // In approval mode the registration handler records the new name as pending: a write inside the handler.
        await using var server = await EdgeServer.StartAsync("--OpenAdr:Admission", "approval");
        var store = server.App.Services.GetRequiredService<SqliteVtnStore>();
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "waiting-ven");

        await store.ExecuteOnWriterAsync("PRAGMA query_only = 1;");
        var transport = await Assert.ThrowsAsync<OpenAdrTransportException>(() => ven.RegisterAsync(Ct));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, transport.Status);

        await store.ExecuteOnWriterAsync("PRAGMA query_only = 0;");
        Assert.Equal("463", (await ven.RegisterAsync(Ct)).EiResponse.ResponseCode);
        var pending = JsonDocument.Parse(await server.Operator.GetStringAsync("/api/admissions", Ct)).RootElement;
        Assert.Equal("pending", Assert.Single(pending.EnumerateArray()).GetProperty("state").GetString());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task AssertHealthAsync(EdgeServer server, HttpStatusCode expected, string says)
    {
        var health = await server.Operator.GetAsync("/health", Ct);
        Assert.Equal(expected, health.StatusCode);
        Assert.Contains(says, await health.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<int> CountReportPointsAsync(EdgeServer server, string venId)
    {
        var data = await server.Operator.GetStringAsync($"/api/vens/{venId}/reports/data?limit=100000", Ct);
        return JsonDocument.Parse(data).RootElement.GetArrayLength();
    }
}
