using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>The operator listener: the JSON API, health and metrics, kept apart from the OpenADR listener.</summary>
public sealed class OperatorApiTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task An_operator_creates_an_event_the_ven_polls_it_answers_and_the_api_shows_the_answer()
    {
        await using var server = await EdgeServer.StartAsync();
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "api-ven");
        await ven.RegisterAsync(Ct);
        Assert.IsType<OadrRegisterReport>(await ven.PollAsync(Ct));

        var vens = await ReadJsonAsync(await server.Operator.GetAsync("/api/vens", Ct));
        var listed = Assert.Single(vens.EnumerateArray());
        Assert.Equal(ven.VenId, listed.GetProperty("venId").GetString());
        Assert.Equal("api-ven", listed.GetProperty("venName").GetString());
        Assert.True(listed.GetProperty("registered").GetBoolean());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastSeen").ValueKind);

        var start = DateTime.UtcNow.AddHours(2).ToString("O");
        var created = await server.Operator.PostAsync("/api/events", Json($$"""
            {"venIds":["{{ven.VenId}}"],"signalName":"SIMPLE","signalType":"level","intervals":[{"start":"{{start}}","duration":"00:15:00","value":2}],"priority":1}
            """), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var eventId = (await ReadJsonAsync(created))[0].GetProperty("eventId").GetString()!;

        var distribution = Assert.IsType<OadrDistributeEvent>(await ven.PollAsync(Ct));
        Assert.Equal(eventId, Assert.Single(distribution.OadrEvents).EiEvent.EventDescriptor.EventId);
        await ven.AnswerEventsAsync(distribution, _ => OptType.OptOut, Ct);

        var events = await ReadJsonAsync(await server.Operator.GetAsync($"/api/vens/{ven.VenId}/events", Ct));
        var shown = Assert.Single(events.EnumerateArray());
        Assert.Equal("far", shown.GetProperty("status").GetString());
        Assert.Equal("OptOut", shown.GetProperty("opt").GetString());
        Assert.Equal(2f, shown.GetProperty("signals")[0].GetProperty("intervals")[0].GetProperty("value").GetSingle());

        var cancelled = await server.Operator.DeleteAsync($"/api/vens/{ven.VenId}/events/{eventId}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var cancellation = Assert.IsType<OadrDistributeEvent>(await ven.PollAsync(Ct));
        Assert.Equal(EventStatus.Cancelled, cancellation.OadrEvents[0].EiEvent.EventDescriptor.EventStatus);
    }

    [Fact]
    public async Task Invalid_operator_input_gets_400_and_unknown_ids_404_with_a_reason()
    {
        await using var server = await EdgeServer.StartAsync();
        var badSignal = await server.Operator.PostAsync("/api/events", Json("""
            {"venIds":["v"],"signalName":"NOT_A_SIGNAL","signalType":"level","intervals":[{"start":"2030-01-01T00:00:00Z","duration":"00:10:00","value":1}]}
            """), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badSignal.StatusCode);
        Assert.Contains("NOT_A_SIGNAL", (await ReadJsonAsync(badSignal)).GetProperty("message").GetString(), StringComparison.Ordinal);

        var notJson = await server.Operator.PostAsync("/api/events", Json("{"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        var unknownEvent = await server.Operator.DeleteAsync("/api/vens/nobody/events/nothing", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownEvent.StatusCode);
        Assert.Equal("452", (await ReadJsonAsync(unknownEvent)).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await server.Operator.GetAsync("/api/vens/nobody", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_listeners_are_kept_apart()
    {
        await using var server = await EdgeServer.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/vens", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/metrics", Ct)).StatusCode);
        var poll = new ByteArrayContent(EdgeServer.Write(new OadrPoll { VenId = "v" }));
        poll.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        Assert.Equal(HttpStatusCode.NotFound, (await server.Operator.PostAsync(EdgeServer.Prefix + "OadrPoll", poll, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_guards_the_operator_api_but_not_alive()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:Operator:Token", "s3cret");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Operator.GetAsync("/api/vens", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Operator.GetAsync("/alive", Ct)).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/vens");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await server.Operator.SendAsync(request, Ct)).StatusCode);
    }

    [Fact]
    public async Task Off_loopback_the_operator_api_refuses_requests_without_the_token()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:Operator:Url", "http://0.0.0.0:0", "--OpenAdr:Operator:Token", "s3cret");
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/vens"), (HttpMethod.Post, "/api/events"), (HttpMethod.Delete, "/api/vens/ven-1"), (HttpMethod.Get, "/metrics"), (HttpMethod.Get, "/health") })
        {
            using var anonymous = new HttpRequestMessage(method, path);
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Operator.SendAsync(anonymous, Ct)).StatusCode);
            using var wrong = new HttpRequestMessage(method, path);
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-not");
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Operator.SendAsync(wrong, Ct)).StatusCode);
        }

        using var authorized = new HttpRequestMessage(HttpMethod.Get, "/api/vens");
        authorized.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await server.Operator.SendAsync(authorized, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_operator_listener_off_loopback_without_a_token_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EdgeServer.StartAsync("--OpenAdr:Operator:Url", "http://0.0.0.0:0"));
        Assert.Contains("OpenAdr:Operator:Token is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_metrics_report_the_database_and_what_was_answered()
    {
        await using var server = await EdgeServer.StartAsync();
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "metric-ven");
        await ven.RegisterAsync(Ct);
        await ven.PollAsync(Ct);
        await ven.PollAsync(Ct);

        var health = await server.Operator.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy\n", await health.Content.ReadAsStringAsync(Ct));

        var metrics = await server.Operator.GetStringAsync("/metrics", Ct);
        Assert.Contains("openadr_polls_total 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains("openadr_answers_total{message=\"oadrPoll\",answer=\"oadrResponse\",code=\"200\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("openadr_answers_total{message=\"oadrCreatePartyRegistration\",answer=\"oadrCreatedPartyRegistration\",code=\"200\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("openadr_vens_registered 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("openadr_vens_seen_recently 1\n", metrics, StringComparison.Ordinal);
        Assert.Matches(@"openadr_commit_seconds_count [1-9]", metrics);
    }
}
