namespace OpenAdr.Edge.Vtn;

/// <summary>The OpenADR 2.0b service endpoints (<c>/OpenADR2/Simple/2.0b/{service}</c>).</summary>
public enum OpenAdrService
{
    EiEvent,
    EiOpt,
    EiReport,
    EiRegisterParty,
    OadrPoll,
}
