using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Reports;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Registration;

/// <summary>EiRegisterParty: query, create, re-register, cancel by either side, and who counts as registered.</summary>
public sealed class RegistrationTests
{
    private const string Fingerprint = "A4:3C:70:CE:57:8E:FB:9C:F1:65";
    private const string OtherFingerprint = "11:22:33:44:55:66:77:88:99:00";

    [Fact]
    public async Task Query_answers_profile_2_0b_over_simple_http_and_the_poll_frequency_without_ids()
    {
        await using var harness = await VtnHarness.StartAsync();

        var answer = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.QueryRegistration("req-q1"), OpenAdrService.EiRegisterParty);

        Assert.Equal("200", answer.EiResponse.ResponseCode);
        Assert.Equal("req-q1", answer.EiResponse.RequestId);
        Assert.True(string.IsNullOrEmpty(answer.VenId));
        Assert.True(string.IsNullOrEmpty(answer.RegistrationId));
        Assert.Equal("test-vtn", answer.VtnId);
        var profile = Assert.Single(answer.OadrProfiles.Profiles);
        Assert.Equal(OadrProfileName.Oadr20b, profile.OadrProfileName);
        Assert.Equal(OadrTransportName.SimpleHttp, Assert.Single(profile.OadrTransports.Transports).OadrTransportName);
        Assert.Equal(TimeSpan.FromSeconds(2), answer.OadrRequestedOadrPollFreq);
    }

    [Fact]
    public async Task Query_over_a_registered_vens_certificate_names_its_ids()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a"), fingerprint: Fingerprint);

        var known = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.QueryRegistration(), fingerprint: Fingerprint);
        var stranger = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.QueryRegistration(), fingerprint: OtherFingerprint);

        Assert.Equal(("ven-a", "reg-a"), (known.VenId, known.RegistrationId));
        Assert.True(string.IsNullOrEmpty(stranger.VenId));
        Assert.True(string.IsNullOrEmpty(stranger.RegistrationId));
    }

    [Fact]
    public async Task Registration_accepted_by_the_handler_gets_its_ids_and_the_handler_sees_what_the_ven_said()
    {
        await using var harness = await VtnHarness.StartAsync();
        RegistrationInfo? seen = null;
        harness.Vtn.OnCreatePartyRegistration = info =>
        {
            seen = info;
            return ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration("ven-123", "reg-456"));
        };
        var create = Messages.CreatePartyRegistration("probe-ven");
        create.OadrTransportAddress = "None";

        var answer = await harness.SendAsync<OadrCreatedPartyRegistration>(create, OpenAdrService.EiRegisterParty, Fingerprint);

        Assert.Equal("200", answer.EiResponse.ResponseCode);
        Assert.Equal(create.RequestId, answer.EiResponse.RequestId);
        Assert.Equal(("ven-123", "reg-456"), (answer.VenId, answer.RegistrationId));
        Assert.Equal("test-vtn", answer.VtnId);
        Assert.Equal(TimeSpan.FromSeconds(2), answer.OadrRequestedOadrPollFreq);
        Assert.NotNull(seen);
        Assert.Equal("probe-ven", seen.VenName);
        Assert.Null(seen.VenId);
        Assert.Null(seen.RegistrationId);
        Assert.Equal("None", seen.TransportAddress);
        Assert.True(seen.HttpPullModel);
        Assert.Equal(create.RequestId, seen.RequestId);
        Assert.Equal(Fingerprint, seen.Fingerprint);
        Assert.Equal("ven-123", Assert.Single(harness.Vtn.GetRegisteredVens()).VenId);
    }

    [Fact]
    public async Task Registration_refused_by_the_handler_gets_463_and_no_ids()
    {
        await using var harness = await VtnHarness.StartAsync();
        harness.Vtn.OnCreatePartyRegistration = _ => ValueTask.FromResult<AcceptedRegistration?>(null);

        var answer = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a"));

        Assert.Equal("463", answer.EiResponse.ResponseCode);
        Assert.True(string.IsNullOrEmpty(answer.VenId));
        Assert.True(string.IsNullOrEmpty(answer.RegistrationId));
        Assert.Empty(harness.Vtn.GetRegisteredVens());
    }

    [Fact]
    public async Task Registration_without_a_handler_is_refused()
    {
        await using var harness = await VtnHarness.StartAsync();
        harness.Vtn.OnCreatePartyRegistration = null;

        var answer = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a"));

        Assert.Equal("463", answer.EiResponse.ResponseCode);
        Assert.True(string.IsNullOrEmpty(answer.RegistrationId));
        Assert.IsType<OadrRequestReregistration>(await harness.SendAsync(Messages.Poll("ven-a")));
    }

    [Fact]
    public async Task Reregistration_keeps_the_registration_id_and_the_report_requests()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var reportRequestId = await RegisterTelemetryAsync(harness, venId);
        harness.Vtn.OnCreatePartyRegistration = _ => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration("ven-other", "reg-other"));

        var again = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a", venId, "reg-a"));

        Assert.Equal("200", again.EiResponse.ResponseCode);
        Assert.Equal(("ven-a", "reg-a"), (again.VenId, again.RegistrationId));
        var update = await harness.SendAsync<OadrUpdatedReport>(ReportMessages.UpdateReport(venId, reportRequestId, "telemetry-usage", (ReportMessages.PowerRId, VtnHarness.Start, 1f)));
        Assert.Equal("200", update.EiResponse.ResponseCode);
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));
    }

    [Fact]
    public async Task Reregistration_with_a_foreign_registration_id_gets_452()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        await harness.RegisterAsync("b");
        var handlerCalls = 0;
        harness.Vtn.OnCreatePartyRegistration = _ =>
        {
            handlerCalls++;
            return ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration("ven-a", "reg-b"));
        };

        var answer = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a", venId, "reg-b"));

        Assert.Equal("452", answer.EiResponse.ResponseCode);
        Assert.True(string.IsNullOrEmpty(answer.RegistrationId));
        Assert.Equal(0, handlerCalls);
        Assert.Contains(harness.Vtn.GetRegisteredVens(), v => v.VenId == "ven-a" && v.RegistrationId == "reg-a");
    }

    [Fact]
    public async Task Reregistration_of_an_unknown_ven_gets_452()
    {
        await using var harness = await VtnHarness.StartAsync();

        var answer = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a", "ven-a", "reg-a"));

        Assert.Equal("452", answer.EiResponse.ResponseCode);
        Assert.Empty(harness.Vtn.GetRegisteredVens());
    }

    [Fact]
    public async Task New_registration_while_registered_wipes_the_report_state()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var reportRequestId = await RegisterTelemetryAsync(harness, venId);

        var fresh = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a"));

        Assert.Equal("200", fresh.EiResponse.ResponseCode);
        var stale = await harness.SendAsync<OadrUpdatedReport>(ReportMessages.UpdateReport(venId, reportRequestId, "telemetry-usage", (ReportMessages.PowerRId, VtnHarness.Start, 1f)));
        Assert.Equal("452", stale.EiResponse.ResponseCode);
        var refused = await Assert.ThrowsAsync<VtnOperationException>(async () =>
            await harness.Vtn.RequestReportAsync(venId, ReportMessages.Request("telemetry-usage", TimeSpan.FromSeconds(2), ReportMessages.PowerRId), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("452", refused.Code);
        Assert.Equal(0, harness.Database.ScalarInt64("SELECT COUNT(*) FROM report_request"));
        Assert.Equal(0, harness.Database.ScalarInt64("SELECT COUNT(*) FROM report_capabilities"));
        // a new registration opens with the VTN's METADATA again.
        Assert.IsType<OadrRegisterReport>(await harness.SendAsync(Messages.Poll(venId)));
    }

    [Fact]
    public async Task Ven_cancels_its_registration_then_it_is_asked_to_register_again_and_its_report_state_is_gone()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        var reportRequestId = await RegisterTelemetryAsync(harness, venId);
        var ended = new List<CancelledRegistration>();
        harness.Vtn.OnCancelPartyRegistration = c =>
        {
            ended.Add(c);
            return ValueTask.CompletedTask;
        };

        var canceled = await harness.SendAsync<OadrCanceledPartyRegistration>(
            Messages.CancelPartyRegistration(venId, "reg-a", "req-c1"), OpenAdrService.EiRegisterParty);

        Assert.Equal("200", canceled.EiResponse.ResponseCode);
        Assert.Equal("req-c1", canceled.EiResponse.RequestId);
        Assert.Equal(("reg-a", "ven-a"), (canceled.RegistrationId, canceled.VenId));
        Assert.Equal(new CancelledRegistration("ven-a", "reg-a", "req-c1"), Assert.Single(ended));
        Assert.Equal("ven-a", Assert.IsType<OadrRequestReregistration>(await harness.SendAsync(Messages.Poll(venId))).VenId);
        Assert.Empty(harness.Vtn.GetRegisteredVens());
        Assert.Equal(0, harness.Database.ScalarInt64("SELECT COUNT(*) FROM report_request"));
        Assert.Equal(0, harness.Database.ScalarInt64("SELECT COUNT(*) FROM report_capabilities"));

        // A lookup that still knows the VEN lets its messages through: the requests made of it are gone all the same.
        harness.Vtn.VenLookup = id => ValueTask.FromResult<VenInfo?>(new VenInfo(id, "a", null, "reg-a"));
        var stale = await harness.SendAsync<OadrUpdatedReport>(ReportMessages.UpdateReport(venId, reportRequestId, "telemetry-usage", (ReportMessages.PowerRId, VtnHarness.Start, 1f)));
        Assert.Equal("452", stale.EiResponse.ResponseCode);
    }

    [Fact]
    public async Task Cancel_with_a_foreign_registration_id_gets_452_and_the_registration_stays()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        var canceled = await harness.SendAsync<OadrCanceledPartyRegistration>(Messages.CancelPartyRegistration(venId, "reg-b", "req-c2"));

        Assert.Equal("452", canceled.EiResponse.ResponseCode);
        Assert.Equal("req-c2", canceled.EiResponse.RequestId);
        Assert.Single(harness.Vtn.GetRegisteredVens());
        Assert.Equal("200", (await harness.SendAsync<OadrResponse>(Messages.Poll(venId))).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task Vtn_cancels_a_registration_at_the_next_poll_and_it_ends_when_the_ven_agrees()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        CancelledRegistration? ended = null;
        harness.Vtn.OnCancelPartyRegistration = c =>
        {
            ended = c;
            return ValueTask.CompletedTask;
        };

        await harness.Vtn.CancelPartyRegistrationAsync(venId, TestContext.Current.CancellationToken);
        var cancel = await harness.SendAsync<OadrCancelPartyRegistration>(Messages.Poll(venId));

        Assert.Equal(("reg-a", "ven-a"), (cancel.RegistrationId, cancel.VenId));
        Assert.False(string.IsNullOrEmpty(cancel.RequestId));
        Assert.Single(harness.Vtn.GetRegisteredVens());
        Assert.Null(ended);
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));

        var acknowledged = await harness.SendAsync<OadrResponse>(
            Messages.CanceledPartyRegistration(venId, "reg-a", cancel.RequestId), OpenAdrService.EiRegisterParty);

        Assert.Equal("200", acknowledged.EiResponse.ResponseCode);
        Assert.Equal(cancel.RequestId, acknowledged.EiResponse.RequestId);
        Assert.Empty(harness.Vtn.GetRegisteredVens());
        Assert.Equal(new CancelledRegistration("ven-a", "reg-a", cancel.RequestId), ended);
        Assert.IsType<OadrRequestReregistration>(await harness.SendAsync(Messages.Poll(venId)));
    }

    [Fact]
    public async Task Ven_refusing_the_vtns_cancellation_stays_registered()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");
        await harness.Vtn.CancelPartyRegistrationAsync(venId, TestContext.Current.CancellationToken);
        var cancel = await harness.SendAsync<OadrCancelPartyRegistration>(Messages.Poll(venId));

        await harness.SendAsync<OadrResponse>(Messages.CanceledPartyRegistration(venId, "reg-a", cancel.RequestId, responseCode: "451"));

        Assert.Single(harness.Vtn.GetRegisteredVens());
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));
    }

    [Fact]
    public async Task Vtn_asks_a_ven_to_register_again_at_its_next_poll()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        await harness.Vtn.RequestReregistrationAsync(venId, TestContext.Current.CancellationToken);

        Assert.Equal(venId, (await harness.SendAsync<OadrRequestReregistration>(Messages.Poll(venId))).VenId);
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll(venId)));
        Assert.Single(harness.Vtn.GetRegisteredVens());
    }

    [Fact]
    public async Task Vtn_cannot_queue_registration_messages_for_an_unregistered_ven()
    {
        await using var harness = await VtnHarness.StartAsync();

        var cancel = await Assert.ThrowsAsync<VtnOperationException>(async () => await harness.Vtn.CancelPartyRegistrationAsync("ven-nobody", TestContext.Current.CancellationToken));
        var again = await Assert.ThrowsAsync<VtnOperationException>(async () => await harness.Vtn.RequestReregistrationAsync("ven-nobody", TestContext.Current.CancellationToken));

        Assert.Equal("463", cancel.Code);
        Assert.Equal("463", again.Code);
    }

    [Fact]
    public async Task Unknown_ven_polling_is_asked_to_register_and_its_report_gets_463()
    {
        await using var harness = await VtnHarness.StartAsync();

        var poll = await harness.SendAsync<OadrRequestReregistration>(Messages.Poll("ven-stranger"), OpenAdrService.OadrPoll);
        var update = await harness.SendAsync<OadrUpdatedReport>(
            ReportMessages.UpdateReport("ven-stranger", "rr-1", "telemetry-usage", (ReportMessages.PowerRId, VtnHarness.Start, 1f)), OpenAdrService.EiReport);

        Assert.Equal("ven-stranger", poll.VenId);
        Assert.Equal("463", update.EiResponse.ResponseCode);
        Assert.Empty(await harness.Vtn.ReadReportDataAsync("ven-stranger", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ids_are_case_sensitive()
    {
        await using var harness = await VtnHarness.StartAsync();
        harness.Vtn.OnCreatePartyRegistration = _ => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration("VEN-x", "REG-x"));
        await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("x"));
        Assert.IsType<OadrRegisterReport>(await harness.SendAsync(Messages.Poll("VEN-x")));

        Assert.IsType<OadrRequestReregistration>(await harness.SendAsync(Messages.Poll("ven-x")));
        Assert.IsType<OadrResponse>(await harness.SendAsync(Messages.Poll("VEN-x")));
        var wrongCase = await harness.SendAsync<OadrCanceledPartyRegistration>(Messages.CancelPartyRegistration("VEN-x", "reg-x"));
        Assert.Equal("452", wrongCase.EiResponse.ResponseCode);
        var reregistration = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("x", "VEN-x", "reg-x"));
        Assert.Equal("452", reregistration.EiResponse.ResponseCode);
        Assert.Single(harness.Vtn.GetRegisteredVens());
    }

    [Fact]
    public async Task Ven_lookup_replaces_the_registry()
    {
        await using var harness = await VtnHarness.StartAsync();
        var registered = await harness.RegisterAsync("a");
        var looked = new List<string>();
        harness.Vtn.VenLookup = venId =>
        {
            looked.Add(venId);
            return ValueTask.FromResult(venId switch
            {
                "ven-known" => new VenInfo("ven-known", "known", null, "reg-known"),
                "ven-unregistered" => new VenInfo("ven-unregistered", "unregistered", null, null),
                _ => null,
            });
        };

        var known = await harness.SendAsync<OadrResponse>(Messages.Poll("ven-known"));
        var unregistered = await harness.SendAsync(Messages.Poll("ven-unregistered"));
        var onlyInTheRegistry = await harness.SendAsync(Messages.Poll(registered));

        Assert.Equal("200", known.EiResponse.ResponseCode);
        Assert.IsType<OadrRequestReregistration>(unregistered);
        Assert.IsType<OadrRequestReregistration>(onlyInTheRegistry);
        Assert.Equal(new[] { "ven-known", "ven-unregistered", registered }, looked);
    }

    [Fact]
    public async Task Ven_lookup_fingerprint_that_does_not_match_the_client_certificate_gets_463()
    {
        await using var harness = await VtnHarness.StartAsync();
        harness.Vtn.VenLookup = venId => ValueTask.FromResult<VenInfo?>(new VenInfo(venId, "known", Fingerprint, "reg-known"));

        var stranger = await harness.SendAsync<OadrResponse>(Messages.Poll("ven-known"), fingerprint: OtherFingerprint);
        var owner = await harness.SendAsync<OadrResponse>(Messages.Poll("ven-known"), fingerprint: Fingerprint.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant());

        Assert.Equal("463", stranger.EiResponse.ResponseCode);
        Assert.Equal("200", owner.EiResponse.ResponseCode);
    }

    [Fact]
    public async Task Client_certificate_other_than_the_registered_one_gets_463()
    {
        await using var harness = await VtnHarness.StartAsync();
        var created = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a"), fingerprint: Fingerprint);
        var venId = created.VenId!;
        Assert.IsType<OadrRegisterReport>(await harness.SendAsync(Messages.Poll(venId), fingerprint: Fingerprint));

        var stranger = await harness.SendAsync<OadrResponse>(Messages.Poll(venId), fingerprint: OtherFingerprint);
        var strangerReport = await harness.SendAsync<OadrUpdatedReport>(
            ReportMessages.UpdateReport(venId, "rr-1", "telemetry-usage", (ReportMessages.PowerRId, VtnHarness.Start, 1f)), fingerprint: OtherFingerprint);
        var owner = await harness.SendAsync<OadrResponse>(Messages.Poll(venId), fingerprint: Fingerprint);

        Assert.Equal("463", stranger.EiResponse.ResponseCode);
        Assert.Equal("463", strangerReport.EiResponse.ResponseCode);
        Assert.Equal("200", owner.EiResponse.ResponseCode);
    }

    [Fact]
    public async Task Reregistration_over_a_client_certificate_other_than_the_registered_one_gets_463()
    {
        await using var harness = await VtnHarness.StartAsync();
        var created = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a"), fingerprint: Fingerprint);

        var stranger = await harness.SendAsync<OadrCreatedPartyRegistration>(
            Messages.CreatePartyRegistration("a", created.VenId, created.RegistrationId), fingerprint: OtherFingerprint);
        var owner = await harness.SendAsync<OadrCreatedPartyRegistration>(
            Messages.CreatePartyRegistration("a", created.VenId, created.RegistrationId), fingerprint: Fingerprint);

        Assert.Equal("463", stranger.EiResponse.ResponseCode);
        Assert.True(string.IsNullOrEmpty(stranger.RegistrationId));
        Assert.Equal("200", owner.EiResponse.ResponseCode);
        Assert.Equal(Fingerprint, Assert.Single(harness.Vtn.GetRegisteredVens()).Fingerprint);
    }

    [Fact]
    public async Task Message_sent_to_the_wrong_endpoint_gets_459()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        var poll = await harness.SendAsync<OadrResponse>(Messages.Poll(venId), OpenAdrService.EiEvent);
        var query = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.QueryRegistration("req-q"), OpenAdrService.EiReport);

        Assert.Equal("459", poll.EiResponse.ResponseCode);
        Assert.Equal("459", query.EiResponse.ResponseCode);
        Assert.Equal("req-q", query.EiResponse.RequestId);
    }

    [Fact]
    public async Task Vens_oadr_response_gets_no_answer()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("a");

        Assert.Null(await harness.SendAsync(Messages.Response(venId, "req-1"), OpenAdrService.OadrPoll));
    }

    [Fact]
    public async Task Registration_survives_a_restart()
    {
        await using var harness = await VtnHarness.StartAsync();
        var created = await harness.SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration("a"), fingerprint: Fingerprint);
        var venId = created.VenId!;

        await harness.RestartAsync();

        var vens = harness.Vtn.GetRegisteredVens();
        Assert.Equal(("ven-a", "reg-a", Fingerprint), (Assert.Single(vens).VenId, vens[0].RegistrationId, vens[0].Fingerprint));
        Assert.IsType<OadrRegisterReport>(await harness.SendAsync(Messages.Poll(venId)));
        Assert.Equal("200", (await harness.SendAsync<OadrResponse>(Messages.Poll(venId))).EiResponse.ResponseCode);
        Assert.Equal("463", (await harness.SendAsync<OadrResponse>(Messages.Poll(venId), fingerprint: OtherFingerprint)).EiResponse.ResponseCode);
        var canceled = await harness.SendAsync<OadrCanceledPartyRegistration>(Messages.CancelPartyRegistration(venId, "reg-a"));
        Assert.Equal("200", canceled.EiResponse.ResponseCode);
    }

    /// <summary>The VEN offers TELEMETRY_USAGE and the VTN takes both data points every 2 s; returns the reportRequestID.</summary>
    private static async Task<string> RegisterTelemetryAsync(VtnHarness harness, string venId)
    {
        harness.Vtn.OnRegisterReport = new ReportSink().AcceptAllAtMinimum();
        var registered = await harness.SendAsync<OadrRegisteredReport>(ReportMessages.RegisterReport(venId, ReportMessages.TelemetryUsage()));
        return Assert.Single(registered.OadrReportRequests).ReportRequestId;
    }
}
