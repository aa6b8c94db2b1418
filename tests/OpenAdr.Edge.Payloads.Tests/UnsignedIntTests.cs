using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>xs:unsignedInt values (replyLimit, modificationNumber, priority) and ei:confidence (0-100) read as the XSD says.</summary>
public class UnsignedIntTests
{
    private static byte[] RequestEvent(string replyLimit) => Encoding.UTF8.GetBytes(
        "<oadr:oadrPayload xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\" xmlns:ei=\"http://docs.oasis-open.org/ns/energyinterop/201110\" xmlns:pyld=\"http://docs.oasis-open.org/ns/energyinterop/201110/payloads\">"
        + "<oadr:oadrSignedObject><oadr:oadrRequestEvent><pyld:eiRequestEvent><pyld:requestID>r</pyld:requestID><ei:venID>v</ei:venID>"
        + $"<pyld:replyLimit>{replyLimit}</pyld:replyLimit></pyld:eiRequestEvent></oadr:oadrRequestEvent></oadr:oadrSignedObject></oadr:oadrPayload>");

    [Theory]
    [InlineData("0", 0u)]
    [InlineData(" 42 ", 42u)]
    [InlineData("4294967295", 4294967295u)]
    public void Values_the_schema_accepts_read_exactly(string text, uint expected)
    {
        var xml = RequestEvent(text);
        Assert.True(OadrSchema.IsValid(xml));
        var request = Assert.IsType<OadrRequestEvent>(OadrPayload.Read(xml).OadrSignedObject.Message);
        Assert.Equal(expected, request.EiRequestEvent.ReplyLimit);
    }

    // XSD 1.0 part 2, 3.3.20: a nonNegativeInteger may carry a "+" sign. .NET's validator refuses it (libxml2,
    // which OpenLEADR validates with, does not), so this one is checked against the specification, not the oracle.
    [Fact]
    public void A_leading_plus_sign_is_accepted_as_the_specification_allows()
    {
        var request = Assert.IsType<OadrRequestEvent>(OadrPayload.Read(RequestEvent("+7")).OadrSignedObject.Message);
        Assert.Equal(7u, request.EiRequestEvent.ReplyLimit);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("1.5")]
    public void Values_the_schema_refuses_are_refused(string text)
    {
        var xml = RequestEvent(text);
        Assert.False(OadrSchema.IsValid(xml));
        Assert.Equal(XmlError.InvalidValue, Assert.Throws<XmlReadException>(() => OadrPayload.Read(xml)).Error);
    }
}
