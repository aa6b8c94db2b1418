using System;
using System.Collections.Generic;
using System.Text;

namespace OpenAdr.Edge.Fuzz;

/// <summary>
/// Makes mutants of the seeds, deterministically from one <see cref="Random"/>: byte flips, insertions, deletions,
/// splices of two seeds; elements duplicated, repeated, dropped and swapped; numbers, date-times, durations and
/// enumeration values replaced by boundary values or by texts from other places; huge and empty texts; deep nesting;
/// namespace prefixes renamed, undeclared or redeclared; attributes changed, repeated and blown up.
/// </summary>
public sealed class XmlMutator
{
    private static readonly byte[][] s_numbers = Utf8(
        "0", "-0", "1", "-1", "+1", "00000000000000000001", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999999999999999999", "1e308", "1e309",
        "-1e309", "1E-400", "3.4028235E+38", "3.5E+38", "1.7976931348623157E+308", "NaN", "INF", "-INF", "Infinity",
        "0x10", "1.", ".1", ".", "-", "+", "1e", "1e+", "١", "1 2", " 1 ", "\t1\n", "0.0000000000000000000000000000000000001");

    private static readonly byte[][] s_dates = Utf8(
        "0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.99999999999Z", "9999-12-31T24:00:00Z", "10000-01-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "2028-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
        "2026-01-32T00:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z",
        "2026-01-01T24:00:00Z", "2026-01-01T24:00:01Z", "2026-01-01T00:00:00+14:00", "2026-01-01T00:00:00-14:00",
        "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+14:00",
        "2026-01-01T00:00:00+15:00", "2026-01-01T00:00:00", "2026-01-01", "2026-01-01T00:00:00.Z", "2026-01-01T00:00Z",
        "T", "Z", "2026-01-01T00:00:00ZZ");

    private static readonly byte[][] s_durations = Utf8(
        "PT0S", "P0D", "-PT0S", "-PT1S", "PT1S", "PT0.0000001S", "PT0.00000001S", "PT1.000000000000000000001S",
        "P10675199DT2H48M5.4775807S", "P10675199DT2H48M5.4775808S", "-P10675199DT2H48M5.4775808S", "P10675200D",
        "PT9223372036854775807S", "PT99999999999999999999H", "P99999999999999999999D", "PT2562047788015215H",
        "P1Y", "P1M", "P1W", "P", "PT", "-P", "P-1D", "PT-1S", "P1DT", "PT1H1H", "PT.5S", "PT5.S", "pt1h", "P1D1H",
        "PT1M60S", "PT25H", "P0Y0M0DT0H0M0S");

    private static readonly byte[][] s_words = Utf8(
        "", " ", "   ", "\t\r\n", "true", "false", "1", "0", "TRUE", "yes", "optIn", "optOut", "far", "near", "active",
        "completed", "cancelled", "none", "unknown", "x-custom", "x-", "level", "price", "delta", "setpoint", "SIMPLE",
        "ELECTRICITY_PRICE", "LOAD_DISPATCH", "METADATA_TELEMETRY_USAGE", "TELEMETRY_USAGE", "HISTORY_USAGE",
        "2.0b", "2.0a", "simpleHttp", "xmpp", "200", "452", "463", "999", "-200", "", "&amp;", "&lt;&gt;&quot;&apos;",
        "&#x0;", "&#0;", "&#x10FFFF;", "&#x110000;", "&#xD800;", "&#65;", "&#x41;", "&#;", "&undefined;", "&amp",
        "<![CDATA[x]]>", "<![CDATA[", "]]>", "<!-- c -->", "<?pi x?>", "\uFEFF", "\u0000", "\u200B", "\U0001F600",
        "#oadrSignedObject", "oadrSignedObject");

    private static readonly byte[][] s_tokens = Utf8(
        "<", ">", "/>", "</", "&", ";", "\"", "'", "=", ":", "xmlns", "xmlns:", "xmlns=\"\"", " xmlns:x=\"urn:x\"",
        "<!DOCTYPE d [<!ENTITY e \"x\">]>", "<!DOCTYPE d SYSTEM \"file:///etc/passwd\">", "&e;", "<?xml version=\"1.0\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "\uFEFF", "\r\n", "\0", "<x/>", "<x>", "</x>", "<ei:x/>");

    private static readonly byte[][] s_invalidUtf8 =
    [
        [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE], [0x80],
        [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF],
    ];

    private static readonly byte[][] s_prefixes = Utf8("a", "x", "ei", "oadr", "pyld", "emix", "xcal", "xml", "xmlns", "XML", "ds", "q1", "_", "é", "a.b-c", "ns0");

    private static readonly byte[][] s_namespaces = Utf8(
        "http://openadr.org/oadr-2.0b/2012/07", "http://docs.oasis-open.org/ns/energyinterop/201110",
        "http://docs.oasis-open.org/ns/energyinterop/201110/payloads", "urn:ietf:params:xml:ns:icalendar-2.0",
        "http://docs.oasis-open.org/ns/emix/2011/06", "http://www.w3.org/2000/09/xmldsig#", "", "urn:x",
        "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/", "http://openadr.org/oadr-2.0a/2012/07");

    /// <summary>Past this size a mutant is not mutated further: more of the same costs time and teaches nothing.</summary>
    private const int MaxMutantBytes = 2 * 1024 * 1024;

    private readonly SeedCorpus _corpus;
    private readonly Random _random;
    private readonly List<ElementSpan> _elements = new();
    private readonly List<AttributeSpan> _attributes = new();

    public XmlMutator(SeedCorpus corpus, int seed)
    {
        _corpus = corpus;
        _random = new Random(seed);
    }

    /// <summary>Whether mutants may be megabytes (a huge attribute or text); off for the HTTP mode, whose bodies are capped anyway.</summary>
    public bool AllowHuge { get; init; } = true;

    /// <summary>A new mutant and the names of the mutations that made it.</summary>
    public (byte[] Bytes, string Kinds) Next()
    {
        var seed = _corpus.Seeds[_random.Next(_corpus.Seeds.Count)];
        var bytes = seed.Bytes;
        var count = _random.Next(100) switch
        {
            < 55 => 1,
            < 80 => 2,
            < 93 => 3,
            _ => 4 + _random.Next(6),
        };
        var kinds = new StringBuilder(seed.Name);
        for (var i = 0; i < count && bytes.Length < MaxMutantBytes; i++)
        {
            var (mutated, kind) = MutateOnce(bytes);
            bytes = mutated;
            kinds.Append(' ').Append(kind);
        }

        return (bytes, kinds.ToString());
    }

    private (byte[], string) MutateOnce(byte[] xml)
    {
        var choice = _random.Next(100);
        if (choice < 30)
        {
            return ByteLevel(xml);
        }

        XmlShape.Elements(xml, _elements, _attributes);
        if (_elements.Count == 0)
        {
            return ByteLevel(xml);
        }

        return choice switch
        {
            < 52 => ReplaceText(xml),
            < 60 => ReplaceAttribute(xml),
            < 68 => DuplicateOrDrop(xml),
            < 72 => Swap(xml),
            < 75 => Repeat(xml),
            < 84 => Prefixes(xml),
            < 89 => Splice(xml),
            < 93 => Nest(xml),
            < 97 => Insert(xml, _elements[_random.Next(_elements.Count)].ContentStart, Pick(s_tokens), "token in content"),
            _ => Huge(xml),
        };
    }

    private (byte[], string) ByteLevel(byte[] xml)
    {
        if (xml.Length == 0)
        {
            return (Pick(s_tokens), "insert into empty");
        }

        var at = _random.Next(xml.Length);
        switch (_random.Next(8))
        {
            case 0:
            case 1:
                {
                    var copy = (byte[])xml.Clone();
                    var flips = 1 + _random.Next(4);
                    for (var i = 0; i < flips; i++)
                    {
                        copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
                    }

                    return (copy, "bit flip");
                }

            case 2:
                {
                    var copy = (byte[])xml.Clone();
                    copy[at] = (byte)_random.Next(256);
                    return (copy, "byte set");
                }

            case 3:
                return Insert(xml, at, Pick(s_tokens), "token insert");
            case 4:
                return Insert(xml, at, s_invalidUtf8[_random.Next(s_invalidUtf8.Length)], "invalid UTF-8");
            case 5:
                {
                    var length = Math.Min(xml.Length - at, 1 + _random.Next(_random.Next(2) == 0 ? 8 : 256));
                    return (Replace(xml, at, at + length, []), "delete range");
                }

            case 6:
                {
                    var length = Math.Min(xml.Length - at, 1 + _random.Next(64));
                    return (Replace(xml, at, at, xml.AsSpan(at, length)), "duplicate range");
                }

            default:
                return (xml[.._random.Next(xml.Length)], "truncate");
        }
    }

    private (byte[], string) ReplaceText(byte[] xml)
    {
        var leaves = 0;
        foreach (var element in _elements)
        {
            if (element.IsLeaf || element.ContentStart == element.ContentEnd)
            {
                leaves++;
            }
        }

        if (leaves == 0)
        {
            return ByteLevel(xml);
        }

        var pick = _random.Next(leaves);
        foreach (var element in _elements)
        {
            if ((element.IsLeaf || element.ContentStart == element.ContentEnd) && pick-- == 0)
            {
                var original = xml.AsSpan(element.ContentStart, element.ContentEnd - element.ContentStart);
                if (element.ContentStart == element.End)
                {
                    // An empty-element tag: give it content.
                    var open = xml.AsSpan(element.Start, element.End - element.Start - 2);
                    var name = xml.AsSpan(element.NameStart, element.NameLength);
                    var replacement = Concat(open, ">"u8, Boundary(original), "</"u8, name, ">"u8);
                    return (Replace(xml, element.Start, element.End, replacement), "text into empty element");
                }

                return (Replace(xml, element.ContentStart, element.ContentEnd, Boundary(original)), "replace text");
            }
        }

        return ByteLevel(xml);
    }

    private (byte[], string) ReplaceAttribute(byte[] xml)
    {
        if (_attributes.Count == 0)
        {
            return ReplaceText(xml);
        }

        var attribute = _attributes[_random.Next(_attributes.Count)];
        var name = xml.AsSpan(attribute.NameStart, attribute.NameLength);
        switch (_random.Next(4))
        {
            case 0:
                // The same attribute twice.
                var copy = Concat(" "u8, name, "=\""u8, xml.AsSpan(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart), "\""u8);
                return (Replace(xml, attribute.ValueEnd + 1, attribute.ValueEnd + 1, copy), "repeat attribute");
            case 1:
                // Removed, value and all.
                var start = attribute.NameStart > 0 && xml[attribute.NameStart - 1] == ' ' ? attribute.NameStart - 1 : attribute.NameStart;
                return (Replace(xml, start, Math.Min(xml.Length, attribute.ValueEnd + 1), []), "drop attribute");
            default:
                return (Replace(xml, attribute.ValueStart, attribute.ValueEnd, Boundary(xml.AsSpan(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart))), "replace attribute value");
        }
    }

    private (byte[], string) DuplicateOrDrop(byte[] xml)
    {
        var element = _elements[_random.Next(_elements.Count)];
        var whole = xml.AsSpan(element.Start, element.End - element.Start);
        return _random.Next(2) == 0
            ? (Replace(xml, element.End, element.End, whole), "duplicate element")
            : (Replace(xml, element.Start, element.End, []), "drop element");
    }

    private (byte[], string) Swap(byte[] xml)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var index = _random.Next(_elements.Count);
            var first = _elements[index];
            for (var next = index + 1; next < _elements.Count; next++)
            {
                var second = _elements[next];
                if (second.Parent == first.Parent && second.Start >= first.End)
                {
                    var swapped = Concat(xml.AsSpan(second.Start, second.End - second.Start), xml.AsSpan(first.End, second.Start - first.End), xml.AsSpan(first.Start, first.End - first.Start));
                    return (Replace(xml, first.Start, second.End, swapped), "swap elements");
                }
            }
        }

        return DuplicateOrDrop(xml);
    }

    private (byte[], string) Repeat(byte[] xml)
    {
        var element = _elements[_random.Next(_elements.Count)];
        var times = _random.Next(3) switch { 0 => 64, 1 => 1000, _ => 2 + _random.Next(20) };
        var whole = xml.AsSpan(element.Start, element.End - element.Start);
        if ((long)whole.Length * times > (AllowHuge ? 4 * 1024 * 1024 : 256 * 1024))
        {
            times = 2;
        }

        var repeated = new byte[whole.Length * times];
        for (var i = 0; i < times; i++)
        {
            whole.CopyTo(repeated.AsSpan(i * whole.Length));
        }

        return (Replace(xml, element.End, element.End, repeated), "repeat element x" + times);
    }

    private (byte[], string) Prefixes(byte[] xml)
    {
        var element = _elements[_random.Next(_elements.Count)];
        var name = xml.AsSpan(element.NameStart, element.NameLength);
        var colon = name.IndexOf((byte)':');
        var prefix = colon > 0 ? name[..colon].ToArray() : [];
        var other = Pick(s_prefixes);
        var afterName = element.NameStart + element.NameLength;
        switch (_random.Next(6))
        {
            case 0 when prefix.Length > 0:
                {
                    // Renamed everywhere, declarations included: the same document for a namespace-aware reader.
                    var renamed = ReplaceAll(xml, Concat("<"u8, prefix, ":"u8), Concat("<"u8, other, ":"u8));
                    renamed = ReplaceAll(renamed, Concat("</"u8, prefix, ":"u8), Concat("</"u8, other, ":"u8));
                    renamed = ReplaceAll(renamed, Concat(" "u8, prefix, ":"u8), Concat(" "u8, other, ":"u8));
                    renamed = ReplaceAll(renamed, Concat("xmlns:"u8, prefix, "="u8), Concat("xmlns:"u8, other, "="u8));
                    return (renamed, "rename prefix everywhere");
                }

            case 1 when prefix.Length > 0:
                {
                    // Renamed in this start tag only: undeclared, or a mismatched end tag.
                    return (Replace(xml, element.NameStart, element.NameStart + colon, other), "rename prefix once");
                }

            case 2:
                {
                    var declaration = prefix.Length > 0
                        ? Concat(" xmlns:"u8, prefix, "=\""u8, Pick(s_namespaces), "\""u8)
                        : Concat(" xmlns=\""u8, Pick(s_namespaces), "\""u8);
                    return (Replace(xml, afterName, afterName, declaration), "redeclare prefix");
                }

            case 3:
                return (Replace(xml, afterName, afterName, Concat(" xmlns=\""u8, Pick(s_namespaces), "\""u8)), "default namespace");
            case 4:
                {
                    var many = new StringBuilder();
                    var count = _random.Next(2) == 0 ? 3 : 70;
                    for (var i = 0; i < count; i++)
                    {
                        many.Append(" xmlns:r").Append(i).Append("=\"urn:r").Append(i).Append('"');
                    }

                    return (Replace(xml, afterName, afterName, Encoding.UTF8.GetBytes(many.ToString())), "namespace declarations x" + count);
                }

            default:
                {
                    // The declaration of the prefix dropped wherever it is.
                    var declaration = prefix.Length > 0 ? Concat("xmlns:"u8, prefix, "="u8) : "xmlns="u8.ToArray();
                    return (ReplaceAll(xml, declaration, "xmlns:zz="u8.ToArray()), "undeclare prefix");
                }
        }
    }

    private (byte[], string) Splice(byte[] xml)
    {
        var other = _corpus.Seeds[_random.Next(_corpus.Seeds.Count)].Bytes;
        if (_random.Next(2) == 0 || other.Length == 0)
        {
            // Raw: a prefix of one document and a suffix of another.
            var cut = _random.Next(xml.Length + 1);
            var from = other.Length == 0 ? 0 : _random.Next(other.Length);
            return (Concat(xml.AsSpan(0, cut), other.AsSpan(from)), "splice");
        }

        // An element of another document put in place of one of this one.
        var otherElements = new List<ElementSpan>();
        XmlShape.Elements(other, otherElements);
        if (otherElements.Count == 0)
        {
            return ByteLevel(xml);
        }

        var donor = otherElements[_random.Next(otherElements.Count)];
        var target = _elements[_random.Next(_elements.Count)];
        return (Replace(xml, target.Start, target.End, other.AsSpan(donor.Start, donor.End - donor.Start)), "splice element");
    }

    private (byte[], string) Nest(byte[] xml)
    {
        var depth = _random.Next(6) switch { 0 => 63, 1 => 64, 2 => 65, 3 => 200, 4 => 10_000, _ => 2 + _random.Next(10) };
        var element = _elements[_random.Next(_elements.Count)];
        var open = new StringBuilder();
        var close = new StringBuilder();
        var signature = _random.Next(3) == 0;
        if (signature)
        {
            // Inside ds:Signature, which the reader keeps as raw bytes: it has to walk the whole depth.
            open.Append("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">");
        }

        for (var i = 0; i < depth; i++)
        {
            open.Append(signature ? "<ds:Object>" : "<n>");
        }

        for (var i = 0; i < depth; i++)
        {
            close.Append(signature ? "</ds:Object>" : "</n>");
        }

        if (signature)
        {
            close.Append("</ds:Signature>");
        }

        var at = element.ContentStart;
        var nested = Concat(Encoding.UTF8.GetBytes(open.ToString()), Encoding.UTF8.GetBytes(close.ToString()));
        return (Replace(xml, at, at, nested), "nest x" + depth + (signature ? " in signature" : ""));
    }

    private (byte[], string) Huge(byte[] xml)
    {
        var size = !AllowHuge || _random.Next(4) != 0 ? 1 + _random.Next(70_000) : 1024 * 1024 + _random.Next(3) - 1;
        var filler = new byte[size];
        filler.AsSpan().Fill((byte)"a1 <&"[_random.Next(5)]);
        if (_random.Next(2) == 0 && _attributes.Count > 0)
        {
            var attribute = _attributes[_random.Next(_attributes.Count)];
            return (Replace(xml, attribute.ValueStart, attribute.ValueEnd, filler), "huge attribute " + size);
        }

        var element = _elements[_random.Next(_elements.Count)];
        if (element.IsLeaf)
        {
            return (Replace(xml, element.ContentStart, element.ContentEnd, filler), "huge text " + size);
        }

        var afterName = element.NameStart + element.NameLength;
        return (Replace(xml, afterName, afterName, Concat(" huge=\""u8, filler, "\""u8)), "huge new attribute " + size);
    }

    /// <summary>A value that may break whatever <paramref name="original"/> is: a boundary value of its kind, or anything.</summary>
    private byte[] Boundary(ReadOnlySpan<byte> original)
    {
        var roll = _random.Next(10);
        if (roll == 0)
        {
            return _corpus.Dictionary[_random.Next(_corpus.Dictionary.Count)];
        }

        if (roll == 1)
        {
            return Pick(_random.Next(4) switch { 0 => s_numbers, 1 => s_dates, 2 => s_durations, _ => s_words });
        }

        var trimmed = original.Trim(" \t\r\n"u8);
        if (trimmed.Length > 0 && (trimmed[0] == 'P' || (trimmed.Length > 1 && trimmed[0] == '-' && trimmed[1] == 'P')))
        {
            return Pick(s_durations);
        }

        if (trimmed.Length >= 10 && trimmed[4] == '-' && trimmed[7] == '-')
        {
            return Pick(s_dates);
        }

        if (trimmed.Length > 0 && (char.IsAsciiDigit((char)trimmed[0]) || trimmed[0] is (byte)'-' or (byte)'+' or (byte)'.'))
        {
            return Pick(s_numbers);
        }

        return roll < 6 ? Pick(s_words) : _corpus.Dictionary[_random.Next(_corpus.Dictionary.Count)];
    }

    private (byte[], string) Insert(byte[] xml, int at, byte[] what, string kind) => (Replace(xml, at, at, what), kind);

    private byte[] Pick(byte[][] values) => values[_random.Next(values.Length)];

    private static byte[] Replace(byte[] xml, int start, int end, ReadOnlySpan<byte> with)
    {
        start = Math.Clamp(start, 0, xml.Length);
        end = Math.Clamp(end, start, xml.Length);
        var result = new byte[xml.Length - (end - start) + with.Length];
        xml.AsSpan(0, start).CopyTo(result);
        with.CopyTo(result.AsSpan(start));
        xml.AsSpan(end).CopyTo(result.AsSpan(start + with.Length));
        return result;
    }

    private static byte[] ReplaceAll(byte[] xml, byte[] find, byte[] with)
    {
        var output = new List<byte>(xml.Length + 64);
        var span = xml.AsSpan();
        while (true)
        {
            var at = span.IndexOf(find);
            if (at < 0)
            {
                output.AddRange(span);
                return output.ToArray();
            }

            output.AddRange(span[..at]);
            output.AddRange(with);
            span = span[(at + find.Length)..];
        }
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c = default, ReadOnlySpan<byte> d = default, ReadOnlySpan<byte> e = default, ReadOnlySpan<byte> f = default)
    {
        var result = new byte[a.Length + b.Length + c.Length + d.Length + e.Length + f.Length];
        var span = result.AsSpan();
        a.CopyTo(span);
        b.CopyTo(span[a.Length..]);
        c.CopyTo(span[(a.Length + b.Length)..]);
        d.CopyTo(span[(a.Length + b.Length + c.Length)..]);
        e.CopyTo(span[(a.Length + b.Length + c.Length + d.Length)..]);
        f.CopyTo(span[(a.Length + b.Length + c.Length + d.Length + e.Length)..]);
        return result;
    }

    private static byte[][] Utf8(params string[] values) => Array.ConvertAll(values, value => Encoding.UTF8.GetBytes(value));
}
