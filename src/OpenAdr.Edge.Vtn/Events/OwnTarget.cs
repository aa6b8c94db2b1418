using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>
/// The target most events have: the venID of the VEN that holds them (the default of <see cref="OpenAdrVtn.AddEventAsync"/>).
/// In memory it is one shared marker instead of an eiTarget and a list per VEN; wherever an event leaves memory (an
/// answer, the store, the copy a modification edits) the marker is written out as the VEN's own target.
/// </summary>
internal static class OwnTarget
{
    /// <summary>Stands for "the venID of the VEN holding the event"; never sent or stored as it is.</summary>
    public static readonly EiTarget Marker = new();

    public static EiTarget For(string venId) => new() { VenIds = [venId] };

    /// <summary>The event as it leaves memory for <paramref name="venId"/>: the same instance unless it holds the marker.</summary>
    public static OadrEvent WrittenOut(OadrEvent definition, string venId) =>
        ReferenceEquals(definition.EiEvent.EiTarget, Marker)
            ? new OadrEvent
            {
                OadrResponseRequired = definition.OadrResponseRequired,
                EiEvent = new EiEvent
                {
                    EventDescriptor = definition.EiEvent.EventDescriptor,
                    EiActivePeriod = definition.EiEvent.EiActivePeriod,
                    EiEventSignals = definition.EiEvent.EiEventSignals,
                    EiTarget = For(venId),
                },
            }
            : definition;

    public static EiTarget WrittenOut(EiTarget target, string venId) => ReferenceEquals(target, Marker) ? For(venId) : target;
}
