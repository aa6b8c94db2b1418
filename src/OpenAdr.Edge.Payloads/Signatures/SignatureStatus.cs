using System.Security.Cryptography.X509Certificates;

namespace OpenAdr.Edge.Payloads.Signatures;

/// <summary>What the XML signature of an oadrPayload proved, or which check it failed. Stable: logs use these names.</summary>
public enum SignatureStatus : byte
{
    /// <summary>The payload carries no ds:Signature (the default: a payload nobody checked is treated as unsigned).</summary>
    Unsigned,

    /// <summary>Signed by the certificate in its KeyInfo, digests and signature value correct, fresh, nonce not seen before.</summary>
    Valid,

    /// <summary>
    /// Not the layout OpenADR requires (§10.6): ds:Signature not the first child of oadrPayload, not exactly two
    /// references (the signed object and the ReplayProtect properties), a reference to anything else, ambiguous IDs,
    /// a missing or unreadable certificate, a key that does not fit the signature method.
    /// </summary>
    Malformed,

    /// <summary>A canonicalization, transform, digest or signature algorithm other than C14N / exclusive C14N, SHA-256, RSA-SHA256 and ECDSA-SHA256.</summary>
    UnsupportedAlgorithm,

    /// <summary>A referenced element does not hash to its DigestValue: the signed content changed.</summary>
    DigestMismatch,

    /// <summary>The SignatureValue is not the certificate key's signature of SignedInfo.</summary>
    SignatureMismatch,

    /// <summary>The ReplayProtect timestamp is outside the replay window around the VTN's clock.</summary>
    Stale,

    /// <summary>The ReplayProtect nonce was seen before within the replay window.</summary>
    Replayed,

    /// <summary>The replay cache is full of nonces still inside the window; refused rather than forgetting one early.</summary>
    ReplayCacheFull,
}

/// <summary>The outcome of <see cref="XmlSignatureVerifier.Verify"/>.</summary>
/// <param name="Signer">The certificate from ds:KeyInfo when the signature value checked out against it; the caller disposes it.</param>
public readonly record struct SignatureVerification(SignatureStatus Status, X509Certificate2? Signer = null)
{
    /// <summary>
    /// The content or the signature value does not match: OpenLEADR answers these with HTTP 403 "Invalid Signature";
    /// every other failure is an OpenADR 463 answer.
    /// </summary>
    public bool IsCryptographicFailure => Status is SignatureStatus.DigestMismatch or SignatureStatus.SignatureMismatch;
}
