using System;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Polling;

/// <summary>One message waiting for a VEN: what kind, and which state it points at (the payload is composed at poll time).</summary>
internal readonly record struct QueuedMessage(long Sequence, QueuedMessageKind Kind, string? Argument);

/// <summary>
/// The bounded ring buffer of messages the VTN has for one VEN, oldest first. Not thread-safe: the owner locks it.
/// Messages composed from current state (an event snapshot, the VTN's METADATA, a registration request or
/// cancellation) coalesce: one of each kind at most, with a slot of its own, so they are never refused. The
/// capacity bounds the others (report requests and cancellations), which carry their own content.
/// A struct, held inside its VEN's state: the empty-poll check reads it without following one more pointer.
/// </summary>
internal struct VenQueue(int capacity)
{
    private const int CoalescingKinds = 4;
    private const int InitialSize = 4;

    // Most VENs never have more than one or two messages waiting: the ring starts small, grows to its bound, and is
    // dropped when it empties.
    private readonly int _maxSize = capacity + CoalescingKinds;
    private QueuedMessage[] _items = [];
    private readonly int _capacity = capacity;
    private int _head;
    private long _nextSequence = 1;

    /// <summary>The argument of a distribution queued only to repeat an unacknowledged cancellation: it is withdrawn once acknowledged.</summary>
    public const string Resend = "resend";

    /// <summary>Whether waiting messages of this kind are merged into one.</summary>
    public static bool Coalesces(QueuedMessageKind kind) => kind is QueuedMessageKind.DistributeEvent or QueuedMessageKind.RegisterReport
        or QueuedMessageKind.CancelPartyRegistration or QueuedMessageKind.RequestReregistration;

    /// <summary>Whether one more message of this kind fits.</summary>
    public readonly bool HasRoomFor(QueuedMessageKind kind)
    {
        if (Coalesces(kind))
        {
            return true;
        }

        var others = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!Coalesces(_items[(_head + i) % _items.Length].Kind))
            {
                others++;
            }
        }

        return others < _capacity;
    }

    /// <summary>A sequence number for a message that is stored before it joins the queue (<see cref="TryRestore"/>).</summary>
    public long ReserveSequence() => _nextSequence++;

    public int Count { readonly get; private set; }

    public readonly bool IsEmpty => Count == 0;

    /// <summary>Whether a message of this kind waits already.</summary>
    public readonly bool Contains(QueuedMessageKind kind)
    {
        for (var i = 0; i < Count; i++)
        {
            ref readonly var item = ref _items[(_head + i) % _items.Length];
            if (item.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds a message, or merges it into the waiting one of its kind; false when there is no room. Merging a message
    /// without an argument into one with an argument (a <see cref="Resend"/>) makes the waiting one unconditional.
    /// </summary>
    public bool TryEnqueue(QueuedMessageKind kind, string? argument, out QueuedMessage added, out bool merged)
    {
        merged = Coalesces(kind) && Contains(kind);
        if (merged && argument is null)
        {
            for (var i = 0; i < Count; i++)
            {
                ref var item = ref _items[(_head + i) % _items.Length];
                if (item.Kind == kind)
                {
                    item = item with { Argument = null };
                }
            }
        }

        if (merged || !HasRoomFor(kind))
        {
            added = default;
            return merged;
        }

        added = new QueuedMessage(_nextSequence++, kind, argument);
        EnsureRoom();
        _items[(_head + Count) % _items.Length] = added;
        Count++;
        return true;
    }

    /// <summary>Adds a message that already has its sequence number (stored, or reserved before storing); false when there is no room.</summary>
    public bool TryRestore(QueuedMessage message)
    {
        if (Count == _maxSize || !HasRoomFor(message.Kind) || (Coalesces(message.Kind) && Contains(message.Kind)))
        {
            return false;
        }

        EnsureRoom();
        _items[(_head + Count) % _items.Length] = message;
        Count++;
        _nextSequence = Math.Max(_nextSequence, message.Sequence + 1);
        return true;
    }

    public readonly bool TryPeek(out QueuedMessage message)
    {
        message = Count == 0 ? default : _items[_head];
        return Count > 0;
    }

    public QueuedMessage Dequeue()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The queue is empty.");
        }

        var message = _items[_head];
        _items[_head] = default;
        _head = (_head + 1) % _items.Length;
        Count--;
        ReleaseWhenEmpty();
        return message;
    }

    private void EnsureRoom()
    {
        if (Count < _items.Length)
        {
            return;
        }

        var grown = new QueuedMessage[Math.Min(_maxSize, Math.Max(InitialSize, _items.Length * 2))];
        for (var i = 0; i < Count; i++)
        {
            grown[i] = _items[(_head + i) % _items.Length];
        }

        _items = grown;
        _head = 0;
    }

    /// <summary>Removes every waiting message of the kind; returns their sequence numbers through <paramref name="removed"/>.</summary>
    public void RemoveAll(Func<QueuedMessage, bool> match, Action<QueuedMessage> removed)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            var item = _items[(_head + i) % _items.Length];
            if (match(item))
            {
                removed(item);
            }
            else
            {
                _items[(_head + kept) % _items.Length] = item;
                kept++;
            }
        }

        for (var i = kept; i < Count; i++)
        {
            _items[(_head + i) % _items.Length] = default;
        }

        Count = kept;
        ReleaseWhenEmpty();
    }

    // Most of the time a VEN has nothing waiting: its ring goes back to the shared empty array (a message is rare next to polls).
    private void ReleaseWhenEmpty()
    {
        if (Count == 0)
        {
            _items = [];
            _head = 0;
        }
    }
}
