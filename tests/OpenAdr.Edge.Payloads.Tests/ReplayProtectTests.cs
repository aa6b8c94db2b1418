using System;
using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>dsp:ReplayProtect, the signature property OpenADR signs along with the payload: a root of its own.</summary>
public class ReplayProtectTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary")]
    public void Replay_protect_round_trips_and_is_schema_valid(string? encodingType)
    {
        var original = new ReplayProtect
        {
            Timestamp = new DateTime(2026, 11, 26, 3, 49, 47, DateTimeKind.Utc).AddTicks(5_634_280),
            Nonce = new NonceValue { EncodingType = encodingType, Value = "d935d9d6d4f24efc8feb0fa67b46f074" },
        };
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        original.WriteDocument(output);
        var xml = output.WrittenSpan.ToArray();

        OadrSchema.AssertValid(xml);
        ModelAssert.DeepEqual(original, ReplayProtect.Read(xml));
    }

    [Fact]
    public void Replay_protect_with_an_offset_is_read_in_utc()
    {
        var xml = "<dsp:ReplayProtect xmlns:dsp=\"http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties\"><dsp:timestamp>2026-11-26T05:49:47+02:00</dsp:timestamp><dsp:nonce>n</dsp:nonce></dsp:ReplayProtect>"u8.ToArray();
        OadrSchema.AssertValid(xml);

        var read = ReplayProtect.Read(xml);

        Assert.Equal(new DateTime(2026, 11, 26, 3, 49, 47, DateTimeKind.Utc), read.Timestamp);
        Assert.Equal(DateTimeKind.Utc, read.Timestamp.Kind);
    }

    [Fact]
    public void Replay_protect_without_a_nonce_is_refused()
    {
        var xml = Encoding.UTF8.GetBytes("<dsp:ReplayProtect xmlns:dsp=\"http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties\"><dsp:timestamp>2026-11-26T03:49:47Z</dsp:timestamp></dsp:ReplayProtect>");
        Assert.False(OadrSchema.IsValid(xml));
        Assert.Equal(XmlError.MissingElement, Assert.Throws<XmlReadException>(() => ReplayProtect.Read(xml)).Error);
    }
}
