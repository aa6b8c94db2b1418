using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Server.Transport;
using OpenAdr.Edge.Vtn;

namespace OpenAdr.Edge.Server;

public static class OpenAdrEndpointExtensions
{
    /// <summary>
    /// Serves the VTN's OpenADR 2.0b simple-HTTP endpoints: <c>{prefix}/EiRegisterParty</c>, <c>EiEvent</c>,
    /// <c>EiReport</c>, <c>EiOpt</c> and <c>OadrPoll</c>, backed by the <see cref="OpenAdrVtn"/> registered in services.
    /// </summary>
    public static IEndpointConventionBuilder MapOpenAdr(this IEndpointRouteBuilder endpoints, OpenAdrTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        options ??= new OpenAdrTransportOptions();
        var handler = new OpenAdrRequestHandler(
            endpoints.ServiceProvider.GetRequiredService<OpenAdrVtn>(),
            options,
            endpoints.ServiceProvider.GetRequiredService<ILogger<OpenAdrRequestHandler>>(),
            endpoints.ServiceProvider.GetService<Observability.EdgeMetrics>());
        return endpoints.Map(options.PathPrefix.TrimEnd('/') + "/{service}", handler.HandleAsync);
    }
}
