using OpenAdr.Edge.Payloads;
using Xunit;
using PayloadSchema = OpenAdr.Edge.Payloads.Tests.OadrSchema;

namespace OpenAdr.Edge.Vtn.Tests.Scenarios;

/// <summary>The official OpenADR 2.0b schema check of OpenAdr.Edge.Payloads.Tests (linked into this project), for whole answers.</summary>
internal static class OadrSchema
{
    /// <summary>
    /// Writes the message as the transport would (an oadrPayload around it), checks the document against the schema
    /// and reads it back as the same message type. Returns the document.
    /// </summary>
    public static byte[] AssertWritesValidDocument(OadrMessage message)
    {
        var xml = OadrPayload.WriteToArray(message);
        PayloadSchema.AssertValid(xml);
        Assert.IsType(message.GetType(), OadrPayload.Read(xml).OadrSignedObject.Message);
        return xml;
    }
}
