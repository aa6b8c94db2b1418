using System;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>
/// The two listeners: OpenADR for VENs, and the operator's (API, health, metrics), kept apart so that the OpenADR
/// port can require client certificates and the operator port can stay on loopback. Once the server has started,
/// the URLs name the ports actually bound (port 0 in configuration means "any").
/// </summary>
public sealed class EdgeListeners
{
    internal static readonly object OperatorConnectionKey = new();

    internal ListenOptions? OpenAdrListen { get; set; }

    internal ListenOptions? OperatorListen { get; set; }

    internal string OpenAdrScheme { get; set; } = "http";

    public Uri? OpenAdrUrl => Url(OpenAdrListen, OpenAdrScheme);

    public Uri? OperatorUrl => Url(OperatorListen, "http");

    internal static bool IsOperatorConnection(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionItemsFeature>()?.Items.ContainsKey(OperatorConnectionKey) == true;

    private static Uri? Url(ListenOptions? listen, string scheme) => listen?.IPEndPoint is { } endPoint
        ? new Uri($"{scheme}://{(endPoint.Address.Equals(IPAddress.Any) ? "127.0.0.1" : endPoint.Address.ToString())}:{endPoint.Port}")
        : null;
}
