using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Server.Security;
using OpenAdr.Edge.Server.Transport;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>The <c>openadr-edge</c> web application: configuration, the VTN over its SQLite database, the OpenADR endpoints.</summary>
public static partial class EdgeApp
{
    /// <summary>Where the VTN listens when nothing is configured: plain HTTP on loopback.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var settings = EdgeSettings.From(builder.Configuration);
        if (settings.Tls is not null)
        {
            builder.WebHost.UseOpenAdrTls(settings.Tls);
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(settings);
        using var startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var store = await SqliteVtnStore.OpenAsync(settings.DatabasePath, startupLogging.CreateLogger<SqliteVtnStore>()).ConfigureAwait(false);
        var vtn = await OpenAdrVtn.OpenAsync(
            new VtnOptions { VtnId = settings.VtnId, RequestedPollFrequency = settings.PollFrequency },
            store,
            TimeProvider.System,
            startupLogging.CreateLogger<OpenAdrVtn>()).ConfigureAwait(false);
        builder.Services.AddSingleton(vtn);

        var app = builder.Build();
        DefaultPolicy.Apply(vtn, settings, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenAdr.Edge.Policy"));
        app.MapOpenAdr(new OpenAdrTransportOptions { PathPrefix = settings.PathPrefix });
        app.Lifetime.ApplicationStopped.Register(() => vtn.DisposeAsync().AsTask().GetAwaiter().GetResult());
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenAdr.Edge");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Log.Started(logger, settings.VtnId, string.Join(", ", app.Urls), settings.DatabasePath);
            if (settings.Tls is null)
            {
                OpenAdrTlsExtensions.WarnPlainHttp(logger);
            }
        });
        return app;
    }

    private static partial class Log
    {
        [LoggerMessage(3200, LogLevel.Information, "VTN '{VtnId}' serving OpenADR 2.0b on {Urls}, database {Database}.")]
        public static partial void Started(ILogger logger, string vtnId, string urls, string database);
    }
}
