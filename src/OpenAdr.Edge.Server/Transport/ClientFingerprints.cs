using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using OpenAdr.Edge.Vtn;

namespace OpenAdr.Edge.Server.Transport;

/// <summary>The TLS client certificate's fingerprint, computed once per connection.</summary>
internal static class ClientFingerprints
{
    private static readonly object s_key = new();

    public static string? Of(HttpContext context)
    {
        // Over plain HTTP there is no certificate, and asking the connection for one searches its features every time.
        if (!context.Request.IsHttps)
        {
            return null;
        }

        var certificate = context.Connection.ClientCertificate;
        if (certificate is null)
        {
            return null;
        }

        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is not null && items.TryGetValue(s_key, out var cached) && cached is string known)
        {
            return known;
        }

        var fingerprint = Fingerprints.Of(certificate);
        if (items is not null)
        {
            items[s_key] = fingerprint;
        }

        return fingerprint;
    }
}
