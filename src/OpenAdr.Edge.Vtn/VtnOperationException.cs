using System;

namespace OpenAdr.Edge.Vtn;

/// <summary>An operator request the VTN refuses: the state does not allow it (unknown VEN or event, full queue, …).</summary>
public sealed class VtnOperationException(string code, string message) : InvalidOperationException(message)
{
    /// <summary>The OpenADR response code that names the reason (<see cref="ResponseCodes"/>).</summary>
    public string Code { get; } = code;

    internal static VtnOperationException QueueFull(string venId) =>
        new(ResponseCodes.DeploymentError, $"The queue of VEN '{venId}' is full: it has not polled for a while. Nothing was queued.");
}
