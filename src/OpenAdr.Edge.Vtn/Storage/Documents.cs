using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Storage;

/// <summary>Messages stored as the OpenADR documents they are, written and read by the generated serializers.</summary>
internal static class Documents
{
    public static byte[] Write(OadrMessage message) => OadrPayload.WriteToArray(message);

    public static T Read<T>(byte[] document)
        where T : OadrMessage =>
        (T)OadrPayload.Read(document).OadrSignedObject.Message;
}
