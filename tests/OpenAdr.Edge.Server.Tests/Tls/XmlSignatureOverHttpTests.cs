using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Payloads.Signatures;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Vtn;
using Xunit;

namespace OpenAdr.Edge.Server.Tests.Tls;

/// <summary>
/// XML signatures over HTTP (§10.6, R-514): a VEN registered with oadrXmlSignature=true must sign every message with
/// its own certificate; bad content or signature values are HTTP 403 "Invalid Signature" (OpenLEADR), every other
/// failure an OpenADR 463.
/// </summary>
public sealed class XmlSignatureOverHttpTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task A_signing_ven_registers_and_polls_with_signed_messages()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.VenA);
        var venId = await RegisterSigningAsync(ven, pki.VenA);

        Assert.IsType<OadrRegisterReport>(await ven.PostAsync("OadrPoll", Signed(new OadrPoll { VenId = venId }, pki.VenA)));
        Assert.Equal("200", Assert.IsType<OadrResponse>(await ven.PostAsync("OadrPoll", Signed(new OadrPoll { VenId = venId }, pki.VenA))).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task An_unsigned_message_from_a_signing_ven_gets_463()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.VenA);
        var venId = await RegisterSigningAsync(ven, pki.VenA);

        Assert.Equal("463", Assert.IsType<OadrResponse>(await ven.PostAsync("OadrPoll", new OadrPoll { VenId = venId })).EiResponse.ResponseCode);
        Assert.Equal("463", Assert.IsType<OadrResponse>(await ven.PostAsync("OadrPoll", new OadrPoll { VenId = venId })).EiResponse.ResponseCode);
        Assert.IsType<OadrRegisterReport>(await ven.PostAsync("OadrPoll", Signed(new OadrPoll { VenId = venId }, pki.VenA)));
    }

    [Fact]
    public async Task A_tampered_message_gets_403_invalid_signature()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.VenA);
        var venId = await RegisterSigningAsync(ven, pki.VenA);
        var signed = Encoding.UTF8.GetString(Signed(new OadrPoll { VenId = venId }, pki.VenA));
        var tampered = Encoding.UTF8.GetBytes(signed.Replace("schemaVersion=\"2.0b\"", "schemaVersion=\"2.0a\"", StringComparison.Ordinal));
        Assert.NotEqual(signed, Encoding.UTF8.GetString(tampered));

        var (status, body) = await ven.PostRawAsync("OadrPoll", tampered);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Invalid Signature", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task A_replayed_message_gets_463()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.VenA);
        var venId = await RegisterSigningAsync(ven, pki.VenA);
        var poll = Signed(new OadrPoll { VenId = venId }, pki.VenA);

        Assert.IsType<OadrRegisterReport>(await ven.PostAsync("OadrPoll", poll));
        var replayed = Assert.IsType<OadrResponse>(await ven.PostAsync("OadrPoll", poll));

        Assert.Equal("463", replayed.EiResponse.ResponseCode);
        Assert.Contains("Replayed", replayed.EiResponse.ResponseDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_signed_by_another_certificate_gets_463()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.VenA);
        var venId = await RegisterSigningAsync(ven, pki.VenA);

        var answer = Assert.IsType<OadrResponse>(await ven.PostAsync("OadrPoll", Signed(new OadrPoll { VenId = venId }, pki.VenB)));

        Assert.Equal("463", answer.EiResponse.ResponseCode);
        Assert.Contains("not by this VEN's certificate", answer.EiResponse.ResponseDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_from_a_ven_that_did_not_ask_for_signatures_is_still_checked()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.VenA);
        var created = Assert.IsType<OadrCreatedPartyRegistration>(await ven.PostAsync("EiRegisterParty", Registration(xmlSignature: false)));
        var venId = created.VenId!;

        Assert.IsType<OadrRegisterReport>(await ven.PostAsync("OadrPoll", Signed(new OadrPoll { VenId = venId }, pki.VenA)));
        Assert.Equal("463", Assert.IsType<OadrResponse>(await ven.PostAsync("OadrPoll", Signed(new OadrPoll { VenId = venId }, pki.VenB))).EiResponse.ResponseCode);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Signed(new OadrPoll { VenId = venId }, pki.VenA)).Replace("schemaVersion=\"2.0b\"", "schemaVersion=\"2.0a\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await ven.PostRawAsync("OadrPoll", tampered)).Status);
        Assert.Equal("200", Assert.IsType<OadrResponse>(await ven.PostAsync("OadrPoll", new OadrPoll { VenId = venId })).EiResponse.ResponseCode);
    }

    [Fact]
    public async Task With_a_signing_certificate_configured_answers_to_signing_vens_are_signed_and_others_are_not()
    {
        await using var server = await TlsEdgeServer.StartAsync(
            pki, "--OpenAdr:Signatures:Certificate", pki.Files.RsaCertificate, "--OpenAdr:Signatures:Key", pki.Files.RsaKey);
        using var signing = server.Connect(pki.VenA);
        var venId = await RegisterSigningAsync(signing, pki.VenA);
        using var plain = server.Connect(pki.VenB);
        var other = Assert.IsType<OadrCreatedPartyRegistration>(await plain.PostAsync("EiRegisterParty", Registration(xmlSignature: false))).VenId!;

        var (status, body) = await signing.PostRawAsync("OadrPoll", Signed(new OadrPoll { VenId = venId }, pki.VenA));
        Assert.Equal(HttpStatusCode.OK, status);
        var verification = new XmlSignatureVerifier(new ReplayGuard(TimeSpan.FromMinutes(1))).Verify(body);
        Assert.Equal(SignatureStatus.Valid, verification.Status);
        Assert.Equal(pki.Rsa.RawData, verification.Signer!.RawData);
        Assert.IsType<OadrRegisterReport>(OadrPayload.Read(body).OadrSignedObject.Message);

        var (_, unsignedBody) = await plain.PostRawAsync("OadrPoll", EdgeServer.Write(new OadrPoll { VenId = other }));
        Assert.Null(OadrPayload.Read(unsignedBody).Signature);
    }

    /// <summary>Registers with oadrXmlSignature=true, signed: the answer carries the venID.</summary>
    private static async Task<string> RegisterSigningAsync(TlsEdgeServer.VenConnection ven, X509Certificate2 certificate)
    {
        var created = Assert.IsType<OadrCreatedPartyRegistration>(await ven.PostAsync("EiRegisterParty", Signed(Registration(xmlSignature: true), certificate)));
        Assert.Equal("200", created.EiResponse.ResponseCode);
        return created.VenId!;
    }

    private static OadrCreatePartyRegistration Registration(bool xmlSignature)
    {
        var bytes = File.ReadAllBytes(SharedFiles.Get("interop/openleadr/002_1_VEN-to-VTN_EiRegisterParty_oadrCreatePartyRegistration.xml"));
        var registration = Assert.IsType<OadrCreatePartyRegistration>(OadrPayload.Read(bytes).OadrSignedObject.Message);
        registration.OadrXmlSignature = xmlSignature;
        return registration;
    }

    private static byte[] Signed(OadrMessage message, X509Certificate2 certificate)
    {
        var output = new ArrayBufferWriter<byte>();
        new XmlSignatureSigner(certificate).Sign(EdgeServer.Write(message), output);
        return output.WrittenSpan.ToArray();
    }
}
