using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>
/// What the host does besides answering: ASP.NET Core's per-request Activity and log scope (6% of an empty poll's CPU
/// time) run only when request logging is asked for, and no file watcher is set up.
/// </summary>
public sealed class HostOverheadTests
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

    [Fact]
    public async Task Configuration_files_are_read_once_and_not_watched()
    {
        await using var server = await EdgeServer.StartAsync();
        var files = ((IConfigurationBuilder)server.App.Configuration).Sources.OfType<FileConfigurationSource>().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.ReloadOnChange, file.Path));
    }
}
