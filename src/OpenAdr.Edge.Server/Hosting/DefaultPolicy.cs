using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>
/// The decisions the binary makes when no code is written: admit VENs by the configured rule, and request their
/// telemetry (TELEMETRY_USAGE and TELEMETRY_STATUS) at the configured granularity, or the fastest they offer.
/// </summary>
internal static partial class DefaultPolicy
{
    public static void Apply(OpenAdrVtn vtn, EdgeSettings settings, ILogger logger)
    {
        vtn.OnCreatePartyRegistration = info =>
        {
            var admitted = settings.Admission switch
            {
                AdmissionMode.Open => true,
                AdmissionMode.Allowlist => info.VenName is not null && settings.AllowedVenNames.Contains(info.VenName),
                _ => false,
            };
            if (!admitted)
            {
                Log.Refused(logger, info.VenName ?? "", settings.Admission);
                return ValueTask.FromResult<AcceptedRegistration?>(null);
            }

            var venId = info.VenId ?? "ven-" + Guid.NewGuid().ToString("N");
            return ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration(venId, "reg-" + Guid.NewGuid().ToString("N")));
        };

        vtn.OnRegisterReport = offer =>
        {
            var granularity = settings.ReportGranularity ?? offer.MinSamplingInterval;
            if (offer.MaxSamplingInterval > TimeSpan.Zero && granularity > offer.MaxSamplingInterval)
            {
                granularity = offer.MaxSamplingInterval;
            }

            if (granularity < offer.MinSamplingInterval)
            {
                granularity = offer.MinSamplingInterval;
            }

            // The data is stored by the engine before it is acknowledged; nothing else to do with it here.
            return ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(static _ => ValueTask.CompletedTask, granularity));
        };
    }

    private static partial class Log
    {
        [LoggerMessage(3100, LogLevel.Information, "Registration of '{VenName}' refused (admission: {Admission}).")]
        public static partial void Refused(ILogger logger, string venName, AdmissionMode admission);
    }
}
