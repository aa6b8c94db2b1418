using System;
using System.Collections.Generic;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>Where an event stands at a moment, and the order events are listed in.</summary>
internal static class EventSchedule
{
    /// <summary>
    /// far → near (from the ramp-up start, when there is one) → active → completed, from the clock; cancelled
    /// sticks. A zero duration never ends. A start-after tolerance keeps the event listed as long as it may still start.
    /// </summary>
    public static EventStatus StatusAt(OadrEvent oadrEvent, DateTime now)
    {
        var descriptor = oadrEvent.EiEvent.EventDescriptor;
        if (descriptor.EventStatus == EventStatus.Cancelled)
        {
            return EventStatus.Cancelled;
        }

        var properties = oadrEvent.EiEvent.EiActivePeriod.Properties;
        var start = properties.DtStart;
        if (properties.Duration > TimeSpan.Zero && now >= End(oadrEvent))
        {
            return EventStatus.Completed;
        }

        if (now >= start)
        {
            return EventStatus.Active;
        }

        return properties.XEiRampUp is { } rampUp && now >= start - rampUp ? EventStatus.Near : EventStatus.Far;
    }

    /// <summary>When the event is over: its end, plus the start-after tolerance. <see cref="DateTime.MaxValue"/> when open-ended.</summary>
    public static DateTime End(OadrEvent oadrEvent)
    {
        var properties = oadrEvent.EiEvent.EiActivePeriod.Properties;
        if (properties.Duration <= TimeSpan.Zero)
        {
            return DateTime.MaxValue;
        }

        return properties.DtStart + properties.Duration + (properties.Tolerance?.Tolerate.StartAfter ?? TimeSpan.Zero);
    }

    /// <summary>
    /// active events first; among them the lower priority number first, where 0 (or none) means no priority and
    /// comes last; then the earlier start; the eventID keeps the order stable across replyLimit pages.
    /// </summary>
    public static int Compare((OadrEvent Event, EventStatus Status) x, (OadrEvent Event, EventStatus Status) y)
    {
        var xActive = x.Status == EventStatus.Active;
        var yActive = y.Status == EventStatus.Active;
        if (xActive != yActive)
        {
            return xActive ? -1 : 1;
        }

        if (xActive)
        {
            var byPriority = PriorityRank(x.Event).CompareTo(PriorityRank(y.Event));
            if (byPriority != 0)
            {
                return byPriority;
            }
        }

        var byStart = x.Event.EiEvent.EiActivePeriod.Properties.DtStart.CompareTo(y.Event.EiEvent.EiActivePeriod.Properties.DtStart);
        return byStart != 0
            ? byStart
            : string.CompareOrdinal(x.Event.EiEvent.EventDescriptor.EventId, y.Event.EiEvent.EventDescriptor.EventId);
    }

    private static uint PriorityRank(OadrEvent oadrEvent) =>
        oadrEvent.EiEvent.EventDescriptor.Priority is { } priority and > 0 ? priority : uint.MaxValue;
}
