using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAdr.Edge.Vtn.Storage;

/// <summary>Where the VTN keeps what it must never lose.</summary>
public interface IVtnStore : IAsyncDisposable
{
    /// <summary>Hands what the engine rebuilds its memory from to <paramref name="receiver"/>, record by record.</summary>
    Task LoadAsync(IStoredStateReceiver receiver, CancellationToken cancellationToken = default);

    /// <summary>Applies the changes atomically; the task completes only once they are durable.</summary>
    Task CommitAsync(IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Report data stored for a VEN, oldest first (for operators and tests).</summary>
    Task<IReadOnlyList<ReportDataRecord>> ReadReportDataAsync(string venId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every response stored for the event, oldest first.</summary>
    Task<IReadOnlyList<EventResponseRecord>> ReadEventResponsesAsync(string venId, string eventId, CancellationToken cancellationToken = default);
}
