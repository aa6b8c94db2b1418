using System;
using System.Buffers;
using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

internal static class Documents
{
    public static byte[] Write(OadrPayload payload)
    {
        var output = new ArrayBufferWriter<byte>();
        payload.WriteDocument(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads <paramref name="xml"/>, failing with the reader's explanation (and the document) when it is refused.</summary>
    public static OadrPayload Read(byte[] xml)
    {
        try
        {
            return OadrPayload.Read(xml);
        }
        catch (XmlReadException e)
        {
            Assert.Fail($"{e.Message}\n--- document ---\n{Show(xml, e.Offset)}");
            throw;
        }
    }

    /// <summary>The document as text, with a marker at a byte offset.</summary>
    public static string Show(byte[] xml, int offset = -1)
    {
        if (offset < 0 || offset > xml.Length)
        {
            return Encoding.UTF8.GetString(xml);
        }

        return Encoding.UTF8.GetString(xml, 0, offset) + "\u2589" + Encoding.UTF8.GetString(xml, offset, xml.Length - offset);
    }

    public static string MessageName(OadrPayload payload)
    {
        var name = payload.OadrSignedObject.Message.GetType().Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
