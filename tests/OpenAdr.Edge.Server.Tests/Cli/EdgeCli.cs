using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Server.Cli;

namespace OpenAdr.Edge.Server.Tests.Cli;

/// <summary>What one run of <c>openadr-edge</c> printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Runs the command line in-process, as the binary's <c>Program</c> does, capturing its output.</summary>
internal static class EdgeCli
{
    public static Task<CliRun> RunAsync(params string[] args) => RunUntilAsync(args, Xunit.TestContext.Current.CancellationToken);

    /// <summary>Runs until done, or until <paramref name="cancellationToken"/> stops the command (serve).</summary>
    public static async Task<CliRun> RunUntilAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await EdgeCommandLine.RunAsync(args, output, error, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A client command against <paramref name="server"/>'s operator listener.</summary>
    public static Task<CliRun> RunAsync(EdgeServer server, params string[] args) =>
        RunAsync([.. args, "--operator", server.Operator.BaseAddress!.ToString()]);
}
