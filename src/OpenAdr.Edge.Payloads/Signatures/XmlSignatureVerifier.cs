using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OpenAdr.Edge.Xml.Canonicalization;

namespace OpenAdr.Edge.Payloads.Signatures;

/// <summary>
/// Verifies the XML signature of a signed oadrPayload (OpenADR "high security", §10.6) from its raw bytes:
/// ds:Signature first in oadrPayload; exactly two references, one to the oadrSignedObject (by its <c>oadr:Id</c>)
/// and one to the signature properties holding dsp:ReplayProtect; inclusive or exclusive C14N; SHA-256 digests;
/// RSA-SHA256 or ECDSA-SHA256 by the certificate in ds:KeyInfo; and the replay check of <see cref="ReplayGuard"/>.
/// Whether the signer is the VEN it claims to be is the caller's question: it gets the certificate back.
/// </summary>
public sealed class XmlSignatureVerifier(ReplayGuard replayGuard)
{
    private readonly ReplayGuard _replayGuard = replayGuard ?? throw new ArgumentNullException(nameof(replayGuard));

    public ReplayGuard ReplayGuard => _replayGuard;

    /// <summary>Checks a whole oadrPayload document. Failures are statuses; nothing here throws on hostile input.</summary>
    public SignatureVerification Verify(ReadOnlySpan<byte> document)
    {
        var status = SignatureLayout.TryRead(document, out var layout);
        if (status != SignatureStatus.Valid)
        {
            return new SignatureVerification(status);
        }

        status = CheckAlgorithms(layout, out var signedInfoMethod, out var isEcdsa);
        if (status != SignatureStatus.Valid)
        {
            return new SignatureVerification(status);
        }

        var canonical = new ArrayBufferWriter<byte>(1024);
        status = CheckReferences(document, layout, canonical);
        if (status != SignatureStatus.Valid)
        {
            return new SignatureVerification(status);
        }

        var certificate = LoadCertificate(layout.Certificate);
        if (certificate is null)
        {
            return new SignatureVerification(SignatureStatus.Malformed);
        }

        status = CheckSignatureValue(document, layout, signedInfoMethod, isEcdsa, certificate, canonical);
        if (status == SignatureStatus.Valid)
        {
            var replay = layout.ReplayProtect!;
            status = string.IsNullOrWhiteSpace(replay.Nonce.Value) ? SignatureStatus.Malformed : _replayGuard.Admit(replay.Timestamp, replay.Nonce.Value);
        }

        if (status != SignatureStatus.Valid)
        {
            certificate.Dispose();
            return new SignatureVerification(status);
        }

        return new SignatureVerification(SignatureStatus.Valid, certificate);
    }

    private static SignatureStatus CheckAlgorithms(SignatureLayout layout, out CanonicalizationMethod signedInfoMethod, out bool isEcdsa)
    {
        isEcdsa = layout.SignatureAlgorithm == SignatureAlgorithms.EcdsaSha256;
        if (!CanonicalizationAlgorithms.TryParse(Encoding.UTF8.GetBytes(layout.CanonicalizationAlgorithm), out signedInfoMethod)
            || (!isEcdsa && layout.SignatureAlgorithm != SignatureAlgorithms.RsaSha256))
        {
            return SignatureStatus.UnsupportedAlgorithm;
        }

        foreach (var reference in layout.References)
        {
            if (reference.DigestAlgorithm != SignatureAlgorithms.Sha256 || reference.Transforms.Count > 1
                || (reference.Transforms.Count == 1 && !CanonicalizationAlgorithms.TryParse(Encoding.UTF8.GetBytes(reference.Transforms[0].Algorithm), out _)))
            {
                return SignatureStatus.UnsupportedAlgorithm;
            }
        }

        return layout.References.Count == 2 && layout.ReplayProtectCount == 1 ? SignatureStatus.Valid : SignatureStatus.Malformed;
    }

    /// <summary>Each reference must name the signed object or the ReplayProtect holder (one each), and hash to its digest.</summary>
    private static SignatureStatus CheckReferences(ReadOnlySpan<byte> document, SignatureLayout layout, ArrayBufferWriter<byte> canonical)
    {
        var signedObjectSeen = false;
        var replaySeen = false;
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var reference in layout.References)
        {
            if (reference.Uri is not { Length: > 1 } uri || uri[0] != '#'
                || !Convert.TryFromBase64String(reference.DigestValue, expected, out var digestLength) || digestLength != expected.Length)
            {
                return SignatureStatus.Malformed;
            }

            var id = uri[1..];
            var (method, prefixes) = reference.Transforms.Count == 0
                ? (CanonicalizationMethod.Inclusive, null)
                : (CanonicalizationAlgorithms.TryParse(Encoding.UTF8.GetBytes(reference.Transforms[0].Algorithm), out var m) ? m : default, reference.Transforms[0].Prefixes);
            canonical.ResetWrittenCount();
            var status = XmlCanonicalizer.Canonicalize(
                document, ElementSelector.ById(Encoding.UTF8.GetBytes(id)), method, Encoding.UTF8.GetBytes(prefixes ?? ""), canonical, out var element);
            if (status != CanonicalizationStatus.Done)
            {
                return SignatureStatus.Malformed;
            }

            if (element.Offset == layout.SignedObjectOffset && !signedObjectSeen)
            {
                signedObjectSeen = true;
            }
            else if (element.Depth >= 3 && layout.ReplayHolderIds.Contains(id) && !replaySeen)
            {
                replaySeen = true;
            }
            else
            {
                return SignatureStatus.Malformed;
            }

            SHA256.HashData(canonical.WrittenSpan, actual);
            if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                return SignatureStatus.DigestMismatch;
            }
        }

        return SignatureStatus.Valid;
    }

    private static SignatureStatus CheckSignatureValue(
        ReadOnlySpan<byte> document, SignatureLayout layout, CanonicalizationMethod method, bool isEcdsa, X509Certificate2 certificate, ArrayBufferWriter<byte> canonical)
    {
        canonical.ResetWrittenCount();
        var status = XmlCanonicalizer.Canonicalize(
            document, ElementSelector.ByName("http://www.w3.org/2000/09/xmldsig#"u8, "SignedInfo"u8), method,
            Encoding.UTF8.GetBytes(layout.CanonicalizationPrefixes ?? ""), canonical, out var signedInfo);
        if (status != CanonicalizationStatus.Done || signedInfo.Depth != 3)
        {
            return SignatureStatus.Malformed;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(layout.SignatureValue);
        }
        catch (FormatException)
        {
            return SignatureStatus.Malformed;
        }

        if (isEcdsa)
        {
            using var ecdsa = certificate.GetECDsaPublicKey();
            if (ecdsa is null)
            {
                return SignatureStatus.Malformed;
            }

            return ecdsa.VerifyData(canonical.WrittenSpan, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                ? SignatureStatus.Valid
                : SignatureStatus.SignatureMismatch;
        }

        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is null)
        {
            return SignatureStatus.Malformed;
        }

        return rsa.VerifyData(canonical.WrittenSpan, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? SignatureStatus.Valid
            : SignatureStatus.SignatureMismatch;
    }

    private static X509Certificate2? LoadCertificate(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
