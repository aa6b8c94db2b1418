using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Server.Transport;

/// <summary>What the metrics label an answer with, without allocating.</summary>
internal static class MessageNames
{
    /// <summary>The answer's response code ("" when the message carries none, as oadrRequestReregistration).</summary>
    public static string CodeOf(OadrMessage message) => message switch
    {
        OadrResponse m => m.EiResponse.ResponseCode,
        OadrDistributeEvent m => m.EiResponse?.ResponseCode ?? "",
        OadrCreatedPartyRegistration m => m.EiResponse.ResponseCode,
        OadrCanceledPartyRegistration m => m.EiResponse.ResponseCode,
        OadrRegisteredReport m => m.EiResponse.ResponseCode,
        OadrUpdatedReport m => m.EiResponse.ResponseCode,
        OadrCreatedReport m => m.EiResponse.ResponseCode,
        OadrCanceledReport m => m.EiResponse.ResponseCode,
        OadrCreatedOpt m => m.EiResponse.ResponseCode,
        OadrCanceledOpt m => m.EiResponse.ResponseCode,
        _ => "",
    };
}
