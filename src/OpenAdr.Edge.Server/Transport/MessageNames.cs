using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Server.Transport;

/// <summary>The element name of each payload, as a constant (no allocation on the request path).</summary>
internal static class MessageNames
{
    public static string Of(OadrMessage message) => message switch
    {
        OadrPoll => "oadrPoll",
        OadrResponse => "oadrResponse",
        OadrDistributeEvent => "oadrDistributeEvent",
        OadrCreatedEvent => "oadrCreatedEvent",
        OadrRequestEvent => "oadrRequestEvent",
        OadrCancelOpt => "oadrCancelOpt",
        OadrCanceledOpt => "oadrCanceledOpt",
        OadrCreateOpt => "oadrCreateOpt",
        OadrCreatedOpt => "oadrCreatedOpt",
        OadrCancelReport => "oadrCancelReport",
        OadrCanceledReport => "oadrCanceledReport",
        OadrCreateReport => "oadrCreateReport",
        OadrCreatedReport => "oadrCreatedReport",
        OadrRegisterReport => "oadrRegisterReport",
        OadrRegisteredReport => "oadrRegisteredReport",
        OadrUpdateReport => "oadrUpdateReport",
        OadrUpdatedReport => "oadrUpdatedReport",
        OadrCancelPartyRegistration => "oadrCancelPartyRegistration",
        OadrCanceledPartyRegistration => "oadrCanceledPartyRegistration",
        OadrCreatePartyRegistration => "oadrCreatePartyRegistration",
        OadrCreatedPartyRegistration => "oadrCreatedPartyRegistration",
        OadrRequestReregistration => "oadrRequestReregistration",
        OadrQueryRegistration => "oadrQueryRegistration",
        _ => "unknown",
    };

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
