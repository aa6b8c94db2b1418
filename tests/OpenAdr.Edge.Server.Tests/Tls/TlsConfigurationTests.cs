using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Server.Hosting;
using Xunit;

namespace OpenAdr.Edge.Server.Tests.Tls;

/// <summary>Bad <c>OpenAdr:Tls</c> configuration stops the start with one clear message, before the database is touched.</summary>
public sealed class TlsConfigurationTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task A_missing_key_file_stops_the_start()
    {
        var missing = Path.Combine(pki.Directory, "nowhere.key");
        var error = await StartWith(Replace(pki.TlsArgs(), "--OpenAdr:Tls:Key", missing));
        Assert.StartsWith("Invalid configuration: ", error, StringComparison.Ordinal);
        Assert.Contains($"OpenAdr:Tls:Key '{missing}' does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_of_another_certificate_stops_the_start()
    {
        var error = await StartWith(Replace(pki.TlsArgs(), "--OpenAdr:Tls:EcdsaKey", pki.Files.CaKey));
        Assert.StartsWith("Invalid configuration: ", error, StringComparison.Ordinal);
        Assert.Contains($"OpenAdr:Tls:EcdsaKey '{pki.Files.CaKey}' is not the private key of OpenAdr:Tls:EcdsaCertificate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ecc_certificate_where_the_rsa_one_goes_stops_the_start()
    {
        var args = Replace(Replace(pki.TlsArgs(), "--OpenAdr:Tls:Certificate", pki.Files.EcdsaCertificate), "--OpenAdr:Tls:Key", pki.Files.EcdsaKey);
        var error = await StartWith(args);
        Assert.Contains("is not an RSA certificate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_keys_and_a_plain_http_url_are_all_reported_at_once()
    {
        string[] args = ["--OpenAdr:Tls:Certificate", pki.Files.RsaCertificate, "--OpenAdr:Tls:EcdsaCertificate", pki.Files.EcdsaCertificate, "--OpenAdr:Tls:Url", "http://127.0.0.1:8080"];
        var error = await StartWith(args);
        Assert.Contains("OpenAdr:Tls:Key is required", error, StringComparison.Ordinal);
        Assert.Contains("OpenAdr:Tls:ClientCa is required", error, StringComparison.Ordinal);
        Assert.Contains("OpenAdr:Tls:EcdsaCertificate and OpenAdr:Tls:EcdsaKey go together", error, StringComparison.Ordinal);
        Assert.Contains("OpenAdr:Tls:Url 'http://127.0.0.1:8080' is not https://", error, StringComparison.Ordinal);
    }

    private static string[] Replace(string[] args, string key, string value)
    {
        var copy = args.ToArray();
        copy[Array.IndexOf(copy, key) + 1] = value;
        return copy;
    }

    private async Task<string> StartWith(string[] tlsArgs)
    {
        var database = Path.Combine(pki.Directory, Guid.NewGuid().ToString("N") + ".db");
        string[] args = ["--OpenAdr:Database", database, "--Logging:LogLevel:Default", "Warning", .. tlsArgs];
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EdgeApp.BuildAsync(args));
        Assert.False(File.Exists(database));
        return error.Message;
    }
}
