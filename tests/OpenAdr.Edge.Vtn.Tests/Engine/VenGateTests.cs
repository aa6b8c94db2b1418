using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Events.EventScenario;
using static OpenAdr.Edge.Vtn.Tests.Reports.ReportMessages;

namespace OpenAdr.Edge.Vtn.Tests.Engine;

/// <summary>A VEN's changes run one at a time; its gate exists only while a change holds it or waits for it.</summary>
public sealed class VenGateTests
{
    [Fact]
    public async Task A_change_waits_for_the_one_in_progress_and_a_cancelled_wait_leaves_the_VEN_usable()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("gate");
        var handlerEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Vtn.OnRegisterReport = async _ =>
        {
            handlerEntered.TrySetResult();
            await release.Task;
            return null;
        };

        // The METADATA's handler runs while the registration of reports holds the VEN's gate.
        var registering = harness.SendAsync(RegisterReport(venId, TelemetryUsage()));
        await handlerEntered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = harness.AddSimpleAsync(venId, eventId: "waits").AsTask();
        var abandoned = harness.Vtn.AddEventAsync(
            venId, "SIMPLE", SignalType.Level, Simple(harness, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)), eventId: "abandoned",
            cancellationToken: cancel.Token).AsTask();
        await Task.Delay(50, Ct);
        Assert.False(cancelled.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        release.SetResult();
        Assert.IsType<OadrRegisteredReport>(await registering.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal("waits", await cancelled.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal("after", await harness.AddSimpleAsync(venId, eventId: "after"));
        Assert.Equal(new[] { "after", "waits" }, harness.Vtn.GetEvents(venId).Select(e => e.EiEvent.EventDescriptor.EventId).Order());
    }

    [Fact]
    public async Task Many_changes_at_once_for_one_VEN_all_land()
    {
        await using var harness = await VtnHarness.StartAsync();
        var venId = await harness.RegisterAsync("busy");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () => await harness.AddSimpleAsync(venId, eventId: $"event-{i:D2}"), Ct)));

        Assert.Equal(40, harness.Vtn.GetEvents(venId).Count);
        Assert.Equal(40, harness.Vtn.GetVen(venId)!.OpenEvents);
    }
}
