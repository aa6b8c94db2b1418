using System.Net.Security;
using System.Runtime.Versioning;

namespace OpenAdr.Edge.Server.Security;

/// <summary>
/// The TLS suites the OpenADR listener accepts: the two OpenADR 2.0b mandates (R-67: both CBC-SHA256, one with static
/// RSA key exchange, which stacks leave out by default), then AEAD suites for VENs that can do better.
/// </summary>
internal static class OpenAdrCipherSuites
{
    /// <summary>
    /// The suites, in the server's order of preference, which the TLS stack follows (tested): a TLS 1.2 VEN gets one of
    /// the two OpenADR suites whenever it offers one, whatever else it prefers; a TLS 1.3 VEN gets AES-128-GCM.
    /// </summary>
    public static readonly TlsCipherSuite[] All =
    [
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ];

    /// <summary>The policy handed to every handshake (SslStream honours it on Linux and macOS, not on Windows).</summary>
    [UnsupportedOSPlatform("windows")]
    public static CipherSuitesPolicy Policy { get; } = new(All);

    /// <summary>A TLS 1.2 ECDHE-ECDSA suite in <see cref="All"/>: a client offering one can take the ECC certificate.</summary>
    public static bool IsAcceptedEcdsaSuite(ushort suite) => (TlsCipherSuite)suite is
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256
        or TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
        or TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
        or TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;

    /// <summary>A TLS 1.3 suite (0x13xx): it says nothing about the certificate, the signature_algorithms extension does.</summary>
    public static bool IsTls13Suite(ushort suite) => suite >> 8 == 0x13;
}
