using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenAdr.Edge.Server.Security;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>The <c>OpenAdr</c> configuration section, read and checked at start (bad values stop the start with one clear message).</summary>
public sealed record EdgeSettings(
    string VtnId,
    string DatabasePath,
    TimeSpan PollFrequency,
    string PathPrefix,
    AdmissionMode Admission,
    IReadOnlyList<string> AllowedVenNames,
    TimeSpan? ReportGranularity,
    TlsSettings? Tls = null)
{
    /// <summary>Where plain-HTTP OpenADR is served when there is no TLS (<c>OpenAdr:Url</c>, else <c>urls</c>).</summary>
    public string Url { get; init; } = EdgeApp.DefaultUrl;

    /// <summary>The operator listener (<c>OpenAdr:Operator:Url</c>).</summary>
    public string OperatorUrl { get; init; } = EdgeApp.DefaultOperatorUrl;

    /// <summary>The bearer token the operator API requires; mandatory when the operator listener is not on loopback.</summary>
    public string? OperatorToken { get; init; }

    /// <summary>OpenADR requests in flight beyond this get 503 with Retry-After (<c>OpenAdr:MaxConcurrentRequests</c>; 0 refuses all).</summary>
    public int MaxConcurrentRequests { get; init; } = 4096;

    /// <summary>Larger OpenADR request bodies get 413 (<c>OpenAdr:MaxRequestBodyBytes</c>).</summary>
    public int MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Open connections per listener beyond which new ones are closed as they arrive (<c>OpenAdr:MaxConnections</c>).</summary>
    public int MaxConnections { get; init; } = 20_000;

    /// <summary>A client that has not sent its request line and headers in this time is disconnected (<c>OpenAdr:RequestHeadersTimeout</c>).</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A body arriving slower than this, in bytes per second, after the grace period is refused with 408 (<c>OpenAdr:MinRequestBodyDataRate</c>).</summary>
    public int MinRequestBodyDataRate { get; init; } = 240;

    /// <summary>How long a body may arrive slower than <see cref="MinRequestBodyDataRate"/> (<c>OpenAdr:MinRequestBodyDataRateGracePeriod</c>).</summary>
    public TimeSpan MinRequestBodyDataRateGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How far a signed message's ReplayProtect timestamp may be from the clock (<c>OpenAdr:Signatures:ReplayWindow</c>).</summary>
    public TimeSpan SignatureReplayWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The PEM certificate answers to signing VENs are signed with (<c>OpenAdr:Signatures:Certificate</c>); none: unsigned.</summary>
    public string? SigningCertificate { get; init; }

    /// <summary>Its private key, PEM, unencrypted (<c>OpenAdr:Signatures:Key</c>).</summary>
    public string? SigningKey { get; init; }
    /// <summary>Days report data is kept before housekeeping deletes it (<c>OpenAdr:ReportRetentionDays</c>; 0 keeps it all).</summary>
    public int ReportRetentionDays { get; init; } = 30;

    public const string Section = "OpenAdr";

    public static EdgeSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var errors = new List<string>();
        var vtnId = section["VtnId"] ?? "openadr-edge";
        if (string.IsNullOrWhiteSpace(vtnId))
        {
            errors.Add("OpenAdr:VtnId must not be empty.");
        }

        var pollFrequency = Duration(section, "PollFrequency", TimeSpan.FromSeconds(10), errors);
        var granularity = section["ReportGranularity"] is null ? (TimeSpan?)null : Duration(section, "ReportGranularity", TimeSpan.Zero, errors);
        var prefix = section["PathPrefix"] ?? "/OpenADR2/Simple/2.0b";
        if (!prefix.StartsWith('/'))
        {
            errors.Add($"OpenAdr:PathPrefix '{prefix}' must start with '/'.");
        }

        var admission = AdmissionMode.Open;
        if (section["Admission"] is { } mode && !Enum.TryParse(mode, ignoreCase: true, out admission))
        {
            errors.Add($"OpenAdr:Admission '{mode}' is not one of: open, allowlist, approval, closed.");
        }

        var allowed = new List<string>();
        foreach (var child in section.GetSection("AllowedVenNames").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(child.Value))
            {
                allowed.Add(child.Value);
            }
        }

        var tls = TlsSettings.From(section.GetSection("Tls"), errors);
        var url = section["Url"] ?? FirstUrl(configuration["urls"]) ?? EdgeApp.DefaultUrl;
        if (tls is null && !ListenAddress.TryParse(url, "http", out _, out _))
        {
            errors.Add($"OpenAdr:Url '{url}' is not http://<IP address, localhost or *>:<port>.");
        }

        var operatorUrl = section["Operator:Url"] ?? EdgeApp.DefaultOperatorUrl;
        var operatorToken = section["Operator:Token"];
        if (!ListenAddress.TryParse(operatorUrl, "http", out var operatorAddress, out _))
        {
            errors.Add($"OpenAdr:Operator:Url '{operatorUrl}' is not http://<IP address, localhost or *>:<port>.");
        }
        else if (string.IsNullOrEmpty(operatorToken) && operatorAddress is not null && !System.Net.IPAddress.IsLoopback(operatorAddress))
        {
            errors.Add($"OpenAdr:Operator:Token is required: the operator listener '{operatorUrl}' is not on loopback.");
        }

        var maxConcurrent = Count(section, "MaxConcurrentRequests", 4096, 0, errors);
        var maxBody = Count(section, "MaxRequestBodyBytes", 1024 * 1024, 1024, errors);
        var maxConnections = Count(section, "MaxConnections", 20_000, 1, errors);
        var headersTimeout = Duration(section, "RequestHeadersTimeout", TimeSpan.FromSeconds(10), errors);
        var minDataRate = Count(section, "MinRequestBodyDataRate", 240, 1, errors);
        var grace = Duration(section, "MinRequestBodyDataRateGracePeriod", TimeSpan.FromSeconds(5), errors);
        if (grace <= TimeSpan.FromSeconds(1))
        {
            // Kestrel checks data rates once a second and wants a grace period longer than that.
            errors.Add($"OpenAdr:MinRequestBodyDataRateGracePeriod '{section["MinRequestBodyDataRateGracePeriod"]}' is not longer than one second.");
        }
        var replayWindow = Duration(section, "Signatures:ReplayWindow", TimeSpan.FromSeconds(5), errors);
        var signingCertificate = section["Signatures:Certificate"];
        var signingKey = section["Signatures:Key"];
        if (string.IsNullOrEmpty(signingCertificate) != string.IsNullOrEmpty(signingKey))
        {
            errors.Add("OpenAdr:Signatures:Certificate and OpenAdr:Signatures:Key go together: give both or neither.");
        }

        var retentionDays = Count(section, "ReportRetentionDays", 30, 0, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        }

        return new EdgeSettings(vtnId, section["Database"] ?? "openadr-edge.db", pollFrequency, prefix.TrimEnd('/'), admission, allowed, granularity, tls)
        {
            Url = url,
            OperatorUrl = operatorUrl,
            OperatorToken = string.IsNullOrEmpty(operatorToken) ? null : operatorToken,
            MaxConcurrentRequests = maxConcurrent,
            MaxRequestBodyBytes = maxBody,
            MaxConnections = maxConnections,
            RequestHeadersTimeout = headersTimeout,
            MinRequestBodyDataRate = minDataRate,
            MinRequestBodyDataRateGracePeriod = grace,
            SignatureReplayWindow = replayWindow,
            SigningCertificate = string.IsNullOrEmpty(signingCertificate) ? null : signingCertificate,
            SigningKey = string.IsNullOrEmpty(signingKey) ? null : signingKey,
            ReportRetentionDays = retentionDays,
        };
    }

    private static string? FirstUrl(string? urls) =>
        string.IsNullOrWhiteSpace(urls) ? null : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];

    private static int Count(IConfigurationSection section, string key, int fallback, int minimum, List<string> errors)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        errors.Add($"OpenAdr:{key} '{text}' is not a whole number of at least {minimum}.");
        return fallback;
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, List<string> errors)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        errors.Add($"OpenAdr:{key} '{text}' is not a positive duration (hh:mm:ss).");
        return fallback;
    }
}

/// <summary>Which VENs may register when no code decides it.</summary>
public enum AdmissionMode
{
    /// <summary>Every VEN (development, or a closed network).</summary>
    Open,

    /// <summary>Only the VEN names in OpenAdr:AllowedVenNames, and those an operator allowed.</summary>
    Allowlist,

    /// <summary>Names an operator allowed; any other is recorded as pending for an operator to allow or deny.</summary>
    Approval,

    /// <summary>Nobody.</summary>
    Closed,
}
