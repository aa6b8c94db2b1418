using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAdr.Edge.Vtn;

namespace OpenAdr.Edge.Server.Security;

/// <summary>
/// <c>openadr-edge cert</c>: a small private PKI for a VTN and its VENs, as PEM files. <c>init</c> makes a CA (ECC P-256,
/// 10 years) and the two server certificates OpenADR asks for (RSA 2048 and ECC P-256, R-68); <c>ven</c> makes a VEN's
/// client certificate signed by that CA; <c>fingerprint</c> prints any certificate's OpenADR fingerprint (§10.5.1).
/// </summary>
public static class CertificateTool
{
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>How long server and VEN certificates made here are valid unless <c>--days</c> says otherwise.</summary>
    public const int DefaultValidityDays = 730;

    public const int CaValidityYears = 10;

    public const string CaCertificateFile = "ca.pem";
    public const string CaKeyFile = "ca.key";

    private const string Usage = """
        Usage:
          openadr-edge cert init <dir> [--host <name or IP>]... [--days <n>]
              A CA (ca.pem, ca.key) and the VTN's RSA and ECC server certificates (server-rsa.pem/.key,
              server-ecc.pem/.key), valid for localhost, 127.0.0.1 and every --host.
          openadr-edge cert ven <dir> <venName> [--days <n>]
              A VEN's client certificate (<venName>.pem/.key) signed by the CA in <dir>; prints its fingerprint.
          openadr-edge cert fingerprint <certificate.pem>
              The certificate's OpenADR fingerprint (last 10 bytes of SHA-256 over DER, AA:BB:...).
        """;

    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    private static readonly SearchValues<char> s_venNameCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>Runs <c>openadr-edge cert ...</c> (<paramref name="args"/> without <c>cert</c>); returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            switch (args)
            {
                case ["init", var directory, .. var options] when TryOptions(options, allowHosts: true, out var hosts, out var days):
                    WriteInit(Init(directory, hosts, days), hosts, output);
                    return 0;
                case ["ven", var directory, var venName, .. var options] when TryOptions(options, allowHosts: false, out _, out var days):
                    WriteVen(CreateVen(directory, venName, days), venName, output);
                    return 0;
                case ["fingerprint", var certificate]:
                    output.WriteLine(FingerprintOf(certificate));
                    return 0;
                case ["help" or "--help" or "-h"]:
                    output.WriteLine(Usage);
                    return 0;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            error.WriteLine("openadr-edge cert: " + message);
            return 1;
        }
    }

    /// <summary>Makes the CA and both server certificates in <paramref name="directory"/>; never overwrites a file.</summary>
    public static PkiFiles Init(string directory, IEnumerable<string> hosts, int validityDays = DefaultValidityDays)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        directory = Path.GetFullPath(directory);
        var files = new PkiFiles(
            Path.Combine(directory, CaCertificateFile),
            Path.Combine(directory, CaKeyFile),
            Path.Combine(directory, "server-rsa.pem"),
            Path.Combine(directory, "server-rsa.key"),
            Path.Combine(directory, "server-ecc.pem"),
            Path.Combine(directory, "server-ecc.key"));
        EnsureAbsent(files.CaCertificate, files.CaKey, files.RsaCertificate, files.RsaKey, files.EcdsaCertificate, files.EcdsaKey);
        Directory.CreateDirectory(directory);

        var notBefore = DateTimeOffset.UtcNow - s_clockSkew;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // A CN of its own, so that VENs holding certificates from several such CAs tell them apart by issuer name.
        var caName = Name("openadr-edge CA " + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        var caRequest = new CertificateRequest(caName, caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notBefore.AddYears(CaValidityYears));

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1" };
        foreach (var host in hosts)
        {
            if (!seen.Add(host))
            {
                continue;
            }

            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        var san = names.Build();
        var notAfter = Earliest(notBefore.AddDays(validityDays), ca.NotAfter);
        using var rsa = RSA.Create(2048);
        using var rsaCertificate = Sign(
            LeafRequest("openadr-edge VTN (RSA)", rsa, san, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, ServerAuthOid, ClientAuthOid),
            ca, notBefore, notAfter);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ecdsaCertificate = Sign(
            LeafRequest("openadr-edge VTN (ECC)", ecdsa, san, X509KeyUsageFlags.DigitalSignature, ServerAuthOid, ClientAuthOid),
            ca, notBefore, notAfter);

        // Everything is made before anything is written: a failure leaves no half PKI behind.
        WriteCertificate(files.CaCertificate, ca);
        WriteKey(files.CaKey, caKey);
        WriteCertificate(files.RsaCertificate, rsaCertificate);
        WriteKey(files.RsaKey, rsa);
        WriteCertificate(files.EcdsaCertificate, ecdsaCertificate);
        WriteKey(files.EcdsaKey, ecdsa);
        return files;
    }

    /// <summary>Makes <paramref name="venName"/>'s client certificate (ECC P-256, clientAuth), signed by the CA in <paramref name="directory"/>.</summary>
    public static VenCertificateFiles CreateVen(string directory, string venName, int validityDays = DefaultValidityDays)
    {
        ArgumentNullException.ThrowIfNull(venName);
        if (venName.Length == 0 || venName[0] == '.' || venName.AsSpan().ContainsAnyExcept(s_venNameCharacters))
        {
            throw new ArgumentException($"VEN name '{venName}' must be letters, digits, '.', '_' or '-' (it names the files), not starting with '.'.", nameof(venName));
        }

        directory = Path.GetFullPath(directory);
        var certificatePath = Path.Combine(directory, venName + ".pem");
        var keyPath = Path.Combine(directory, venName + ".key");
        EnsureAbsent(certificatePath, keyPath);
        using var ca = LoadCa(directory);

        var notBefore = DateTimeOffset.UtcNow - s_clockSkew;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(venName, key, subjectAlternativeName: null, X509KeyUsageFlags.DigitalSignature, ClientAuthOid);
        using var certificate = Sign(request, ca, notBefore, Earliest(notBefore.AddDays(validityDays), ca.NotAfter));
        WriteCertificate(certificatePath, certificate);
        WriteKey(keyPath, key);
        return new VenCertificateFiles(certificatePath, keyPath, Fingerprints.Of(certificate), certificate.NotAfter.ToUniversalTime());
    }

    /// <summary>The OpenADR fingerprint of the (first) certificate in a PEM or DER file.</summary>
    public static string FingerprintOf(string certificatePath)
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        return Fingerprints.Of(certificate);
    }

    private static bool TryOptions(ReadOnlySpan<string> options, bool allowHosts, out List<string> hosts, out int days)
    {
        hosts = [];
        days = DefaultValidityDays;
        for (var i = 0; i < options.Length; i += 2)
        {
            if (i + 1 >= options.Length)
            {
                return false;
            }

            switch (options[i])
            {
                case "--host" when allowHosts && options[i + 1].Length > 0:
                    hosts.Add(options[i + 1]);
                    break;
                case "--days" when int.TryParse(options[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out days) && days > 0:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static CertificateRequest LeafRequest(
        string commonName, AsymmetricAlgorithm key, X509Extension? subjectAlternativeName, X509KeyUsageFlags usage, params ReadOnlySpan<string> purposes)
    {
        var request = key switch
        {
            RSA rsa => new CertificateRequest(Name(commonName), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => new CertificateRequest(Name(commonName), ecdsa, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("RSA or ECDSA keys only.", nameof(key)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        var oids = new OidCollection();
        foreach (var purpose in purposes)
        {
            oids.Add(new Oid(purpose));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        if (subjectAlternativeName is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeName);
        }

        return request;
    }

    /// <summary>O=OpenAdr.Edge, CN=<paramref name="commonName"/> (the builder encodes the last one added first).</summary>
    private static X500DistinguishedName Name(string commonName)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        name.AddOrganizationName("OpenAdr.Edge");
        return name.Build();
    }

    private static X509Certificate2 Sign(CertificateRequest request, X509Certificate2 ca, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        Span<byte> serial = stackalloc byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40); // positive, and no leading zero byte to trim
        // The CA's key may be of another kind than the certificate's (an ECC CA signs the RSA server certificate).
        var signer = ca.GetECDsaPrivateKey() is { } ecdsa ? X509SignatureGenerator.CreateForECDsa(ecdsa)
            : ca.GetRSAPrivateKey() is { } rsa ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
            : throw new CryptographicException($"The CA '{ca.Subject}' has no usable private key.");
        return request.Create(ca.SubjectName, signer, notBefore, notAfter, serial);
    }

    private static X509Certificate2 LoadCa(string directory)
    {
        var certificate = Path.Combine(directory, CaCertificateFile);
        var key = Path.Combine(directory, CaKeyFile);
        if (!File.Exists(certificate) || !File.Exists(key))
        {
            throw new FileNotFoundException($"{certificate} and {key} are needed: make them with 'openadr-edge cert init {directory}'.");
        }

        return X509Certificate2.CreateFromPemFile(certificate, key);
    }

    private static DateTimeOffset Earliest(DateTimeOffset wanted, DateTime caNotAfter)
    {
        var limit = new DateTimeOffset(caNotAfter.ToUniversalTime(), TimeSpan.Zero);
        return wanted < limit ? wanted : limit;
    }

    private static void EnsureAbsent(params ReadOnlySpan<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                throw new IOException($"{path} exists; openadr-edge cert never overwrites a certificate or key.");
            }
        }
    }

    private static void WriteCertificate(string path, X509Certificate2 certificate) =>
        Write(path, certificate.ExportCertificatePem(), privateFile: false);

    private static void WriteKey(string path, AsymmetricAlgorithm key) =>
        Write(path, key.ExportPkcs8PrivateKeyPem(), privateFile: true);

    private static void Write(string path, string pem, bool privateFile)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (privateFile && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(pem);
        writer.Write('\n');
    }

    private static void WriteInit(PkiFiles files, List<string> hosts, TextWriter output)
    {
        var directory = Path.GetDirectoryName(files.CaCertificate);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(files.CaCertificate);
        using var rsa = X509CertificateLoader.LoadCertificateFromFile(files.RsaCertificate);
        using var ecdsa = X509CertificateLoader.LoadCertificateFromFile(files.EcdsaCertificate);
        output.WriteLine($"Made in {directory}:");
        output.WriteLine($"  {files.CaCertificate}  the CA (ECC P-256) until {Date(ca)}: the VTN trusts VEN certificates it signed; VENs verify the VTN with it");
        output.WriteLine($"  {files.CaKey}  the CA's private key: only 'cert ven' needs it, the VTN never reads it; keep it private");
        output.WriteLine($"  {files.RsaCertificate}, {files.RsaKey}  the VTN's RSA 2048 certificate until {Date(rsa)}, fingerprint {Fingerprints.Of(rsa)}");
        output.WriteLine($"  {files.EcdsaCertificate}, {files.EcdsaKey}  the VTN's ECC P-256 certificate until {Date(ecdsa)}, fingerprint {Fingerprints.Of(ecdsa)}");
        output.WriteLine($"  names in both: localhost, 127.0.0.1{(hosts.Count > 0 ? ", " + string.Join(", ", hosts) : "")}");
        output.WriteLine();
        output.WriteLine("Configuration (environment variables as here; or --OpenAdr:Tls:Certificate <path> ... on the command line;");
        output.WriteLine("or the same keys under \"OpenAdr\": { \"Tls\": { ... } } in appsettings.json):");
        output.WriteLine($"OpenAdr__Tls__Certificate={files.RsaCertificate}");
        output.WriteLine($"OpenAdr__Tls__Key={files.RsaKey}");
        output.WriteLine($"OpenAdr__Tls__EcdsaCertificate={files.EcdsaCertificate}");
        output.WriteLine($"OpenAdr__Tls__EcdsaKey={files.EcdsaKey}");
        output.WriteLine($"OpenAdr__Tls__ClientCa={files.CaCertificate}");
        output.WriteLine("OpenAdr__Tls__Url=https://0.0.0.0:8443");
        output.WriteLine();
        output.WriteLine($"Then, for each VEN: openadr-edge cert ven {directory} <venName>");
    }

    private static void WriteVen(VenCertificateFiles files, string venName, TextWriter output)
    {
        var directory = Path.GetDirectoryName(files.Certificate)!;
        output.WriteLine($"Made the certificate of VEN '{venName}' (ECC P-256, client authentication) until {files.NotAfter:yyyy-MM-dd}, signed by {Path.Combine(directory, CaCertificateFile)}:");
        output.WriteLine($"  {files.Certificate}");
        output.WriteLine($"  {files.Key}");
        output.WriteLine($"Fingerprint: {files.Fingerprint}");
        output.WriteLine();
        output.WriteLine($"Give the VEN {venName}.pem, {venName}.key and {CaCertificateFile} (OpenLEADR: OpenADRClient(..., cert='{venName}.pem', key='{venName}.key', ca_file='{CaCertificateFile}')).");
        output.WriteLine("The VTN stores this fingerprint when the VEN registers over TLS, and answers 463 to messages for that venID sent with any other certificate.");
    }

    private static string Date(X509Certificate2 certificate) =>
        certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The files <see cref="CertificateTool.Init"/> made (absolute paths).</summary>
public sealed record PkiFiles(string CaCertificate, string CaKey, string RsaCertificate, string RsaKey, string EcdsaCertificate, string EcdsaKey);

/// <summary>The files <see cref="CertificateTool.CreateVen"/> made (absolute paths), and the certificate's fingerprint.</summary>
public sealed record VenCertificateFiles(string Certificate, string Key, string Fingerprint, DateTime NotAfter);
