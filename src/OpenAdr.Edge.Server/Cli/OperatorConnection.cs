using System;
using System.CommandLine;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Server.Hosting;

namespace OpenAdr.Edge.Server.Cli;

/// <summary>
/// What every client command shares: where the operator API is (<c>--operator</c>), its token (<c>--token</c>),
/// <c>--json</c>, and one way of turning refusals and an unreachable server into a message and exit code 1.
/// </summary>
internal sealed class OperatorConnection
{
    public const string UrlVariable = "OPENADR_OPERATOR_URL";
    public const string TokenVariable = "OPENADR_OPERATOR_TOKEN";

    public OperatorConnection()
    {
        Url.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var text }] && !TryParseUrl(text, out _))
            {
                result.AddError($"--operator '{text}' is not an http:// or https:// URL.");
            }
        });
    }

    public Option<string> Url { get; } = new("--operator")
    {
        Description = $"The operator API [default: ${UrlVariable}, else {EdgeApp.DefaultOperatorUrl}]",
        HelpName = "url",
        Recursive = true,
    };

    /// <summary>Not given a default value: help would print it.</summary>
    public Option<string> Token { get; } = new("--token")
    {
        Description = $"The operator API's bearer token (OpenAdr:Operator:Token) [default: ${TokenVariable}]",
        HelpName = "token",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the operator API's JSON instead of a table",
        Recursive = true,
    };

    /// <summary>A command group (<c>ven</c>, <c>event</c>, <c>report</c>) whose commands all take the connection options.</summary>
    public Command Group(string name, string description) => new(name, description) { Url, Token, Json };

    /// <summary>Runs <paramref name="action"/> with a client of the operator API; returns 0, 1 (refused, unreachable) or 2 (bad URL in the environment).</summary>
    public void SetAction(Command command, Func<OperatorCall, Task> action) => command.SetAction(async (parseResult, cancellationToken) =>
    {
        var error = parseResult.InvocationConfiguration.Error;
        var text = parseResult.GetValue(Url) ?? FromEnvironment(UrlVariable) ?? EdgeApp.DefaultOperatorUrl;
        if (!TryParseUrl(text, out var url))
        {
            await error.WriteLineAsync($"openadr-edge: {UrlVariable} '{text}' is not an http:// or https:// URL.").ConfigureAwait(false);
            return EdgeCommandLine.UsageError;
        }

        var token = parseResult.GetValue(Token) ?? FromEnvironment(TokenVariable);
        using var client = new OperatorClient(url, token);
        try
        {
            await action(new OperatorCall(client, parseResult, parseResult.InvocationConfiguration.Output, parseResult.GetValue(Json), cancellationToken)).ConfigureAwait(false);
            return EdgeCommandLine.Success;
        }
        catch (OperatorApiException e)
        {
            await error.WriteLineAsync("openadr-edge: " + e.Message + (e.Code is null ? "" : $" (OpenADR code {e.Code})")).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"openadr-edge: cannot reach the operator API at {url}: {e.Message} (is openadr-edge serving there? see --operator)").ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"openadr-edge: the operator API at {url} did not answer in time.").ConfigureAwait(false);
        }

        return EdgeCommandLine.Failure;
    });

    private static string? FromEnvironment(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    private static bool TryParseUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}

/// <summary>One client command being run: the client, the parsed command line, where to print, and whether as JSON.</summary>
internal sealed record OperatorCall(OperatorClient Client, ParseResult Parse, TextWriter Output, bool Json, CancellationToken CancellationToken)
{
    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T Get<T>(Argument<T> argument) => Parse.GetRequiredValue(argument);

    /// <summary>The API's JSON as it came with <c>--json</c>, else what <paramref name="human"/> makes of the value.</summary>
    public Task PrintAsync<T>(OperatorAnswer<T> answer, Action<T, TextWriter> human)
    {
        if (Json)
        {
            return Output.WriteLineAsync(answer.Json);
        }

        human(answer.Value, Output);
        return Task.CompletedTask;
    }

    /// <summary>A sentence for an operation that answers nothing (204); nothing at all with <c>--json</c>.</summary>
    public Task SayAsync(string sentence) => Json ? Task.CompletedTask : Output.WriteLineAsync(sentence);
}
