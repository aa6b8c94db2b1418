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
            errors.Add($"OpenAdr:Admission '{mode}' is not one of: open, allowlist, closed.");
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
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        }

        return new EdgeSettings(vtnId, section["Database"] ?? "openadr-edge.db", pollFrequency, prefix.TrimEnd('/'), admission, allowed, granularity, tls);
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

    /// <summary>Only the VEN names in OpenAdr:AllowedVenNames.</summary>
    Allowlist,

    /// <summary>Nobody.</summary>
    Closed,
}
