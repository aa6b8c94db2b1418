using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>ASP.NET Core's per-request Activity and log scope cost an empty poll 6% of its CPU time: they run only when request logging is asked for.</summary>
public sealed class RequestDiagnosticsTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information" }, true)]
    public async Task A_request_runs_inside_an_Activity_only_when_request_logging_is_configured(string[] args, bool expected)
    {
        await using var server = await EdgeServer.StartAsync(args);
        var activity = new TaskCompletionSource<Activity?>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.App.Services.GetRequiredService<OpenAdrVtn>().OnQueryRegistration = (_, _) =>
        {
            activity.TrySetResult(Activity.Current);
            return ValueTask.FromResult<OadrCreatedPartyRegistration?>(null);
        };

        await server.PostAsync("EiRegisterParty", new OadrQueryRegistration { RequestId = "diagnostics" });

        Assert.Equal(expected, await activity.Task is not null);
    }
}
