using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Server.Cli;
using Xunit;

namespace OpenAdr.Edge.Server.Tests.Cli;

/// <summary>The command line itself: version, usage errors, help on every command, serve as the default, cert.</summary>
public sealed class CommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Version_prints_the_program_and_its_version()
    {
        var run = await EdgeCli.RunAsync("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"openadr-edge {EdgeCommandLine.Version}\n", run.Out);
        Assert.NotEqual("?", EdgeCommandLine.Version);
    }

    [Fact]
    public async Task An_unknown_command_is_exit_code_2_with_the_usage_on_stderr()
    {
        var run = await EdgeCli.RunAsync("bogus");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("Unrecognized command or argument 'bogus'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  openadr-edge [command] [options]", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  ven ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ven")]
    [InlineData("event create")]
    [InlineData("event create --ven v --start now --duration 00:10:00")]
    [InlineData("event create --ven v --start yesterday --duration 00:10:00 --value 1")]
    [InlineData("event create --ven v --interval 2030-01-01T00:00:00Z,00:10:00")]
    [InlineData("event create --ven v --interval ,00:10:00,1")]
    [InlineData("event list")]
    [InlineData("report show v --limit 0")]
    [InlineData("ven list --operator ftp://example.net")]
    [InlineData("--operator http://127.0.0.1:1 ven list")]
    [InlineData("cert init")]
    [InlineData("cert ven dir name --days -3")]
    public async Task A_usage_error_is_exit_code_2_before_anything_is_sent(string args)
    {
        var run = await EdgeCli.RunAsync(args.Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("serve")]
    [InlineData("ven")]
    [InlineData("ven list")]
    [InlineData("ven show")]
    [InlineData("ven admissions")]
    [InlineData("ven add")]
    [InlineData("ven approve")]
    [InlineData("ven deny")]
    [InlineData("ven remove")]
    [InlineData("ven reregister")]
    [InlineData("ven opts")]
    [InlineData("event")]
    [InlineData("event create")]
    [InlineData("event list")]
    [InlineData("event cancel")]
    [InlineData("report")]
    [InlineData("report show")]
    [InlineData("cert")]
    [InlineData("cert init")]
    [InlineData("cert ven")]
    [InlineData("cert fingerprint")]
    public async Task Every_command_has_help(string command)
    {
        string[] args = command.Length == 0 ? ["--help"] : [.. command.Split(' '), "--help"];
        var run = await EdgeCli.RunAsync(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Usage:\n  openadr-edge {command}".TrimEnd(), run.Out, StringComparison.Ordinal);
        Assert.Contains("Description:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_command_the_configuration_goes_to_serve_which_runs_until_stopped()
    {
        var directory = Directory.CreateTempSubdirectory("openadr-edge-cli-");
        try
        {
            var operatorPort = FreePort();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var serving = EdgeCli.RunUntilAsync(
                ["--urls", $"http://127.0.0.1:{FreePort()}", "--OpenAdr:Operator:Url", $"http://127.0.0.1:{operatorPort}",
                 "--OpenAdr:Database", Path.Combine(directory.FullName, "vtn.db"), "--Logging:LogLevel:Default", "Warning"],
                stop.Token);

            var operatorUrl = $"http://127.0.0.1:{operatorPort}";
            await WaitUntilAliveAsync(operatorUrl, serving);
            var list = await EdgeCli.RunAsync("ven", "list", "--operator", operatorUrl);
            Assert.Equal(0, list.ExitCode);
            Assert.Equal("No VENs.\n", list.Out);

            await stop.CancelAsync();
            var served = await serving;
            Assert.Equal(0, served.ExitCode);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Serve_with_an_invalid_configuration_is_exit_code_2_with_the_reason_also_without_the_command()
    {
        var run = await EdgeCli.RunAsync("serve", "--OpenAdr:Admission", "sometimes", "--OpenAdr:Database", Path.Combine(Path.GetTempPath(), "never-created.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Invalid configuration: OpenAdr:Admission 'sometimes' is not one of", run.Error, StringComparison.Ordinal);

        var keyValue = await EdgeCli.RunAsync("OpenAdr:Admission=sometimes", "--OpenAdr:Database", Path.Combine(Path.GetTempPath(), "never-created.db"));
        Assert.Equal(2, keyValue.ExitCode);
        Assert.StartsWith("Invalid configuration: OpenAdr:Admission 'sometimes'", keyValue.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cert_makes_a_ca_and_a_ven_certificate_whose_fingerprint_it_prints()
    {
        var directory = Directory.CreateTempSubdirectory("openadr-edge-cli-pki-");
        try
        {
            var init = await EdgeCli.RunAsync("cert", "init", directory.FullName, "--host", "vtn.example.net", "--days", "30");
            Assert.Equal(0, init.ExitCode);
            Assert.True(File.Exists(Path.Combine(directory.FullName, "server-ecc.pem")));

            var ven = await EdgeCli.RunAsync("cert", "ven", directory.FullName, "ven-7");
            Assert.Equal(0, ven.ExitCode);
            var fingerprint = await EdgeCli.RunAsync("cert", "fingerprint", Path.Combine(directory.FullName, "ven-7.pem"));
            Assert.Equal(0, fingerprint.ExitCode);
            Assert.Matches("^([0-9A-F]{2}:){9}[0-9A-F]{2}\n$", fingerprint.Out);
            Assert.Contains(fingerprint.Out.TrimEnd(), ven.Out, StringComparison.Ordinal);

            var again = await EdgeCli.RunAsync("cert", "init", directory.FullName);
            Assert.Equal(1, again.ExitCode);
            Assert.StartsWith("openadr-edge cert: ", again.Error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitUntilAliveAsync(string operatorUrl, Task<CliRun> serving)
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (serving.IsCompleted)
            {
                var run = await serving;
                Assert.Fail($"serve ended with {run.ExitCode}: {run.Error}");
            }

            try
            {
                if ((await http.GetAsync(operatorUrl + "/alive", Ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("serve did not answer /alive within 10 s.");
    }
}
