using System;
using System.Net;

namespace OpenAdr.Edge.Ven;

/// <summary>The VTN answered with an HTTP status other than 200 (its body is the reason), or with something that is not an OpenADR message.</summary>
public sealed class OpenAdrTransportException(HttpStatusCode status, string reason)
    : Exception($"The VTN answered HTTP {(int)status}: {reason}")
{
    public HttpStatusCode Status { get; } = status;

    public string Reason { get; } = reason;
}
