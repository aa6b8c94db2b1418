using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAdr.Edge.Vtn;

/// <summary>OpenADR certificate fingerprints: the last 10 bytes of SHA-256 over the DER certificate, as <c>AA:BB:…</c> (§10.5.1).</summary>
public static class Fingerprints
{
    /// <summary>The fingerprint of a certificate, in the spec's form.</summary>
    public static string Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(certificate.RawDataMemory.Span, hash);
        return Format(hash[^10..]);
    }

    /// <summary>
    /// Compares fingerprints written either way seen in the field: the spec's colon-separated pairs, or twenty hex
    /// digits without colons (avob's form); case does not matter.
    /// </summary>
    public static bool AreEqual(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Span<byte> left = stackalloc byte[32];
        Span<byte> right = stackalloc byte[32];

        // Every mutual-TLS request compares the connection's fingerprint with the registered one, both usually
        // written by Of: the same text is equal when it is a fingerprint at all.
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return TryParse(a, left, out _);
        }

        return TryParse(a, left, out var leftLength) && TryParse(b, right, out var rightLength)
            && left[..leftLength].SequenceEqual(right[..rightLength]);
    }

    private static string Format(ReadOnlySpan<byte> bytes)
    {
        var hex = Convert.ToHexString(bytes);
        return string.Create(bytes.Length * 3 - 1, hex, static (chars, hex) =>
        {
            for (int i = 0, j = 0; i < hex.Length; i += 2)
            {
                if (j > 0)
                {
                    chars[j++] = ':';
                }

                chars[j++] = hex[i];
                chars[j++] = hex[i + 1];
            }
        });
    }

    private static bool TryParse(string text, Span<byte> bytes, out int length)
    {
        length = 0;
        var high = -1;
        foreach (var c in text)
        {
            if (c == ':')
            {
                continue;
            }

            var digit = HexValue(c);
            if (digit < 0 || length == bytes.Length)
            {
                return false;
            }

            if (high < 0)
            {
                high = digit;
            }
            else
            {
                bytes[length++] = (byte)((high << 4) | digit);
                high = -1;
            }
        }

        return high < 0 && length > 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
