using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Events;
using OpenAdr.Edge.Vtn.Polling;
using OpenAdr.Edge.Vtn.Reports;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Vens;

/// <summary>
/// Everything the VTN holds in memory for one venID. Changes run one at a time behind its gate (<see cref="EnterGateAsync"/>) and reach
/// memory only after they are durable; polls read under <c>lock (state)</c> without waiting for the gate.
/// A VEN can have state before it registers: an operator may add events for a venID it hands out later.
/// </summary>
internal sealed class VenState
{
    // The same for every VEN, and never changed: the answers share it.
    private static readonly EiResponse s_emptyPollEiResponse = new() { ResponseCode = ResponseCodes.Ok, ResponseDescription = "OK", RequestId = "" };

    // The gate exists only while a change holds it or waits for it: 10,000 idle VENs need no 10,000 semaphores.
    private SemaphoreSlim? _gate;
    private int _gateUsers;

    public VenState(string venId, int queueCapacity)
    {
        VenId = venId;
        _queue = new VenQueue(queueCapacity);
        EmptyPollResponse = new OadrResponse { EiResponse = s_emptyPollEiResponse, VenId = venId };
    }

    public string VenId { get; }

    /// <summary>
    /// Waits for this VEN's turn to change its state (registration, events, reports, opts): changes run one at a
    /// time. <see cref="ExitGate"/> ends the turn.
    /// </summary>
    public async Task EnterGateAsync(CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (this)
        {
            _gateUsers++;
            gate = _gate ??= new SemaphoreSlim(1, 1);
        }

        try
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            LeaveGate();
            throw;
        }
    }

    public void ExitGate()
    {
        SemaphoreSlim gate;
        lock (this)
        {
            gate = _gate ?? throw new InvalidOperationException($"VEN '{VenId}': the gate is not held.");
        }

        gate.Release();
        LeaveGate();
    }

    public VenRecord? Registration
    {
        get => _registration;
        set
        {
            _registration = value;
            IsRegisteredUnsigned = value is { XmlSignature: false };
        }
    }

    private VenRecord? _registration;

    /// <summary>Registered, without XML signatures: its empty polls are answered from memory (a flag, so that they need not read the registration).</summary>
    public bool IsRegisteredUnsigned { get; private set; }

    /// <summary>The last string instance this VEN was looked up by (the request's pooled venID), for <see cref="VenDirectory"/>.</summary>
    public string? LookedUpAs { get; private set; }

    /// <summary>
    /// Remembers the instance a lookup came with. The empty-poll answer writes that instance too: the request has
    /// just read it, where the VEN's own copy of the same ID sits cold in memory.
    /// </summary>
    public void RememberLookup(string venId)
    {
        LookedUpAs = venId;
        EmptyPollResponse.VenId = venId;
    }

    /// <summary>When the VEN last sent anything (UTC ticks; 0 when not since the start). A field: the poll path writes it without allocating.</summary>
    public long LastSeenTicks;

    private VenQueue _queue;

    public ref VenQueue Queue => ref _queue;

    /// <summary>Whether the VTN has sent this VEN an oadrCancelPartyRegistration, which its oadrCanceledPartyRegistration answers.</summary>
    public bool CancellationRequested { get; set; }

    /// <summary>The answer to a poll with nothing queued: built once so that the common poll allocates nothing.</summary>
    public OadrResponse EmptyPollResponse { get; }

    /// <summary>Open events by eventID.</summary>
    public OpenEvents Events { get; } = new();

    public VenReports Reports { get; } = new();

    /// <summary>Open opts (oadrCreateOpt) by optID; null until the VEN sends one (most never do).</summary>
    public Dictionary<string, OadrCreateOpt>? Opts { get; private set; }

    public Dictionary<string, OadrCreateOpt> OptsToChange => Opts ??= new(System.StringComparer.Ordinal);

    /// <summary>Events closed lately, with their last modification number, so that a late acknowledgement is not an error; null until one closes.</summary>
    private Dictionary<string, uint>? _recentlyClosedEvents;

    public bool WasRecentlyClosed(string eventId, out uint modificationNumber)
    {
        modificationNumber = 0;
        return _recentlyClosedEvents?.TryGetValue(eventId, out modificationNumber) == true;
    }

    /// <summary>
    /// Step one of queueing a message with a state change (call with the gate held): reserves its place and adds
    /// the store change. Null when a waiting message of the kind already covers it. Throws when the queue is full.
    /// </summary>
    public QueuedMessage? ReserveMessage(QueuedMessageKind kind, string? argument, List<StoreChange> changes)
    {
        lock (this)
        {
            if (VenQueue.Coalesces(kind) && Queue.Contains(kind))
            {
                return null;
            }

            if (!Queue.HasRoomFor(kind))
            {
                throw VtnOperationException.QueueFull(VenId);
            }

            var message = new QueuedMessage(Queue.ReserveSequence(), kind, argument);
            changes.Add(new SaveQueueEntry(new QueueEntryRecord(VenId, message.Sequence, kind, argument)));
            return message;
        }
    }

    /// <summary>
    /// Step two, once the change is durable and in memory: the message joins the queue. If a waiting message of the
    /// kind covered it but was delivered meanwhile (before the new state was in memory), a fresh one is queued.
    /// Returns bookkeeping to store in the background.
    /// </summary>
    public IReadOnlyList<StoreChange> PublishMessage(QueuedMessage? reserved, QueuedMessageKind kind, string? argument = null)
    {
        lock (this)
        {
            if (reserved is { } message)
            {
                if (Queue.TryRestore(message))
                {
                    return [];
                }

                // Covered by a waiting message of its kind after all: that one must now be unconditional too.
                Queue.TryEnqueue(kind, null, out _, out _);
                return [new DeleteQueueEntry(VenId, message.Sequence)];
            }

            if (Queue.TryEnqueue(kind, argument, out var added, out var merged) && !merged)
            {
                return [new SaveQueueEntry(new QueueEntryRecord(VenId, added.Sequence, kind, argument))];
            }

            return [];
        }
    }

    private void LeaveGate()
    {
        lock (this)
        {
            if (--_gateUsers == 0)
            {
                _gate = null;
            }
        }
    }

    public void RememberClosed(string eventId, uint modificationNumber)
    {
        _recentlyClosedEvents ??= new(System.StringComparer.Ordinal);
        if (_recentlyClosedEvents.Count >= 64)
        {
            _recentlyClosedEvents.Clear();
        }

        _recentlyClosedEvents[eventId] = modificationNumber;
    }
}
