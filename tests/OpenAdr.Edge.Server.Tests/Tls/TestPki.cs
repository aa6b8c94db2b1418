using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAdr.Edge.Server.Security;

namespace OpenAdr.Edge.Server.Tests.Tls;

/// <summary>
/// Made once per test class with <c>openadr-edge cert</c>'s own code: the VTN's CA and server certificates, two VENs
/// of that CA, a VEN of another CA, and an expired VEN certificate of the right CA.
/// </summary>
public sealed class TestPki : IDisposable
{
    public TestPki()
    {
        Directory = Path.Combine(Path.GetTempPath(), "openadr-edge-tests", "pki-" + Guid.NewGuid().ToString("N"));
        Files = CertificateTool.Init(Path.Combine(Directory, "vtn"), []);
        VenA = Load(CertificateTool.CreateVen(Path.Combine(Directory, "vtn"), "ven-a"));
        VenB = Load(CertificateTool.CreateVen(Path.Combine(Directory, "vtn"), "ven-b"));
        CertificateTool.Init(Path.Combine(Directory, "other"), []);
        Intruder = Load(CertificateTool.CreateVen(Path.Combine(Directory, "other"), "intruder"));
        Ca = X509CertificateLoader.LoadCertificateFromFile(Files.CaCertificate);
        Rsa = X509CertificateLoader.LoadCertificateFromFile(Files.RsaCertificate);
        Ecdsa = X509CertificateLoader.LoadCertificateFromFile(Files.EcdsaCertificate);
        Expired = MakeExpiredVen();
    }

    public string Directory { get; }

    public PkiFiles Files { get; }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Rsa { get; }

    public X509Certificate2 Ecdsa { get; }

    public X509Certificate2 VenA { get; }

    public X509Certificate2 VenB { get; }

    public X509Certificate2 Intruder { get; }

    public X509Certificate2 Expired { get; }

    /// <summary>The command-line arguments that serve mutual TLS with these files.</summary>
    public string[] TlsArgs(string url = "https://127.0.0.1:0") =>
    [
        "--OpenAdr:Tls:Certificate", Files.RsaCertificate,
        "--OpenAdr:Tls:Key", Files.RsaKey,
        "--OpenAdr:Tls:EcdsaCertificate", Files.EcdsaCertificate,
        "--OpenAdr:Tls:EcdsaKey", Files.EcdsaKey,
        "--OpenAdr:Tls:ClientCa", Files.CaCertificate,
        "--OpenAdr:Tls:Url", url,
    ];

    public void Dispose()
    {
        foreach (var certificate in (ReadOnlySpan<X509Certificate2>)[Ca, Rsa, Ecdsa, VenA, VenB, Intruder, Expired])
        {
            certificate.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static X509Certificate2 Load(VenCertificateFiles files) => X509Certificate2.CreateFromPemFile(files.Certificate, files.Key);

    private X509Certificate2 MakeExpiredVen()
    {
        using var ca = X509Certificate2.CreateFromPemFile(Files.CaCertificate, Files.CaKey);
        using var caKey = ca.GetECDsaPrivateKey()!;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=expired-ven", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(CertificateTool.ClientAuthOid)], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddDays(-30), now.AddDays(-1), [0x41, 0x02, 0x03, 0x04]);
        return certificate.CopyWithPrivateKey(key);
    }
}
