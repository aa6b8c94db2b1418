using System;
using System.Security.Cryptography.X509Certificates;

namespace OpenAdr.Edge.Server.Transport;

/// <summary>How the OpenADR endpoints are served.</summary>
public sealed class OpenAdrTransportOptions
{
    /// <summary>The path before the service names (spec §9.1.2); no trailing slash.</summary>
    public string PathPrefix { get; set; } = "/OpenADR2/Simple/2.0b";

    /// <summary>Larger request bodies are refused with 413 (the largest real payloads are tens of kB).</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>More requests in flight than this get 503 with Retry-After, so VENs back off (spec §9.1.5).</summary>
    public int MaxConcurrentRequests { get; set; } = 4096;

    /// <summary>The Retry-After a 503 carries, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>How far a signed message's ReplayProtect timestamp may be from the clock; its nonce is remembered this long (OpenLEADR: 5 s).</summary>
    public TimeSpan SignatureReplayWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When set (with its private key), answers to VENs registered with oadrXmlSignature=true are signed with it.</summary>
    public X509Certificate2? SigningCertificate { get; set; }
}
