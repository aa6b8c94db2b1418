using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using OpenAdr.Edge.Payloads.Signatures;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Xml.Canonicalization;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>
/// XML signatures (§10.6): OpenLEADR's signed examples verify and fail after any change to what they sign; what we
/// sign verifies with our verifier and with .NET's SignedXml (the oracle).
/// </summary>
public class XmlSignatureTests
{
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";

    public static TheoryData<string, string> SignedExamples() => new()
    {
        { "01_VEN_oadrPoll.signed.xml", "A4:3C:70:CE:57:8E:FB:9C:F1:65" },
        { "02_VTN_oadrResponse.signed.xml", "E2:DA:B0:C6:BB:DA:8B:C4:B6:6C" },
        { "03_VEN_oadrQueryRegistration.signed.xml", "A4:3C:70:CE:57:8E:FB:9C:F1:65" },
    };

    [Theory]
    [MemberData(nameof(SignedExamples))]
    public void OpenLEADR_signed_examples_verify_at_their_own_time_and_name_their_signer(string file, string fingerprint)
    {
        var document = Example(file);
        Assert.Contains(fingerprint, File.ReadAllText(SharedFiles.Get("interop/openleadr/signed-examples/fingerprints.txt")));

        var result = VerifierAt(TimestampOf(document)).Verify(document);

        Assert.Equal(SignatureStatus.Valid, result.Status);
        Assert.Equal(fingerprint, FingerprintOf(result.Signer!));
        Assert.True(OracleAccepts(document, result.Signer!));
    }

    [Theory]
    [MemberData(nameof(SignedExamples))]
    public void Flipping_any_byte_of_the_signed_text_or_the_replay_values_breaks_the_signature(string file, string fingerprint)
    {
        _ = fingerprint;
        var document = Example(file);
        var at = TimestampOf(document);
        var positions = TextPositions(document, "oadr:oadrSignedObject", Encoding.UTF8.GetString(document).IndexOf("<oadr:oadrSignedObject", StringComparison.Ordinal))
            .Concat(TextPositions(document, "dsp:timestamp", 0))
            .Concat(TextPositions(document, "dsp:nonce", 0))
            .Concat(AttributeValuePositions(document))
            .Distinct()
            .ToArray();
        Assert.True(positions.Length > 40, $"only {positions.Length} positions found");

        foreach (var position in positions)
        {
            var tampered = (byte[])document.Clone();
            tampered[position] ^= 0x01;
            var result = VerifierAt(at).Verify(tampered);
            Assert.True(
                result.Status is SignatureStatus.DigestMismatch or SignatureStatus.Malformed,
                $"byte {position} ('{(char)document[position]}' -> '{(char)tampered[position]}'): {result.Status}");
        }
    }

    [Theory]
    [InlineData("<ds:SignatureValue>L3Qq", "<ds:SignatureValue>L3Qr", SignatureStatus.SignatureMismatch)]
    [InlineData("<ds:DigestValue>V6x", "<ds:DigestValue>V6y", SignatureStatus.DigestMismatch)]
    [InlineData("rsa-sha256", "rsa-sha1", SignatureStatus.UnsupportedAlgorithm)]
    [InlineData("<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>", "<ds:DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/>", SignatureStatus.UnsupportedAlgorithm)]
    [InlineData("URI=\"#prop\"", "URI=\"#myid\"", SignatureStatus.DigestMismatch)]
    [InlineData("URI=\"#prop\"", "URI=\"#oadrSignedObject\"", SignatureStatus.Malformed)]
    [InlineData("URI=\"#prop\"", "URI=\"\"", SignatureStatus.Malformed)]
    [InlineData("<ds:Object Id=\"prop\">", "<ds:Object Id=\"oadrSignedObject\">", SignatureStatus.Malformed)]
    [InlineData("<ds:X509Certificate>MIID", "<ds:X509Certificate>MIIE", SignatureStatus.Malformed)]
    [InlineData("<ei:venID>ven-signed-1</ei:venID>", "<ei:venID>ven-signed-1</ei:venID><ei:venID oadr:Id=\"oadrSignedObject\"/>", SignatureStatus.Malformed)]
    public void Tampered_signatures_fail_with_the_check_they_break(string find, string replace, SignatureStatus expected)
    {
        var document = Example("01_VEN_oadrPoll.signed.xml");
        var text = Encoding.UTF8.GetString(document);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var tampered = Encoding.UTF8.GetBytes(text.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal(expected, VerifierAt(TimestampOf(document)).Verify(tampered).Status);
    }

    [Fact]
    public void A_signature_that_is_not_the_first_child_of_the_payload_is_malformed()
    {
        var text = Encoding.UTF8.GetString(Example("01_VEN_oadrPoll.signed.xml"));
        var start = text.IndexOf("<ds:Signature", StringComparison.Ordinal);
        var end = text.IndexOf("</ds:Signature>", StringComparison.Ordinal) + "</ds:Signature>".Length;
        var signature = text[start..end];
        var moved = text.Remove(start, end - start).Replace("</oadr:oadrSignedObject>", "</oadr:oadrSignedObject>" + signature, StringComparison.Ordinal);

        Assert.Equal(SignatureStatus.Malformed, VerifierAt(DateTime.UtcNow).Verify(Encoding.UTF8.GetBytes(moved)).Status);
    }

    [Fact]
    public void An_unsigned_payload_is_unsigned()
    {
        var document = Encoding.UTF8.GetBytes(File.ReadAllText(SharedFiles.Get("interop/openleadr/009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml")));
        Assert.Equal(SignatureStatus.Unsigned, VerifierAt(DateTime.UtcNow).Verify(document).Status);
    }

    [Fact]
    public void Replayed_nonces_and_stale_or_future_timestamps_are_refused()
    {
        var document = Example("01_VEN_oadrPoll.signed.xml");
        var at = TimestampOf(document);
        var verifier = VerifierAt(at.AddSeconds(4));

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(document).Status);
        Assert.Equal(SignatureStatus.Replayed, verifier.Verify(document).Status);
        Assert.Equal(SignatureStatus.Stale, VerifierAt(at.AddSeconds(6)).Verify(document).Status);
        Assert.Equal(SignatureStatus.Stale, VerifierAt(at.AddSeconds(-6)).Verify(document).Status);
    }

    [Fact]
    public void The_replay_guard_forgets_nonces_once_their_window_has_passed_and_refuses_when_full()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var guard = new ReplayGuard(TimeSpan.FromSeconds(5), clock, capacity: 2);
        var now = clock.GetUtcNow().UtcDateTime;

        Assert.Equal(SignatureStatus.Valid, guard.Admit(now, "a"));
        Assert.Equal(SignatureStatus.Valid, guard.Admit(now, "b"));
        Assert.Equal(SignatureStatus.ReplayCacheFull, guard.Admit(now, "c"));
        clock.Now = clock.Now.AddSeconds(6);
        Assert.Equal(SignatureStatus.Valid, guard.Admit(clock.GetUtcNow().UtcDateTime, "c"));
        Assert.Equal(1, guard.Count);
    }

    [Theory]
    [InlineData("rsa", CanonicalizationMethod.Inclusive)]
    [InlineData("rsa", CanonicalizationMethod.Exclusive)]
    [InlineData("ecdsa", CanonicalizationMethod.Inclusive)]
    [InlineData("ecdsa", CanonicalizationMethod.Exclusive)]
    public void What_we_sign_verifies_with_our_verifier_and_with_SignedXml(string key, CanonicalizationMethod method)
    {
        using var certificate = key == "rsa" ? RsaCertificate() : EcdsaCertificate();
        var now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        var unsigned = Encoding.UTF8.GetBytes(File.ReadAllText(SharedFiles.Get("interop/openleadr/012_2_VTN-to-VEN_OadrPoll_oadrDistributeEvent.xml")));

        var signed = new ArrayBufferWriter<byte>();
        new XmlSignatureSigner(certificate, new FixedClock(now), method).Sign(unsigned, signed);
        var document = signed.WrittenSpan.ToArray();

        var result = VerifierAt(now.UtcDateTime).Verify(document);
        Assert.Equal(SignatureStatus.Valid, result.Status);
        Assert.Equal(certificate.RawData, result.Signer!.RawData);
        Assert.True(OracleAccepts(document, certificate));
        OadrSchema.AssertValid(document);
        Assert.NotNull(OadrPayload.Read(document).Signature);
    }

    [Fact]
    public void Our_signatures_use_OpenLEADRs_layout()
    {
        using var certificate = RsaCertificate();
        var unsigned = OadrPayload.WriteToArray(new OadrPoll { VenId = "ven-1" });
        var signed = new ArrayBufferWriter<byte>();
        new XmlSignatureSigner(certificate).Sign(unsigned, signed);
        var xml = new XmlDocument { PreserveWhitespace = true };
        xml.Load(new MemoryStream(signed.WrittenSpan.ToArray()));
        var names = new XmlNamespaceManager(xml.NameTable);
        names.AddNamespace("ds", Ds);
        names.AddNamespace("oadr", "http://openadr.org/oadr-2.0b/2012/07");
        names.AddNamespace("dsp", "http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties");

        Assert.Equal("Signature", xml.DocumentElement!.FirstChild!.LocalName);
        Assert.Equal(
            ["#oadrSignedObject", "#prop"],
            xml.SelectNodes("/oadr:oadrPayload/ds:Signature/ds:SignedInfo/ds:Reference/@URI", names)!.Cast<XmlAttribute>().Select(a => a.Value));
        Assert.Equal("http://www.w3.org/TR/2001/REC-xml-c14n-20010315", xml.SelectSingleNode("//ds:CanonicalizationMethod/@Algorithm", names)!.Value);
        Assert.Equal(SignatureAlgorithms.RsaSha256, xml.SelectSingleNode("//ds:SignatureMethod/@Algorithm", names)!.Value);
        Assert.NotNull(xml.SelectSingleNode("//ds:Object[@Id='prop']/ds:SignatureProperties/ds:SignatureProperty[@Id='myid'][@Target='#mytarget']/dsp:ReplayProtect/dsp:nonce", names));
        Assert.NotNull(xml.SelectSingleNode("//ds:KeyInfo/ds:X509Data/ds:X509Certificate", names));
    }

    [Fact]
    public void Each_signature_carries_a_fresh_nonce()
    {
        using var certificate = EcdsaCertificate();
        var unsigned = OadrPayload.WriteToArray(new OadrPoll { VenId = "ven-1" });
        var signer = new XmlSignatureSigner(certificate);
        var first = new ArrayBufferWriter<byte>();
        var second = new ArrayBufferWriter<byte>();
        signer.Sign(unsigned, first);
        signer.Sign(unsigned, second);

        var verifier = new XmlSignatureVerifier(new ReplayGuard(TimeSpan.FromSeconds(5)));
        Assert.Equal(SignatureStatus.Valid, verifier.Verify(first.WrittenSpan).Status);
        Assert.Equal(SignatureStatus.Valid, verifier.Verify(second.WrittenSpan).Status);
    }

    internal static X509Certificate2 RsaCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=signer-rsa.invalid", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    internal static X509Certificate2 EcdsaCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=signer-ecdsa.invalid", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static byte[] Example(string file) => File.ReadAllBytes(SharedFiles.Get("interop/openleadr/signed-examples/" + file));

    private static XmlSignatureVerifier VerifierAt(DateTime utc) =>
        new(new ReplayGuard(TimeSpan.FromSeconds(5), new FixedClock(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))));

    private static DateTime TimestampOf(byte[] document)
    {
        var text = Encoding.UTF8.GetString(document);
        var start = text.IndexOf("<dsp:timestamp>", StringComparison.Ordinal) + "<dsp:timestamp>".Length;
        var end = text.IndexOf("</dsp:timestamp>", StringComparison.Ordinal);
        return DateTime.Parse(text[start..end], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
    }

    private static string FingerprintOf(X509Certificate2 certificate) =>
        string.Join(':', SHA256.HashData(certificate.RawData)[^10..].Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Byte positions of every text node inside the first element named <paramref name="qualifiedName"/> after <paramref name="from"/>.</summary>
    private static int[] TextPositions(byte[] document, string qualifiedName, int from)
    {
        var text = Encoding.UTF8.GetString(document);
        var start = text.IndexOf("<" + qualifiedName, from, StringComparison.Ordinal);
        var end = text.IndexOf("</" + qualifiedName + ">", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start);
        var positions = new System.Collections.Generic.List<int>();
        var inText = false;
        for (var i = start; i < end; i++)
        {
            if (text[i] == '>')
            {
                inText = true;
            }
            else if (text[i] == '<')
            {
                inText = false;
            }
            else if (inText && !char.IsWhiteSpace(text[i]))
            {
                positions.Add(i);
            }
        }

        return [.. positions];
    }

    /// <summary>Byte positions of the attribute values inside the signed object (schemaVersion and the like).</summary>
    private static int[] AttributeValuePositions(byte[] document)
    {
        var text = Encoding.UTF8.GetString(document);
        var start = text.IndexOf("<oadr:oadrSignedObject", StringComparison.Ordinal);
        var end = text.IndexOf("</oadr:oadrSignedObject>", StringComparison.Ordinal);
        var positions = new System.Collections.Generic.List<int>();
        for (var i = text.IndexOf("=\"", start, StringComparison.Ordinal); i > 0 && i < end; i = text.IndexOf("=\"", i + 1, StringComparison.Ordinal))
        {
            var close = text.IndexOf('"', i + 2);
            positions.AddRange(Enumerable.Range(i + 2, close - i - 2));
        }

        return [.. positions];
    }

    /// <summary>.NET's SignedXml, told where OpenADR's IDs are (oadr:Id is namespace-qualified, which it does not look at).</summary>
    private static bool OracleAccepts(byte[] document, X509Certificate2 certificate)
    {
        var xml = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = XmlReader.Create(new MemoryStream(document)))
        {
            xml.Load(reader);
        }

        var signedXml = new OadrSignedXml(xml);
        signedXml.LoadXml((XmlElement)xml.GetElementsByTagName("Signature", Ds)[0]!);
        if (signedXml.SignatureMethod == SignatureAlgorithms.EcdsaSha256)
        {
            return EcdsaOracleAccepts(xml, signedXml, certificate);
        }

        return signedXml.CheckSignature(certificate, verifySignatureOnly: true);
    }

    /// <summary>SignedXml has no ECDSA-SHA256: digests and the canonical SignedInfo from .NET, the signature checked with ECDsa.</summary>
    private static bool EcdsaOracleAccepts(XmlDocument xml, OadrSignedXml signedXml, X509Certificate2 certificate)
    {
        foreach (Reference reference in signedXml.SignedInfo!.References)
        {
            var target = signedXml.GetIdElement(xml, reference.Uri![1..])!;
            var digest = SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(target, (Transform)reference.TransformChain[0])));
            if (!digest.SequenceEqual(reference.DigestValue!))
            {
                return false;
            }
        }

        var signedInfo = (XmlElement)xml.GetElementsByTagName("SignedInfo", Ds)[0]!;
        var method = signedXml.SignedInfo.CanonicalizationMethod == CanonicalizationAlgorithms.Inclusive ? (Transform)new XmlDsigC14NTransform() : new XmlDsigExcC14NTransform();
        using var key = certificate.GetECDsaPublicKey()!;
        return key.VerifyData(Encoding.UTF8.GetBytes(Canonical(signedInfo, method)), signedXml.SignatureValue!, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static string Canonical(XmlElement element, Transform transform)
    {
        var copy = new XmlDocument { PreserveWhitespace = true };
        var apex = (XmlElement)copy.ImportNode(element, deep: true);
        copy.AppendChild(apex);
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if ((attribute.Prefix == "xmlns" || attribute.Name == "xmlns") && !apex.HasAttribute(attribute.Name))
                {
                    apex.SetAttributeNode((XmlAttribute)copy.ImportNode(attribute, deep: true));
                }
            }
        }

        transform.LoadInput(copy);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        return new StreamReader(output, Encoding.UTF8).ReadToEnd();
    }

    private sealed class OadrSignedXml(XmlDocument document) : SignedXml(document)
    {
        public override XmlElement? GetIdElement(XmlDocument? document, string idValue) =>
            document?.SelectSingleNode($"//*[@*[local-name()='Id']='{idValue}']") as XmlElement;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
