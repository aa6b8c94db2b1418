using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;
using Xunit;

namespace OpenAdr.Edge.Server.Tests.Cli;

/// <summary>The operator's commands (ven, event, report) run in-process against the real application's operator listener.</summary>
public sealed class OperatorCommandTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OpenAdrVenClient Ven(EdgeServer server, string venName) => new(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), venName);

    [Fact]
    public async Task Ven_list_and_ven_show_print_a_registered_ven()
    {
        await using var server = await EdgeServer.StartAsync();
        using var ven = Ven(server, "cli-ven");
        await ven.RegisterAsync(Ct);
        await ven.PollAsync(Ct);

        var list = await EdgeCli.RunAsync(server, "ven", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Equal("", list.Error);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("VEN ID", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([ven.VenId!, "cli-ven", "yes"], row[..3]);

        var json = await EdgeCli.RunAsync(server, "ven", "list", "--json");
        var listed = Assert.Single(JsonDocument.Parse(json.Out).RootElement.EnumerateArray());
        Assert.Equal(ven.VenId, listed.GetProperty("venId").GetString());

        var show = await EdgeCli.RunAsync(server, "ven", "show", ven.VenId!);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"VEN ID:          {ven.VenId}\n", show.Out, StringComparison.Ordinal);
        Assert.Contains("Name:            cli-ven\n", show.Out, StringComparison.Ordinal);
        Assert.Contains("Registered:      yes\n", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ven_reregister_and_ven_remove_reach_the_ven()
    {
        await using var server = await EdgeServer.StartAsync();
        using var ven = Ven(server, "leaving-ven");
        await ven.RegisterAsync(Ct);
        await ven.PollAsync(Ct);

        Assert.Equal(0, (await EdgeCli.RunAsync(server, "ven", "reregister", ven.VenId!)).ExitCode);
        Assert.IsType<OadrRequestReregistration>(await ven.PollAsync(Ct));

        var removed = await EdgeCli.RunAsync(server, "ven", "remove", ven.VenId!);
        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("Ended the registration", removed.Out, StringComparison.Ordinal);
        Assert.Contains("Registered:      no\n", (await EdgeCli.RunAsync(server, "ven", "show", ven.VenId!)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ven_add_approve_and_deny_decide_who_may_register()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:Admission", "approval");

        var added = await EdgeCli.RunAsync(server, "ven", "add", "invited", "--fingerprint", "AA:BB:CC:DD:EE:FF:00:11:22:33");
        Assert.Equal(0, added.ExitCode);
        Assert.Equal("Admitted 'invited': it may register with the certificate AA:BB:CC:DD:EE:FF:00:11:22:33 only.\n", added.Out);

        using var newcomer = Ven(server, "newcomer");
        Assert.Equal("463", (await newcomer.RegisterAsync(Ct)).EiResponse.ResponseCode);
        var admissions = await EdgeCli.RunAsync(server, "ven", "admissions");
        Assert.Matches(@"\ninvited +allowed +AA:BB:CC:DD:EE:FF:00:11:22:33 ", admissions.Out);
        Assert.Matches(@"\nnewcomer +pending +- ", admissions.Out);

        var approved = await EdgeCli.RunAsync(server, "ven", "approve", "newcomer");
        Assert.Equal(0, approved.ExitCode);
        Assert.Equal("Approved 'newcomer': it may register.\n", approved.Out);
        Assert.Equal("200", (await newcomer.RegisterAsync(Ct)).EiResponse.ResponseCode);

        var denied = await EdgeCli.RunAsync(server, "ven", "deny", "intruder", "--json");
        Assert.Equal(0, denied.ExitCode);
        Assert.Equal("denied", JsonDocument.Parse(denied.Out).RootElement.GetProperty("state").GetString());
        using var intruder = Ven(server, "intruder");
        Assert.Equal("463", (await intruder.RegisterAsync(Ct)).EiResponse.ResponseCode);

        var json = JsonDocument.Parse((await EdgeCli.RunAsync(server, "ven", "admissions", "--json")).Out).RootElement;
        Assert.Equal(["denied", "allowed", "allowed"], json.EnumerateArray().OrderBy(a => a.GetProperty("venName").GetString()).Select(a => a.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Event_create_reaches_the_ven_event_list_shows_its_answer_and_event_cancel_withdraws_it()
    {
        await using var server = await EdgeServer.StartAsync();
        using var ven = Ven(server, "event-ven");
        await ven.RegisterAsync(Ct);
        Assert.IsType<OadrRegisterReport>(await ven.PollAsync(Ct));

        var start = DateTime.UtcNow.AddHours(2);
        var created = await EdgeCli.RunAsync(server, "event", "create", "--ven", ven.VenId!, "--signal", "SIMPLE", "--type", "level",
            "--start", start.ToString("O"), "--duration", "00:15:00", "--value", "2", "--interval", ",00:30:00,1", "--priority", "1", "--json");
        Assert.Equal(0, created.ExitCode);
        var eventId = Assert.Single(JsonDocument.Parse(created.Out).RootElement.EnumerateArray()).GetProperty("eventId").GetString()!;

        var distribution = Assert.IsType<OadrDistributeEvent>(await ven.PollAsync(Ct));
        var sent = Assert.Single(distribution.OadrEvents).EiEvent;
        Assert.Equal(eventId, sent.EventDescriptor.EventId);
        Assert.Equal(1u, sent.EventDescriptor.Priority);
        Assert.Equal(TimeSpan.FromMinutes(45), sent.EiActivePeriod.Properties.Duration);
        Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)], sent.EiEventSignals.Signals[0].Intervals.Items.Select(i => i.Duration!.Value));
        await ven.AnswerEventsAsync(distribution, _ => OptType.OptIn, Ct);

        var list = await EdgeCli.RunAsync(server, "event", "list", "--ven", ven.VenId!);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches($@"\n{eventId} +far +0 +{start:yyyy-MM-ddTHH:mm:ss}Z +00:45:00 +1 +SIMPLE Level +2,1 +OptIn", list.Out);

        var cancelled = await EdgeCli.RunAsync(server, "event", "cancel", ven.VenId!, eventId);
        Assert.Equal(0, cancelled.ExitCode);
        var cancellation = Assert.IsType<OadrDistributeEvent>(await ven.PollAsync(Ct));
        Assert.Equal(EventStatus.Cancelled, cancellation.OadrEvents[0].EiEvent.EventDescriptor.EventStatus);
        Assert.Matches($@"\n{eventId} +cancelled +1 ", (await EdgeCli.RunAsync(server, "event", "list", "--ven", ven.VenId!)).Out);
    }

    [Fact]
    public async Task Event_create_for_several_vens_makes_one_event_each()
    {
        await using var server = await EdgeServer.StartAsync();
        using var first = Ven(server, "first");
        using var second = Ven(server, "second");
        await first.RegisterAsync(Ct);
        await second.RegisterAsync(Ct);

        var created = await EdgeCli.RunAsync(server, "event", "create", "--ven", first.VenId!, second.VenId!, "--start", "now+01:00:00", "--duration", "PT10M", "--value", "1");
        Assert.Equal(0, created.ExitCode);
        Assert.Matches($@"^VEN ID +EVENT ID\n{first.VenId} +\S+\n{second.VenId} +\S+\n$", created.Out);
    }

    [Fact]
    public async Task Report_show_prints_what_the_ven_offers_what_was_requested_and_its_telemetry()
    {
        await using var server = await EdgeServer.StartAsync();
        using var ven = Ven(server, "metered-ven");
        await ven.RegisterAsync(Ct);
        var request = Assert.Single((await ven.RegisterReportsAsync([Telemetry()], Ct)).OadrReportRequests);
        await ven.CreatedReportAsync([request.ReportRequestId], cancellationToken: Ct);
        await ven.UpdateReportAsync([Reading(request.ReportRequestId, 1200)], Ct);

        var shown = await EdgeCli.RunAsync(server, "report", "show", ven.VenId!);
        Assert.Equal(0, shown.ExitCode);
        Assert.Matches(@"Offered:\nSPECIFIER .*\ntelemetry +METADATA_TELEMETRY_USAGE +power +00:00:10 +00:01:00\n", shown.Out);
        Assert.Matches($@"Requested:\nREQUEST ID .*\n{request.ReportRequestId} +telemetry +00:00:10 ", shown.Out);
        Assert.Matches($@"Data:\nSTART .*\n\S+ +power +1200 .*{request.ReportRequestId} ", shown.Out);

        var filtered = await EdgeCli.RunAsync(server, "report", "show", ven.VenId!, "--rid", "voltage", "--from", "now+00:10:00");
        Assert.EndsWith("Data:\n(none)\n", filtered.Out, StringComparison.Ordinal);

        var json = JsonDocument.Parse((await EdgeCli.RunAsync(server, "report", "show", ven.VenId!, "--json", "--limit", "5")).Out).RootElement;
        Assert.Equal(ven.VenId, json.GetProperty("reports").GetProperty("venId").GetString());
        Assert.Equal(1200, Assert.Single(json.GetProperty("data").EnumerateArray()).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_wrong_token_is_exit_code_1_with_the_reason()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:Operator:Token", "s3cret");

        var refused = await EdgeCli.RunAsync(server, "ven", "list", "--token", "wrong");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("", refused.Out);
        Assert.Contains("refused the token (401 Unauthorized)", refused.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await EdgeCli.RunAsync(server, "ven", "list", "--token", "s3cret")).ExitCode);
    }

    [Fact]
    public async Task A_refusal_is_exit_code_1_with_the_api_message()
    {
        await using var server = await EdgeServer.StartAsync();

        var unknown = await EdgeCli.RunAsync(server, "ven", "show", "nobody");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("openadr-edge: No such VEN. (OpenADR code 452)\n", unknown.Error);

        var badSignal = await EdgeCli.RunAsync(server, "event", "create", "--ven", "v", "--type", "loudness", "--start", "now", "--duration", "00:10:00", "--value", "1");
        Assert.Equal(1, badSignal.ExitCode);
        Assert.Contains("Unknown signalType 'loudness'", badSignal.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_exit_code_1_with_a_clear_message()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var run = await EdgeCli.RunAsync("ven", "list", "--operator", $"http://127.0.0.1:{port}");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"openadr-edge: cannot reach the operator API at http://127.0.0.1:{port}/", run.Error, StringComparison.Ordinal);
    }

    private static OadrReport Telemetry() => new()
    {
        ReportSpecifierId = "telemetry",
        ReportName = "METADATA_TELEMETRY_USAGE",
        ReportRequestId = "0",
        CreatedDateTime = DateTime.UtcNow,
        OadrReportDescriptions =
        [
            new OadrReportDescription
            {
                RId = "power",
                ReportType = "usage",
                ReadingType = "Direct Read",
                ItemBase = new PowerReal { ItemUnits = PowerRealUnits.Watt, PowerAttributes = new PowerAttributes { Hertz = 50, Voltage = 230, Ac = true } },
                OadrSamplingRate = new OadrSamplingRate { OadrMinPeriod = TimeSpan.FromSeconds(10), OadrMaxPeriod = TimeSpan.FromMinutes(1) },
            },
        ],
    };

    private static OadrReport Reading(string reportRequestId, float watts) => new()
    {
        ReportSpecifierId = "telemetry",
        ReportName = "TELEMETRY_USAGE",
        ReportRequestId = reportRequestId,
        CreatedDateTime = DateTime.UtcNow,
        Intervals = new Intervals
        {
            Items = [new Interval { DtStart = DateTime.UtcNow, Duration = TimeSpan.FromSeconds(10), StreamPayloads = [new OadrReportPayload { RId = "power", PayloadBase = new PayloadFloat { Value = watts } }] }],
        },
    };
}
