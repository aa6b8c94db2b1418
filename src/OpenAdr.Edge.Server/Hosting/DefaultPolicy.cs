using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>
/// The decisions the binary makes when no code is written: admit VENs by the configured rule, and request their
/// telemetry (TELEMETRY_USAGE and TELEMETRY_STATUS) at the configured granularity, or the fastest they offer.
/// </summary>
internal static partial class DefaultPolicy
{
    public static void Apply(OpenAdrVtn vtn, EdgeSettings settings, ILogger logger)
    {
        vtn.OnCreatePartyRegistration = async info =>
        {
            if (!await AdmitAsync(vtn, settings, info).ConfigureAwait(false))
            {
                Log.Refused(logger, info.VenName ?? "", settings.Admission);
                return null;
            }

            var venId = info.VenId ?? "ven-" + Guid.NewGuid().ToString("N");
            return new AcceptedRegistration(venId, "reg-" + Guid.NewGuid().ToString("N"));
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

    /// <summary>
    /// Stored decisions come first: a denied name is refused, an allowed one admitted (when it has a fingerprint, only
    /// over that client certificate). Otherwise the mode decides; in approval mode the name is recorded as pending,
    /// for an operator to allow or deny, and refused until then.
    /// </summary>
    private static async ValueTask<bool> AdmitAsync(OpenAdrVtn vtn, EdgeSettings settings, RegistrationInfo info)
    {
        var name = info.VenName ?? "";
        if (vtn.Admissions.Find(name) is { } decision)
        {
            return decision.State == AdmissionState.Allowed
                && (decision.Fingerprint is null || (info.Fingerprint is { } presented && Fingerprints.AreEqual(presented, decision.Fingerprint)));
        }

        switch (settings.Admission)
        {
            case AdmissionMode.Open:
                return true;
            case AdmissionMode.Allowlist:
                return settings.AllowedVenNames.Contains(name);
            case AdmissionMode.Approval when name.Length > 0:
                await vtn.Admissions.SetAsync(name, AdmissionState.Pending, info.Fingerprint).ConfigureAwait(false);
                return false;
            default:
                return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3100, LogLevel.Information, "Registration of '{VenName}' refused (admission: {Admission}).")]
        public static partial void Refused(ILogger logger, string venName, AdmissionMode admission);
    }
}
