using System;
using System.Text;

namespace OpenAdr.Edge.Xml;

/// <summary>Numeric character references (<c>&amp;#65;</c>, <c>&amp;#x41;</c>), for the reader and the canonicalizer alike.</summary>
internal static class XmlCharacterReference
{
    /// <summary>Parses what follows the '#': decimal digits, or 'x' and hex digits, naming a character XML allows.</summary>
    public static bool TryParse(ReadOnlySpan<byte> digits, out Rune rune)
    {
        rune = default;
        var hex = !digits.IsEmpty && digits[0] == (byte)'x';
        if (hex)
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty || digits.Length > 8)
        {
            return false;
        }

        var value = 0;
        foreach (var d in digits)
        {
            var digit = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' when hex => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' when hex => d - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value * (hex ? 16 : 10)) + digit;
        }

        if (value is not (0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF)))
        {
            return false;
        }

        rune = new Rune(value);
        return true;
    }
}
