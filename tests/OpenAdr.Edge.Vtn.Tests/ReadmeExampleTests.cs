using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Storage;
using Xunit;

// The example is what a user writes, without the test framework's cancellation token.
#pragma warning disable xUnit1051

namespace OpenAdr.Edge.Vtn.Tests;

/// <summary>The README's VTN example (the C# twin of OpenLEADR's "1-minute VTN example") is this file's code: it runs here against OpenLEADR's real messages, and the README must show it verbatim.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task One_minute_vtn_registers_ven123_hands_it_the_event_and_hears_its_answer()
    {
        using var database = new TempDatabase();
        var databasePath = database.Path;
        var printed = new List<string>();
        var console = new StringWriter();
        var previousOut = Console.Out;
        Console.SetOut(console);
        try
        {
            // begin example: one-minute-vtn
            var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "myvtn" }, await SqliteVtnStore.OpenAsync(databasePath));

            // Accept the VEN named "ven123", refuse everyone else.
            vtn.OnCreatePartyRegistration = info => ValueTask.FromResult<AcceptedRegistration?>(
                info.VenName == "ven123" ? new AcceptedRegistration("ven_id_123", "reg_id_123") : null);

            // Request every data point the VEN offers, at its fastest rate, and print what it reports.
            vtn.OnRegisterReport = offer => ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(
                data =>
                {
                    foreach (var point in data.Points)
                    {
                        Console.WriteLine($"Ven {offer.VenId} reported {offer.Measurement} = {point.Value} at time {point.Start:O} for resource {offer.ResourceId}");
                    }

                    return ValueTask.CompletedTask;
                },
                offer.MinSamplingInterval));

            // An event for tomorrow noon, which the VEN picks up at its next poll; the callback hears its answer.
            await vtn.AddEventAsync(
                "ven_id_123", "simple", SignalType.Level,
                [new EventInterval(DateTime.UtcNow.Date.AddDays(1).AddHours(12), TimeSpan.FromMinutes(10), 1)],
                callback: (venId, eventId, optType) =>
                {
                    Console.WriteLine($"VEN {venId} responded to Event {eventId} with: {optType}");
                    return ValueTask.CompletedTask;
                });
            // end example

            await using (vtn)
            {
                await DriveOpenLeadrVenAsync(vtn);
            }
        }
        finally
        {
            Console.SetOut(previousOut);
        }

        printed.AddRange(console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(printed, line => line.StartsWith("Ven ven_id_123 reported RealPower = ", StringComparison.Ordinal));
        Assert.Contains(printed, line => line.StartsWith("VEN ven_id_123 responded to Event ", StringComparison.Ordinal) && line.EndsWith("with: OptIn", StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_shows_the_one_minute_vtn_example_as_it_is_compiled_here()
    {
        var source = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "tests", "OpenAdr.Edge.Vtn.Tests", "ReadmeExampleTests.cs"));
        var start = source.IndexOf("// begin example: one-minute-vtn", StringComparison.Ordinal);
        var end = source.IndexOf("// end example", StringComparison.Ordinal);
        var example = new StringBuilder();
        foreach (var line in source[start..end].Split('\n')[1..^1])
        {
            example.Append(line.Length >= 12 ? line[12..] : line.TrimStart()).Append('\n');
        }

        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("```csharp\n" + example + "```", readme, StringComparison.Ordinal);
    }

    /// <summary>OpenLEADR's VEN (its recorded messages), renamed "ven123": registers, offers telemetry, reports, polls, opts in.</summary>
    private static async Task DriveOpenLeadrVenAsync(OpenAdrVtn vtn)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var create = Read<OadrCreatePartyRegistration>("002_1_VEN-to-VTN_EiRegisterParty_oadrCreatePartyRegistration.xml");
        create.OadrVenName = "ven123";
        var created = Assert.IsType<OadrCreatedPartyRegistration>(await vtn.HandleAsync(create, default, cancellationToken));
        Assert.Equal("ven_id_123", created.VenId);

        var register = Read<OadrRegisterReport>("003_1_VEN-to-VTN_EiReport_oadrRegisterReport.xml");
        register.VenId = "ven_id_123";
        var registered = Assert.IsType<OadrRegisteredReport>(await vtn.HandleAsync(register, default, cancellationToken));
        var request = Assert.Single(registered.OadrReportRequests);

        var update = Read<OadrUpdateReport>("005_1_VEN-to-VTN_EiReport_oadrUpdateReport.xml");
        update.VenId = "ven_id_123";
        foreach (var report in update.OadrReports)
        {
            report.ReportRequestId = request.ReportRequestId;
        }

        Assert.IsType<OadrUpdatedReport>(await vtn.HandleAsync(update, default, cancellationToken));

        // The event was queued before the VEN registered, the VTN's METADATA after: first come, first served.
        var poll = new OadrPoll { VenId = "ven_id_123" };
        var distribute = Assert.IsType<OadrDistributeEvent>(await vtn.HandleAsync(poll, default, cancellationToken));
        Assert.IsType<OadrRegisterReport>(await vtn.HandleAsync(poll, default, cancellationToken));
        Assert.IsType<OadrResponse>(await vtn.HandleAsync(poll, default, cancellationToken));
        var oadrEvent = Assert.Single(distribute.OadrEvents);

        var answer = Read<OadrCreatedEvent>("013_1_VEN-to-VTN_EiEvent_oadrCreatedEvent.xml");
        answer.EiCreatedEvent.VenId = "ven_id_123";
        var response = Assert.Single(answer.EiCreatedEvent.EventResponses!.Responses);
        response.QualifiedEventId.EventId = oadrEvent.EiEvent.EventDescriptor.EventId;
        var ok = Assert.IsType<OadrResponse>(await vtn.HandleAsync(answer, default, cancellationToken));
        Assert.Equal("200", ok.EiResponse.ResponseCode);
    }

    private static T Read<T>(string file)
        where T : OadrMessage =>
        Assert.IsType<T>(OadrPayload.Read(File.ReadAllBytes(SharedFiles.Get("interop/openleadr/" + file))).OadrSignedObject.Message);
}
