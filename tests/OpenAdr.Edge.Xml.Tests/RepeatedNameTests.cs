using System.Collections.Generic;
using System.Text;
using Xunit;

namespace OpenAdr.Edge.Xml.Tests;

/// <summary>
/// The reader remembers element names it has read (and what their prefixes resolved to in the scope of the time), and
/// a root whose declarations repeat byte for byte gets its earlier scope back. A remembered name must read exactly
/// like a first one: whatever follows it, in any scope, in later documents, under the limits of the reader at hand.
/// </summary>
public class RepeatedNameTests
{
    // Keeps every name in the documents below far enough from the end for the reader to compare it whole.
    private const string Padding = "<!-- padding padding padding padding padding -->";

    [Fact]
    public void A_repeated_name_resolves_in_the_scope_where_it_appears()
    {
        Assert.Equal(
            [" r", "urn:1 element", " s", "urn:2 element", "urn:1 element", "urn:q element"],
            Describe("""<r xmlns:p="urn:1" xmlns:q="urn:q"><p:element/><s xmlns:p="urn:2"><p:element/></s><p:element/><q:element/></r>"""));
    }

    [Fact]
    public void A_repeated_root_gives_its_names_the_namespaces_of_this_document()
    {
        const string root = """<r xmlns:p="urn:1" xmlns:q="urn:q">""";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal([" r", "urn:1 element", "urn:q element"], Describe(root + "<p:element/><q:element/></r>"));
            Assert.Equal([" r", " s", "urn:2 element", "urn:1 element"], Describe(root + """<s xmlns:p="urn:2"><p:element/></s><p:element/></r>"""));
            Assert.Equal([" r", "urn:q element", "urn:1 element"], Describe(root + "<q:element/><p:element/></r>"));
        }

        // A scope opened inside a repeated root is the one of last time only when the same declarations open it.
        Assert.Equal([" r", " s", "urn:2 element"], Describe(root + """<s xmlns:p="urn:2"><p:element/></s></r>"""));
        Assert.Equal([" r", " s", "urn:1 element"], Describe(root + """<s xmlns:q="urn:3"><p:element/></s></r>"""));

        Assert.Equal([" r", "urn:2 element"], Describe("""<r xmlns:p="urn:2" xmlns:q="urn:q"><p:element/></r>"""));
        Assert.Equal([" r", "urn:1 element"], Describe(root + "<p:element/></r>"));
        Assert.Equal(XmlError.UndeclaredPrefix, ErrorOf("<r><p:element/></r>"));
        Assert.Equal([" r", "urn:1 element"], Describe(root + "<p:element/></r>"));
    }

    [Fact]
    public void Declarations_repeated_inside_a_repeated_root_resolve_as_declared_each_time()
    {
        const string root = """<r xmlns:p="urn:1" xmlns:q="urn:q">""";
        const string inner = """<s xmlns:p="urn:2"><p:element/><q:element/></s><p:element/></r>""";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal([" r", " s", "urn:2 element", "urn:q element", "urn:1 element"], Describe(root + inner));
        }

        // The same inner tag inside another root makes another scope.
        Assert.Equal([" r", " s", "urn:2 element", "urn:3 element", "urn:4 element"], Describe("""<r xmlns:p="urn:4" xmlns:q="urn:3">""" + inner));
        Assert.Equal([" r", " s", "urn:2 element", "urn:q element", "urn:1 element"], Describe(root + inner));
    }

    [Fact]
    public void A_tag_with_declarations_met_inside_documents_and_then_as_a_root_has_only_its_own()
    {
        const string inner = """<s xmlns:p="urn:2">""";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal([" r", " s", "urn:2 element", "urn:q element"], Describe("""<r xmlns:q="urn:q">""" + inner + "<p:element/><q:element/></s></r>"));
        }

        Assert.Equal(XmlError.UndeclaredPrefix, ErrorOf(inner + "<p:element/><q:element/></s>"));
        Assert.Equal([" s", "urn:2 element"], Describe(inner + "<p:element/></s>"));
    }

    [Fact]
    public void A_name_that_begins_like_a_known_one_is_read_whole()
    {
        Assert.Equal(
            [" r", "urn:1 value", "urn:1 valueX", "urn:1 valu", "urn:1 value [ a=1]", "urn:1 value", "urn:1 valueX"],
            Describe("""<r xmlns:p="urn:1"><p:value/><p:valueX/><p:valu/><p:value a="1"/><p:value></p:value><p:valueX></p:valueX></r>"""));
    }

    [Fact]
    public void A_document_whose_structure_differs_from_the_last_one_reads_its_own_names()
    {
        // The reader first tries the name that followed last time at the same place; it must never take it unchecked.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal([" r", " alpha", " beta", " gamma"], Describe("<r><alpha/><beta/><gamma/></r>"));
            Assert.Equal([" r", " alpha", " gamma", " beta"], Describe("<r><alpha/><gamma/><beta/></r>"));
            Assert.Equal([" r", " alpha", " beta", " gamma"], Describe("<r><alpha><beta/></alpha><gamma/></r>"));
            Assert.Equal([" r", " alpha", " alphaX", " gamma"], Describe("<r><alpha></alpha><alphaX/><gamma/></r>"));
        }
    }

    [Fact]
    public void A_known_name_is_held_to_the_limits_of_the_reader_at_hand()
    {
        Assert.Null(ErrorOf("<r><abcdefghij/><abcdefghij/></r>"));
        Assert.Equal(XmlError.NameLengthLimitExceeded, ErrorOf("<r><abcdefghij/></r>", XmlReaderOptions.Default with { MaxNameLength = 5 }));
    }

    [Fact]
    public void A_known_name_with_a_character_names_cannot_hold_after_it_is_refused()
    {
        Assert.Null(ErrorOf("<r><abc/></r>"));
        Assert.Equal(XmlError.InvalidSyntax, ErrorOf("<r><abc=/></r>"));
        Assert.Equal(XmlError.InvalidName, ErrorOf("<r><abc:/></r>"));
    }

    [Fact]
    public void The_text_of_an_element_ends_at_its_own_end_tag()
    {
        Assert.Equal("x", TextOf("<r><p:a xmlns:p='urn:1'>x</p:a></r>"));
        Assert.Equal("x", TextOf("<r><p:a xmlns:p='urn:1'>x</p:a ></r>"));
        Assert.Equal(XmlError.MismatchedEndTag, ErrorOfText("<r><p:a xmlns:p='urn:1'>x</p:b></r>"));
        Assert.Equal(XmlError.MismatchedEndTag, ErrorOfText("<r><p:a xmlns:p='urn:1'>x</p:ab></r>"));
        Assert.Equal(XmlError.MismatchedEndTag, ErrorOfText("<r><abcdefghijklmnopqrstuvwxyz0123456789>x</abcdefghijklmnopqrstuvwxyz012345678X></r>"));
    }

    private static List<string> Describe(string xml) => RepeatedStartTagTests.Describe(xml + Padding);

    private static string TextOf(string xml)
    {
        var reader = new Utf8XmlReader(Encoding.UTF8.GetBytes(xml + Padding));
        try
        {
            reader.Read();
            reader.ReadToNextChild();
            var text = Encoding.UTF8.GetString(reader.ReadElementText());
            Assert.Equal(XmlNodeType.EndElement, reader.NodeType);
            Assert.False(reader.ReadToNextChild());
            Assert.Equal("r", Encoding.UTF8.GetString(reader.LocalName));
            return text;
        }
        finally
        {
            reader.Dispose();
        }
    }

    private static XmlError? ErrorOfText(string xml)
    {
        try
        {
            TextOf(xml);
            return null;
        }
        catch (XmlReadException e)
        {
            return e.Error;
        }
    }

    private static XmlError? ErrorOf(string xml, XmlReaderOptions? options = null) => RepeatedStartTagTests.ErrorOf(xml + Padding, options);
}
