using System;
using System.Buffers;
using System.Buffers.Binary;

namespace OpenAdr.Edge.Server.Security;

/// <summary>
/// What the server needs from a TLS ClientHello to pick its certificate: whether the client can take an ECDSA one.
/// SslStream cannot hold an RSA and an ECC certificate at once (OpenSSL could), so the choice is made before the
/// handshake, from the raw first record (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2).
/// </summary>
internal static class ClientHello
{
    private const byte HandshakeRecord = 0x16;
    private const byte ClientHelloMessage = 0x01;
    private const ushort SignatureAlgorithmsExtension = 0x000d;
    private const ushort EcdsaSecp256r1Sha256 = 0x0403;

    /// <summary>
    /// <see langword="true"/> when the client offers a TLS 1.2 ECDHE-ECDSA suite the server accepts, or offers TLS 1.3
    /// suites only and signs with <c>ecdsa_secp256r1_sha256</c>; <see langword="false"/> otherwise, or when the record
    /// cannot be read (the RSA certificate is the safe default: every OpenADR VEN must take it).
    /// </summary>
    public static bool PrefersEcdsa(ReadOnlySequence<byte> record)
    {
        if (record.IsSingleSegment)
        {
            return PrefersEcdsa(record.FirstSpan);
        }

        if (record.Length > 5 + ushort.MaxValue)
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)record.Length);
        try
        {
            record.CopyTo(buffer);
            return PrefersEcdsa(buffer.AsSpan(0, (int)record.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static bool PrefersEcdsa(ReadOnlySpan<byte> record)
    {
        // Record header: type, version, length; then the handshake header: type, 24-bit length.
        if (record.Length < 9 || record[0] != HandshakeRecord || record[5] != ClientHelloMessage)
        {
            return false;
        }

        var hello = record[9..];
        if (!Skip(ref hello, 2 + 32) || !SkipVector8(ref hello) || !TryVector16(ref hello, out var suites))
        {
            return false;
        }

        var onlyTls13 = true;
        for (var i = 0; i + 1 < suites.Length; i += 2)
        {
            var suite = BinaryPrimitives.ReadUInt16BigEndian(suites[i..]);
            if (OpenAdrCipherSuites.IsAcceptedEcdsaSuite(suite))
            {
                return true;
            }

            onlyTls13 &= OpenAdrCipherSuites.IsTls13Suite(suite) || suite == 0x00ff; // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
        }

        return onlyTls13 && SkipVector8(ref hello) && TryVector16(ref hello, out var extensions) && SignsWithP256(extensions);
    }

    private static bool SignsWithP256(ReadOnlySpan<byte> extensions)
    {
        while (extensions.Length >= 4)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(extensions);
            var length = BinaryPrimitives.ReadUInt16BigEndian(extensions[2..]);
            if (extensions.Length < 4 + length)
            {
                return false;
            }

            var data = extensions.Slice(4, length);
            extensions = extensions[(4 + length)..];
            if (type != SignatureAlgorithmsExtension)
            {
                continue;
            }

            if (!TryVector16(ref data, out var schemes))
            {
                return false;
            }

            for (var i = 0; i + 1 < schemes.Length; i += 2)
            {
                if (BinaryPrimitives.ReadUInt16BigEndian(schemes[i..]) == EcdsaSecp256r1Sha256)
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    private static bool Skip(ref ReadOnlySpan<byte> span, int count)
    {
        if (span.Length < count)
        {
            return false;
        }

        span = span[count..];
        return true;
    }

    private static bool SkipVector8(ref ReadOnlySpan<byte> span) => span.Length >= 1 && Skip(ref span, 1 + span[0]);

    private static bool TryVector16(ref ReadOnlySpan<byte> span, out ReadOnlySpan<byte> vector)
    {
        vector = default;
        if (span.Length < 2)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(span);
        if (span.Length < 2 + length)
        {
            return false;
        }

        vector = span.Slice(2, length);
        span = span[(2 + length)..];
        return true;
    }
}
