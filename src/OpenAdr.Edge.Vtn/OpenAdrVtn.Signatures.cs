using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Payloads.Signatures;

namespace OpenAdr.Edge.Vtn;

/// <summary>
/// XML signatures ("high security", §10.6, R-514): a VEN registered with oadrXmlSignature=true signs every message; a
/// signature, when present, must be valid and by the VEN's own certificate. The transport verifies the cryptography
/// (and answers a bad digest or signature value with HTTP 403); what reaches here is decided with 463.
/// </summary>
public sealed partial class OpenAdrVtn
{
    /// <summary>Whether the answer to <paramref name="request"/> goes to a VEN that asked for signed messages.</summary>
    public bool ExpectsXmlSignatures(OadrMessage request) => request switch
    {
        OadrCreatePartyRegistration create => create.OadrXmlSignature,
        _ => Answers.VenIdOf(request) is { } venId && Vens.TryGet(venId, out var ven) && ven.Registration is { XmlSignature: true },
    };

    /// <summary>The 463 answer when the message's signature does not satisfy what the VEN registered; null when it does.</summary>
    private OadrMessage? SignatureRefusal(OadrMessage message, string? venId, bool venSigns, string? knownFingerprint, VenRequestContext context)
    {
        var signature = context.Signature;
        string reason;
        switch (signature.Status)
        {
            case SignatureStatus.Unsigned when !venSigns:
                return null;
            case SignatureStatus.Unsigned:
                reason = "This VEN registered with oadrXmlSignature: its messages must be signed.";
                break;
            case SignatureStatus.Valid:
                var expected = knownFingerprint ?? context.ClientFingerprint;
                if (expected is null || (signature.SignerFingerprint is { } signer && Fingerprints.AreEqual(signer, expected)))
                {
                    return null;
                }

                reason = "The XML signature is not by this VEN's certificate.";
                break;
            default:
                reason = $"XML signature refused: {signature.Status}.";
                break;
        }

        Log.SignatureRefused(Logger, venId ?? "", MessageName(message), signature.Status == SignatureStatus.Valid ? "signed by another certificate" : signature.Status.ToString());
        return Answers.Error(message, ResponseCodes.NotRegisteredOrAuthorized, reason, Options.VtnId, Options.RequestedPollFrequency);
    }

    /// <summary>Registration messages carry no venID to identify by, except a re-registration, which is checked like any other message.</summary>
    private OadrMessage? RegistrationSignatureRefusal(OadrMessage message, VenRequestContext context)
    {
        if (message is OadrCreatePartyRegistration { VenId: { Length: > 0 } venId } && Vens.TryGet(venId, out var ven) && ven.Registration is { } registered)
        {
            return SignatureRefusal(message, venId, registered.XmlSignature, registered.Fingerprint, context);
        }

        return SignatureRefusal(message, null, venSigns: false, knownFingerprint: null, context);
    }

    internal static partial class Log
    {
        [LoggerMessage(1020, LogLevel.Warning, "{Message} from VEN '{VenId}' refused for its XML signature ({Status}): 463.")]
        public static partial void SignatureRefused(ILogger logger, string venId, string message, string status);
    }
}
