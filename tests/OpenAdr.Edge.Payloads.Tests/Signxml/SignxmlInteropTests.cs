using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using OpenAdr.Edge.Payloads.Signatures;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Xml.Canonicalization;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests.Signxml;

/// <summary>
/// What we sign must be accepted by OpenLEADR's VEN, which verifies with signxml over lxml. The script here repeats
/// that check with lxml's canonicalization and Python's cryptography (no .NET in the loop); it accepts OpenLEADR's own
/// signed examples, so it agrees with OpenLEADR's signer, and then has to accept ours.
/// </summary>
public class SignxmlInteropTests
{
    private static readonly string s_script = Path.Combine(AppContext.BaseDirectory, "Signxml", "verify_like_signxml.py");

    [Theory]
    [InlineData("01_VEN_oadrPoll.signed.xml", "A4:3C:70:CE:57:8E:FB:9C:F1:65")]
    [InlineData("02_VTN_oadrResponse.signed.xml", "E2:DA:B0:C6:BB:DA:8B:C4:B6:6C")]
    public void The_script_accepts_OpenLEADRs_signatures_and_names_their_signer(string file, string fingerprint)
    {
        var (exitCode, output) = Verify(File.ReadAllBytes(SharedFiles.Get("interop/openleadr/signed-examples/" + file)));

        Assert.Equal(0, exitCode);
        Assert.Equal(fingerprint, output);
    }

    [Theory]
    [InlineData("rsa", CanonicalizationMethod.Inclusive)]
    [InlineData("rsa", CanonicalizationMethod.Exclusive)]
    [InlineData("ecdsa", CanonicalizationMethod.Inclusive)]
    [InlineData("ecdsa", CanonicalizationMethod.Exclusive)]
    public void What_we_sign_is_accepted_the_way_OpenLEADR_verifies(string key, CanonicalizationMethod method)
    {
        using var certificate = key == "rsa" ? XmlSignatureTests.RsaCertificate() : XmlSignatureTests.EcdsaCertificate();
        var unsigned = File.ReadAllBytes(SharedFiles.Get("interop/openleadr/012_2_VTN-to-VEN_OadrPoll_oadrDistributeEvent.xml"));
        var signed = new ArrayBufferWriter<byte>();
        new XmlSignatureSigner(certificate, method: method).Sign(unsigned, signed);

        var (exitCode, output) = Verify(signed.WrittenSpan.ToArray());

        Assert.True(exitCode == 0, output);
        Assert.Equal(Fingerprints(certificate.RawData), output);
    }

    [Fact]
    public void A_changed_signed_object_is_refused_by_the_script()
    {
        using var certificate = XmlSignatureTests.RsaCertificate();
        var signed = new ArrayBufferWriter<byte>();
        new XmlSignatureSigner(certificate).Sign(OadrPayload.WriteToArray(new OadrPoll { VenId = "ven-1" }), signed);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed.WrittenSpan).Replace(">ven-1<", ">ven-2<", StringComparison.Ordinal));

        var (exitCode, output) = Verify(tampered);

        Assert.Equal(1, exitCode);
        Assert.Equal("digest of #oadrSignedObject differs", output);
    }

    private static string Fingerprints(byte[] der) =>
        string.Join(':', System.Security.Cryptography.SHA256.HashData(der)[^10..].Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    private static (int ExitCode, string Output) Verify(byte[] document)
    {
        if (Python() is not { } python)
        {
            Assert.Skip("python3 with lxml and cryptography is not installed (scripts/install-prerequisites.sh installs python3-lxml and python3-cryptography).");
            return default;
        }

        var file = Path.Combine(Path.GetTempPath(), $"signed-{Guid.NewGuid():N}.xml");
        File.WriteAllBytes(file, document);
        try
        {
            var (exitCode, output) = Run(python, s_script, file);
            return (exitCode, output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The first Python that has lxml and cryptography: Debian's, which the prerequisites script installs them into, before any other on the PATH.</summary>
    private static string? Python()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Run(candidate, "-c", "import lxml, cryptography").ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }

        return null;
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
