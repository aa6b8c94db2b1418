using System;
using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>
/// Other spellings of values in a distribute event: XSD lexical forms the reader must accept (signs, exponents, INF,
/// collapsed whitespace, missing time zone) and near misses it must refuse, each checked against the schema as well.
/// </summary>
public class LexicalFormTests
{
    private static readonly string s_event = Encoding.UTF8.GetString(Documents.Write(Samples.DistributeEvent()));

    [Theory]
    [InlineData("<ei:modificationNumber>2<", "<ei:modificationNumber> 2 <", true)]
    [InlineData("<ei:eventStatus>active<", "<ei:eventStatus>\tactive\n<", true)]
    [InlineData("<ei:createdDateTime>2026-11-25T18:00:00Z<", "<ei:createdDateTime>2026-11-25T18:00:00<", true)]
    [InlineData("<ei:createdDateTime>2026-11-25T18:00:00Z<", "<ei:createdDateTime> 2026-11-25T18:00:00.1234567890Z <", true)]
    [InlineData("<xcal:duration>PT3H<", "<xcal:duration>-PT3H<", true)]
    [InlineData("<xcal:duration>PT3H<", "<xcal:duration>P1DT2H3M4S<", true)]
    [InlineData("<ei:value>1<", "<ei:value>1.5E3<", true)]
    [InlineData("<ei:value>1<", "<ei:value>INF<", true)]
    [InlineData("<ei:value>1<", "<ei:value>-INF<", true)]
    [InlineData("<ei:value>1<", "<ei:value>NaN<", true)]
    [InlineData("<ei:value>1<", "<ei:value>+1<", true)]
    [InlineData("<ei:value>1<", "<ei:value>.5<", true)]
    [InlineData("<ei:value>1<", "<ei:value>1.<", true)]
    [InlineData("<ei:value>1<", "<ei:value>-0<", true)]
    [InlineData("<power:ac>true<", "<power:ac>1<", true)]
    [InlineData("<power:ac>true<", "<power:ac> false <", true)]
    [InlineData("<power:hertz>60<", "<power:hertz>+60.<", true)]
    [InlineData("<ei:signalName>SIMPLE<", "<ei:signalName> SIMPLE <", true)]
    [InlineData("<ei:signalName>SIMPLE<", "<ei:signalName> x-a b<", true)]
    [InlineData("<ei:signalType>level<", "<ei:signalType> level<", true)]
    [InlineData("ei:schemaVersion=\"2.0b\"", "ei:schemaVersion=\" 2.0b \"", true)]
    [InlineData("ei:schemaVersion=\"2.0b\"", "ei:schemaVersion=\"x-2.1\"", true)]
    [InlineData("<xcal:components></xcal:components>", "<xcal:components xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>", true)]
    [InlineData("<xcal:duration>PT3H<", "<xcal:duration>P1W<", false)]
    [InlineData("<xcal:duration>PT3H<", "<xcal:duration>PT0.5H<", false)]
    [InlineData("<xcal:duration>PT3H<", "<xcal:duration>PT3H3H<", false)]
    [InlineData("<ei:value>1<", "<ei:value>-inf<", false)]
    [InlineData("<ei:value>1<", "<ei:value>1,5<", false)]
    [InlineData("<ei:value>1<", "<ei:value>0x1F<", false)]
    [InlineData("<ei:value>1<", "<ei:value></ei:value><", false)]
    [InlineData("<power:hertz>60<", "<power:hertz>6.0e1<", false)]
    [InlineData("<power:ac>true<", "<power:ac>yes<", false)]
    [InlineData("<power:ac>true<", "<power:ac>True<", false)]
    [InlineData("<ei:eventStatus>active<", "<ei:eventStatus>Active<", false)]
    [InlineData("<ei:signalName>SIMPLE<", "<ei:signalName>x-<", false)]
    [InlineData("<ei:signalName>SIMPLE<", "<ei:signalName>x- a<", false)]
    [InlineData("<ei:signalName>SIMPLE<", "<ei:signalName>X-a<", false)]
    [InlineData("ei:schemaVersion=\"2.0b\"", "ei:schemaVersion=\"x-\"", false)]
    [InlineData("ei:schemaVersion=\"2.0b\"", "ei:schemaVersion=\"2.0c\"", false)]
    [InlineData("oadr:Id=\"oadrSignedObject\"", "oadr:Id=\"\"", false)]
    [InlineData("<ei:createdDateTime>2026-11-25T18:00:00Z<", "<ei:createdDateTime>2026-02-30T18:00:00Z<", false)]
    [InlineData("<ei:createdDateTime>2026-11-25T18:00:00Z<", "<ei:createdDateTime>2026-11-25<", false)]
    public void Reader_and_schema_agree_on_a_spelling(string original, string replacement, bool valid)
    {
        Assert.Contains(original, s_event, StringComparison.Ordinal);
        var xml = Encoding.UTF8.GetBytes(s_event.Replace(original, replacement, StringComparison.Ordinal));

        var schema = OadrSchema.Validate(xml);

        Assert.True(valid == (schema.Count == 0), $"the schema says {(schema.Count == 0 ? "valid" : schema[0])}");
        if (valid)
        {
            Documents.Read(xml);
        }
        else
        {
            var e = Assert.Throws<XmlReadException>(() => OadrPayload.Read(xml));
            Assert.Equal(XmlError.InvalidValue, e.Error);
        }
    }
}
