using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>The C# VEN client through a whole life cycle against the real application over loopback.</summary>
public sealed class VenClientTests
{
    [Fact]
    public async Task Ven_client_registers_reports_takes_an_event_opts_in_sees_the_cancellation_and_leaves()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await EdgeServer.StartAsync();
        var vtn = server.App.Services.GetRequiredService<OpenAdrVtn>();
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, EdgeServer.Prefix), "client-ven");

        var created = await ven.RegisterAsync(cancellationToken);
        Assert.Equal("200", created.EiResponse.ResponseCode);
        Assert.NotNull(ven.VenId);
        Assert.Equal(TimeSpan.FromSeconds(10), ven.PollFrequency);

        var registered = await ven.RegisterReportsAsync([TelemetryReports.RealPowerMetadata("telemetry", "power", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1))], cancellationToken);
        var request = Assert.Single(registered.OadrReportRequests);
        Assert.Equal(TimeSpan.FromSeconds(10), request.ReportSpecifier.Granularity);
        Assert.Equal("200", (await ven.CreatedReportAsync([request.ReportRequestId], cancellationToken: cancellationToken)).EiResponse.ResponseCode);
        var updated = await ven.UpdateReportAsync([TelemetryReports.Readings("telemetry", request.ReportRequestId, "power", [(DateTime.UtcNow, TimeSpan.FromSeconds(10), 1200f)])], cancellationToken);
        Assert.Equal("200", updated.EiResponse.ResponseCode);
        var stored = Assert.Single(await vtn.ReadReportDataAsync(ven.VenId!, cancellationToken: cancellationToken));
        Assert.Equal(1200, stored.Value);

        Assert.IsType<OadrRegisterReport>(await ven.PollAsync(cancellationToken));
        Assert.IsType<OadrResponse>(await ven.PollAsync(cancellationToken));

        var eventId = await vtn.AddEventAsync(ven.VenId!, "SIMPLE", SignalType.Level,
            [new EventInterval(DateTime.UtcNow.AddHours(1), TimeSpan.FromMinutes(30), 2)], cancellationToken: cancellationToken);
        var answered = vtn.EventResponseAsync(ven.VenId!, eventId, cancellationToken);
        var distribution = Assert.IsType<OadrDistributeEvent>(await ven.PollAsync(cancellationToken));
        Assert.Equal("200", (await ven.AnswerEventsAsync(distribution, _ => OptType.OptIn, cancellationToken)).EiResponse.ResponseCode);
        Assert.Equal(OptType.OptIn, await answered);

        await vtn.CancelEventAsync(ven.VenId!, eventId, cancellationToken);
        var cancellation = Assert.IsType<OadrDistributeEvent>(await ven.PollAsync(cancellationToken));
        var cancelled = Assert.Single(cancellation.OadrEvents);
        Assert.Equal(EventStatus.Cancelled, cancelled.EiEvent.EventDescriptor.EventStatus);
        Assert.Equal(1u, cancelled.EiEvent.EventDescriptor.ModificationNumber);
        Assert.Equal("200", (await ven.AnswerEventsAsync(cancellation, _ => OptType.OptIn, cancellationToken)).EiResponse.ResponseCode);
        Assert.Empty((await ven.RequestEventsAsync(cancellationToken: cancellationToken)).OadrEvents);

        Assert.Equal("200", (await ven.CancelRegistrationAsync(cancellationToken)).EiResponse.ResponseCode);
        Assert.IsType<OadrRequestReregistration>(await ven.PollAsync(cancellationToken));
    }

    [Fact]
    public async Task Transport_errors_surface_as_exceptions_with_the_status()
    {
        await using var server = await EdgeServer.StartAsync();
        using var ven = new OpenAdrVenClient(new Uri(server.Client.BaseAddress!, "/not/OpenADR"), "lost-ven") { VenId = "x" };
        var error = await Assert.ThrowsAsync<OpenAdrTransportException>(() => ven.PollAsync(TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Status);
    }
}
