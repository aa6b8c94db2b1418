namespace OpenAdr.Edge.Payloads;

/// <summary>The element name of each payload, as a constant (logs and metrics name messages without allocating).</summary>
public static class OadrMessageNames
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
}
