using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>
/// An open event of one VEN. <see cref="Definition"/> is never mutated once published: a change replaces it. Its
/// parts (active period, signals, intervals) may be shared with other VENs' events (<see cref="SharedEventParts"/>).
/// </summary>
internal sealed class VenEvent(OadrEvent definition)
{
    public OadrEvent Definition { get; set; } = definition;

    public string EventId => Definition.EiEvent.EventDescriptor.EventId;

    public uint ModificationNumber => Definition.EiEvent.EventDescriptor.ModificationNumber;

    public bool Cancelled => Definition.EiEvent.EventDescriptor.EventStatus == EventStatus.Cancelled;

    /// <summary>How many distributions carried the event since it was cancelled (R-52 bounds the resending).</summary>
    public int CancelledDeliveries { get; set; }

    /// <summary>The VEN's latest answer, and where it came from (an EiOpt answer outranks oadrCreatedEvent, R-206).</summary>
    public OptType? Opt { get; set; }

    public EventResponseSource? OptSource { get; set; }

    public EventResponseCallback? Callback { get; set; }

    public Func<ValueTask>? DeliveryCallback { get; set; }

    // Operators awaiting the next answer; rare, so created on demand.
    private List<TaskCompletionSource<OptType>>? _waiters;

    public void AddWaiter(TaskCompletionSource<OptType> waiter)
    {
        lock (this)
        {
            (_waiters ??= []).Add(waiter);
        }
    }

    public TaskCompletionSource<OptType>[] TakeWaiters()
    {
        lock (this)
        {
            if (_waiters is not { Count: > 0 } waiters)
            {
                return [];
            }

            _waiters = null;
            return [.. waiters];
        }
    }

    public EventRecord ToRecord(string venId, bool closed, DateTime now) =>
        new(venId, EventId, ModificationNumber, Cancelled, closed, EventDocuments.Write(Definition, venId), now);
}
