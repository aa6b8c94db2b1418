using System;
using System.Buffers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Vtn;

namespace OpenAdr.Edge.Server.Security;

/// <summary>
/// The OpenADR listener's handshake (spec §9.2.1.1, §10): TLS 1.2 or 1.3 with the OpenADR suites, a client certificate
/// required and chained to the configured CA only, the ECC server certificate for clients offering ECDSA suites and
/// the RSA one for the others.
/// </summary>
internal sealed partial class MutualTlsHandshake
{
    private static readonly object s_ecdsaChosen = new();

    private readonly ServerCredentials _credentials;
    private readonly X509ChainPolicy _clientChainPolicy;
    private readonly ILogger _logger;

    public MutualTlsHandshake(ServerCredentials credentials, bool checkRevocation, ILogger logger)
    {
        _credentials = credentials;
        _logger = logger;
        _clientChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = checkRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck,
            RevocationFlag = X509RevocationFlag.ExcludeRoot,

            // The client chooses what is in its certificate; the server must not fetch URLs it names.
            DisableCertificateDownloads = true,
        };
        _clientChainPolicy.CustomTrustStore.AddRange(credentials.ClientCa);
        _clientChainPolicy.ApplicationPolicy.Add(new Oid(CertificateTool.ClientAuthOid));
    }

    public void Configure(HttpsConnectionAdapterOptions options)
    {
        // Kestrel wants a certificate up front; OnAuthenticate replaces it with the prepared context of the chosen one.
        options.ServerCertificate = _credentials.Rsa.Certificate;
        options.ServerCertificateChain = _credentials.Rsa.Intermediates;
        options.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        options.ClientCertificateValidation = ValidateClientCertificate;
        options.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        if (_credentials.Ecdsa is not null)
        {
            options.TlsClientHelloBytesCallback = OnClientHello;
        }

        options.OnAuthenticate = OnAuthenticate;
    }

    private void OnClientHello(ConnectionContext connection, ReadOnlySequence<byte> record)
    {
        if (ClientHello.PrefersEcdsa(record))
        {
            connection.Items[s_ecdsaChosen] = s_ecdsaChosen;
        }
    }

    private void OnAuthenticate(ConnectionContext connection, SslServerAuthenticationOptions options)
    {
        var ecdsa = _credentials.Ecdsa is not null && connection.Items.ContainsKey(s_ecdsaChosen);
        options.ServerCertificate = null;
        options.ServerCertificateContext = ecdsa ? _credentials.Ecdsa!.Context : _credentials.Rsa.Context;
        options.CertificateChainPolicy = _clientChainPolicy;
        if (!OperatingSystem.IsWindows())
        {
            options.CipherSuitesPolicy = OpenAdrCipherSuites.Policy;
        }

        Log.CertificateChosen(_logger, connection.ConnectionId, ecdsa ? "ECC" : "RSA");
    }

    private bool ValidateClientCertificate(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        Log.ClientCertificateRefused(_logger, certificate.Subject, Fingerprints.Of(certificate), Describe(chain, errors));
        return false;
    }

    private static string Describe(X509Chain? chain, SslPolicyErrors errors)
    {
        if (chain is null || chain.ChainStatus.Length == 0)
        {
            return errors.ToString();
        }

        var flags = X509ChainStatusFlags.NoError;
        foreach (var status in chain.ChainStatus)
        {
            flags |= status.Status;
        }

        return flags.ToString();
    }

    private static partial class Log
    {
        [LoggerMessage(3310, LogLevel.Warning, "VEN certificate '{Subject}' ({Fingerprint}) refused: {Reason}.")]
        public static partial void ClientCertificateRefused(ILogger logger, string subject, string fingerprint, string reason);

        [LoggerMessage(3311, LogLevel.Debug, "Connection {ConnectionId}: serving the {Kind} certificate.")]
        public static partial void CertificateChosen(ILogger logger, string connectionId, string kind);
    }
}
