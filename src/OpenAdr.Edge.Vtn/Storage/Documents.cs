using System.Buffers;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Storage;

/// <summary>Messages stored as the OpenADR documents they are, written and read by the generated serializers.</summary>
internal static class Documents
{
    public static byte[] Write(OadrMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        new OadrPayload { OadrSignedObject = new OadrSignedObject { Id = "oadrSignedObject", Message = message } }.WriteDocument(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static T Read<T>(byte[] document)
        where T : OadrMessage =>
        (T)OadrPayload.Read(document).OadrSignedObject.Message;
}
