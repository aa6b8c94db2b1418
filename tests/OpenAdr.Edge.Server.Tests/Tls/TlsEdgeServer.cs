using System;
using Microsoft.Extensions.DependencyInjection;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Server.Hosting;
using Xunit;

namespace OpenAdr.Edge.Server.Tests.Tls;

/// <summary>The real openadr-edge application serving mutual TLS on a loopback port, over a database of its own.</summary>
internal sealed class TlsEdgeServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly TestPki _pki;

    private TlsEdgeServer(WebApplication app, string directory, TestPki pki, Uri baseAddress)
    {
        App = app;
        _directory = directory;
        _pki = pki;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public static async Task<TlsEdgeServer> StartAsync(TestPki pki, params string[] settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "openadr-edge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string[] args = ["--OpenAdr:Database", Path.Combine(directory, "vtn.db"), "--OpenAdr:Operator:Url", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", .. pki.TlsArgs(), .. settings];
        var app = await EdgeApp.BuildAsync(args);
        await app.StartAsync(TestContext.Current.CancellationToken);

        // Kestrel reports the port it bound for :0.
        return new TlsEdgeServer(app, directory, pki, app.Services.GetRequiredService<OpenAdr.Edge.Server.Hosting.EdgeListeners>().OpenAdrUrl!);
    }

    /// <summary>
    /// A VEN's HTTP client: it presents <paramref name="certificate"/> (whatever CA names the server asks for), trusts
    /// the test CA only, and remembers the server certificate it was shown.
    /// </summary>
    public VenConnection Connect(X509Certificate2? certificate, CipherSuitesPolicy? cipherSuites = null, SslProtocols protocols = SslProtocols.None) =>
        new(this, _pki.Ca, certificate, cipherSuites, protocols);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(TestContext.Current.CancellationToken);
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal sealed class VenConnection : IDisposable
    {
        private readonly HttpClient _client;

        public VenConnection(TlsEdgeServer server, X509Certificate2 ca, X509Certificate2? certificate, CipherSuitesPolicy? cipherSuites, SslProtocols protocols)
        {
            var ssl = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = protocols,
                CipherSuitesPolicy = cipherSuites,
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                {
                    if (presented is null)
                    {
                        return false;
                    }

                    ServerCertificate?.Dispose();
                    ServerCertificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && chain.Build(ServerCertificate);
                },
            };
            if (certificate is not null)
            {
                // Sent even when its issuer is not among the CA names the server asks for: the server must refuse it itself.
                ssl.ClientCertificates = [certificate];
                ssl.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
            }

            _client = new HttpClient(new SocketsHttpHandler { SslOptions = ssl, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
            {
                BaseAddress = new Uri(server.BaseAddress, EdgeServer.Prefix),
            };
        }

        /// <summary>The certificate the server presented in the last handshake.</summary>
        public X509Certificate2? ServerCertificate { get; private set; }

        public async Task<OadrMessage> PostAsync(string service, byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/xml");
            using var response = await _client.PostAsync(service, content, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return OadrPayload.Read(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).OadrSignedObject.Message;
        }

        public Task<OadrMessage> PostAsync(string service, OadrMessage message) => PostAsync(service, EdgeServer.Write(message));

        /// <summary>The status and the body as they came, for answers that are not an OpenADR message (an empty 200).</summary>
        public async Task<(System.Net.HttpStatusCode Status, byte[] Body)> SendAsync(string service, OadrMessage message)
        {
            using var content = new ByteArrayContent(EdgeServer.Write(message));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/xml");
            using var response = await _client.PostAsync(service, content, TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        /// <summary>Posts without expecting 200: the status and the body as they came.</summary>
        public async Task<(System.Net.HttpStatusCode Status, byte[] Body)> PostRawAsync(string service, byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/xml");
            using var response = await _client.PostAsync(service, content, TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        public void Dispose()
        {
            _client.Dispose();
            ServerCertificate?.Dispose();
        }
    }
}
