using System;
using System.Collections.Generic;
using System.Text;

namespace OpenAdr.Edge.Fuzz;

/// <summary>One element found by <see cref="XmlShape"/>: byte offsets into the document.</summary>
/// <param name="Start">The '&lt;' of the start tag.</param>
/// <param name="ContentStart">Just after the start tag's '&gt;' (equal to <paramref name="End"/> for an empty-element tag).</param>
/// <param name="ContentEnd">The '&lt;' of the end tag.</param>
/// <param name="End">Just after the end tag.</param>
/// <param name="Parent">The index of the parent element, -1 for the root.</param>
/// <param name="Children">How many child elements it has.</param>
public readonly record struct ElementSpan(int Start, int ContentStart, int ContentEnd, int End, int Parent, int Children, int NameStart, int NameLength)
{
    public bool IsLeaf => Children == 0 && ContentEnd > ContentStart;
}

/// <summary>One attribute value inside a start tag: byte offsets of the value between its quotes.</summary>
public readonly record struct AttributeSpan(int NameStart, int NameLength, int ValueStart, int ValueEnd);

/// <summary>
/// A forgiving scan of a document's tags: good enough to find elements, texts and attributes in the seeds and in
/// mutants of them, never throwing whatever the bytes are (mutants are anything). Not an XML parser.
/// </summary>
public static class XmlShape
{
    public static void Elements(ReadOnlySpan<byte> xml, List<ElementSpan> elements, List<AttributeSpan>? attributes = null)
    {
        elements.Clear();
        attributes?.Clear();
        var open = new Stack<int>();
        var i = 0;
        while (i < xml.Length)
        {
            var lt = xml[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                break;
            }

            lt += i;
            var gt = xml[lt..].IndexOf((byte)'>');
            if (gt < 0)
            {
                break;
            }

            gt += lt;
            if (lt + 1 < xml.Length && xml[lt + 1] == '/')
            {
                if (open.Count > 0)
                {
                    var index = open.Pop();
                    var element = elements[index];
                    elements[index] = element with { ContentEnd = lt, End = gt + 1 };
                }
            }
            else if (lt + 1 < xml.Length && xml[lt + 1] is (byte)'?' or (byte)'!')
            {
                // Declarations, comments, CDATA, DOCTYPE: skipped whole.
            }
            else
            {
                var nameStart = lt + 1;
                var nameEnd = nameStart;
                while (nameEnd < gt && xml[nameEnd] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/'))
                {
                    nameEnd++;
                }

                var parent = open.Count > 0 ? open.Peek() : -1;
                if (parent >= 0)
                {
                    elements[parent] = elements[parent] with { Children = elements[parent].Children + 1 };
                }

                if (attributes is not null)
                {
                    ScanAttributes(xml, nameEnd, gt, attributes);
                }

                var selfClosing = xml[gt - 1] == '/';
                elements.Add(new ElementSpan(lt, selfClosing ? gt + 1 : gt + 1, gt + 1, gt + 1, parent, 0, nameStart, nameEnd - nameStart));
                if (!selfClosing)
                {
                    open.Push(elements.Count - 1);
                }
            }

            i = gt + 1;
        }

        // Elements never closed end where the document ends.
        while (open.Count > 0)
        {
            var index = open.Pop();
            elements[index] = elements[index] with { ContentEnd = xml.Length, End = xml.Length };
        }
    }

    private static void ScanAttributes(ReadOnlySpan<byte> xml, int from, int gt, List<AttributeSpan> attributes)
    {
        var i = from;
        while (i < gt)
        {
            var eq = xml[i..gt].IndexOf((byte)'=');
            if (eq < 0)
            {
                return;
            }

            eq += i;
            var nameEnd = eq;
            while (nameEnd > i && xml[nameEnd - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                nameEnd--;
            }

            var nameStart = nameEnd;
            while (nameStart > i && xml[nameStart - 1] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                nameStart--;
            }

            var quote = eq + 1;
            while (quote < gt && xml[quote] is not ((byte)'"' or (byte)'\''))
            {
                quote++;
            }

            if (quote >= gt)
            {
                return;
            }

            var close = xml[(quote + 1)..gt].IndexOf(xml[quote]);
            if (close < 0)
            {
                return;
            }

            close += quote + 1;
            attributes.Add(new AttributeSpan(nameStart, nameEnd - nameStart, quote + 1, close));
            i = close + 1;
        }
    }

    /// <summary>The texts of leaf elements and the attribute values of a document.</summary>
    public static IEnumerable<string> Texts(byte[] xml)
    {
        var elements = new List<ElementSpan>();
        var attributes = new List<AttributeSpan>();
        Elements(xml, elements, attributes);
        foreach (var element in elements)
        {
            if (element.IsLeaf)
            {
                yield return Encoding.UTF8.GetString(xml, element.ContentStart, element.ContentEnd - element.ContentStart).Trim();
            }
        }

        foreach (var attribute in attributes)
        {
            yield return Encoding.UTF8.GetString(xml, attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart);
        }
    }

    /// <summary>The texts of the leaf elements whose local name is <paramref name="localName"/>.</summary>
    public static IEnumerable<string> ElementTexts(byte[] xml, string localName)
    {
        var elements = new List<ElementSpan>();
        Elements(xml, elements);
        foreach (var element in elements)
        {
            var name = Encoding.UTF8.GetString(xml, element.NameStart, element.NameLength);
            if (element.IsLeaf && (name == localName || name.EndsWith(":" + localName, StringComparison.Ordinal)))
            {
                yield return Encoding.UTF8.GetString(xml, element.ContentStart, element.ContentEnd - element.ContentStart).Trim();
            }
        }
    }
}
