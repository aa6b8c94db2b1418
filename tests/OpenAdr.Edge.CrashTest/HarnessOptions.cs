using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;

namespace OpenAdr.Edge.CrashTest;

/// <summary>The command line: which binary to kill, how often, with how much load, and the seed that makes a run repeatable.</summary>
internal sealed record HarnessOptions(string Binary, int Kills, int Workers, int Seed, TimeSpan MaxRun, string? KeepDirectory)
{
    public const string Usage = """
        Usage: CrashTest --binary <openadr-edge> [--kills <n, default 20>] [--workers <n, default 8>]
                         [--seed <n, default random>] [--max-run-ms <n, default 1500>] [--keep <directory>]
          Starts the binary on a temporary database, drives registrations, operator events, opt answers and
          telemetry against it, kills it with SIGKILL at a random moment of each run, checks the database with
          PRAGMA integrity_check, restarts it and checks every acknowledged write through the operator API.
          --keep leaves the database and the server logs in <directory>. Exit code 0 when nothing was violated,
          1 when something was, 2 for a bad command line.
        """;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out HarnessOptions? options, out string error)
    {
        options = null;
        string? binary = null, keep = null;
        int kills = 20, workers = 8, seed = Environment.TickCount & int.MaxValue, maxRunMs = 1500;
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
                case "--binary": binary = value; break;
                case "--keep": keep = value; break;
                case "--kills" when Positive(value, out kills): break;
                case "--workers" when Positive(value, out workers): break;
                case "--seed" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed): break;
                case "--max-run-ms" when Positive(value, out maxRunMs) && maxRunMs >= 100: break;
                default:
                    error = $"Unknown option or bad value: {args[i]} {value}";
                    return false;
            }
        }

        if (binary is null || !File.Exists(binary))
        {
            error = binary is null ? "--binary is required." : $"No file {binary}.";
            return false;
        }

        error = "";
        options = new HarnessOptions(Path.GetFullPath(binary), kills, workers, seed, TimeSpan.FromMilliseconds(maxRunMs), keep);
        return true;
    }

    private static bool Positive(string value, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result > 0;
}
