using System;
using System.Runtime.CompilerServices;

namespace OpenAdr.Edge.Xml;

/// <summary>xs:dateTime as OpenADR uses it: read with any offset (or none, taken as UTC), written in UTC with <c>Z</c>.</summary>
public static class XmlDateTime
{
    /// <summary>Longest text <see cref="Format"/> writes: <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    public const int MaxLength = 28;

    public static int Format(DateTime value, Span<byte> destination)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;

        // The date in one computation from the ticks (the Year, Month and Day properties make one each).
        var (year, month, day) = utc;
        var totalSeconds = utc.Ticks / TimeSpan.TicksPerSecond;
        var secondsOfDay = (int)(totalSeconds % TimeSpan.SecondsPerDay);
        var fraction = (int)(utc.Ticks - totalSeconds * TimeSpan.TicksPerSecond);
        XmlDigits.Write(destination, 0, year, 4);
        destination[4] = (byte)'-';
        XmlDigits.WriteTwo(destination, 5, month);
        destination[7] = (byte)'-';
        XmlDigits.WriteTwo(destination, 8, day);
        destination[10] = (byte)'T';
        XmlDigits.WriteTwo(destination, 11, secondsOfDay / 3600);
        destination[13] = (byte)':';
        XmlDigits.WriteTwo(destination, 14, secondsOfDay / 60 % 60);
        destination[16] = (byte)':';
        XmlDigits.WriteTwo(destination, 17, secondsOfDay % 60);
        var length = 19;
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

        destination[length++] = (byte)'Z';
        return length;
    }

    /// <summary>Parses the XSD lexical form (leading and trailing whitespace allowed). Fractions beyond 100 ns are truncated.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        text = XmlValue.TrimWhitespace(text);
        if (TryParseWholeSecondsUtc(text, out value))
        {
            return true;
        }

        var pos = 0;
        var yearDigits = 0;
        while (pos < text.Length && IsDigit(text[pos]))
        {
            pos++;
            yearDigits++;
        }

        if (yearDigits != 4)
        {
            return false;
        }

        var year = Number(text, 0, 4);
        if (!Expect(text, ref pos, '-') || !TwoDigits(text, ref pos, out var month) || !Expect(text, ref pos, '-')
            || !TwoDigits(text, ref pos, out var day) || !Expect(text, ref pos, 'T')
            || !TwoDigits(text, ref pos, out var hour) || !Expect(text, ref pos, ':')
            || !TwoDigits(text, ref pos, out var minute) || !Expect(text, ref pos, ':')
            || !TwoDigits(text, ref pos, out var second))
        {
            return false;
        }

        long fractionTicks = 0;
        if (pos < text.Length && text[pos] == (byte)'.')
        {
            pos++;
            var start = pos;
            long scale = TimeSpan.TicksPerSecond;
            while (pos < text.Length && IsDigit(text[pos]))
            {
                scale /= 10;
                fractionTicks += (text[pos] - '0') * scale;
                pos++;
            }

            if (pos == start)
            {
                return false;
            }
        }

        var offsetMinutes = 0;
        if (pos < text.Length)
        {
            if (text[pos] == (byte)'Z')
            {
                pos++;
            }
            else if (text[pos] is (byte)'+' or (byte)'-')
            {
                var sign = text[pos] == (byte)'-' ? -1 : 1;
                pos++;
                if (!TwoDigits(text, ref pos, out var offsetHours) || !Expect(text, ref pos, ':') || !TwoDigits(text, ref pos, out var offsetMinute)
                    || offsetHours > 14 || offsetMinute > 59 || (offsetHours == 14 && offsetMinute != 0))
                {
                    return false;
                }

                offsetMinutes = sign * ((offsetHours * 60) + offsetMinute);
            }
        }

        if (pos != text.Length || month is < 1 or > 12 || day < 1 || minute > 59 || second > 59)
        {
            return false;
        }

        var endOfDay = hour == 24;
        if (hour > 24 || (endOfDay && (minute != 0 || second != 0 || fractionTicks != 0)) || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, endOfDay ? 0 : hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks
            - (offsetMinutes * TimeSpan.TicksPerMinute) + (endOfDay ? TimeSpan.TicksPerDay : 0);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    /// <summary>The usual form, "yyyy-MM-ddTHH:mm:ssZ"; false for anything else, valid or not, which the general parser decides.</summary>
    private static bool TryParseWholeSecondsUtc(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length != 20 || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':'
            || text[16] != (byte)':' || text[19] != (byte)'Z')
        {
            return false;
        }

        var y1 = Digit(text[0]);
        var y2 = Digit(text[1]);
        var y3 = Digit(text[2]);
        var y4 = Digit(text[3]);
        var mo1 = Digit(text[5]);
        var mo2 = Digit(text[6]);
        var d1 = Digit(text[8]);
        var d2 = Digit(text[9]);
        var h1 = Digit(text[11]);
        var h2 = Digit(text[12]);
        var mi1 = Digit(text[14]);
        var mi2 = Digit(text[15]);
        var s1 = Digit(text[17]);
        var s2 = Digit(text[18]);
        if ((y1 | y2 | y3 | y4 | mo1 | mo2 | d1 | d2 | h1 | h2 | mi1 | mi2 | s1 | s2) > 9)
        {
            return false;
        }

        var year = (int)((y1 * 1000) + (y2 * 100) + (y3 * 10) + y4);
        var month = (int)((mo1 * 10) + mo2);
        var day = (int)((d1 * 10) + d2);
        var hour = (int)((h1 * 10) + h2);
        var minute = (int)((mi1 * 10) + mi2);
        var second = (int)((s1 * 10) + s2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    // Above 9 when the byte is not a digit (bytes below '0' wrap around).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Digit(byte b) => (uint)(b - '0');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => Digit(b) <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Number(ReadOnlySpan<byte> text, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++)
        {
            n = (n * 10) + (text[i] - '0');
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Expect(ReadOnlySpan<byte> text, ref int pos, char c)
    {
        if (pos < text.Length && text[pos] == (byte)c)
        {
            pos++;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TwoDigits(ReadOnlySpan<byte> text, ref int pos, out int value)
    {
        value = 0;
        if (pos + 2 > text.Length || !IsDigit(text[pos]) || !IsDigit(text[pos + 1]))
        {
            return false;
        }

        value = Number(text, pos, 2);
        pos += 2;
        return true;
    }
}
