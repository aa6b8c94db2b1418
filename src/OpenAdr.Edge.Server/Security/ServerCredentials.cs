using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAdr.Edge.Server.Security;

/// <summary>
/// The certificates the OpenADR listener serves, read once at start: the RSA certificate, the optional ECC one,
/// and the CA VEN certificates must chain to. Every problem with the files stops the start with one clear message.
/// </summary>
internal sealed class ServerCredentials
{
    private ServerCredentials(ServerCertificate rsa, ServerCertificate? ecdsa, X509Certificate2Collection clientCa)
    {
        Rsa = rsa;
        Ecdsa = ecdsa;
        ClientCa = clientCa;
    }

    public ServerCertificate Rsa { get; }

    public ServerCertificate? Ecdsa { get; }

    public X509Certificate2Collection ClientCa { get; }

    public static ServerCredentials Load(TlsSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        var clientCa = LoadClientCa(settings.ClientCa, errors);
        var trust = clientCa.Count > 0 ? SslCertificateTrust.CreateForX509Collection(clientCa, sendTrustInHandshake: !OperatingSystem.IsWindows()) : null;
        var rsa = LoadPair("Certificate", settings.Certificate, "Key", settings.Key, KeyKind.Rsa, now, trust, errors);
        var ecdsa = settings.EcdsaCertificate is { } ecdsaCertificate && settings.EcdsaKey is { } ecdsaKey
            ? LoadPair("EcdsaCertificate", ecdsaCertificate, "EcdsaKey", ecdsaKey, KeyKind.Ecdsa, now, trust, errors)
            : null;
        if (errors.Count > 0 || rsa is null)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        }

        return new ServerCredentials(rsa, ecdsa, clientCa);
    }

    private static X509Certificate2Collection LoadClientCa(string path, List<string> errors)
    {
        var certificates = new X509Certificate2Collection();
        if (!Exists("ClientCa", path, errors))
        {
            return certificates;
        }

        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"{TlsSettings.Section}:ClientCa '{path}' could not be read: {e.Message}");
            return certificates;
        }

        if (certificates.Count == 0)
        {
            errors.Add($"{TlsSettings.Section}:ClientCa '{path}' holds no PEM certificate.");
        }

        return certificates;
    }

    private static ServerCertificate? LoadPair(
        string certificateKey, string certificatePath, string keyKey, string keyPath, KeyKind kind, DateTimeOffset now, SslCertificateTrust? trust, List<string> errors)
    {
        if (!(Exists(certificateKey, certificatePath, errors) & Exists(keyKey, keyPath, errors)))
        {
            return null;
        }

        X509Certificate2 certificate;
        var chain = new X509Certificate2Collection();
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            chain.ImportFromPemFile(certificatePath);
            chain.RemoveAt(0);
        }
        catch (ArgumentException e)
        {
            // CopyWithPrivateKey's way of saying the key belongs to another certificate (or is of another kind).
            errors.Add($"{TlsSettings.Section}:{keyKey} '{keyPath}' is not the private key of {TlsSettings.Section}:{certificateKey} '{certificatePath}' ({FirstLine(e.Message)}).");
            return null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"{TlsSettings.Section}:{certificateKey} '{certificatePath}' with {TlsSettings.Section}:{keyKey} '{keyPath}' could not be read: {FirstLine(e.Message)}");
            return null;
        }

        var problem = kind switch
        {
            KeyKind.Rsa => certificate.GetRSAPublicKey() is { } key
                ? key.KeySize < 2048 ? $"has a {key.KeySize}-bit RSA key; OpenADR asks for 2048 bits or more" : null
                : "is not an RSA certificate (put an ECC certificate in " + TlsSettings.Section + ":EcdsaCertificate)",
            _ => certificate.GetECDsaPublicKey() is null ? "is not an ECC (ECDSA) certificate" : null,
        };
        problem ??= certificate.NotAfter.ToUniversalTime() < now.UtcDateTime ? $"expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC" : null;
        problem ??= HasServerAuthUsage(certificate) ? null : "is not valid for TLS server authentication (extended key usage)";
        if (problem is not null)
        {
            errors.Add($"{TlsSettings.Section}:{certificateKey} '{certificatePath}' {problem}.");
            certificate.Dispose();
            return null;
        }

        // offline: an edge gateway must not stall its start on fetching intermediates from the internet.
        var context = SslStreamCertificateContext.Create(certificate, chain, offline: true, trust);
        return new ServerCertificate(certificate, chain, context);
    }

    private static bool Exists(string key, string path, List<string> errors)
    {
        if (File.Exists(path))
        {
            return true;
        }

        errors.Add($"{TlsSettings.Section}:{key} '{path}' does not exist.");
        return false;
    }

    private static bool HasServerAuthUsage(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509EnhancedKeyUsageExtension usage)
            {
                foreach (var oid in usage.EnhancedKeyUsages)
                {
                    if (oid.Value == CertificateTool.ServerAuthOid)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return true;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private enum KeyKind
    {
        Rsa,
        Ecdsa,
    }
}

/// <summary>A server certificate with its private key and intermediates, and the TLS context (chain, trusted CA names) built from them once.</summary>
internal sealed record ServerCertificate(X509Certificate2 Certificate, X509Certificate2Collection Intermediates, SslStreamCertificateContext Context);
