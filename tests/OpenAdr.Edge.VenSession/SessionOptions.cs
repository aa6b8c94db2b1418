using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenAdr.Edge.VenSession;

/// <summary>The command line: where the VTN and its operator API are, the VEN's name, and its certificate for mutual TLS.</summary>
internal sealed record SessionOptions(Uri OpenAdrUrl, Uri OperatorUrl, string VenName, string? Certificate, string? Key, string? Ca, string? OperatorToken, TimeSpan Timeout)
{
    /// <summary>Where OpenADR 2.0b simple HTTP lives when <c>--url</c> names only the host.</summary>
    public const string DefaultPathPrefix = "/OpenADR2/Simple/2.0b";

    public const string Usage = """
        Usage: VenSession --url <OpenADR base URL> --operator <operator API URL> --name <venName>
                          [--cert <VEN certificate.pem> --key <VEN key.pem> --ca <CA certificate.pem>]
                          [--operator-token <bearer token>] [--timeout <seconds, default 120>]
          --url without a path means <url>/OpenADR2/Simple/2.0b. With --cert, --key and --ca the VEN presents its
          certificate and trusts only that CA (mutual TLS). Exit code 0 when every step passed, 1 when one failed,
          2 for a bad command line or unreadable certificate files.
        """;

    public bool MutualTls => Certificate is not null;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out SessionOptions? options, out string error)
    {
        options = null;
        string? url = null, operatorUrl = null, name = null, certificate = null, key = null, ca = null, token = null;
        var timeout = TimeSpan.FromSeconds(120);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                error = $"{args[i]} needs a value.";
                return false;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--url": url = value; break;
                case "--operator": operatorUrl = value; break;
                case "--name": name = value; break;
                case "--cert": certificate = value; break;
                case "--key": key = value; break;
                case "--ca": ca = value; break;
                case "--operator-token": token = value; break;
                case "--timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    error = $"Unknown option or bad value: {args[i]} {value}";
                    return false;
            }
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var openAdrUri) || !Uri.TryCreate(operatorUrl, UriKind.Absolute, out var operatorUri)
            || string.IsNullOrEmpty(name))
        {
            error = "--url, --operator (absolute URLs) and --name are required.";
            return false;
        }

        if ((certificate is null) != (key is null) || (certificate is null) != (ca is null))
        {
            error = "--cert, --key and --ca go together.";
            return false;
        }

        if (openAdrUri.AbsolutePath == "/")
        {
            openAdrUri = new Uri(openAdrUri, DefaultPathPrefix);
        }

        error = "";
        options = new SessionOptions(openAdrUri, operatorUri, name, certificate, key, ca, token, timeout);
        return true;
    }
}
