using System;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Server.Operator;

namespace OpenAdr.Edge.Server.Cli;

/// <summary><c>openadr-edge ven ...</c>: VENs and the admission decisions about their names.</summary>
internal static class VenCommands
{
    public static Command Create(OperatorConnection connection)
    {
        var ven = connection.Group("ven", "VENs (registered or known) and which VEN names may register");
        ven.Add(List(connection));
        ven.Add(Show(connection));
        ven.Add(Admissions(connection));
        ven.Add(Add(connection));
        ven.Add(Approve(connection));
        ven.Add(Deny(connection));
        ven.Add(Remove(connection));
        ven.Add(Reregister(connection));
        ven.Add(Opts(connection));
        return ven;
    }

    private static Argument<string> VenId() => new("venId") { Description = "The VEN's venID (see 'ven list')" };

    private static Argument<string> VenName() => new("venName") { Description = "The name the VEN registers with (oadrVenName)" };

    private static Option<string> Fingerprint(string description) => new("--fingerprint") { Description = description, HelpName = "AA:BB:..." };

    private static Command List(OperatorConnection connection)
    {
        var command = new Command("list", "Every VEN the VTN knows, registered or not");
        connection.SetAction(command, async call => await call.PrintAsync(await call.Client.GetVensAsync(call.CancellationToken).ConfigureAwait(false), static (vens, output) =>
        {
            var table = new TextTable("VEN ID", "NAME", "REGISTERED", "LAST SEEN", "QUEUED", "EVENTS", "REPORTS");
            foreach (var ven in vens)
            {
                table.Add(ven.VenId, ven.VenName, TextTable.YesNo(ven.Registered), TextTable.Time(ven.LastSeen),
                    TextTable.Number(ven.QueueDepth), TextTable.Number(ven.OpenEvents), TextTable.Number(ven.ReportRequests));
            }

            table.WriteTo(output, "No VENs.");
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Show(OperatorConnection connection)
    {
        var venId = VenId();
        var command = new Command("show", "One VEN: its registration, fingerprint, last poll and what waits for it") { venId };
        connection.SetAction(command, async call => await call.PrintAsync(await call.Client.GetVenAsync(call.Get(venId), call.CancellationToken).ConfigureAwait(false), static (ven, output) =>
            TextTable.WriteFields(output,
                ("VEN ID", ven.VenId),
                ("Name", ven.VenName),
                ("Registered", TextTable.YesNo(ven.Registered)),
                ("Registration ID", ven.RegistrationId),
                ("Fingerprint", ven.Fingerprint),
                ("Registered at", TextTable.Time(ven.RegisteredAt)),
                ("Last seen", TextTable.Time(ven.LastSeen)),
                ("Queued messages", TextTable.Number(ven.QueueDepth)),
                ("Open events", TextTable.Number(ven.OpenEvents)),
                ("Report requests", TextTable.Number(ven.ReportRequests)))).ConfigureAwait(false));
        return command;
    }

    private static Command Admissions(OperatorConnection connection)
    {
        var command = new Command("admissions", "The admission decisions by VEN name: allowed, denied, and pending (waiting for 'ven approve' or 'ven deny')");
        connection.SetAction(command, async call => await call.PrintAsync(await call.Client.GetAdmissionsAsync(call.CancellationToken).ConfigureAwait(false), static (admissions, output) =>
        {
            var table = new TextTable("VEN NAME", "STATE", "FINGERPRINT", "UPDATED");
            foreach (var admission in admissions)
            {
                table.Add(admission.VenName, admission.State, admission.Fingerprint, TextTable.Time(admission.UpdatedAt));
            }

            table.WriteTo(output, "No admission decisions.");
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Add(OperatorConnection connection)
    {
        var venName = VenName();
        var fingerprint = Fingerprint("Admit the name only with the client certificate of this fingerprint (see 'cert ven' and 'cert fingerprint')");
        var command = new Command("add", "Pre-register a VEN name: it is admitted when it registers, whatever OpenAdr:Admission says") { venName, fingerprint };
        connection.SetAction(command, call => AllowAsync(call, call.Get(venName), call.Get(fingerprint), "Admitted"));
        return command;
    }

    private static Command Approve(OperatorConnection connection)
    {
        var venName = VenName();
        var fingerprint = Fingerprint("Admit the name only with this certificate [default: the fingerprint its pending registration presented]");
        var command = new Command("approve", "Allow a VEN name waiting as pending (OpenAdr:Admission = approval); its next registration is accepted") { venName, fingerprint };
        connection.SetAction(command, async call =>
        {
            var name = call.Get(venName);
            var pinned = call.Get(fingerprint);
            if (pinned is null)
            {
                // Approving what was seen: a pending name over TLS keeps the certificate it presented.
                var admissions = await call.Client.GetAdmissionsAsync(call.CancellationToken).ConfigureAwait(false);
                pinned = admissions.Value.FirstOrDefault(a => a.VenName == name && a.State == "pending")?.Fingerprint;
            }

            await AllowAsync(call, name, pinned, "Approved").ConfigureAwait(false);
        });
        return command;
    }

    private static async Task AllowAsync(OperatorCall call, string venName, string? fingerprint, string verb)
    {
        var answer = await call.Client.SetAdmissionAsync(venName, new SetAdmissionRequest("allowed", fingerprint), call.CancellationToken).ConfigureAwait(false);
        await call.PrintAsync(answer, (admission, output) => output.WriteLine(admission.Fingerprint is null
            ? $"{verb} '{admission.VenName}': it may register."
            : $"{verb} '{admission.VenName}': it may register with the certificate {admission.Fingerprint} only.")).ConfigureAwait(false);
    }

    private static Command Deny(OperatorConnection connection)
    {
        var venName = VenName();
        var command = new Command("deny", "Refuse a VEN name: its registrations get 463 from now on (a VEN registered now stays until 'ven remove')") { venName };
        connection.SetAction(command, async call =>
        {
            var answer = await call.Client.SetAdmissionAsync(call.Get(venName), new SetAdmissionRequest("denied"), call.CancellationToken).ConfigureAwait(false);
            await call.PrintAsync(answer, static (admission, output) => output.WriteLine($"Denied '{admission.VenName}': its registrations are refused.")).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Remove(OperatorConnection connection)
    {
        var venId = VenId();
        var ask = new Option<bool>("--ask") { Description = "Ask the VEN instead (oadrCancelPartyRegistration at its next poll); the registration ends when it agrees" };
        var command = new Command("remove", "End a VEN's registration at once (its events, data and opts stay as history)") { venId, ask };
        connection.SetAction(command, async call =>
        {
            var id = call.Get(venId);
            if (call.Get(ask))
            {
                await call.Client.CancelRegistrationAsync(id, call.CancellationToken).ConfigureAwait(false);
                await call.SayAsync($"Asked VEN '{id}' to end its registration (oadrCancelPartyRegistration at its next poll).").ConfigureAwait(false);
                return;
            }

            await call.Client.DeleteVenAsync(id, call.CancellationToken).ConfigureAwait(false);
            await call.SayAsync($"Ended the registration of VEN '{id}'.").ConfigureAwait(false);
        });
        return command;
    }

    private static Command Reregister(OperatorConnection connection)
    {
        var venId = VenId();
        var command = new Command("reregister", "Ask a VEN to register again (oadrRequestReregistration at its next poll)") { venId };
        connection.SetAction(command, async call =>
        {
            var id = call.Get(venId);
            await call.Client.RequestReregistrationAsync(id, call.CancellationToken).ConfigureAwait(false);
            await call.SayAsync($"Asked VEN '{id}' to register again (oadrRequestReregistration at its next poll).").ConfigureAwait(false);
        });
        return command;
    }

    private static Command Opts(OperatorConnection connection)
    {
        var venId = VenId();
        var command = new Command("opts", "The opt schedules (EiOpt) a VEN sent") { venId };
        connection.SetAction(command, async call => await call.PrintAsync(await call.Client.GetOptsAsync(call.Get(venId), call.CancellationToken).ConfigureAwait(false), static (opts, output) =>
        {
            var table = new TextTable("OPT ID", "TYPE", "REASON", "EVENT", "MARKET CONTEXT", "CREATED");
            foreach (var opt in opts)
            {
                table.Add(opt.OptId, opt.OptType, opt.OptReason, opt.EventId, opt.MarketContext, TextTable.Time(opt.CreatedDateTime));
            }

            table.WriteTo(output, "No opts.");
        }).ConfigureAwait(false));
        return command;
    }
}
