using OpenAdr.Edge.Payloads.Signatures;

namespace OpenAdr.Edge.Vtn;

/// <summary>What the transport knows about a request besides its payload.</summary>
/// <param name="Service">The endpoint it arrived on; null when the transport has no endpoints (every message accepted).</param>
/// <param name="ClientFingerprint">The TLS client certificate's fingerprint (<see cref="Fingerprints"/>), when the connection has one.</param>
/// <param name="Signature">What the transport found of the payload's XML signature; unsigned by default.</param>
public readonly record struct VenRequestContext(OpenAdrService? Service = null, string? ClientFingerprint = null, XmlSignatureCheck Signature = default);

/// <summary>The XML signature of a request as the transport verified it (<see cref="XmlSignatureVerifier"/>).</summary>
/// <param name="SignerFingerprint">The signer certificate's fingerprint when the signature is <see cref="SignatureStatus.Valid"/>.</param>
public readonly record struct XmlSignatureCheck(SignatureStatus Status, string? SignerFingerprint = null);
