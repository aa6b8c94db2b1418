using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace OpenAdr.Edge.Xml.Serialization;

/// <summary>
/// Checks, for generated readers, that child elements come in the order of an XSD sequence: each child has an
/// index; <c>required</c> and <c>repeated</c> are bit masks over those indexes. Failures are out of line.
/// </summary>
public static class XmlSequence
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(ref Utf8XmlReader reader, ref int last, int index, ulong required, ulong repeated, string owner, string[] names)
    {
        if (CanEnter(last, index, required, repeated))
        {
            last = Math.Max(last, index);
            return;
        }

        if (index > last)
        {
            Missing(ref reader, owner, names, required & Below(index) & ~Below(last + 1));
        }

        OutOfOrder(ref reader, owner, names, index);
    }

    /// <summary>Whether <see cref="Enter"/> would accept the child at <paramref name="index"/> now (without failing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CanEnter(int last, int index, ulong required, ulong repeated) =>
        index > last ? (required & Below(index) & ~Below(last + 1)) == 0 : index == last && (repeated & (1UL << index)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void End(ref Utf8XmlReader reader, int last, ulong required, string owner, string[] names)
    {
        var missing = required & ~Below(last + 1);
        if (missing != 0)
        {
            Missing(ref reader, owner, names, missing);
        }
    }

    [DoesNotReturn]
    public static void Unexpected(ref Utf8XmlReader reader, string owner) =>
        reader.Fail(XmlError.UnexpectedElement, $"{owner} has no child element <{Encoding.UTF8.GetString(reader.Name)}> ({Encoding.UTF8.GetString(reader.NamespaceUri)})");

    [DoesNotReturn]
    public static void UnexpectedAttribute(ref Utf8XmlReader reader, string owner, int index) =>
        reader.Fail(XmlError.UnexpectedAttribute, $"{owner} has no attribute {Encoding.UTF8.GetString(reader.GetAttributeLocalName(index))} ({Encoding.UTF8.GetString(reader.GetAttributeNamespace(index))})");

    [DoesNotReturn]
    public static void MissingAttribute(ref Utf8XmlReader reader, string owner, string name) =>
        reader.Fail(XmlError.MissingAttribute, $"{owner} lacks the required attribute {name}");

    [DoesNotReturn]
    public static void MissingInner(ref Utf8XmlReader reader, string outer, string inner) =>
        reader.Fail(XmlError.MissingElement, $"<{outer}> must hold <{inner}>");

    [DoesNotReturn]
    public static void TooFew(ref Utf8XmlReader reader, string owner, string name, int minimum) =>
        reader.Fail(XmlError.MissingElement, $"{owner} needs at least {minimum} <{name}>");

    [DoesNotReturn]
    public static void InvalidValue(ref Utf8XmlReader reader, string name, ReadOnlySpan<byte> text) =>
        reader.Fail(XmlError.InvalidValue, $"<{name}> cannot hold \"{Encoding.UTF8.GetString(text[..Math.Min(text.Length, 64)])}\"");

    /// <summary>Refuses the attributes of an element whose content is a simple value: XSD allows none there but xsi:*.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoAttributes(ref Utf8XmlReader reader, string owner)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            if (!IsInstanceAttribute(ref reader, i))
            {
                UnexpectedAttribute(ref reader, owner, i);
            }
        }
    }

    /// <summary>True when the attribute at <paramref name="index"/> is one XSD allows on any element (xsi:*).</summary>
    public static bool IsInstanceAttribute(ref Utf8XmlReader reader, int index) =>
        reader.GetAttributeNamespace(index).SequenceEqual("http://www.w3.org/2001/XMLSchema-instance"u8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Below(int count) => count >= 64 ? ulong.MaxValue : (1UL << count) - 1;

    [DoesNotReturn]
    private static void Missing(ref Utf8XmlReader reader, string owner, string[] names, ulong missing) =>
        reader.Fail(XmlError.MissingElement, $"{owner} lacks the required <{names[BitOperations.TrailingZeroCount(missing)]}>");

    [DoesNotReturn]
    private static void OutOfOrder(ref Utf8XmlReader reader, string owner, string[] names, int index) =>
        reader.Fail(XmlError.ElementOutOfOrder, $"<{names[index]}> is out of order or repeated in {owner}");
}
