using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Benchmarks;

/// <summary>
/// What the engine keeps in memory per VEN, step by step (managed heap after a full GC): registered, with an active
/// event, with offered and requested telemetry. Run: <c>dotnet run -c Release --project benchmarks/OpenAdr.Edge.Benchmarks -- footprint [vens]</c>.
/// </summary>
internal static class MemoryFootprint
{
    public static async Task RunAsync(int vens)
    {
        var directory = Path.Combine(Path.GetTempPath(), "openadr-footprint-" + Guid.NewGuid().ToString("N"));
        var store = await SqliteVtnStore.OpenAsync(Path.Combine(directory, "vtn.db"));
        var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "footprint" }, store);
        vtn.OnCreatePartyRegistration = info => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration(info.VenName!, "reg-" + info.VenName));
        vtn.OnRegisterReport = offer => ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(static _ => ValueTask.CompletedTask, offer.MinSamplingInterval));
        var venIds = Enumerable.Range(0, vens).Select(i => $"ven-{Guid.NewGuid()}").ToList();
        var baseline = Heap();
        Console.WriteLine($"engine, empty: {baseline / 1024.0 / 1024:F1} MB managed heap");

        await Parallel.ForEachAsync(venIds, async (venId, _) =>
        {
            await vtn.HandleAsync(new OadrCreatePartyRegistration
            {
                RequestId = "r", OadrProfileName = OadrProfileName.Oadr20b, OadrTransportName = OadrTransportName.SimpleHttp,
                OadrVenName = venId, OadrHttpPullModel = true,
            });
            await vtn.HandleAsync(new OadrPoll { VenId = venId });
        });
        var registered = Heap();
        Report("registered", registered - baseline, vens);

        var start = DateTime.UtcNow.AddMinutes(-1);
        await Parallel.ForEachAsync(venIds, async (venId, _) =>
        {
            await vtn.AddEventAsync(venId, "SIMPLE", SignalType.Level, [new EventInterval(start, TimeSpan.FromHours(2), 1)]);
            await vtn.HandleAsync(new OadrPoll { VenId = venId });
        });
        var withEvents = Heap();
        Report("one active event each", withEvents - registered, vens);

        await Parallel.ForEachAsync(venIds, async (venId, _) =>
        {
            await vtn.HandleAsync(new OadrRegisterReport
            {
                RequestId = "m", VenId = venId,
                OadrReports = [TelemetryReports.RealPowerMetadata("telemetry", "power", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5))],
            });
        });
        var withReports = Heap();
        Report("telemetry offered and requested", withReports - withEvents, vens);
        Report("total", withReports - baseline, vens);
        if (Environment.GetEnvironmentVariable("FOOTPRINT_PAUSE") is not null) { Console.WriteLine($"pid {Environment.ProcessId}"); Console.ReadLine(); }
        await vtn.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Report(string step, long bytes, int vens) =>
        Console.WriteLine($"{step,-34} +{bytes / 1024.0 / 1024,7:F1} MB  = {bytes / (double)vens,7:F0} B per VEN");
}
