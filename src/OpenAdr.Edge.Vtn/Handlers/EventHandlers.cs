using System;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Handlers;

/// <summary>Told what a VEN answered to an event: the first answer, and every later change of mind.</summary>
public delegate ValueTask EventResponseCallback(string venId, string eventId, OptType optType);

/// <summary>One interval of a single-signal event (OpenLEADR's <c>{dtstart, duration, signal_payload}</c>).</summary>
public readonly record struct EventInterval(DateTime Start, TimeSpan Duration, float Value);

/// <summary>Whom an event is for (OpenLEADR's <c>Target</c>); set one or more IDs.</summary>
public sealed record EventTarget(
    string? VenId = null,
    string? ResourceId = null,
    string? GroupId = null,
    string? GroupName = null,
    string? PartyId = null,
    string? EndDeviceAsset = null);

/// <summary>The kinds of IDs <c>targetsByType</c> groups targets by.</summary>
public enum TargetKind
{
    VenId,
    ResourceId,
    GroupId,
    GroupName,
    PartyId,
    EndDeviceAsset,
}
