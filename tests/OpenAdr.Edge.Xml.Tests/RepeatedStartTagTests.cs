using System.Collections.Generic;
using System.Text;
using Xunit;

namespace OpenAdr.Edge.Xml.Tests;

/// <summary>
/// The reader remembers how recent start tags with attributes were parsed and replays a byte-for-byte repeat. A
/// replay must read exactly like a first parse: at any offset, in any scope, under the limits of the reader at hand.
/// </summary>
public class RepeatedStartTagTests
{
    [Fact]
    public void A_repeated_tag_resolves_its_prefixes_in_the_scope_where_it_appears()
    {
        const string tag = """<p:e p:a="v" xmlns:q="urn:q"><q:c/></p:e>""";
        var first = Describe($"""<r xmlns:p="urn:1">{tag}</r>""");
        var second = Describe($"""<r xmlns:p="urn:2"><x/>{tag}<s xmlns:p="urn:3">{tag}</s></r>""");

        Assert.Equal([" r", "urn:1 e [urn:1 a=v]", "urn:q c"], first);
        Assert.Equal([" r", " x", "urn:2 e [urn:2 a=v]", "urn:q c", " s", "urn:3 e [urn:3 a=v]", "urn:q c"], second);
    }

    [Fact]
    public void A_repeated_root_resolves_its_prefixes_like_the_first_time_whatever_was_declared_inside_before()
    {
        const string root = """<r xmlns:p="urn:1" xmlns:q="urn:q">""";
        Assert.Equal([" r", " s", "urn:2 x", "urn:1 y"], Describe(root + """<s xmlns:p="urn:2"><p:x/></s><p:y/></r>"""));
        Assert.Equal(
            [" r", "urn:1 x", " t", "urn:3 z", "urn:q v", "urn:1 w"],
            Describe(root + """<p:x/><t xmlns:p="urn:3"><p:z/><q:v/></t><p:w/></r>"""));
    }

    [Fact]
    public void A_repeated_tag_whose_prefix_is_not_declared_where_it_appears_is_refused()
    {
        Assert.Null(ErrorOf("""<r xmlns:p="urn:1"><p:e a="1"/></r>"""));
        Assert.Equal(XmlError.UndeclaredPrefix, ErrorOf("""<r><p:e a="1"/></r>"""));
    }

    [Fact]
    public void A_repeated_tag_is_held_to_the_limits_of_the_reader_at_hand()
    {
        var tight = XmlReaderOptions.Default with { MaxAttributes = 1 };
        Assert.Null(ErrorOf("<a x='1' y='2'/>"));
        Assert.Equal(XmlError.AttributeLimitExceeded, ErrorOf("<a x='1' y='2'/>", tight));
    }

    [Fact]
    public void A_refused_tag_is_refused_again()
    {
        Assert.Equal(XmlError.DuplicateAttribute, ErrorOf("""<a xmlns:p="urn:1" xmlns:p="urn:2"/>"""));
        Assert.Equal(XmlError.DuplicateAttribute, ErrorOf("""<a xmlns:p="urn:1" xmlns:p="urn:2"/>"""));
        Assert.Equal(XmlError.DuplicateAttribute, ErrorOf("""<a xmlns:p="urn:1" p:x="1" p:x="2"/>"""));
        Assert.Equal(XmlError.DuplicateAttribute, ErrorOf("""<a xmlns:p="urn:1" p:x="1" p:x="2"/>"""));
    }

    [Fact]
    public void Values_and_namespaces_with_references_read_the_same_when_repeated()
    {
        const string xml = """<e xmlns:p="urn:&#97;&amp;b" p:a="x &amp; y" b='&#x20AC;'><p:c/></e>""";
        var first = Describe(xml);
        var second = Describe("<w>" + xml + "</w>");

        Assert.Equal([" e [urn:a&b a=x & y,  b=€]", "urn:a&b c"], first);
        Assert.Equal([" w", " e [urn:a&b a=x & y,  b=€]", "urn:a&b c"], second);
    }

    [Fact]
    public void An_empty_tag_and_an_open_tag_with_equal_attributes_stay_apart()
    {
        Assert.Equal([" e [ a=1]"], Describe("<e a='1'/>"));
        Assert.Equal(XmlError.UnexpectedEndOfInput, ErrorOf("<e a='1'>"));
        Assert.Equal([" e [ a=1]", " f"], Describe("<e a='1'><f/></e>"));
        Assert.Equal([" e [ a=1]"], Describe("<e a='1'/>"));
    }

    /// <summary>Each start element as its namespace, local name and attributes.</summary>
    internal static List<string> Describe(string xml)
    {
        var lines = new List<string>();
        var reader = new Utf8XmlReader(Encoding.UTF8.GetBytes(xml));
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.StartElement)
                {
                    continue;
                }

                var line = Encoding.UTF8.GetString(reader.NamespaceUri) + " " + Encoding.UTF8.GetString(reader.LocalName);
                var attributes = new List<string>();
                for (var i = 0; i < reader.AttributeCount; i++)
                {
                    attributes.Add(Encoding.UTF8.GetString(reader.GetAttributeNamespace(i)) + " " + Encoding.UTF8.GetString(reader.GetAttributeLocalName(i))
                        + "=" + Encoding.UTF8.GetString(reader.GetAttributeValue(i)));
                }

                lines.Add(attributes.Count == 0 ? line : line + " [" + string.Join(", ", attributes) + "]");
            }
        }
        finally
        {
            reader.Dispose();
        }

        return lines;
    }

    internal static XmlError? ErrorOf(string xml, XmlReaderOptions? options = null)
    {
        var reader = new Utf8XmlReader(Encoding.UTF8.GetBytes(xml), options ?? XmlReaderOptions.Default);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlReadException e)
        {
            return e.Error;
        }
        finally
        {
            reader.Dispose();
        }
    }
}
