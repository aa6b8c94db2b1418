using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAdr.Edge.LoadTool;

/// <summary>Full TLS 1.2 handshakes per second with a client certificate, offering only the OpenADR suite that makes the server use its RSA or its ECC certificate.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class Handshakes
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        if (options.Certificate is null || options.Key is null)
        {
            Console.Error.WriteLine("--handshakes needs --cert and --key");
            return 2;
        }

        var suite = options.Handshakes switch
        {
            "rsa" => TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
            "ecdsa" => TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
            _ => throw new ArgumentException("--handshakes takes rsa or ecdsa."),
        };
        var certificate = X509Certificate2.CreateFromPemFile(options.Certificate, options.Key);
        long done = 0;
        long failed = 0;
        using var stop = new CancellationTokenSource(options.Duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var tcp = new TcpClient { NoDelay = true };
                    await tcp.ConnectAsync(options.Url.Host, options.Url.Port, stop.Token);
                    await using var tls = new SslStream(tcp.GetStream());
                    await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                    {
                        TargetHost = options.Url.Host,
                        EnabledSslProtocols = SslProtocols.Tls12,
                        CipherSuitesPolicy = new CipherSuitesPolicy([suite]),
                        ClientCertificates = [certificate],
                        RemoteCertificateValidationCallback = static (_, _, _, _) => true,
                    }, stop.Token);
                    Interlocked.Increment(ref done);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception e) when (e is SocketException or AuthenticationException or System.IO.IOException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        Console.WriteLine($"handshakes ({options.Handshakes}, TLS 1.2, {suite}): {done} in {clock.Elapsed.TotalSeconds:F1} s = {done / clock.Elapsed.TotalSeconds:F0}/s, failed {failed}");
        return failed == 0 ? 0 : 1;
    }
}
