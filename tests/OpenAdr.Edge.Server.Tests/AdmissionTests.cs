using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAdr.Edge.Ven;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>The binary's admission policy: approval mode, and decisions an operator stores through the API.</summary>
public sealed class AdmissionTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_approval_mode_a_new_ven_waits_as_pending_until_an_operator_allows_it()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:Admission", "approval");
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "newcomer");

        Assert.Equal("463", (await ven.RegisterAsync(Ct)).EiResponse.ResponseCode);
        var pending = JsonDocument.Parse(await server.Operator.GetStringAsync("/api/admissions", Ct)).RootElement;
        Assert.Equal("newcomer", pending[0].GetProperty("venName").GetString());
        Assert.Equal("pending", pending[0].GetProperty("state").GetString());

        var allowed = await server.Operator.PutAsync("/api/admissions/newcomer", new StringContent("""{"state":"allowed"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("200", (await ven.RegisterAsync(Ct)).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task A_denied_name_is_refused_even_in_open_mode()
    {
        await using var server = await EdgeServer.StartAsync();
        await server.Operator.PutAsync("/api/admissions/intruder", new StringContent("""{"state":"denied"}""", Encoding.UTF8, "application/json"), Ct);
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "intruder");
        Assert.Equal("463", (await ven.RegisterAsync(Ct)).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task A_name_allowed_for_a_fingerprint_is_refused_over_plain_http()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:Admission", "closed");
        await server.Operator.PutAsync("/api/admissions/pinned", new StringContent("""{"state":"allowed","fingerprint":"AA:BB:CC:DD:EE:FF:00:11:22:33"}""", Encoding.UTF8, "application/json"), Ct);
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "pinned");
        Assert.Equal("463", (await ven.RegisterAsync(Ct)).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task Pending_is_not_a_state_an_operator_sets()
    {
        await using var server = await EdgeServer.StartAsync();
        var response = await server.Operator.PutAsync("/api/admissions/x", new StringContent("""{"state":"pending"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Operator.DeleteAsync("/api/admissions/x", Ct)).StatusCode);
    }
}
