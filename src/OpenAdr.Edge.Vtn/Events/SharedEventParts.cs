using System;
using System.Buffers;
using System.Threading;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Sharing;
using OpenAdr.Edge.Xml;
using OpenAdr.Edge.Xml.Serialization;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>
/// Lets VENs share the parts of their events that are alike. An operator's event for 10,000 VENs is 10,000 oadrEvents
/// that differ in their descriptor and target; made one by one, or rebuilt from the store, they would hold 10,000
/// copies of the same active period, intervals and strings. Parts are compared by their XML, the form in which they
/// are sent and stored. A shared part is never changed: a change to an event copies it first (see
/// <see cref="EventService.ModifyAsync"/>), and the per-VEN parts (the oadrEvent, its descriptor) are never shared.
/// </summary>
internal sealed class SharedEventParts
{
    private const int MaxKeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    // Kept apart so that parts unique to a VEN (its target, its event and signal IDs) do not push out the shared ones.
    private readonly Part?[] _parts = new Part?[256];
    private readonly Part?[] _targets = new Part?[64];
    private readonly RecentValues<string> _texts = new(256, StringComparer.Ordinal);
    private readonly RecentValues<string> _identifiers = new(64, StringComparer.Ordinal);

    /// <summary>
    /// Points the event's parts at equal ones seen lately, and a target naming only <paramref name="venId"/> at
    /// <see cref="OwnTarget.Marker"/>. Call only with a definition that is not published yet: it is changed in place
    /// (with equal parts, so that even a part some other VEN holds would only look the same).
    /// </summary>
    public void Share(OadrEvent definition, string venId)
    {
        var eiEvent = definition.EiEvent;
        var descriptor = eiEvent.EventDescriptor;
        descriptor.EventId = _identifiers.Share(descriptor.EventId);
        descriptor.EiMarketContext = _texts.Share(descriptor.EiMarketContext);
        descriptor.TestEvent = Text(descriptor.TestEvent);
        descriptor.ModificationReason = Text(descriptor.ModificationReason);
        descriptor.VtnComment = Text(descriptor.VtnComment);

        // The schedule compares the start with the clock: a local time (which the XML would not tell apart) stays the VEN's own.
        if (eiEvent.EiActivePeriod.Properties.DtStart.Kind != DateTimeKind.Local)
        {
            eiEvent.EiActivePeriod = Share(_parts, eiEvent.EiActivePeriod, "activePeriod"u8);
        }

        var signals = Share(_parts, eiEvent.EiEventSignals, "signals"u8);
        if (ReferenceEquals(signals, eiEvent.EiEventSignals))
        {
            // Not seen whole (the signal IDs of one VEN's event are its own): share what the signals are made of.
            foreach (var signal in signals.Signals)
            {
                signal.Intervals = Share(_parts, signal.Intervals, "intervals"u8);
                signal.SignalName = _texts.Share(signal.SignalName);
                signal.SignalId = _identifiers.Share(signal.SignalId);
            }

            if (signals.EiEventBaseline is { } baseline)
            {
                baseline.Intervals = Share(_parts, baseline.Intervals, "intervals"u8);
            }
        }

        eiEvent.EiEventSignals = signals;
        eiEvent.EiTarget = IsOwn(eiEvent.EiTarget, venId) ? OwnTarget.Marker : Share(_targets, eiEvent.EiTarget, "target"u8);
        if (t_buffer is { Capacity: > MaxKeptBufferBytes })
        {
            // One event with a year of intervals should not keep its XML's size on every thread that ever shared one.
            t_buffer = null;
        }
    }

    /// <summary>Whether the target names the VEN's venID and nothing else (compared as XML: eiTarget has many lists).</summary>
    private static bool IsOwn(EiTarget target, string venId)
    {
        if (ReferenceEquals(target, OwnTarget.Marker))
        {
            return true;
        }

        if (target.VenIds is not [var only] || only != venId)
        {
            return false;
        }

        var own = Xml(OwnTarget.For(venId)).ToArray();
        return Xml(target).SequenceEqual(own);
    }

    private static ReadOnlySpan<byte> Xml<T>(T part, ReadOnlySpan<byte> kind = default)
        where T : class, IXmlElement<T>
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = new Utf8XmlWriter(buffer);
        part.WriteXml(ref writer, kind.IsEmpty ? "part"u8 : kind);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    private string? Text(string? text) => text is null ? null : _texts.Share(text);

    /// <summary>
    /// An equal part seen lately, or this one, remembered in one of two slots its XML hashes to. A part VENs already
    /// share keeps its slot against one nobody has matched (a VEN's own signals, say), so the parts of one VEN's event
    /// do not push out what the VENs before it share.
    /// </summary>
    private static T Share<T>(Part?[] slots, T part, ReadOnlySpan<byte> kind)
        where T : class, IXmlElement<T>
    {
        var xml = Xml(part, kind);
        var hash = new HashCode();
        hash.AddBytes(xml);
        var code = hash.ToHashCode();
        ref var first = ref slots[code & (slots.Length - 1)];
        ref var second = ref slots[(code >>> 16) & (slots.Length - 1)];
        var firstPart = Volatile.Read(ref first);
        var secondPart = Volatile.Read(ref second);
        if ((Matches(firstPart, xml) ?? Matches(secondPart, xml)) is T known)
        {
            return known;
        }

        // An empty slot first, then one whose part nobody matched, and when both are shared the first.
        var entry = new Part(xml.ToArray(), part);
        var intoSecond = firstPart is not null && (secondPart is null || (firstPart.Matched && !secondPart.Matched));
        Volatile.Write(ref intoSecond ? ref second : ref first, entry);
        return part;
    }

    private static object? Matches(Part? part, ReadOnlySpan<byte> xml)
    {
        if (part is null || !xml.SequenceEqual(part.Xml))
        {
            return null;
        }

        part.Matched = true;
        return part.Value;
    }

    private sealed class Part(byte[] xml, object value)
    {
        public byte[] Xml { get; } = xml;

        public object Value { get; } = value;

        // Set when a second VEN found it; a racing write only sets it too.
        public bool Matched { get; set; }
    }
}
