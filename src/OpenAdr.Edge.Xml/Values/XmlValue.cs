using System;
using System.Buffers;
using System.Linq;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace OpenAdr.Edge.Xml;

/// <summary>Parses XSD simple-type lexical forms from UTF-8 (whitespace around the value is collapsed, as XSD does).</summary>
public static class XmlValue
{
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    /// <summary>
    /// The text without the XML whitespace around it. Values almost never have any, so both ends are looked at before
    /// the general trim runs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> text) =>
        text.IsEmpty || (text[0] > (byte)' ' && text[^1] > (byte)' ') ? text : text.Trim(Whitespace);

    public static bool TryParseInt32(ReadOnlySpan<byte> text, out int value) =>
        int.TryParse(TrimWhitespace(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>xs:unsignedInt: a leading <c>+</c> is allowed, a minus sign only on zero.</summary>
    public static bool TryParseUInt32(ReadOnlySpan<byte> text, out uint value) =>
        uint.TryParse(TrimWhitespace(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value) =>
        long.TryParse(TrimWhitespace(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        text = TrimWhitespace(text);
        if (TryParseShortDecimal(text, MaxLongDigits, out var mantissa, out var scale, out var negative))
        {
            // The digits as written and the count after the point: what decimal.Parse keeps ("1.50" has scale 2).
            value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative && mantissa != 0, (byte)scale);
            return true;
        }

        return IsDecimalLexical(text) &&
            decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || Fail(out value);
    }

    public static bool TryParseSingle(ReadOnlySpan<byte> text, out float value)
    {
        text = TrimWhitespace(text);
        if (TrySpecial(text, out var special))
        {
            value = (float)special;
            return true;
        }

        if (TryParseShortDecimal(text, MaxExactSingleDigits, out var mantissa, out var scale, out var negative) && scale < SinglePowersOf10.Length)
        {
            var magnitude = mantissa / SinglePowersOf10[scale];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        return IsFloatLexical(text) && float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || Fail(out value);
    }

    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        text = TrimWhitespace(text);
        if (TrySpecial(text, out value))
        {
            return true;
        }

        if (TryParseShortDecimal(text, MaxExactDoubleDigits, out var mantissa, out var scale, out var negative) && scale < DoublePowersOf10.Length)
        {
            var magnitude = mantissa / DoublePowersOf10[scale];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        return IsFloatLexical(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || Fail(out value);
    }

    /// <summary>xs:boolean: true, false, 1, 0.</summary>
    public static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        text = TrimWhitespace(text);
        if (text.SequenceEqual("true"u8) || text.SequenceEqual("1"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return text.SequenceEqual("false"u8) || text.SequenceEqual("0"u8);
    }

    public static bool TryParseBase64(ReadOnlySpan<byte> text, out byte[] value)
    {
        Span<byte> compact = text.Length <= 1024 ? stackalloc byte[text.Length] : new byte[text.Length];
        var length = 0;
        foreach (var b in text)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                compact[length++] = b;
            }
        }

        value = new byte[System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(length)];
        var status = System.Buffers.Text.Base64.DecodeFromUtf8(compact[..length], value, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done)
        {
            value = [];
            return false;
        }

        value = value.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is an extension token: <paramref name="prefix"/> (OpenADR's <c>x-</c>) and at least one
    /// more character that is not whitespace, surrounding whitespace aside (ei:EiExtensionTokenType, xs:token with pattern <c>x-\S.*</c>).
    /// </summary>
    public static bool IsExtensionToken(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
    {
        text = TrimWhitespace(text);
        return text.Length > prefix.Length && text.StartsWith(prefix) && Whitespace.IndexOf(text[prefix.Length]) < 0;
    }

    /// <summary>Whether <paramref name="text"/> has the lexical form <paramref name="format"/> (uniqueness of IDs aside).</summary>
    public static bool IsValidText(Serialization.XmlTextFormat format, ReadOnlySpan<byte> text) => format switch
    {
        Serialization.XmlTextFormat.ThreeDigits => text.Length == 3 && text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0,
        Serialization.XmlTextFormat.Id => IsNCName(TrimWhitespace(text)),
        Serialization.XmlTextFormat.DoubleList => IsDoubleList(text),
        Serialization.XmlTextFormat.Percent => TryParseUInt32(text, out var percent) && percent <= 100,
        _ => true,
    };

    // Bytes of 0x80 and above belong to non-ASCII letters (the reader has checked the UTF-8); ':' is what NCName leaves out of Name.
    private static readonly SearchValues<byte> s_ncNameBytes = SearchValues.Create(
        [.. "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-."u8, .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private static bool IsNCName(ReadOnlySpan<byte> text) =>
        !text.IsEmpty && (char.IsAsciiLetter((char)text[0]) || text[0] == (byte)'_' || text[0] >= 0x80)
        && !text.ContainsAnyExcept(s_ncNameBytes);

    private static bool IsDoubleList(ReadOnlySpan<byte> text)
    {
        text = TrimWhitespace(text);
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny(Whitespace);
            var item = end < 0 ? text : text[..end];
            if (!TryParseDouble(item, out _))
            {
                return false;
            }

            text = end < 0 ? [] : text[end..].TrimStart(Whitespace);
        }

        return true;
    }

    // Clinger's fast path: a decimal of few enough digits is an integer the float type holds exactly, divided by a power
    // of ten it holds exactly; IEEE division rounds that once, to the same value float.Parse returns.
    private const int MaxExactSingleDigits = 7;
    private const int MaxExactDoubleDigits = 15;
    private const int MaxLongDigits = 18;

    private static ReadOnlySpan<float> SinglePowersOf10 => [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    private static ReadOnlySpan<double> DoublePowersOf10 =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Reads an optional sign, digits and at most one '.', with at least one and at most <paramref name="maxDigits"/> digits:
    /// the digits as one integer, and how many of them follow the '.'.
    /// </summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<byte> text, int maxDigits, out long mantissa, out int scale, out bool negative)
    {
        mantissa = 0;
        scale = 0;
        negative = !text.IsEmpty && text[0] == (byte)'-';
        var start = !text.IsEmpty && text[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        var digits = 0;
        var dot = -1;
        for (var i = start; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'.' && dot < 0)
            {
                dot = i;
                continue;
            }

            if (b < (byte)'0' || b > (byte)'9' || ++digits > maxDigits)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (b - '0');
        }

        scale = dot < 0 ? 0 : text.Length - dot - 1;
        return digits > 0;
    }

    private static bool TrySpecial(ReadOnlySpan<byte> text, out double value)
    {
        value = text switch
        {
            _ when text.SequenceEqual("INF"u8) || text.SequenceEqual("+INF"u8) => double.PositiveInfinity,
            _ when text.SequenceEqual("-INF"u8) => double.NegativeInfinity,
            _ when text.SequenceEqual("NaN"u8) => double.NaN,
            _ => 0,
        };
        return value != 0;
    }

    // .NET also takes "Infinity", "∞", thousands separators and hex; XSD takes only digits, one '.', and an exponent.
    private static bool IsFloatLexical(ReadOnlySpan<byte> text)
    {
        var exponent = text.IndexOfAny("eE"u8);
        var mantissa = exponent < 0 ? text : text[..exponent];
        if (!IsDecimalLexical(mantissa))
        {
            return false;
        }

        if (exponent < 0)
        {
            return true;
        }

        var power = text[(exponent + 1)..];
        if (!power.IsEmpty && power[0] is (byte)'+' or (byte)'-')
        {
            power = power[1..];
        }

        return !power.IsEmpty && power.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }

    private static bool IsDecimalLexical(ReadOnlySpan<byte> text)
    {
        if (!text.IsEmpty && text[0] is (byte)'+' or (byte)'-')
        {
            text = text[1..];
        }

        var dot = text.IndexOf((byte)'.');
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        return integer.Length + fraction.Length > 0
            && integer.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && fraction.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }

    private static bool Fail<T>(out T value)
        where T : struct
    {
        value = default;
        return false;
    }
}
