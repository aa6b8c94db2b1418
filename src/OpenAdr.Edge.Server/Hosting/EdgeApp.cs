using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Server.Observability;
using OpenAdr.Edge.Server.Operator;
using OpenAdr.Edge.Server.Security;
using OpenAdr.Edge.Server.Transport;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>
/// The <c>openadr-edge</c> web application: configuration, the VTN over its SQLite database, the OpenADR endpoints
/// on their listener, and the operator API, health and metrics on the operator listener.
/// </summary>
public static partial class EdgeApp
{
    /// <summary>Where the VTN listens when nothing is configured: plain HTTP on loopback.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Where the operator API listens when nothing is configured.</summary>
    public const string DefaultOperatorUrl = "http://127.0.0.1:8081";

    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        // The settings are read once, so appsettings.json is not watched: watching it puts an inotify watch on every
        // folder under the content root (the working directory), which from a source tree delayed start-up by 30 ms.
        var builder = WebApplication.CreateSlimBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
        builder.Host.UseSystemd();
        var settings = EdgeSettings.From(builder.Configuration);
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            // Kestrel and routing log every request at Information: four lines per poll, unless asked for.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] is null)
        {
            // This category only logs requests starting and finishing (Information), but while it is on at any level
            // ASP.NET Core starts an Activity and a log scope for every request: 6% of an empty poll's CPU time.
            // Start-up failures still end the process with their exception.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        }

        var listeners = new EdgeListeners();

        // The listeners come from the settings alone; "urls" only feeds OpenAdr:Url.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        if (settings.Tls is not null)
        {
            builder.WebHost.UseOpenAdrTls(settings.Tls, listen =>
            {
                listeners.OpenAdrListen = listen;
                listeners.OpenAdrScheme = "https";
            });
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            ApplyLimits(kestrel.Limits, settings);
            if (settings.Tls is null)
            {
                Listen(kestrel, settings.Url, listen => listeners.OpenAdrListen = listen);
            }

            Listen(kestrel, settings.OperatorUrl, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(next => connection =>
                {
                    connection.Items[EdgeListeners.OperatorConnectionKey] = true;
                    return next(connection);
                });
                listeners.OperatorListen = listen;
            });
        });

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton<EdgeMetrics>();
        using var startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var sqlite = await SqliteVtnStore.OpenAsync(settings.DatabasePath, startupLogging.CreateLogger<SqliteVtnStore>()).ConfigureAwait(false);
        var store = new MeasuredStore(sqlite);
        builder.Services.AddSingleton(sqlite);
        builder.Services.AddSingleton(store);
        var vtn = await OpenAdrVtn.OpenAsync(
            new VtnOptions
            {
                VtnId = settings.VtnId,
                RequestedPollFrequency = settings.PollFrequency,
                ReportRetention = settings.ReportRetentionDays > 0 ? TimeSpan.FromDays(settings.ReportRetentionDays) : null,
            },
            store,
            TimeProvider.System,
            startupLogging.CreateLogger<OpenAdrVtn>()).ConfigureAwait(false);
        builder.Services.AddSingleton(vtn);

        var app = builder.Build();
        DefaultPolicy.Apply(vtn, settings, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenAdr.Edge.Policy"));
        app.Use(SeparateListeners(settings));
        app.MapOpenAdr(new OpenAdrTransportOptions
        {
            PathPrefix = settings.PathPrefix,
            MaxConcurrentRequests = settings.MaxConcurrentRequests,
            MaxRequestBodyBytes = settings.MaxRequestBodyBytes,
            SignatureReplayWindow = settings.SignatureReplayWindow,
            SigningCertificate = LoadSigningCertificate(settings),
        });
        app.MapOperatorApi();
        app.MapObservability();
        app.Lifetime.ApplicationStopped.Register(() => vtn.DisposeAsync().AsTask().GetAwaiter().GetResult());
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenAdr.Edge");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Log.Started(logger, settings.VtnId, listeners.OpenAdrUrl?.ToString() ?? "?", listeners.OperatorUrl?.ToString() ?? "?", settings.DatabasePath);
            var upkeep = HeapUpkeep.Start();
            app.Lifetime.ApplicationStopping.Register(upkeep.Dispose);
            if (settings.Tls is null)
            {
                OpenAdrTlsExtensions.WarnPlainHttp(logger);
            }
        });
        return app;
    }

    /// <summary>The certificate and key answers to signing VENs are signed with, or null when none is configured.</summary>
    private static X509Certificate2? LoadSigningCertificate(EdgeSettings settings)
    {
        if (settings.SigningCertificate is null || settings.SigningKey is null)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(settings.SigningCertificate, settings.SigningKey);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Invalid configuration: OpenAdr:Signatures:Certificate '{settings.SigningCertificate}' with its key '{settings.SigningKey}' cannot be loaded: {e.Message}", e);
        }
    }

    /// <summary>
    /// What a hostile or broken client may hold: connections (beyond the limit Kestrel closes new ones and logs each),
    /// time to send its headers, a body's size (a declared Content-Length over it is refused before the body is read)
    /// and its pace. OpenADR never upgrades a connection (no WebSockets), so upgraded connections are refused.
    /// </summary>
    private static void ApplyLimits(KestrelServerLimits limits, EdgeSettings settings)
    {
        limits.MaxConcurrentConnections = settings.MaxConnections;
        limits.MaxConcurrentUpgradedConnections = 0;
        limits.RequestHeadersTimeout = settings.RequestHeadersTimeout;
        limits.MaxRequestBodySize = settings.MaxRequestBodyBytes;
        limits.MinRequestBodyDataRate = new MinDataRate(settings.MinRequestBodyDataRate, settings.MinRequestBodyDataRateGracePeriod);
    }

    private static void Listen(KestrelServerOptions kestrel, string url, Action<ListenOptions> configure)
    {
        ListenAddress.TryParse(url, "http", out var address, out var port);
        kestrel.Listen(address ?? IPAddress.Loopback, port, configure);
    }

    /// <summary>
    /// The operator's paths answer only on the operator listener (behind its bearer token, when one is set), the
    /// OpenADR paths only on the OpenADR listener; anything else is 404.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> SeparateListeners(EdgeSettings settings)
    {
        var token = settings.OperatorToken is null ? null : Encoding.UTF8.GetBytes("Bearer " + settings.OperatorToken);
        return (context, next) =>
        {
            var path = context.Request.Path;
            var operatorPath = path.StartsWithSegments("/api") || path == "/health" || path == "/alive" || path == "/metrics";
            if (operatorPath != EdgeListeners.IsOperatorConnection(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            // /alive stays open so that a supervisor can probe it without the token.
            if (operatorPath && token is not null && path != "/alive")
            {
                var presented = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
                if (!CryptographicOperations.FixedTimeEquals(presented, token))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    return Task.CompletedTask;
                }
            }

            return next(context);
        };
    }

    private static partial class Log
    {
        [LoggerMessage(3200, LogLevel.Information, "VTN '{VtnId}' serving OpenADR 2.0b on {Url}, operator API on {OperatorUrl}, database {Database}.")]
        public static partial void Started(ILogger logger, string vtnId, string url, string operatorUrl, string database);
    }
}
