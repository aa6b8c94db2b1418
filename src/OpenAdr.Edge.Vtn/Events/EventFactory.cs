using System;
using System.Collections.Generic;
using System.Globalization;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>Builds the oadrEvent for <see cref="OpenAdrVtn.AddEventAsync"/>, with OpenLEADR's checks (and none of its silent corrections).</summary>
internal static class EventFactory
{
    public static OadrEvent Create(
        string venId,
        string eventId,
        string signalName,
        SignalType signalType,
        IReadOnlyList<EventInterval> intervals,
        IReadOnlyList<EventTarget> targets,
        ResponseRequired responseRequired,
        string marketContext,
        uint priority,
        TimeSpan? notificationPeriod,
        TimeSpan? rampUpPeriod,
        TimeSpan? recoveryPeriod,
        DateTime now)
    {
        CheckSignalName(signalName);
        CheckMarketContext(marketContext);
        ArgumentNullException.ThrowIfNull(intervals);
        if (intervals.Count == 0)
        {
            throw new ArgumentException("An event needs at least one interval.", nameof(intervals));
        }

        var ordered = new List<EventInterval>(intervals);
        ordered.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var start = ToUtc(ordered[0].Start, nameof(intervals));
        var end = start;
        var streamIntervals = new List<Interval>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var interval = ordered[i];
            if (interval.Duration <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Interval {i} has no positive duration.", nameof(intervals));
            }

            if (ToUtc(interval.Start, nameof(intervals)) != end)
            {
                throw new ArgumentException(
                    $"Interval {i} starts at {interval.Start:O}, not where the one before it ends ({end:O}): interval durations must add up to the active period.",
                    nameof(intervals));
            }

            CheckValue(signalName, interval.Value, i);
            end += interval.Duration;
            streamIntervals.Add(new Interval
            {
                Duration = interval.Duration,
                Uid = i.ToString(CultureInfo.InvariantCulture),
                StreamPayloads = [new SignalPayload { PayloadBase = new PayloadFloat { Value = interval.Value } }],
            });
        }

        return new OadrEvent
        {
            OadrResponseRequired = responseRequired,
            EiEvent = new EiEvent
            {
                EventDescriptor = new EventDescriptor
                {
                    EventId = eventId,
                    ModificationNumber = 0,
                    Priority = priority,
                    EiMarketContext = marketContext,
                    CreatedDateTime = now,
                    EventStatus = EventStatus.Far,
                    TestEvent = "false",
                },
                EiActivePeriod = new EiActivePeriod
                {
                    Properties = new Properties
                    {
                        DtStart = start,
                        Duration = end - start,
                        XEiNotification = notificationPeriod,
                        XEiRampUp = rampUpPeriod,
                        XEiRecovery = recoveryPeriod,
                    },
                },
                EiEventSignals = new EiEventSignals
                {
                    Signals =
                    [
                        new EiEventSignal
                        {
                            Intervals = new Intervals { Items = streamIntervals },
                            SignalName = signalName,
                            SignalType = signalType,
                            SignalId = Guid.NewGuid().ToString(),
                        },
                    ],
                },
                EiTarget = Targets(venId, targets),
            },
        };
    }

    public static IReadOnlyList<EventTarget> TargetsByType(IReadOnlyDictionary<TargetKind, IReadOnlyList<string>> targetsByType)
    {
        var targets = new List<EventTarget>();
        foreach (var (kind, ids) in targetsByType)
        {
            foreach (var id in ids)
            {
                targets.Add(kind switch
                {
                    TargetKind.VenId => new EventTarget(VenId: id),
                    TargetKind.ResourceId => new EventTarget(ResourceId: id),
                    TargetKind.GroupId => new EventTarget(GroupId: id),
                    TargetKind.GroupName => new EventTarget(GroupName: id),
                    TargetKind.PartyId => new EventTarget(PartyId: id),
                    TargetKind.EndDeviceAsset => new EventTarget(EndDeviceAsset: id),
                    _ => throw new ArgumentOutOfRangeException(nameof(targetsByType), kind, "Unknown target kind."),
                });
            }
        }

        return targets;
    }

    /// <summary>Checks an event built by hand (<see cref="OpenAdrVtn.AddRawEventAsync"/>) the way <see cref="Create"/> checks its parts.</summary>
    public static void CheckRaw(OadrEvent oadrEvent)
    {
        ArgumentNullException.ThrowIfNull(oadrEvent);
        var eiEvent = oadrEvent.EiEvent;
        if (string.IsNullOrEmpty(eiEvent.EventDescriptor.EventId))
        {
            throw new ArgumentException("The event has no eventID.", nameof(oadrEvent));
        }

        CheckMarketContext(eiEvent.EventDescriptor.EiMarketContext);
        if (eiEvent.EiEventSignals.Signals.Count == 0)
        {
            throw new ArgumentException("The event has no signal.", nameof(oadrEvent));
        }

        var signalIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signal in eiEvent.EiEventSignals.Signals)
        {
            CheckSignalName(signal.SignalName);
            if (!signalIds.Add(signal.SignalId))
            {
                throw new ArgumentException($"Signal ID '{signal.SignalId}' appears twice (R-116).", nameof(oadrEvent));
            }

            if (signal.Intervals.Items.Count == 0)
            {
                throw new ArgumentException($"Signal '{signal.SignalId}' has no interval.", nameof(oadrEvent));
            }

            var total = TimeSpan.Zero;
            for (var i = 0; i < signal.Intervals.Items.Count; i++)
            {
                var interval = signal.Intervals.Items[i];
                total += interval.Duration ?? TimeSpan.Zero;
                if (interval.StreamPayloads is [SignalPayload { PayloadBase: PayloadFloat value }])
                {
                    CheckValue(signal.SignalName, value.Value, i);
                }
            }

            var activeDuration = eiEvent.EiActivePeriod.Properties.Duration;
            if (activeDuration > TimeSpan.Zero && total != activeDuration)
            {
                throw new ArgumentException(
                    $"The intervals of signal '{signal.SignalId}' last {total}, the active period {activeDuration}: they must be equal.",
                    nameof(oadrEvent));
            }
        }
    }

    public static EiTarget Targets(string venId, IReadOnlyList<EventTarget> targets)
    {
        var target = new EiTarget();
        if (targets.Count == 0)
        {
            target.VenIds = [venId];
            return target;
        }

        foreach (var t in targets)
        {
            target.VenIds = AddIf(target.VenIds, t.VenId);
            target.ResourceIds = AddIf(target.ResourceIds, t.ResourceId);
            target.GroupIds = AddIf(target.GroupIds, t.GroupId);
            target.GroupNames = AddIf(target.GroupNames, t.GroupName);
            target.PartyIds = AddIf(target.PartyIds, t.PartyId);
            if (t.EndDeviceAsset is { } asset)
            {
                (target.EndDeviceAssets ??= []).Add(new EndDeviceAsset { Mrid = asset });
            }
        }

        return target;
    }

    /// <summary>Whether the target names no VEN, resource, group, party or device class (the event then goes to the venID).</summary>
    public static bool TargetsNothing(EiTarget target) =>
        target.VenIds is null or [] && target.ResourceIds is null or [] && target.GroupIds is null or []
        && target.GroupNames is null or [] && target.PartyIds is null or [] && target.EndDeviceAssets is null or [];

    private static List<string>? AddIf(List<string>? list, string? id)
    {
        if (id is not null)
        {
            (list ??= []).Add(id);
        }

        return list;
    }

    private static void CheckSignalName(string signalName)
    {
        if (signalName is null || (!signalName.StartsWith("x-", StringComparison.Ordinal) && !SignalNameEnumeratedXml.IsDefined(System.Text.Encoding.UTF8.GetBytes(signalName))))
        {
            throw new ArgumentException(
                $"Signal name '{signalName}' is neither an OpenADR signal name (SIMPLE, ELECTRICITY_PRICE, …, LOAD_CONTROL) nor an 'x-' name.",
                nameof(signalName));
        }
    }

    private static void CheckValue(string signalName, float value, int index)
    {
        if (signalName is "SIMPLE" or "simple" && value is not (0 or 1 or 2 or 3))
        {
            throw new ArgumentException($"Interval {index}: a SIMPLE signal carries a level of 0, 1, 2 or 3, not {value}.", "intervals");
        }
    }

    private static void CheckMarketContext(string marketContext)
    {
        // It must name its scheme: on Unix System.Uri also takes a bare path ("/programs/cpp") for a file URI.
        if (!Uri.TryCreate(marketContext, UriKind.Absolute, out var uri) || !marketContext.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Market context '{marketContext}' is not an absolute URI.", nameof(marketContext));
        }
    }

    private static DateTime ToUtc(DateTime time, string parameter) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => throw new ArgumentException("Interval start times must say whether they are UTC or local (DateTimeKind.Unspecified is ambiguous).", parameter),
    };
}
