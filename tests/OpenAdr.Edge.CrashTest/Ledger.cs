using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.CrashTest;

/// <summary>
/// What the VTN acknowledged, and what it may have done without acknowledging it (a request in flight when the
/// binary was killed): the truth every restart is checked against. All members are safe to call from any worker.
/// </summary>
internal sealed class Ledger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, VenEntry> _vens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);

    /// <summary>Acknowledged writes so far: registrations, events, modifications, opt answers and report points.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    private long _acknowledged;

    public void Registered(string venId, string venName, int run)
    {
        lock (_lock)
        {
            _vens[venId] = new VenEntry(venId, venName, run);
        }

        Interlocked.Increment(ref _acknowledged);
    }

    /// <summary>Records an event the operator API acknowledged (201 with its ID); false when the ID was handed out before.</summary>
    public bool EventCreated(string venId, string eventId, OptType opt)
    {
        Interlocked.Increment(ref _acknowledged);
        lock (_lock)
        {
            if (!_eventIds.Add(venId + "\n" + eventId))
            {
                return false;
            }

            _vens[venId].Events[eventId] = new EventEntry(eventId, opt);
            return true;
        }
    }

    public void ModificationStarted(string venId, string eventId)
    {
        lock (_lock)
        {
            _vens[venId].Events[eventId].ModificationsStarted++;
        }
    }

    public void ModificationAcknowledged(string venId, string eventId)
    {
        Interlocked.Increment(ref _acknowledged);
        lock (_lock)
        {
            _vens[venId].Events[eventId].ModificationsAcknowledged++;
        }
    }

    public void OptsSent(string venId, IEnumerable<string> eventIds)
    {
        lock (_lock)
        {
            foreach (var eventId in eventIds)
            {
                _vens[venId].Events[eventId].OptSent = true;
            }
        }
    }

    public void OptsAcknowledged(string venId, IEnumerable<string> eventIds)
    {
        lock (_lock)
        {
            foreach (var eventId in eventIds)
            {
                _vens[venId].Events[eventId].OptAnswersAcknowledged++;
                Interlocked.Increment(ref _acknowledged);
            }
        }
    }

    public void ReportRequest(string venId, string reportRequestId)
    {
        lock (_lock)
        {
            _vens[venId].ReportRequestId = reportRequestId;
        }
    }

    public void PointsAcknowledged(string venId, IEnumerable<ReportPoint> points)
    {
        lock (_lock)
        {
            foreach (var point in points)
            {
                _vens[venId].Points.Add(point);
                Interlocked.Increment(ref _acknowledged);
            }
        }
    }

    /// <summary>The VEN received these events in an oadrDistributeEvent: their queue entry may be gone now.</summary>
    public void Delivered(string venId, IEnumerable<(string EventId, uint ModificationNumber)> events, Action<string> violation)
    {
        lock (_lock)
        {
            var ven = _vens[venId];
            foreach (var (eventId, modificationNumber) in events)
            {
                if (ven.Events.TryGetValue(eventId, out var entry))
                {
                    entry.Delivered = true;
                    Observe(ven.VenId, entry, modificationNumber, "oadrDistributeEvent", violation);
                }
            }
        }
    }

    /// <summary>A modification number seen now must not be below one seen before, nor beyond the modifications started.</summary>
    public void Observe(string venId, string eventId, uint modificationNumber, string where, Action<string> violation)
    {
        lock (_lock)
        {
            if (_vens[venId].Events.TryGetValue(eventId, out var entry))
            {
                Observe(venId, entry, modificationNumber, where, violation);
            }
        }
    }

    /// <summary>A copy of one VEN's entry, to check without holding the lock.</summary>
    public VenEntry Snapshot(string venId)
    {
        lock (_lock)
        {
            return _vens[venId].Copy();
        }
    }

    public List<string> VenIds()
    {
        lock (_lock)
        {
            return [.. _vens.Keys];
        }
    }

    /// <summary>A VEN registered in an earlier run (for events created on VENs that lived through a restart), or null.</summary>
    public string? EarlierVen(int run, Random random)
    {
        lock (_lock)
        {
            var earlier = _vens.Values.Where(v => v.Run < run).ToList();
            return earlier.Count == 0 ? null : earlier[random.Next(earlier.Count)].VenId;
        }
    }

    private static void Observe(string venId, EventEntry entry, uint modificationNumber, string where, Action<string> violation)
    {
        if (modificationNumber < entry.HighestSeen)
        {
            violation($"event {venId}/{entry.EventId}: modificationNumber went back from {entry.HighestSeen} to {modificationNumber} ({where})");
        }

        if (modificationNumber > entry.ModificationsStarted)
        {
            violation($"event {venId}/{entry.EventId}: modificationNumber {modificationNumber} but only {entry.ModificationsStarted} modifications were ever asked for ({where})");
        }

        entry.HighestSeen = Math.Max(entry.HighestSeen, modificationNumber);
    }
}

internal sealed record ReportPoint(string ReportRequestId, string RId, DateTime Start, float Value);

internal sealed class VenEntry(string venId, string venName, int run)
{
    public string VenId { get; } = venId;

    public string VenName { get; } = venName;

    /// <summary>The run (life of the binary) it registered in.</summary>
    public int Run { get; } = run;

    public string? ReportRequestId { get; set; }

    public Dictionary<string, EventEntry> Events { get; private init; } = new(StringComparer.Ordinal);

    public List<ReportPoint> Points { get; private init; } = [];

    public VenEntry Copy() => new(VenId, VenName, Run)
    {
        ReportRequestId = ReportRequestId,
        Events = Events.ToDictionary(e => e.Key, e => e.Value.Copy(), StringComparer.Ordinal),
        Points = [.. Points],
    };
}

internal sealed class EventEntry(string eventId, OptType opt)
{
    public string EventId { get; } = eventId;

    /// <summary>The only answer the VEN ever gives to this event, so that what is stored can be only this or nothing.</summary>
    public OptType Opt { get; } = opt;

    public int ModificationsStarted { get; set; }

    public int ModificationsAcknowledged { get; set; }

    public bool OptSent { get; set; }

    /// <summary>Answers acknowledged (200): the VEN answers again at every distribution, always with <see cref="Opt"/>.</summary>
    public int OptAnswersAcknowledged { get; set; }

    public bool Delivered { get; set; }

    public uint HighestSeen { get; set; }

    public EventEntry Copy() => (EventEntry)MemberwiseClone();
}
