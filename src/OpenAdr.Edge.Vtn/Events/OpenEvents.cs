using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using OpenAdr.Edge.Vtn.Sharing;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>
/// A VEN's open events by eventID. Most VENs hold one or two: an array the exact size costs a fifth of a dictionary,
/// and it is replaced on change, never changed in place, so <see cref="Values"/> is a snapshot. Not thread-safe: the
/// owner locks it.
/// </summary>
internal sealed class OpenEvents
{
    private VenEvent[] _events = [];

    public int Count => _events.Length;

    public IReadOnlyList<VenEvent> Values => _events;

    public bool TryGetValue(string eventId, [NotNullWhen(true)] out VenEvent? venEvent)
    {
        var index = IndexOf(eventId);
        venEvent = index >= 0 ? _events[index] : null;
        return venEvent is not null;
    }

    public bool ContainsKey(string eventId) => IndexOf(eventId) >= 0;

    /// <summary>Adds the event, or replaces the one with its eventID.</summary>
    public void Set(VenEvent venEvent)
    {
        var index = IndexOf(venEvent.EventId);
        if (index < 0)
        {
            _events = [.. _events, venEvent];
            return;
        }

        var replaced = (VenEvent[])_events.Clone();
        replaced[index] = venEvent;
        _events = replaced;
    }

    public bool Remove(string eventId)
    {
        var index = IndexOf(eventId);
        if (index < 0)
        {
            return false;
        }

        _events = ExactArrays.Without(_events, index);
        return true;
    }

    private int IndexOf(string eventId)
    {
        for (var i = 0; i < _events.Length; i++)
        {
            if (_events[i].EventId == eventId)
            {
                return i;
            }
        }

        return -1;
    }
}
