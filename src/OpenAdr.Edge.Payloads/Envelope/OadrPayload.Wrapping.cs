using System.Buffers;

namespace OpenAdr.Edge.Payloads;

public sealed partial class OadrPayload
{
    /// <summary>The signed object's ID OpenLEADR uses, which an XML signature references.</summary>
    public const string SignedObjectId = "oadrSignedObject";

    /// <summary>The envelope a message travels in.</summary>
    public static OadrPayload Wrap(OadrMessage message) =>
        new() { OadrSignedObject = new OadrSignedObject { Id = SignedObjectId, Message = message } };

    /// <summary>The message, in its envelope, as a document in a new array (for storage, tests and tools; servers write into a reused buffer).</summary>
    public static byte[] WriteToArray(OadrMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Wrap(message).WriteDocument(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
