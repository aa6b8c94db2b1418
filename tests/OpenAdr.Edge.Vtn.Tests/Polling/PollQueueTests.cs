using System;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Events;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;

namespace OpenAdr.Edge.Vtn.Tests.Polling;

/// <summary>OadrPoll: one queued message per poll, oldest first, oadrResponse 200 when nothing waits (§8.6, R-500).</summary>
public sealed class PollQueueTests
{
    [Fact]
    public async Task R_500_an_empty_queue_answers_oadrResponse_200_with_the_venID()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("empty");
        for (var i = 0; i < 3; i++)
        {
            var answer = await harness.SendAsync<OadrResponse>(Messages.Poll(venId));
            Assert.Equal("200", answer.EiResponse.ResponseCode);
            Assert.Equal(venId, answer.VenId);
            Assert.Equal("", answer.EiResponse.RequestId);
        }
    }

    [Fact]
    public async Task R_500_each_poll_returns_exactly_one_message_in_the_order_they_were_queued()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("fifo");
        var reportRequestId = await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.Vtn.RequestReregistrationAsync(venId, Ct);
        var secondReport = await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);

        var create = await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId));
        Assert.Equal(reportRequestId, Assert.Single(create.OadrReportRequests).ReportRequestId);
        Assert.Equal([eventId], (await harness.PollDistributeAsync(venId)).EventIds());
        await harness.SendAsync<OadrRequestReregistration>(Messages.Poll(venId));
        Assert.Equal(secondReport, Assert.Single((await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId))).OadrReportRequests).ReportRequestId);
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task A_later_event_change_joins_the_waiting_distribution_and_keeps_its_place()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("place");
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);
        var second = await harness.AddSimpleAsync(venId, startsInMinutes: 30);
        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 1, Ct);

        var distribute = await harness.PollDistributeAsync(venId);
        Assert.Equal([eventId, second], distribute.EventIds());
        Assert.Equal(1u, distribute.Descriptor(eventId).ModificationNumber);
        await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId));
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task A_queue_full_of_report_requests_refuses_the_next_one_but_event_changes_still_coalesce()
    {
        await using var harness = await VtnHarness.StartAsync(options: new VtnOptions { VtnId = "test-vtn", QueueCapacity = 2 });
        var venId = await harness.RegisterAsync("full");
        var first = await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);
        var second = await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<VtnOperationException>(() => harness.Vtn.RequestReportAsync(venId, MetadataRequest("refused"), cancellationToken: Ct).AsTask());
        Assert.Equal(ResponseCodes.DeploymentError, refused.Code);
        Assert.Contains("queue", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("full", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(venId, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0L, harness.Database.ScalarInt64("SELECT count(*) FROM report_request WHERE report_request_id = 'refused'"));

        // Event changes and registration requests are composed from state: they never need a slot of their own.
        var eventId = await harness.AddSimpleAsync(venId);
        var other = await harness.AddSimpleAsync(venId, startsInMinutes: 30);
        await harness.Vtn.ModifyEventAsync(venId, eventId, e => e.EventDescriptor.Priority = 1, Ct);
        await harness.Vtn.CancelEventAsync(venId, other, Ct);
        await harness.Vtn.RequestReregistrationAsync(venId, Ct);

        Assert.Equal(first, Assert.Single((await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId))).OadrReportRequests).ReportRequestId);

        // One slot is free again.
        var third = await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);

        Assert.Equal(second, Assert.Single((await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId))).OadrReportRequests).ReportRequestId);
        var distribute = await harness.PollDistributeAsync(venId);
        Assert.Equal(1u, distribute.Descriptor(eventId).ModificationNumber);
        Assert.Equal(EventStatus.Cancelled, distribute.Descriptor(other).EventStatus);
        await harness.SendAsync<OadrRequestReregistration>(Messages.Poll(venId));
        Assert.Equal(third, Assert.Single((await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId))).OadrReportRequests).ReportRequestId);
        await harness.AnswerAsync(venId, other, 1, OptType.OptIn);
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task OnPoll_replaces_the_queue_its_message_is_returned_and_null_means_oadrResponse_200()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("external");
        await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);
        OadrMessage? next = new OadrRequestReregistration { VenId = venId };
        string? polledBy = null;
        harness.Vtn.OnPoll = ven => { polledBy = ven; return ValueTask.FromResult<OadrMessage?>(next); };

        Assert.Same(next, await harness.SendAsync(Messages.Poll(venId)));
        Assert.Equal(venId, polledBy);

        next = null;
        var nothing = await harness.SendAsync<OadrResponse>(Messages.Poll(venId));
        Assert.Equal("200", nothing.EiResponse.ResponseCode);
        Assert.Equal(venId, nothing.VenId);

        // The built-in queue was left alone, and serves again once OnPoll is gone.
        harness.Vtn.OnPoll = null;
        await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId));
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task OnPoll_is_called_even_for_a_poll_the_empty_queue_could_answer()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("always-asked");
        var calls = 0;
        harness.Vtn.OnPoll = _ => { calls++; return ValueTask.FromResult<OadrMessage?>(null); };
        await harness.PollNothingAsync(venId);
        await harness.PollNothingAsync(venId);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_failing_OnPoll_answers_469()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("failing");
        harness.Vtn.OnPoll = _ => throw new InvalidOperationException("handler bug");
        var answer = await harness.SendAsync<OadrResponse>(Messages.Poll(venId));
        Assert.Equal(ResponseCodes.DeploymentError, answer.EiResponse.ResponseCode);
    }

    [Fact]
    public async Task The_queue_survives_a_restart_in_order()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("restart");
        var report = await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);
        var eventId = await harness.AddSimpleAsync(venId);
        await harness.Vtn.RequestReregistrationAsync(venId, Ct);

        await harness.RestartAsync();

        Assert.Equal(report, Assert.Single((await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId))).OadrReportRequests).ReportRequestId);
        Assert.Equal([eventId], (await harness.PollDistributeAsync(venId)).EventIds());
        await harness.SendAsync<OadrRequestReregistration>(Messages.Poll(venId));
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task A_delivered_message_is_not_delivered_again_after_a_restart()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("delivered");
        await harness.Vtn.RequestReportAsync(venId, MetadataRequest(), cancellationToken: Ct);
        await harness.SendAsync<OadrCreateReport>(Messages.Poll(venId));
        await Storage.Wait.UntilAsync(() => harness.Database.ScalarInt64("SELECT count(*) FROM queue_entry") == 0, "the delivery is stored");

        await harness.RestartAsync();
        await harness.PollNothingAsync(venId);
    }

    [Fact]
    public async Task Polls_of_one_VEN_do_not_take_another_VENs_messages()
    {
        await using var harness = await VtnHarness.StartAsync();
        var a = await harness.RegisterAsync("a");
        var b = await harness.RegisterAsync("b");
        var eventId = await harness.AddSimpleAsync(b);
        await harness.PollNothingAsync(a);
        Assert.Equal([eventId], (await harness.PollDistributeAsync(b)).EventIds());
    }

    [Fact]
    public async Task A_poll_from_an_unregistered_VEN_is_asked_to_register()
    {
        await using var harness = await VtnHarness.StartAsync();
        await harness.AddSimpleAsync("ven-stranger");
        var answer = await harness.SendAsync<OadrRequestReregistration>(Messages.Poll("ven-stranger"));
        Assert.Equal("ven-stranger", answer.VenId);
    }

    /// <summary>A request for the VEN's METADATA: valid for any VEN, so the queue can be filled without offered reports.</summary>
    internal static OadrReportRequest MetadataRequest(string reportRequestId = "") => new()
    {
        ReportRequestId = reportRequestId,
        ReportSpecifier = new ReportSpecifier
        {
            ReportSpecifierId = "METADATA",
            SpecifierPayloads = [new SpecifierPayload { RId = "METADATA", ReadingType = "x-notApplicable" }],
        },
    };
}
