using System;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Vtn;

namespace OpenAdr.Edge.Server.Security;

/// <summary>Mutual TLS on the OpenADR listener (configured by <see cref="TlsSettings"/>), and the warning when there is none.</summary>
public static partial class OpenAdrTlsExtensions
{
    /// <summary>Server certificates closer than this to their end are announced at every start (spec §10.4).</summary>
    private static readonly TimeSpan s_expiryWarning = TimeSpan.FromDays(30);

    /// <summary>
    /// Serves OpenADR over mutual TLS only, on <see cref="TlsSettings.Url"/>: the certificate files are read now (a bad
    /// file stops the start with an "Invalid configuration" message), the listener is bound when the server starts.
    /// HTTP/1.1 only: OpenADR 2.0b is specified over it, and HTTP/2 forbids the CBC suites OpenADR mandates.
    /// </summary>
    public static IWebHostBuilder UseOpenAdrTls(this IWebHostBuilder webHost, TlsSettings settings, Action<ListenOptions>? bound = null)
    {
        ArgumentNullException.ThrowIfNull(webHost);
        ArgumentNullException.ThrowIfNull(settings);
        var credentials = ServerCredentials.Load(settings, DateTimeOffset.UtcNow);
        if (!TlsSettings.TryParseUrl(settings.Url, out var address, out var port))
        {
            throw new InvalidOperationException($"Invalid configuration: {TlsSettings.Section}:Url '{settings.Url}' is not https://<IP address, localhost or *>:<port>.");
        }

        webHost.ConfigureKestrel(options =>
        {
            var logger = options.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("OpenAdr.Edge.Tls");
            var handshake = new MutualTlsHandshake(credentials, settings.CheckRevocation, logger);
            void Listen(ListenOptions listen)
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseHttps(handshake.Configure);
                bound?.Invoke(listen);
            }

            if (address is null)
            {
                options.ListenLocalhost(port, Listen);
            }
            else
            {
                options.Listen(address, port, Listen);
            }

            LogServing(logger, settings, credentials);
        });
        return webHost;
    }

    /// <summary>The one line saying that OpenADR goes over plain HTTP, and what that means.</summary>
    internal static void WarnPlainHttp(ILogger logger) => Log.PlainHttp(logger, TlsSettings.Section);

    private static void LogServing(ILogger logger, TlsSettings settings, ServerCredentials credentials)
    {
        var rsa = credentials.Rsa.Certificate;
        var ecdsa = credentials.Ecdsa?.Certificate;
        Log.ServingMutualTls(
            logger,
            settings.Url,
            rsa.Subject,
            Fingerprints.Of(rsa),
            ecdsa is null ? "none" : $"'{ecdsa.Subject}' ({Fingerprints.Of(ecdsa)})",
            settings.ClientCa);
        var soon = DateTime.UtcNow + s_expiryWarning;
        WarnIfExpiring(rsa);
        WarnIfExpiring(ecdsa);
        foreach (var ca in credentials.ClientCa)
        {
            WarnIfExpiring(ca);
        }

        void WarnIfExpiring(X509Certificate2? certificate)
        {
            if (certificate is not null && certificate.NotAfter.ToUniversalTime() < soon)
            {
                Log.ExpiresSoon(logger, certificate.Subject, certificate.NotAfter.ToUniversalTime());
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3300, LogLevel.Warning,
            "OpenADR traffic is unencrypted (plain HTTP) and VENs are not authenticated by certificate: fine for development " +
            "or behind a TLS-terminating proxy; configure {Section} to serve mutual TLS.")]
        public static partial void PlainHttp(ILogger logger, string section);

        [LoggerMessage(3301, LogLevel.Information,
            "OpenADR over mutual TLS on {Url}: RSA certificate '{RsaSubject}' ({RsaFingerprint}), ECC certificate {Ecdsa}; " +
            "VEN certificates must chain to {ClientCa}.")]
        public static partial void ServingMutualTls(ILogger logger, string url, string rsaSubject, string rsaFingerprint, string ecdsa, string clientCa);

        [LoggerMessage(3302, LogLevel.Warning, "Certificate '{Subject}' expires on {NotAfter:yyyy-MM-dd HH:mm} UTC: renew it (openadr-edge cert).")]
        public static partial void ExpiresSoon(ILogger logger, string subject, DateTime notAfter);
    }
}
