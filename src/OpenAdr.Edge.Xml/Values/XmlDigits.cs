using System;

namespace OpenAdr.Edge.Xml;

/// <summary>Decimal digits written straight into the output, for the value writers' fixed and short fields.</summary>
internal static class XmlDigits
{
    public static int Count(ulong value)
    {
        var digits = 1;
        for (var bound = 10UL; value >= bound && digits < 20; bound *= 10)
        {
            digits++;
        }

        return digits;
    }

    public static void Write(Span<byte> destination, int start, long value, int digits)
    {
        for (var i = start + digits - 1; i >= start; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    public static void WriteTwo(Span<byte> destination, int start, int value)
    {
        destination[start] = (byte)('0' + value / 10);
        destination[start + 1] = (byte)('0' + value % 10);
    }
}
