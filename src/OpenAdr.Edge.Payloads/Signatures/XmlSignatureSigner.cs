using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OpenAdr.Edge.Xml;
using OpenAdr.Edge.Xml.Canonicalization;

namespace OpenAdr.Edge.Payloads.Signatures;

/// <summary>
/// Signs an oadrPayload the way OpenLEADR does, so that its VEN accepts it: a detached ds:Signature inserted as the
/// first child of oadrPayload, references to <c>#oadrSignedObject</c> and to <c>#prop</c> (a ds:Object holding
/// SignatureProperties / SignatureProperty <c>Id="myid" Target="#mytarget"</c> / dsp:ReplayProtect with the time and
/// a fresh nonce), SHA-256 digests, RSA-SHA256 or ECDSA-SHA256 after the certificate's key, and the certificate in
/// ds:KeyInfo/ds:X509Data. Inclusive C14N unless told otherwise.
/// </summary>
public sealed class XmlSignatureSigner
{
    private readonly X509Certificate2 _certificate;
    private readonly string _certificateBase64;
    private readonly bool _isEcdsa;
    private readonly CanonicalizationMethod _method;
    private readonly TimeProvider _time;

    /// <param name="certificate">The signer's certificate with its RSA or ECDSA private key.</param>
    public XmlSignatureSigner(X509Certificate2 certificate, TimeProvider? time = null, CanonicalizationMethod method = CanonicalizationMethod.Inclusive)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using (var rsa = certificate.GetRSAPrivateKey())
        using (var ecdsa = rsa is null ? certificate.GetECDsaPrivateKey() : null)
        {
            if (rsa is null && ecdsa is null)
            {
                throw new ArgumentException("The signing certificate needs its RSA or ECDSA private key.", nameof(certificate));
            }

            _isEcdsa = rsa is null;
        }

        _certificate = certificate;
        _certificateBase64 = Convert.ToBase64String(certificate.RawData);
        _method = method;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Writes <paramref name="unsignedDocument"/> (an oadrPayload without ds:Signature) signed, to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The document is not an unsigned oadrPayload whose oadrSignedObject has an <c>oadr:Id</c>.</exception>
    public void Sign(ReadOnlySpan<byte> unsignedDocument, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (insertAt, signedObjectId) = FindInsertionPoint(unsignedDocument);
        var head = unsignedDocument[..insertAt];
        var tail = unsignedDocument[insertAt..];
        var methodUri = CanonicalizationAlgorithms.UriOf(_method);

        var properties = Properties();
        var document = new ArrayBufferWriter<byte>(unsignedDocument.Length + 4096);
        Assemble(document, head, tail, [], [], properties);
        var canonical = new ArrayBufferWriter<byte>(1024);
        var signedObjectDigest = Digest(document.WrittenSpan, signedObjectId, canonical);
        var propertiesDigest = Digest(document.WrittenSpan, SignatureAlgorithms.PropertiesObjectId, canonical);

        var signedInfo = Encoding.UTF8.GetBytes(
            "<ds:SignedInfo>"
            + $"<ds:CanonicalizationMethod Algorithm=\"{methodUri}\"/>"
            + $"<ds:SignatureMethod Algorithm=\"{(_isEcdsa ? SignatureAlgorithms.EcdsaSha256 : SignatureAlgorithms.RsaSha256)}\"/>"
            + Reference(Encoding.UTF8.GetString(signedObjectId), methodUri, signedObjectDigest)
            + Reference(SignatureAlgorithms.PropertiesObjectId, methodUri, propertiesDigest)
            + "</ds:SignedInfo>");
        document.ResetWrittenCount();
        Assemble(document, head, tail, signedInfo, [], []);
        canonical.ResetWrittenCount();
        Canonicalize(document.WrittenSpan, ElementSelector.ByName("http://www.w3.org/2000/09/xmldsig#"u8, "SignedInfo"u8), canonical);
        var signatureValue = SignSignedInfo(canonical.WrittenSpan);

        var rest = Encoding.UTF8.GetBytes(
            $"<ds:SignatureValue>{Convert.ToBase64String(signatureValue)}</ds:SignatureValue>"
            + $"<ds:KeyInfo><ds:X509Data><ds:X509Certificate>{_certificateBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>");
        Assemble(output, head, tail, signedInfo, rest, properties);
    }

    private static (int InsertAt, byte[] SignedObjectId) FindInsertionPoint(ReadOnlySpan<byte> document)
    {
        var reader = new Utf8XmlReader(document, XmlReaderOptions.Default);
        try
        {
            if (!reader.Read() || !reader.LocalName.SequenceEqual("oadrPayload"u8) || !reader.NamespaceUri.SequenceEqual("http://openadr.org/oadr-2.0b/2012/07"u8))
            {
                throw new ArgumentException("The document is not an oadrPayload.", nameof(document));
            }

            var insertAt = reader.Offset;
            if (!reader.ReadToNextChild() || !reader.LocalName.SequenceEqual("oadrSignedObject"u8))
            {
                throw new ArgumentException("The oadrPayload is signed already, or holds no oadrSignedObject.", nameof(document));
            }

            for (var i = 0; i < reader.AttributeCount; i++)
            {
                if (reader.GetAttributeLocalName(i).SequenceEqual("Id"u8) && reader.GetAttributeNamespace(i).SequenceEqual("http://openadr.org/oadr-2.0b/2012/07"u8))
                {
                    return (insertAt, reader.GetAttributeValue(i).ToArray());
                }
            }

            throw new ArgumentException("The oadrSignedObject has no oadr:Id to reference.", nameof(document));
        }
        catch (XmlReadException e)
        {
            throw new ArgumentException("The document is not well-formed: " + e.Message, nameof(document), e);
        }
        finally
        {
            reader.Dispose();
        }
    }

    private byte[] Properties()
    {
        Span<byte> timestamp = stackalloc byte[XmlDateTime.MaxLength];
        var length = XmlDateTime.Format(_time.GetUtcNow().UtcDateTime, timestamp);
        return Encoding.UTF8.GetBytes(
            $"<ds:Object Id=\"{SignatureAlgorithms.PropertiesObjectId}\"><ds:SignatureProperties>"
            + $"<ds:SignatureProperty Id=\"{SignatureAlgorithms.PropertyId}\" Target=\"{SignatureAlgorithms.PropertyTarget}\">"
            + "<dsp:ReplayProtect xmlns:dsp=\"http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties\">"
            + $"<dsp:timestamp>{Encoding.UTF8.GetString(timestamp[..length])}</dsp:timestamp>"
            + $"<dsp:nonce>{Guid.NewGuid():N}</dsp:nonce>"
            + "</dsp:ReplayProtect></ds:SignatureProperty></ds:SignatureProperties></ds:Object>");
    }

    private static void Assemble(
        IBufferWriter<byte> output, ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail,
        ReadOnlySpan<byte> signedInfo, ReadOnlySpan<byte> valueAndKeyInfo, ReadOnlySpan<byte> properties)
    {
        output.Write(head);
        output.Write("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"u8);
        output.Write(signedInfo);
        output.Write(valueAndKeyInfo);
        output.Write(properties);
        output.Write("</ds:Signature>"u8);
        output.Write(tail);
    }

    private static string Reference(string id, string methodUri, byte[] digest) =>
        $"<ds:Reference URI=\"#{id}\"><ds:Transforms><ds:Transform Algorithm=\"{methodUri}\"/></ds:Transforms>"
        + $"<ds:DigestMethod Algorithm=\"{SignatureAlgorithms.Sha256}\"/><ds:DigestValue>{Convert.ToBase64String(digest)}</ds:DigestValue></ds:Reference>";

    private byte[] Digest(ReadOnlySpan<byte> document, ReadOnlySpan<byte> id, ArrayBufferWriter<byte> canonical)
    {
        canonical.ResetWrittenCount();
        Canonicalize(document, ElementSelector.ById(id), canonical);
        return SHA256.HashData(canonical.WrittenSpan);
    }

    private byte[] Digest(ReadOnlySpan<byte> document, string id, ArrayBufferWriter<byte> canonical) =>
        Digest(document, Encoding.UTF8.GetBytes(id), canonical);

    private void Canonicalize(ReadOnlySpan<byte> document, ElementSelector element, ArrayBufferWriter<byte> canonical)
    {
        var status = XmlCanonicalizer.Canonicalize(document, element, _method, canonical, out _);
        if (status != CanonicalizationStatus.Done)
        {
            throw new ArgumentException($"The document cannot be signed: canonicalization ended with {status}.", nameof(document));
        }
    }

    private byte[] SignSignedInfo(ReadOnlySpan<byte> canonicalSignedInfo)
    {
        if (_isEcdsa)
        {
            using var ecdsa = _certificate.GetECDsaPrivateKey()!;
            return ecdsa.SignData(canonicalSignedInfo, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        using var rsa = _certificate.GetRSAPrivateKey()!;
        return rsa.SignData(canonicalSignedInfo, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
