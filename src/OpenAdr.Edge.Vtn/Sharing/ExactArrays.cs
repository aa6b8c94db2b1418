using System;

namespace OpenAdr.Edge.Vtn.Sharing;

/// <summary>
/// Per-VEN collections kept as arrays of exactly their length: a VEN holds a handful of events or report requests,
/// and 10,000 dictionaries or lists with spare room cost more than the copy a change makes.
/// </summary>
internal static class ExactArrays
{
    public static T[] Without<T>(T[] items, int index)
    {
        var kept = new T[items.Length - 1];
        items.AsSpan(0, index).CopyTo(kept);
        items.AsSpan(index + 1).CopyTo(kept.AsSpan(index));
        return kept;
    }
}
