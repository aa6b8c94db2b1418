using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using OpenAdr.Edge.Server.Security;
using OpenAdr.Edge.Vtn;
using Xunit;

namespace OpenAdr.Edge.Server.Tests.Tls;

/// <summary><c>openadr-edge cert</c>, run in-process as the binary runs it.</summary>
public sealed class CertificateToolTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "openadr-edge-tests", "cert-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Cert_fingerprint_prints_what_the_vtn_computes()
    {
        var files = CertificateTool.Init(_directory, []);
        var (code, output, _) = Run("fingerprint", files.RsaCertificate);
        Assert.Equal(0, code);
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(files.RsaCertificate);
        Assert.Equal(Fingerprints.Of(certificate), output.Trim());
        Assert.Matches("^([0-9A-F]{2}:){9}[0-9A-F]{2}$", output.Trim());
    }

    [Fact]
    public void Cert_init_makes_the_files_and_prints_the_configuration_to_use()
    {
        var (code, output, _) = Run("init", _directory, "--host", "vtn.example", "--host", "192.0.2.7");
        Assert.Equal(0, code);
        foreach (var file in (ReadOnlySpan<string>)["ca.pem", "ca.key", "server-rsa.pem", "server-rsa.key", "server-ecc.pem", "server-ecc.key"])
        {
            Assert.Contains(Path.Combine(_directory, file), output, StringComparison.Ordinal);
        }

        Assert.Contains($"OpenAdr__Tls__Certificate={Path.Combine(_directory, "server-rsa.pem")}", output, StringComparison.Ordinal);
        Assert.Contains($"OpenAdr__Tls__ClientCa={Path.Combine(_directory, "ca.pem")}", output, StringComparison.Ordinal);
        using var rsa = X509Certificate2.CreateFromPemFile(Path.Combine(_directory, "server-rsa.pem"), Path.Combine(_directory, "server-rsa.key"));
        using var ecc = X509Certificate2.CreateFromPemFile(Path.Combine(_directory, "server-ecc.pem"), Path.Combine(_directory, "server-ecc.key"));
        Assert.Equal(2048, rsa.GetRSAPublicKey()!.KeySize);
        Assert.Equal(256, ecc.GetECDsaPublicKey()!.KeySize);
        Assert.True(rsa.MatchesHostname("vtn.example"));
        Assert.True(ecc.MatchesHostname("192.0.2.7"));
        Assert.True(ecc.MatchesHostname("localhost"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "ca.key")));
        }
    }

    [Fact]
    public void Cert_ven_makes_a_client_certificate_of_the_ca_and_prints_its_fingerprint()
    {
        CertificateTool.Init(_directory, []);
        var (code, output, _) = Run("ven", _directory, "ven-7");
        Assert.Equal(0, code);
        using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(_directory, "ven-7.pem"), Path.Combine(_directory, "ven-7.key"));
        Assert.Contains("Fingerprint: " + Fingerprints.Of(certificate), output, StringComparison.Ordinal);
        Assert.Equal("ven-7", certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));

        using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_directory, "ca.pem"));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(CertificateTool.ClientAuthOid));
        Assert.True(chain.Build(certificate));
    }

    [Fact]
    public void Cert_never_overwrites_a_ca_or_a_ven_certificate()
    {
        CertificateTool.Init(_directory, []);
        var ca = File.ReadAllText(Path.Combine(_directory, "ca.pem"));
        var (code, _, error) = Run("init", _directory);
        Assert.Equal(1, code);
        Assert.Contains("never overwrites", error, StringComparison.Ordinal);
        Assert.Equal(ca, File.ReadAllText(Path.Combine(_directory, "ca.pem")));

        Assert.Equal(0, Run("ven", _directory, "ven-1").Code);
        Assert.Equal(1, Run("ven", _directory, "ven-1").Code);
    }

    [Fact]
    public void Cert_ven_without_a_ca_or_with_a_path_for_a_name_fails_clearly()
    {
        var (code, _, error) = Run("ven", _directory, "ven-1");
        Assert.Equal(1, code);
        Assert.Contains("cert init", error, StringComparison.Ordinal);

        CertificateTool.Init(_directory, []);
        (code, _, error) = Run("ven", _directory, "../ven-1");
        Assert.Equal(1, code);
        Assert.Contains("VEN name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cert_with_unknown_arguments_prints_the_usage_and_exits_2()
    {
        var (code, _, error) = Run("mint", _directory);
        Assert.Equal(2, code);
        Assert.Contains("openadr-edge cert init", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CertificateTool.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
