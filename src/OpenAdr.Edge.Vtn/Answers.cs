using System;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn;

/// <summary>What every incoming message carries that the answer needs, and error answers of the right type.</summary>
internal static class Answers
{
    /// <summary>The request's own requestID, echoed in the answer's eiResponse ("" when it has none, never "None").</summary>
    public static string RequestIdOf(OadrMessage message) => message switch
    {
        OadrQueryRegistration m => m.RequestId,
        OadrCreatePartyRegistration m => m.RequestId,
        OadrCancelPartyRegistration m => m.RequestId,
        OadrCanceledPartyRegistration m => m.EiResponse.RequestId,
        OadrRequestEvent m => m.EiRequestEvent.RequestId,
        OadrCreatedEvent m => m.EiCreatedEvent.EiResponse.RequestId,
        OadrRegisterReport m => m.RequestId,
        OadrRegisteredReport m => m.EiResponse.RequestId,
        OadrCreatedReport m => m.EiResponse.RequestId,
        OadrUpdateReport m => m.RequestId,
        OadrCancelReport m => m.RequestId,
        OadrCanceledReport m => m.EiResponse.RequestId,
        OadrCreateReport m => m.RequestId,
        OadrCreateOpt m => m.RequestId,
        OadrCancelOpt m => m.RequestId,
        OadrResponse m => m.EiResponse.RequestId,
        _ => "",
    };

    /// <summary>The venID the message claims to come from; null when it carries none.</summary>
    public static string? VenIdOf(OadrMessage message) => NullIfEmpty(message switch
    {
        OadrPoll m => m.VenId,
        OadrCreatePartyRegistration m => m.VenId,
        OadrCancelPartyRegistration m => m.VenId,
        OadrCanceledPartyRegistration m => m.VenId,
        OadrRequestEvent m => m.EiRequestEvent.VenId,
        OadrCreatedEvent m => m.EiCreatedEvent.VenId,
        OadrRegisterReport m => m.VenId,
        OadrRegisteredReport m => m.VenId,
        OadrCreatedReport m => m.VenId,
        OadrUpdateReport m => m.VenId,
        OadrCancelReport m => m.VenId,
        OadrCanceledReport m => m.VenId,
        OadrCreateReport m => m.VenId,
        OadrCreateOpt m => m.VenId,
        OadrCancelOpt m => m.VenId,
        OadrResponse m => m.VenId,
        _ => null,
    });

    /// <summary>The service a VEN sends this message to; null for messages a VEN never sends.</summary>
    public static OpenAdrService? ServiceOf(OadrMessage message) => message switch
    {
        OadrQueryRegistration or OadrCreatePartyRegistration or OadrCancelPartyRegistration or OadrCanceledPartyRegistration
            => OpenAdrService.EiRegisterParty,
        OadrRequestEvent or OadrCreatedEvent => OpenAdrService.EiEvent,
        OadrRegisterReport or OadrRegisteredReport or OadrCreatedReport or OadrUpdateReport or OadrCancelReport
            or OadrCanceledReport or OadrCreateReport => OpenAdrService.EiReport,
        OadrCreateOpt or OadrCancelOpt => OpenAdrService.EiOpt,
        OadrPoll => OpenAdrService.OadrPoll,
        _ => null,
    };

    /// <summary>
    /// Descriptions quote what the VEN sent (its IDs), which may be as long as a reader allows: cut short, so that an
    /// answer never carries a text longer than the one it quotes, nor one a reader refuses.
    /// </summary>
    private const int MaxDescriptionLength = 512;

    public static EiResponse Response(string code, string description, string requestId) => new()
    {
        ResponseCode = code,
        ResponseDescription = description.Length <= MaxDescriptionLength ? description : string.Concat(description.AsSpan(0, MaxDescriptionLength - 1), "…"),
        RequestId = requestId,
    };

    public static OadrResponse Response(string code, string description, string requestId, string? venId) =>
        new() { EiResponse = Response(code, description, requestId), VenId = venId };

    /// <summary>An error in the answer type the spec pairs with the request (R-48: a 4xx code, never an exception).</summary>
    public static OadrMessage Error(OadrMessage request, string code, string description, string vtnId, TimeSpan pollFrequency)
    {
        var requestId = RequestIdOf(request);
        var venId = VenIdOf(request);
        var response = Response(code, description, requestId);
        return request switch
        {
            OadrQueryRegistration or OadrCreatePartyRegistration => new OadrCreatedPartyRegistration
            {
                EiResponse = response,
                VtnId = vtnId,
                OadrProfiles = Registration.RegistrationService.Profiles(),
                OadrRequestedOadrPollFreq = pollFrequency,
            },
            OadrCancelPartyRegistration m => new OadrCanceledPartyRegistration { EiResponse = response, RegistrationId = NullIfEmpty(m.RegistrationId), VenId = venId },
            OadrRequestEvent => new OadrDistributeEvent { EiResponse = response, RequestId = Guid.NewGuid().ToString(), VtnId = vtnId },
            OadrRegisterReport => new OadrRegisteredReport { EiResponse = response, VenId = venId },
            OadrUpdateReport => new OadrUpdatedReport { EiResponse = response, VenId = venId },
            OadrCancelReport => new OadrCanceledReport { EiResponse = response, VenId = venId },
            OadrCreateReport => new OadrCreatedReport { EiResponse = response, VenId = venId },
            OadrCreateOpt m => new OadrCreatedOpt { EiResponse = response, OptId = m.OptId },
            OadrCancelOpt m => new OadrCanceledOpt { EiResponse = response, OptId = m.OptId },
            _ => new OadrResponse { EiResponse = response, VenId = venId },
        };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
