using System;
using System.Buffers.Text;

namespace OpenAdr.Edge.Xml;

/// <summary>
/// xs:duration as a <see cref="TimeSpan"/>. Written in whole units (<c>P1DT2H30M</c>, never <c>PT9000S</c>).
/// Years and months are refused on reading: they have no fixed length, and OpenADR durations never use them.
/// </summary>
public static class XmlDuration
{
    /// <summary>Longest text <see cref="Format"/> writes.</summary>
    public const int MaxLength = 48;

    public static int Format(TimeSpan value, Span<byte> destination)
    {
        var length = 0;
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            destination[length++] = (byte)'-';
        }

        destination[length++] = (byte)'P';
        var magnitude = ticks == long.MinValue ? long.MaxValue : Math.Abs(ticks);
        if (magnitude == 0)
        {
            "T0S"u8.CopyTo(destination[length..]);
            return length + 3;
        }

        // Whole seconds once, then the units from them in 32-bit arithmetic: one 64-bit division instead of one per unit.
        var totalSeconds = magnitude / TimeSpan.TicksPerSecond;
        var fraction = magnitude - totalSeconds * TimeSpan.TicksPerSecond;
        var days = totalSeconds / TimeSpan.SecondsPerDay;
        var secondsOfDay = (int)(totalSeconds - days * TimeSpan.SecondsPerDay);
        length = Part(destination, length, days, (byte)'D');
        if (secondsOfDay == 0 && fraction == 0)
        {
            return length;
        }

        destination[length++] = (byte)'T';
        length = Part(destination, length, secondsOfDay / 3600, (byte)'H');
        length = Part(destination, length, secondsOfDay / 60 % 60, (byte)'M');
        var seconds = secondsOfDay % 60;
        if (seconds == 0 && fraction == 0)
        {
            return length;
        }

        var secondDigits = seconds < 10 ? 1 : 2;
        XmlDigits.Write(destination, length, seconds, secondDigits);
        length += secondDigits;
        if (fraction != 0)
        {
            destination[length++] = (byte)'.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            XmlDigits.Write(destination, length, fraction, digits);
            length += digits;
        }

        destination[length++] = (byte)'S';
        return length;
    }

    public static bool TryParse(ReadOnlySpan<byte> text, out TimeSpan value)
    {
        value = default;
        text = XmlValue.TrimWhitespace(text);
        if (TryParseOneTimePart(text, out value))
        {
            return true;
        }

        var pos = 0;
        var negative = false;
        if (pos < text.Length && text[pos] == (byte)'-')
        {
            negative = true;
            pos++;
        }

        if (pos >= text.Length || text[pos++] != (byte)'P')
        {
            return false;
        }

        // Whole ticks while every part is short (the usual case); from the first part that is not, decimal.
        long ticks = 0;
        var precise = false;
        decimal preciseTicks = 0;
        var inTime = false;
        var anyPart = false;
        var timeParts = 0;
        var lastUnit = 0;
        while (pos < text.Length)
        {
            if (text[pos] == (byte)'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                pos++;
                continue;
            }

            var start = pos;
            while (pos < text.Length && (char.IsAsciiDigit((char)text[pos]) || text[pos] == (byte)'.'))
            {
                pos++;
            }

            if (pos == start || pos >= text.Length)
            {
                return false;
            }

            var digits = text[start..pos];
            var unit = text[pos++];
            int order;
            long unitTicks;
            switch (unit)
            {
                case (byte)'Y' when !inTime:
                case (byte)'M' when !inTime:
                    return false;
                case (byte)'D' when !inTime:
                    order = 1;
                    unitTicks = TimeSpan.TicksPerDay;
                    break;
                case (byte)'H' when inTime:
                    order = 2;
                    unitTicks = TimeSpan.TicksPerHour;
                    break;
                case (byte)'M' when inTime:
                    order = 3;
                    unitTicks = TimeSpan.TicksPerMinute;
                    break;
                case (byte)'S' when inTime:
                    order = 4;
                    unitTicks = TimeSpan.TicksPerSecond;
                    break;
                default:
                    return false;
            }

            var hasDot = digits.Contains((byte)'.');
            if (order <= lastUnit || (hasDot && unit != (byte)'S'))
            {
                return false;
            }

            lastUnit = order;
            anyPart = true;
            if (inTime)
            {
                timeParts++;
            }

            if (!precise && TryWholeTicks(digits, unitTicks, out var partTicks))
            {
                ticks += partTicks;
                continue;
            }

            if (!Utf8Parser.TryParse(digits, out decimal number, out var consumed) || consumed != digits.Length)
            {
                return false;
            }

            // Larger amounts are beyond TimeSpan anyway, and multiplying them would overflow decimal itself.
            if (number > (decimal)TimeSpan.MaxValue.Ticks / unitTicks)
            {
                return false;
            }

            if (!precise)
            {
                precise = true;
                preciseTicks = ticks;
            }

            preciseTicks += number * unitTicks;
            if (preciseTicks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }

        if (!anyPart || (inTime && timeParts == 0))
        {
            return false;
        }

        var whole = precise ? (long)decimal.Truncate(preciseTicks) : ticks;
        value = TimeSpan.FromTicks(negative ? -whole : whole);
        return true;
    }

    /// <summary>
    /// The usual amount: up to 7 digits, with up to 7 more after a '.' for seconds. Four parts this size add up to
    /// less than <see cref="TimeSpan.MaxValue"/>, and their ticks are whole.
    /// </summary>
    /// <summary>The usual form, one whole number of hours, minutes or seconds ("PT5M", "PT1H", "PT10S"), up to 8 digits.</summary>
    private static bool TryParseOneTimePart(ReadOnlySpan<byte> text, out TimeSpan value)
    {
        value = default;
        if (text.Length is < 4 or > 11 || text[0] != (byte)'P' || text[1] != (byte)'T')
        {
            return false;
        }

        long number = 0;
        for (var i = 2; i < text.Length - 1; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        var unitTicks = text[^1] switch
        {
            (byte)'H' => TimeSpan.TicksPerHour,
            (byte)'M' => TimeSpan.TicksPerMinute,
            (byte)'S' => TimeSpan.TicksPerSecond,
            _ => 0,
        };
        value = TimeSpan.FromTicks(number * unitTicks);
        return unitTicks != 0;
    }

    private static bool TryWholeTicks(ReadOnlySpan<byte> digits, long unitTicks, out long ticks)
    {
        var dot = digits.IndexOf((byte)'.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? [] : digits[(dot + 1)..];
        ticks = 0;
        if (whole.IsEmpty || whole.Length > 7 || fraction.Length > 7 || (dot >= 0 && (fraction.IsEmpty || unitTicks != TimeSpan.TicksPerSecond)))
        {
            return false;
        }

        long amount = 0;
        foreach (var d in whole)
        {
            amount = (amount * 10) + (d - '0');
        }

        long fractionTicks = 0;
        var scale = unitTicks;
        foreach (var d in fraction)
        {
            if (d == (byte)'.')
            {
                return false;
            }

            scale /= 10;
            fractionTicks += (d - '0') * scale;
        }

        ticks = (amount * unitTicks) + fractionTicks;
        return true;
    }

    private static int Part(Span<byte> destination, int length, long amount, byte unit)
    {
        if (amount == 0)
        {
            return length;
        }

        var digits = XmlDigits.Count((ulong)amount);
        XmlDigits.Write(destination, length, amount, digits);
        destination[length + digits] = unit;
        return length + digits + 1;
    }
}
