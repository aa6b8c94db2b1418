using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Xml.Tests;

public class Utf8XmlReaderTests
{
    private const string Ei = "http://docs.oasis-open.org/ns/energyinterop/201110";
    private const string Oadr = "http://openadr.org/oadr-2.0b/2012/07";

    [Fact]
    public void Element_names_resolve_to_namespaces_whatever_the_prefix()
    {
        var names = Elements("""<a:root xmlns:a="urn:A" xmlns="urn:D"><child/><a:child/><b:x xmlns:b="urn:A"/></a:root>""");
        Assert.Equal(["urn:A root", "urn:D child", "urn:A child", "urn:A x"], names);
    }

    [Fact]
    public void Default_namespace_can_be_redeclared_and_undeclared_in_nested_scopes()
    {
        var names = Elements("""<r xmlns="urn:1"><s xmlns="urn:2"><t/></s><u xmlns=""><v/></u><w/></r>""");
        Assert.Equal(["urn:1 r", "urn:2 s", "urn:2 t", " u", " v", "urn:1 w"], names);
    }

    [Fact]
    public void Prefix_redeclared_inside_goes_back_to_outer_binding_after_the_element()
    {
        var names = Elements("""<p:r xmlns:p="urn:outer"><p:s xmlns:p="urn:inner"><p:t/></p:s><p:u/></p:r>""");
        Assert.Equal(["urn:outer r", "urn:inner s", "urn:inner t", "urn:outer u"], names);
    }

    [Fact]
    public void A_prefix_resolves_to_its_innermost_binding_across_scopes_and_documents()
    {
        Assert.Equal(["urn:a r", "urn:1 x"], Elements("""<a:r xmlns:a="urn:a" xmlns:p="urn:1"><p:x/></a:r>"""));
        Assert.Equal(["urn:q r", "urn:2 x"], Elements("""<q:r xmlns:q="urn:q" xmlns:p="urn:2"><p:x/></q:r>"""));
        Assert.Equal(
            [" r", " s", "urn:4 x", " t", "urn:3 x", " u", "urn:5 x", "urn:3 x"],
            Elements("""<r xmlns:p="urn:3"><s xmlns:p="urn:4"><p:x/></s><t xmlns:z="urn:z"><p:x/></t><u xmlns:p="urn:5"><p:x/></u><p:x/></r>"""));
    }

    [Fact]
    public void Prefixes_longer_than_eight_bytes_that_share_their_start_stay_apart()
    {
        Assert.Equal(
            ["urn:X r", "urn:Y e", "urn:X e"],
            Elements("""<abcdefghX:r xmlns:abcdefghX="urn:X" xmlns:abcdefghY="urn:Y"><abcdefghY:e/><abcdefghX:e/></abcdefghX:r>"""));
        Assert.Equal(XmlError.UndeclaredPrefix, ReadAllError("""<abcdefghX:r xmlns:abcdefghX="urn:X"><abcdefghZ:e/></abcdefghX:r>"""u8.ToArray()));
    }

    [Fact]
    public void Attributes_resolve_namespaces_and_unprefixed_ones_have_none()
    {
        var reader = new Utf8XmlReader("""<e xmlns="urn:D" xmlns:ei="urn:ei" ei:schemaVersion="2.0b" plain='x &amp; y'/>"""u8);
        Assert.True(reader.Read());
        Assert.Equal(2, reader.AttributeCount);
        Assert.Equal("schemaVersion", Encoding.UTF8.GetString(reader.GetAttributeLocalName(0)));
        Assert.Equal("urn:ei", Encoding.UTF8.GetString(reader.GetAttributeNamespace(0)));
        Assert.Equal("2.0b", Encoding.UTF8.GetString(reader.GetAttributeValue(0)));
        Assert.Equal("", Encoding.UTF8.GetString(reader.GetAttributeNamespace(1)));
        Assert.Equal("x & y", Encoding.UTF8.GetString(reader.GetAttributeValue(1)));
        reader.Dispose();
    }

    [Fact]
    public void Text_resolves_predefined_entities_character_references_and_cdata_and_skips_comments()
    {
        var reader = new Utf8XmlReader("<t>&lt;a&gt; &amp; &apos;&quot; &#65;&#x42;&#x20AC;<!-- no --><![CDATA[<raw> & ]]><?pi x?>end</t>"u8);
        reader.Read();
        var text = Encoding.UTF8.GetString(reader.ReadElementText());
        Assert.Equal("<a> & '\" AB€<raw> & end", text);
        Assert.Equal(XmlNodeType.EndElement, reader.NodeType);
        Assert.False(reader.Read());
        reader.Dispose();
    }

    [Fact]
    public void Text_without_references_is_returned_without_copying()
    {
        var xml = "<t>plain text</t>"u8.ToArray();
        var reader = new Utf8XmlReader(xml);
        reader.Read();
        var text = reader.ReadElementText();
        Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text), ref xml[3]));
        reader.Dispose();
    }

    [Fact]
    public void Line_ends_are_normalized_in_text_and_whitespace_in_attributes()
    {
        var reader = new Utf8XmlReader("<t a=\"1\r\n2\t3\">x\r\ny\rz</t>"u8);
        reader.Read();
        Assert.Equal("1 2 3", Encoding.UTF8.GetString(reader.GetAttributeValue(0)));
        Assert.Equal("x\ny\nz", Encoding.UTF8.GetString(reader.ReadElementText()));
        reader.Dispose();
    }

    [Fact]
    public void Whitespace_comments_and_processing_instructions_between_elements_are_skipped()
    {
        var names = Elements("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<r>\n  <!-- c -->\n  <?pi data?>\n  <s/>\n</r>\n<!-- after -->\n");
        Assert.Equal([" r", " s"], names);
    }

    [Fact]
    public void Byte_order_mark_is_accepted()
    {
        byte[] xml = [0xEF, 0xBB, 0xBF, .. "<r/>"u8];
        Assert.Equal([" r"], Elements(xml));
    }

    [Fact]
    public void Empty_element_reports_start_then_end()
    {
        var reader = new Utf8XmlReader("<r><e/></r>"u8);
        Assert.True(reader.Read());
        Assert.True(reader.ReadToNextChild());
        Assert.True(reader.IsEmptyElement);
        Assert.True(reader.Read());
        Assert.Equal(XmlNodeType.EndElement, reader.NodeType);
        Assert.Equal("e", Encoding.UTF8.GetString(reader.LocalName));
        Assert.False(reader.ReadToNextChild());
        Assert.Equal("r", Encoding.UTF8.GetString(reader.LocalName));
        reader.Dispose();
    }

    [Fact]
    public void Raw_element_returns_the_exact_bytes_and_moves_past_it()
    {
        var reader = new Utf8XmlReader("""<r><ds:Signature xmlns:ds="urn:ds"><x a="1">t</x></ds:Signature><next/></r>"""u8);
        reader.Read();
        reader.ReadToNextChild();
        Assert.Equal("""<ds:Signature xmlns:ds="urn:ds"><x a="1">t</x></ds:Signature>""", Encoding.UTF8.GetString(reader.ReadRawElement()));
        Assert.True(reader.ReadToNextChild());
        Assert.Equal("next", Encoding.UTF8.GetString(reader.LocalName));
        reader.Dispose();
    }

    [Fact]
    public void A_sequence_of_several_segments_reads_like_one_buffer()
    {
        var text = $"""<oadr:oadrPayload xmlns:oadr="{Oadr}"><ei:venID xmlns:ei="{Ei}">ven-1</ei:venID></oadr:oadrPayload>""";
        var bytes = Encoding.UTF8.GetBytes(text);
        var sequence = Segments(bytes, 7);
        Assert.False(sequence.IsSingleSegment);
        var reader = new Utf8XmlReader(sequence, XmlReaderOptions.Default);
        reader.Read();
        reader.ReadToNextChild();
        Assert.Equal(Ei, Encoding.UTF8.GetString(reader.NamespaceUri));
        Assert.Equal("ven-1", Encoding.UTF8.GetString(reader.ReadElementText()));
        reader.Dispose();
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>""", XmlError.DtdNotAllowed)]
    [InlineData("""<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>""", XmlError.DtdNotAllowed)]
    [InlineData("<r>&custom;</r>", XmlError.UnknownEntity)]
    [InlineData("<r>&#0;</r>", XmlError.InvalidCharacterReference)]
    [InlineData("<r>&#xD800;</r>", XmlError.InvalidCharacterReference)]
    [InlineData("<p:r/>", XmlError.UndeclaredPrefix)]
    [InlineData("<r p:a='1'/>", XmlError.UndeclaredPrefix)]
    [InlineData("<r><s></r></s>", XmlError.MismatchedEndTag)]
    [InlineData("<r><s>", XmlError.UnexpectedEndOfInput)]
    [InlineData("<r>text", XmlError.UnexpectedEndOfInput)]
    [InlineData("<r a='1", XmlError.UnexpectedEndOfInput)]
    [InlineData("<r/><s/>", XmlError.TrailingContent)]
    [InlineData("<r/>text", XmlError.TrailingContent)]
    [InlineData("", XmlError.NoRootElement)]
    [InlineData("<!-- only a comment -->", XmlError.NoRootElement)]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>", XmlError.UnsupportedEncoding)]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>", XmlError.UnsupportedEncoding)]
    [InlineData("<r/><?xml version=\"1.0\"?>", XmlError.InvalidSyntax)]
    [InlineData("<r a='1' a='2'/>", XmlError.DuplicateAttribute)]
    [InlineData("<r xmlns:p='urn:x' xmlns:q='urn:x' p:a='1' q:a='2'/>", XmlError.DuplicateAttribute)]
    [InlineData("<r a='1'b='2'/>", XmlError.InvalidSyntax)]
    [InlineData("<r a=1/>", XmlError.InvalidSyntax)]
    [InlineData("<1r/>", XmlError.InvalidName)]
    [InlineData("<a:b:c xmlns:a='urn:a'/>", XmlError.InvalidName)]
    [InlineData("<r xmlns:p=''/>", XmlError.InvalidNamespaceDeclaration)]
    [InlineData("<r>\u0001</r>", XmlError.InvalidCharacter)]
    [InlineData("text<r/>", XmlError.InvalidSyntax)]
    public void Malformed_or_hostile_documents_are_refused_with_a_typed_error(string xml, XmlError expected)
    {
        Assert.Equal(expected, ReadAllError(Encoding.UTF8.GetBytes(xml)));
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_offset()
    {
        byte[] xml = [.. "<r>ab"u8, 0xC3, 0x28, .. "</r>"u8];
        var error = Assert.Throws<XmlReadException>(() => ReadAll(xml));
        Assert.Equal(XmlError.InvalidUtf8, error.Error);
        Assert.Equal(5, error.Offset);
    }

    [Fact]
    public void Ten_thousand_nested_elements_hit_the_depth_limit()
    {
        var xml = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            xml.Append("<a>");
        }

        Assert.Equal(XmlError.DepthLimitExceeded, ReadAllError(Encoding.UTF8.GetBytes(xml.ToString())));
    }

    [Fact]
    public void A_ten_megabyte_text_node_hits_the_text_limit()
    {
        var xml = Encoding.UTF8.GetBytes("<r>" + new string('x', 10 * 1024 * 1024) + "</r>");
        Assert.Equal(XmlError.TextLengthLimitExceeded, ReadAllError(xml));
        var reader = new Utf8XmlReader(xml);
        reader.Read();
        try
        {
            reader.ReadElementText();
            Assert.Fail("the text limit was not enforced");
        }
        catch (XmlReadException e)
        {
            Assert.Equal(XmlError.TextLengthLimitExceeded, e.Error);
        }
        finally
        {
            reader.Dispose();
        }
    }

    [Fact]
    public void A_huge_attribute_hits_the_text_limit()
    {
        var xml = Encoding.UTF8.GetBytes("<r a=\"" + new string('x', 2 * 1024 * 1024) + "\"/>");
        Assert.Equal(XmlError.TextLengthLimitExceeded, ReadAllError(xml));
    }

    [Fact]
    public void Limits_are_configurable()
    {
        var options = XmlReaderOptions.Default with { MaxDepth = 2, MaxNameLength = 4, MaxAttributes = 1, MaxTextLength = 3 };
        Assert.Equal(XmlError.DepthLimitExceeded, ReadAllError("<a><b><c/></b></a>"u8.ToArray(), options));
        Assert.Equal(XmlError.NameLengthLimitExceeded, ReadAllError("<abcde/>"u8.ToArray(), options));
        Assert.Equal(XmlError.AttributeLimitExceeded, ReadAllError("<a x='1' y='2'/>"u8.ToArray(), options));
        Assert.Equal(XmlError.TextLengthLimitExceeded, ReadAllError("<a x='1234'/>"u8.ToArray(), options));
        Assert.Null(ReadAllError("<a><b/></a>"u8.ToArray(), options));
    }

    [Fact]
    public void Default_options_mean_the_default_limits()
    {
        Assert.Null(ReadAllError("<a><b>text</b></a>"u8.ToArray(), default(XmlReaderOptions)));
        var deep = Encoding.UTF8.GetBytes(string.Concat(System.Linq.Enumerable.Repeat("<a>", 100)));
        Assert.Equal(XmlError.DepthLimitExceeded, ReadAllError(deep, default(XmlReaderOptions)));
    }

    [Fact]
    public void Text_between_child_elements_is_refused_by_ReadToNextChild()
    {
        var reader = new Utf8XmlReader("<r><a/>stray<b/></r>"u8);
        reader.Read();
        reader.ReadToNextChild();
        reader.Skip();
        try
        {
            reader.ReadToNextChild();
            Assert.Fail("stray text accepted");
        }
        catch (XmlReadException e)
        {
            Assert.Equal(XmlError.UnexpectedText, e.Error);
        }
        finally
        {
            reader.Dispose();
        }
    }

    private static List<string> Elements(string xml) => Elements(Encoding.UTF8.GetBytes(xml));

    private static List<string> Elements(byte[] xml)
    {
        var names = new List<string>();
        var reader = new Utf8XmlReader(xml);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.StartElement)
            {
                names.Add(Encoding.UTF8.GetString(reader.NamespaceUri) + " " + Encoding.UTF8.GetString(reader.LocalName));
            }
        }

        reader.Dispose();
        return names;
    }

    private static void ReadAll(byte[] xml, XmlReaderOptions? options = null)
    {
        var reader = new Utf8XmlReader(xml, options ?? XmlReaderOptions.Default);
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.StartElement)
                {
                    for (var i = 0; i < reader.AttributeCount; i++)
                    {
                        reader.GetAttributeValue(i);
                    }
                }
            }
        }
        finally
        {
            reader.Dispose();
        }
    }

    private static XmlError? ReadAllError(byte[] xml, XmlReaderOptions? options = null)
    {
        try
        {
            ReadAll(xml, options);
            return null;
        }
        catch (XmlReadException e)
        {
            return e.Error;
        }
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var memory = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            if (first is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last!.Append(memory);
            }
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
