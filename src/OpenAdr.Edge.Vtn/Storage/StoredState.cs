using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAdr.Edge.Vtn.Storage;

/// <summary>
/// Takes what the engine rebuilds its memory from, one record at a time, in the order of these methods: every VEN,
/// then every open event, the latest responses to them, report capabilities, report requests, open opts, queue
/// entries and admissions. A store hands a record over and lets go of it, so loading never holds every stored
/// document at once (10,000 events are about 24 MB of XML, several times the state built from them).
/// </summary>
public interface IStoredStateReceiver
{
    void Ven(VenRecord ven);

    void OpenEvent(EventRecord openEvent);

    /// <summary>The latest response to an open event, per (venID, eventID).</summary>
    void LatestEventResponse(EventResponseRecord response);

    void ReportCapabilities(ReportCapabilitiesRecord capabilities);

    void ReportRequest(ReportRequestRecord request);

    void OpenOpt(OptRecord opt);

    void QueueEntry(QueueEntryRecord entry);

    void Admission(AdmissionRecord admission);
}

/// <summary>Everything the engine rebuilds its memory from at start, all at once (for tests and tools).</summary>
public sealed record StoredState(
    IReadOnlyList<VenRecord> Vens,
    IReadOnlyList<EventRecord> OpenEvents,
    IReadOnlyList<EventResponseRecord> LatestEventResponses,
    IReadOnlyList<ReportCapabilitiesRecord> ReportCapabilities,
    IReadOnlyList<ReportRequestRecord> ReportRequests,
    IReadOnlyList<OptRecord> OpenOpts,
    IReadOnlyList<QueueEntryRecord> QueueEntries,
    IReadOnlyList<AdmissionRecord> Admissions);

/// <summary>The whole stored state at once.</summary>
public static class VtnStoreExtensions
{
    /// <summary>Reads everything the store holds for the engine into lists (for tests and tools).</summary>
    public static async Task<StoredState> LoadAsync(this IVtnStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var collector = new Collector();
        await store.LoadAsync(collector, cancellationToken).ConfigureAwait(false);
        return collector.State;
    }

    private sealed class Collector : IStoredStateReceiver
    {
        private readonly List<VenRecord> _vens = [];
        private readonly List<EventRecord> _openEvents = [];
        private readonly List<EventResponseRecord> _responses = [];
        private readonly List<ReportCapabilitiesRecord> _capabilities = [];
        private readonly List<ReportRequestRecord> _requests = [];
        private readonly List<OptRecord> _opts = [];
        private readonly List<QueueEntryRecord> _queue = [];
        private readonly List<AdmissionRecord> _admissions = [];

        public StoredState State => new(_vens, _openEvents, _responses, _capabilities, _requests, _opts, _queue, _admissions);

        public void Ven(VenRecord ven) => _vens.Add(ven);

        public void OpenEvent(EventRecord openEvent) => _openEvents.Add(openEvent);

        public void LatestEventResponse(EventResponseRecord response) => _responses.Add(response);

        public void ReportCapabilities(ReportCapabilitiesRecord capabilities) => _capabilities.Add(capabilities);

        public void ReportRequest(ReportRequestRecord request) => _requests.Add(request);

        public void OpenOpt(OptRecord opt) => _opts.Add(opt);

        public void QueueEntry(QueueEntryRecord entry) => _queue.Add(entry);

        public void Admission(AdmissionRecord admission) => _admissions.Add(admission);
    }
}
