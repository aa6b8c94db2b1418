using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Vtn;
using Xunit;

namespace OpenAdr.Edge.Server.Tests.Tls;

/// <summary>The OpenADR listener over mutual TLS (spec §9.2.1.1, §10), with certificates made by <c>openadr-edge cert</c>.</summary>
public sealed class MutualTlsTests(TestPki pki) : IClassFixture<TestPki>
{
    private static byte[] Interop(string file) => File.ReadAllBytes(SharedFiles.Get("interop/openleadr/" + file));

    [Fact]
    public async Task A_ven_without_a_certificate_is_refused()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(certificate: null);
        await Assert.ThrowsAsync<HttpRequestException>(() => ven.PostAsync("EiRegisterParty", Interop("001_1_VEN-to-VTN_EiRegisterParty_oadrQueryRegistration.xml")));
    }

    [Fact]
    public async Task A_certificate_from_another_ca_is_refused()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.Intruder);
        await Assert.ThrowsAsync<HttpRequestException>(() => ven.PostAsync("EiRegisterParty", Interop("001_1_VEN-to-VTN_EiRegisterParty_oadrQueryRegistration.xml")));
    }

    [Fact]
    public async Task An_expired_certificate_from_the_right_ca_is_refused()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.Expired);
        await Assert.ThrowsAsync<HttpRequestException>(() => ven.PostAsync("EiRegisterParty", Interop("001_1_VEN-to-VTN_EiRegisterParty_oadrQueryRegistration.xml")));
    }

    [Fact]
    public async Task A_ven_registers_over_mutual_tls_and_polls_and_its_fingerprint_is_kept()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        Assert.Equal("https", server.BaseAddress.Scheme);
        using var ven = server.Connect(pki.VenA);
        var created = Assert.IsType<OadrCreatedPartyRegistration>(await ven.PostAsync("EiRegisterParty", Interop("002_1_VEN-to-VTN_EiRegisterParty_oadrCreatePartyRegistration.xml")));
        Assert.Equal("200", created.EiResponse.ResponseCode);

        var poll = new OadrPoll { VenId = created.VenId! };
        Assert.IsType<OadrRegisterReport>(await ven.PostAsync("OadrPoll", poll));
        Assert.Equal("200", Assert.IsType<OadrResponse>(await ven.PostAsync("OadrPoll", poll)).EiResponse.ResponseCode);

        var record = Assert.Single(server.App.Services.GetRequiredService<OpenAdrVtn>().GetRegisteredVens(), v => v.VenId == created.VenId);
        Assert.Equal(Fingerprints.Of(pki.VenA), record.Fingerprint);
    }

    [Fact]
    public async Task Another_vens_certificate_polling_with_a_registered_venID_gets_463()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var venA = server.Connect(pki.VenA);
        var created = Assert.IsType<OadrCreatedPartyRegistration>(await venA.PostAsync("EiRegisterParty", Interop("002_1_VEN-to-VTN_EiRegisterParty_oadrCreatePartyRegistration.xml")));

        using var venB = server.Connect(pki.VenB);
        var answer = Assert.IsType<OadrResponse>(await venB.PostAsync("OadrPoll", new OadrPoll { VenId = created.VenId! }));
        Assert.Equal("463", answer.EiResponse.ResponseCode);

        Assert.IsType<OadrRegisterReport>(await venA.PostAsync("OadrPoll", new OadrPoll { VenId = created.VenId! }));
    }

    [Theory]
    [InlineData(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "ecc")]
    [InlineData(TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, "rsa")]
    [UnsupportedOSPlatform("windows")] // CipherSuitesPolicy; the binary is built for Linux
    public async Task A_tls12_ven_offering_one_openadr_suite_gets_the_matching_server_certificate(TlsCipherSuite suite, string expected)
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.VenA, new CipherSuitesPolicy([suite]), SslProtocols.Tls12);
        Assert.IsType<OadrCreatedPartyRegistration>(await ven.PostAsync("EiRegisterParty", Interop("001_1_VEN-to-VTN_EiRegisterParty_oadrQueryRegistration.xml")));
        Assert.Equal((expected == "ecc" ? pki.Ecdsa : pki.Rsa).RawData, ven.ServerCertificate!.RawData);
    }

    [Fact]
    public async Task A_ven_with_default_tls_settings_gets_the_ecc_certificate()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        using var ven = server.Connect(pki.VenA);
        Assert.IsType<OadrCreatedPartyRegistration>(await ven.PostAsync("EiRegisterParty", Interop("001_1_VEN-to-VTN_EiRegisterParty_oadrQueryRegistration.xml")));
        Assert.Equal(pki.Ecdsa.RawData, ven.ServerCertificate!.RawData);
    }

    [Theory]
    [InlineData(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256)]
    [InlineData(TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256)]
    [UnsupportedOSPlatform("windows")] // CipherSuitesPolicy; the binary is built for Linux
    public async Task Each_suite_openadr_mandates_is_negotiated(TlsCipherSuite suite)
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        await using var tls = await HandshakeAsync(server, new CipherSuitesPolicy([suite]));
        Assert.Equal(suite, tls.NegotiatedCipherSuite);
        Assert.Equal(SslProtocols.Tls12, tls.SslProtocol);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // CipherSuitesPolicy; the binary is built for Linux
    public async Task A_tls12_ven_preferring_aead_suites_still_gets_an_openadr_suite()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        var offered = new CipherSuitesPolicy(
        [
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
            TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
        ]);
        await using var tls = await HandshakeAsync(server, offered);
        Assert.Equal(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, tls.NegotiatedCipherSuite);
    }

    [Fact]
    public async Task OpenAdr_is_served_over_tls_only_and_the_operator_listener_stays_apart()
    {
        await using var server = await TlsEdgeServer.StartAsync(pki);
        var listeners = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OpenAdr.Edge.Server.Hosting.EdgeListeners>(server.App.Services);
        Assert.Equal("https", listeners.OpenAdrUrl!.Scheme);
        var urls = server.App.Urls.Select(u => new System.Uri(u)).ToList();
        Assert.Equal(2, urls.Count);
        Assert.Single(urls, u => u.Scheme == "https");
        Assert.Single(urls, u => u.Scheme == "http" && u.Port == listeners.OperatorUrl!.Port);
    }

    /// <summary>A bare TLS 1.2 handshake as VEN A, offering <paramref name="suites"/>; the stream owns the socket.</summary>
    [UnsupportedOSPlatform("windows")]
    private async Task<SslStream> HandshakeAsync(TlsEdgeServer server, CipherSuitesPolicy suites)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, TestContext.Current.CancellationToken);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = SslProtocols.Tls12,
                CipherSuitesPolicy = suites,
                ClientCertificates = [pki.VenA],
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null,
            },
            TestContext.Current.CancellationToken);
        return tls;
    }
}
