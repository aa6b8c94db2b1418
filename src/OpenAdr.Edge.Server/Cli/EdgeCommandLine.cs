using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using OpenAdr.Edge.Server.Hosting;
using OpenAdr.Edge.Server.Security;

namespace OpenAdr.Edge.Server.Cli;

/// <summary>
/// The <c>openadr-edge</c> command line: <c>serve</c> (also what runs without a command), <c>cert</c>, and the
/// operator's commands (<c>ven</c>, <c>event</c>, <c>report</c>), which are clients of the operator API.
/// Exit codes: 0 done, 1 refused by the API or the server unreachable, 2 a usage error or an invalid configuration.
/// </summary>
public static class EdgeCommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private const string Name = "openadr-edge";

    /// <summary>The version <c>--version</c> prints: the informational version of the program (the entry assembly).</summary>
    public static string Version =>
        (Assembly.GetEntryAssembly() ?? typeof(EdgeCommandLine).Assembly).GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the process exit code.</summary>
    /// <param name="cancellationToken">Stops a running command, <c>serve</c> included (the process's own signals stop <c>serve</c> as before).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Build(new OperatorConnection());
        var parseResult = root.Parse(ServeByDefault(args, root), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Action is ParseErrorAction usage)
        {
            // The errors, suggestions and the command's help, all on stderr; exit code 2 rather than the library's 1.
            usage.ShowHelp = true;
            await parseResult.InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr }, cancellationToken).ConfigureAwait(false);
            return UsageError;
        }

        // No handler for SIGINT/SIGTERM here: serve leaves them to the host's own console lifetime, as it always has.
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Build(OperatorConnection connection)
    {
        var root = new RootCommand("openadr-edge: an OpenADR 2.0b VTN. Without a command it serves (see 'serve --help').") { HelpName = Name };
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersion();
        }

        root.Add(Serve());
        root.Add(VenCommands.Create(connection));
        root.Add(EventCommands.Create(connection));
        root.Add(ReportCommands.Create(connection));
        root.Add(Cert());
        return root;
    }

    /// <summary>
    /// Without a command, or with configuration first (<c>--urls ...</c>, <c>--OpenAdr:Database ...</c>, <c>key=value</c>),
    /// the arguments are serve's, as they were before there were commands. A first argument that names one of the
    /// commands' options is not taken for configuration: <c>openadr-edge --operator ... ven list</c> is a usage error,
    /// not a second server.
    /// </summary>
    private static string[] ServeByDefault(string[] args, RootCommand root)
    {
        if (args is [])
        {
            return ["serve"];
        }

        var first = args[0];
        var configuration = first.StartsWith('-') ? !OptionNames(root).Contains(first.Split('=', 2)[0]) : first.Contains('=', StringComparison.Ordinal);
        return configuration ? ["serve", .. args] : args;
    }

    private static HashSet<string> OptionNames(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in command.Options)
        {
            names.Add(option.Name);
            names.UnionWith(option.Aliases);
        }

        foreach (var subcommand in command.Subcommands)
        {
            names.UnionWith(OptionNames(subcommand));
        }

        return names;
    }

    private static Command Serve()
    {
        var settings = new Argument<string[]>("configuration")
        {
            Description = "Configuration as --Key value or Key=value, over environment variables (OpenAdr__...) and appsettings.json: "
                + "--OpenAdr:Database <file>, --urls http://0.0.0.0:8080, --OpenAdr:Operator:Url, --OpenAdr:Operator:Token, "
                + "--OpenAdr:Admission open|allowlist|approval|closed, --OpenAdr:Tls:..., --contentRoot <dir>",
            Arity = ArgumentArity.ZeroOrMore,
            CaptureRemainingTokens = true,
        };
        var serve = new Command("serve", "Run the VTN: OpenADR on its listener, the operator API, /health and /metrics on the operator listener") { settings };
        serve.SetAction((parseResult, cancellationToken) => ServeAsync(parseResult.GetValue(settings) ?? [], parseResult.InvocationConfiguration.Error, cancellationToken));
        return serve;
    }

    private static async Task<int> ServeAsync(string[] settings, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var app = await EdgeApp.BuildAsync(settings).ConfigureAwait(false);
            await HostingAbstractionsHostExtensions.RunAsync(app, cancellationToken).ConfigureAwait(false);
            return Success;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Invalid configuration", StringComparison.Ordinal))
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return UsageError;
        }
    }

    /// <summary><c>cert init|ven|fingerprint</c>, run by <see cref="CertificateTool"/> as before.</summary>
    private static Command Cert()
    {
        var cert = new Command("cert", "A small private PKI as PEM files: a CA, the VTN's server certificates, VEN client certificates");

        var days = CliValues.CountOption("--days", $"Validity of the certificates made, in days [default: {CertificateTool.DefaultValidityDays}]");

        var initDirectory = new Argument<string>("dir") { Description = "Where to write the files (created if missing; nothing is overwritten)" };
        var hosts = new Option<string[]>("--host") { Description = "A DNS name or IP address the server certificates are also valid for (repeat)", HelpName = "name or IP" };
        var init = new Command("init",
            "A CA (ca.pem, ca.key; ECC P-256, 10 years) and the VTN's server certificates (server-rsa.pem/.key RSA 2048, server-ecc.pem/.key P-256) "
            + "for localhost, 127.0.0.1 and every --host")
        {
            initDirectory, hosts, days,
        };
        init.SetAction(parseResult => RunCertificateTool(parseResult,
            ["init", parseResult.GetRequiredValue(initDirectory), .. (parseResult.GetValue(hosts) ?? []).SelectMany(host => new[] { "--host", host }), .. Days(parseResult, days)]));

        var venDirectory = new Argument<string>("dir") { Description = "The directory with the CA (ca.pem, ca.key)" };
        var venName = new Argument<string>("venName") { Description = "The VEN's name: the certificate's subject, and the files <venName>.pem/.key" };
        var ven = new Command("ven", "A VEN's client certificate signed by the CA; prints its fingerprint") { venDirectory, venName, days };
        ven.SetAction(parseResult => RunCertificateTool(parseResult,
            ["ven", parseResult.GetRequiredValue(venDirectory), parseResult.GetRequiredValue(venName), .. Days(parseResult, days)]));

        var certificate = new Argument<string>("certificate.pem") { Description = "A PEM certificate" };
        var fingerprint = new Command("fingerprint", "A certificate's OpenADR fingerprint: the last 10 bytes of SHA-256 over DER, as AA:BB:...") { certificate };
        fingerprint.SetAction(parseResult => RunCertificateTool(parseResult, ["fingerprint", parseResult.GetRequiredValue(certificate)]));

        cert.Add(init);
        cert.Add(ven);
        cert.Add(fingerprint);
        return cert;
    }

    private static IEnumerable<string> Days(ParseResult parseResult, Option<int?> days) =>
        parseResult.GetValue(days) is { } value ? ["--days", value.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];

    private static int RunCertificateTool(ParseResult parseResult, string[] args) =>
        CertificateTool.Run(args, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Name + " " + Version);
            return Success;
        }
    }
}
