namespace OpenAdr.Edge.Vtn;

/// <summary>What the transport knows about a request besides its payload.</summary>
/// <param name="Service">The endpoint it arrived on; null when the transport has no endpoints (every message accepted).</param>
/// <param name="ClientFingerprint">The TLS client certificate's fingerprint (<see cref="Fingerprints"/>), when the connection has one.</param>
public readonly record struct VenRequestContext(OpenAdrService? Service = null, string? ClientFingerprint = null);
