using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using OpenAdr.Edge.Vtn.Storage;
using Xunit;
using static OpenAdr.Edge.Vtn.Tests.Storage.Wait;

namespace OpenAdr.Edge.Vtn.Tests.Storage;

/// <summary>How the store hands its records to the engine at start: in order, and one at a time.</summary>
public sealed class SqliteVtnStoreLoadTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Load_hands_over_each_kind_of_record_in_the_documented_order()
    {
        await using var store = await _database.OpenAsync();
        string[] vens = ["ven-2", "ven-1"];
        await store.CommitAsync([.. vens.Select(v => new SaveVen(Sample.Ven(v)))], Ct);
        await store.CommitAsync(
            [
                .. vens.Select(v => new SaveAdmission(new AdmissionRecord("name of " + v, AdmissionState.Allowed, null, Sample.Now))),
                .. vens.Select(v => new SaveQueueEntry(Sample.Queued(v, 1))),
                .. vens.Select(v => new SaveOpt(Sample.Opt(v, "opt"))),
                .. vens.Select(v => new SaveReportRequest(Sample.Request(v, "rr"))),
                .. vens.Select(v => new SaveReportCapabilities(Sample.Capabilities(v))),
                .. vens.Select(v => new SaveEventResponse(Sample.Response(v, "ev", 0))),
                .. vens.Select(v => new SaveEvent(Sample.Event(v, "ev"))),
            ],
            Ct);

        var receiver = new OrderRecorder();
        await store.LoadAsync(receiver, Ct);

        Assert.Equal(
            [
                "Ven ven-1", "Ven ven-2", "OpenEvent ven-1", "OpenEvent ven-2", "LatestEventResponse ven-1", "LatestEventResponse ven-2",
                "ReportCapabilities ven-1", "ReportCapabilities ven-2", "ReportRequest ven-1", "ReportRequest ven-2",
                "OpenOpt ven-1", "OpenOpt ven-2", "QueueEntry ven-1", "QueueEntry ven-2", "Admission name of ven-1", "Admission name of ven-2",
            ],
            receiver.Calls);
    }

    [Fact]
    public async Task Load_lets_go_of_an_event_document_before_handing_over_the_next()
    {
        await using var store = await _database.OpenAsync();
        await store.CommitAsync([.. Enumerable.Range(0, 20).Select(i => new SaveEvent(Sample.Event($"ven-{i:D2}", "ev")))], Ct);

        var receiver = new DocumentWatcher();
        await store.LoadAsync(receiver, Ct);

        Assert.Equal(20, receiver.Events);
        Assert.False(receiver.FirstDocumentAliveAtTheLast, "the first event's document was still referenced when the last was handed over");
    }

    private sealed class OrderRecorder : IStoredStateReceiver
    {
        public List<string> Calls { get; } = [];

        public void Ven(VenRecord ven) => Calls.Add("Ven " + ven.VenId);

        public void OpenEvent(EventRecord openEvent) => Calls.Add("OpenEvent " + openEvent.VenId);

        public void LatestEventResponse(EventResponseRecord response) => Calls.Add("LatestEventResponse " + response.VenId);

        public void ReportCapabilities(ReportCapabilitiesRecord capabilities) => Calls.Add("ReportCapabilities " + capabilities.VenId);

        public void ReportRequest(ReportRequestRecord request) => Calls.Add("ReportRequest " + request.VenId);

        public void OpenOpt(OptRecord opt) => Calls.Add("OpenOpt " + opt.VenId);

        public void QueueEntry(QueueEntryRecord entry) => Calls.Add("QueueEntry " + entry.VenId);

        public void Admission(AdmissionRecord admission) => Calls.Add("Admission " + admission.VenName);
    }

    /// <summary>Holds the first event's document weakly and, when the last arrives, collects to see whether anything else still holds it.</summary>
    private sealed class DocumentWatcher : IStoredStateReceiver
    {
        private WeakReference? _first;

        public int Events { get; private set; }

        public bool FirstDocumentAliveAtTheLast { get; private set; }

        public void OpenEvent(EventRecord openEvent)
        {
            if (++Events == 1)
            {
                _first = Watch(openEvent);
            }
            else if (Events == 20)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                FirstDocumentAliveAtTheLast = _first!.IsAlive;
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference Watch(EventRecord openEvent) => new(openEvent.Body);

        public void Ven(VenRecord ven)
        {
        }

        public void LatestEventResponse(EventResponseRecord response)
        {
        }

        public void ReportCapabilities(ReportCapabilitiesRecord capabilities)
        {
        }

        public void ReportRequest(ReportRequestRecord request)
        {
        }

        public void OpenOpt(OptRecord opt)
        {
        }

        public void QueueEntry(QueueEntryRecord entry)
        {
        }

        public void Admission(AdmissionRecord admission)
        {
        }
    }
}
