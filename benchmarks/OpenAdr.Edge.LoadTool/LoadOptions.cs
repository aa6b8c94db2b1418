using System;
using System.Globalization;

namespace OpenAdr.Edge.LoadTool;

/// <summary>The command line: <c>openadr-load --url URL [--vens N] [--connections C] [--interval S | --max] [--duration S] ...</c></summary>
internal sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:8080/OpenADR2/Simple/2.0b");

    public int Vens { get; init; } = 10_000;

    public string NamePrefix { get; init; } = "load-ven";

    public int Connections { get; init; } = 64;

    /// <summary>Each VEN polls this often; null: as fast as the server answers.</summary>
    public TimeSpan? Interval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each VEN sends a telemetry report (it offers TELEMETRY_USAGE at registration); null: never.</summary>
    public TimeSpan? Telemetry { get; init; }

    /// <summary>Write the registered venIDs here, one per line (for wrk's Lua script).</summary>
    public string? VenIdsFile { get; init; }

    /// <summary>Use the VENs already registered whose venIDs this file lists, one per line, instead of registering new ones.</summary>
    public string? UseVenIdsFile { get; init; }

    /// <summary>Register and stop (seeding a VTN).</summary>
    public bool RegisterOnly { get; init; }

    /// <summary>Measure full TLS handshakes per second instead of polls: "rsa" or "ecdsa" picks the server certificate through the suite offered.</summary>
    public string? Handshakes { get; init; }

    public string? Certificate { get; init; }

    public string? Key { get; init; }

    public string? CertificateAuthority { get; init; }

    /// <summary>Measure start-up this many times instead of polling: exec of <see cref="StartUpCommand"/> to its first answered poll.</summary>
    public int StartUpRuns { get; init; }

    /// <summary>The VTN's command line, everything after <c>--</c>.</summary>
    public string[] StartUpCommand { get; init; } = [];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                return options with { StartUpCommand = args[(i + 1)..] };
            }

            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--url" => options with { Url = new Uri(Value()) },
                "--vens" => options with { Vens = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--prefix" => options with { NamePrefix = Value() },
                "--connections" => options with { Connections = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--interval" => options with { Interval = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--max" => options with { Interval = null },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--telemetry" => options with { Telemetry = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--venids" => options with { VenIdsFile = Value() },
                "--register-only" => options with { RegisterOnly = true },
                "--use-venids" => options with { UseVenIdsFile = Value() },
                "--handshakes" => options with { Handshakes = Value() },
                "--cert" => options with { Certificate = Value() },
                "--key" => options with { Key = Value() },
                "--ca" => options with { CertificateAuthority = Value() },
                "--startup" => options with { StartUpRuns = int.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }
}
