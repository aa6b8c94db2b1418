using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace OpenAdr.Edge.Server.Security;

/// <summary>
/// The <c>OpenAdr:Tls</c> configuration section: the PEM files the OpenADR listener serves mutual TLS with, and where it
/// listens. Only paths and the address are checked here; <see cref="ServerCredentials"/> reads the files.
/// </summary>
/// <param name="Certificate">The RSA server certificate (PEM; further certificates in the file are sent as its chain).</param>
/// <param name="Key">The RSA certificate's private key (PEM, unencrypted).</param>
/// <param name="EcdsaCertificate">The optional ECC (P-256) server certificate, served to VENs that offer ECDSA suites.</param>
/// <param name="EcdsaKey">The ECC certificate's private key.</param>
/// <param name="ClientCa">The CA certificate(s) (PEM) VEN certificates must chain to; nothing else is trusted.</param>
/// <param name="Url">Where the OpenADR listener accepts TLS, e.g. <c>https://0.0.0.0:8443</c>.</param>
/// <param name="CheckRevocation">Check VEN certificates' revocation online (off by default: edge networks rarely reach a CRL).</param>
public sealed record TlsSettings(
    string Certificate,
    string Key,
    string? EcdsaCertificate,
    string? EcdsaKey,
    string ClientCa,
    string Url,
    bool CheckRevocation)
{
    public const string Section = "OpenAdr:Tls";

    /// <summary>Where the OpenADR listener accepts TLS when <c>OpenAdr:Tls:Url</c> is not given: loopback, like plain HTTP.</summary>
    public const string DefaultUrl = "https://127.0.0.1:8443";

    /// <summary>The settings, or <see langword="null"/> when the section is absent (plain HTTP); problems go to <paramref name="errors"/>.</summary>
    public static TlsSettings? From(IConfigurationSection section, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(errors);
        if (!section.Exists())
        {
            return null;
        }

        var certificate = Required(section, "Certificate", errors);
        var key = Required(section, "Key", errors);
        var clientCa = Required(section, "ClientCa", errors);
        var ecdsaCertificate = Optional(section, "EcdsaCertificate");
        var ecdsaKey = Optional(section, "EcdsaKey");
        if ((ecdsaCertificate is null) != (ecdsaKey is null))
        {
            errors.Add($"{Section}:EcdsaCertificate and {Section}:EcdsaKey go together: give both or neither.");
        }

        var url = Optional(section, "Url") ?? DefaultUrl;
        if (!TryParseUrl(url, out _, out _))
        {
            errors.Add($"{Section}:Url '{url}' is not https://<IP address, localhost or *>:<port>.");
        }

        var checkRevocation = false;
        if (Optional(section, "CheckRevocation") is { } revocation && !bool.TryParse(revocation, out checkRevocation))
        {
            errors.Add($"{Section}:CheckRevocation '{revocation}' is not true or false.");
        }

        return new TlsSettings(certificate, key, ecdsaCertificate, ecdsaKey, clientCa, url, checkRevocation);
    }

    /// <summary>
    /// Reads an <c>https://host:port</c> listen address; <paramref name="address"/> is <see langword="null"/> for
    /// <c>localhost</c> (both loopbacks) and <see cref="IPAddress.Any"/> for <c>*</c> or <c>+</c>.
    /// </summary>
    internal static bool TryParseUrl(string url, out IPAddress? address, out int port) =>
        Hosting.ListenAddress.TryParse(url, "https", out address, out port) && (address is not null || port != 0);

    private static string Required(IConfigurationSection section, string key, List<string> errors)
    {
        if (Optional(section, key) is { } value)
        {
            return value;
        }

        errors.Add($"{Section}:{key} is required when {Section} is configured.");
        return "";
    }

    private static string? Optional(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();
}
