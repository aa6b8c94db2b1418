using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Xml.Canonicalization;
using Xunit;

namespace OpenAdr.Edge.Xml.Tests;

/// <summary>
/// Our canonical XML against .NET's own (System.Security.Cryptography.Xml, which is not AOT-safe and so only serves
/// here as the oracle), subtree by subtree the way SignedXml digests a <c>#id</c> reference: the element imported
/// into a document of its own with the namespace declarations of its ancestors on it.
/// </summary>
public class CanonicalizationTests
{
    public static TheoryData<string> InteropFiles()
    {
        var data = new TheoryData<string>();
        var root = Path.GetFullPath(Path.Combine(SharedFiles.RepositoryRoot, "..", "shared", "interop", "openleadr"));
        if (!Directory.Exists(root))
        {
            data.Add("(../shared/interop/openleadr is absent)");
            return data;
        }

        foreach (var path in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InteropFiles))]
    public void Every_element_of_the_OpenLEADR_messages_canonicalizes_as_dotnet_does(string relative)
    {
        var document = File.ReadAllBytes(SharedFiles.Get("interop/openleadr/" + relative));
        var offsets = StartTagOffsets(document);
        var elements = Load(document).SelectNodes("//*")!.Cast<XmlElement>().ToArray();
        Assert.Equal(elements.Length, offsets.Count);
        for (var i = 0; i < elements.Length; i++)
        {
            foreach (var method in new[] { CanonicalizationMethod.Inclusive, CanonicalizationMethod.Exclusive })
            {
                var ours = Ours(document, ElementSelector.AtOffset(offsets[i]), method, out var element);
                Assert.Equal(offsets[i], element.Offset);
                Assert.Equal(Oracle(elements[i], method), ours);
            }
        }
    }

    [Theory]
    [InlineData("default namespace redeclared", """<r xmlns="urn:a"><s xmlns="urn:b"><t xmlns="urn:a" Id="x"><u xmlns="urn:b"><v/></u></t></s></r>""")]
    [InlineData("default namespace undeclared", """<r xmlns="urn:a"><s Id="x"><t xmlns=""><u xmlns="urn:a"/><w xmlns=""/></t></s></r>""")]
    [InlineData("apex in no namespace under a default", """<r xmlns="urn:a"><s xmlns="" Id="x"><t/></s></r>""")]
    [InlineData("prefixes declared on ancestors", """<p:r xmlns:p="urn:p" xmlns:q="urn:q" xmlns:z="urn:z"><p:s Id="x" q:a="1"><z:t/><p:u xmlns:p="urn:p2"/></p:s></p:r>""")]
    [InlineData("attributes ordered by namespace URI, then local name", """<r xmlns:b="urn:a" xmlns:a="urn:b"><e Id="x" b:z="1" a:y="2" c="3" a:a="4" b="5" xmlns:c="urn:0" c:q="6"/></r>""")]
    [InlineData("entities and character references", "<r><e Id=\"x\" a=\"&lt;&amp;&gt;&quot;&apos;&#9;&#10;&#13;&#x20AC;&#65;\" b='\"'>&lt;&amp;&gt;&quot;&apos;&#13;&#x41;&#65;&#x10400; \u00e9\u20ac</e></r>")]
    [InlineData("CDATA", "<r><e Id=\"x\"><![CDATA[<b> & \"q\" > ]]>tail<![CDATA[]]></e></r>")]
    [InlineData("line ends in text, attributes and CDATA", "<r>\r\n<e Id=\"x\" a=\"1\r\n2\r3\n4\t5\">line1\r\nline2\rline3\n<![CDATA[c1\r\nc2\rc3]]></e>\r\n</r>")]
    [InlineData("comments dropped, processing instructions kept", "<r><e Id=\"x\"><!-- gone --><?pi   some\r\n data ?>t<?empty?><f><!--x--></f></e></r>")]
    [InlineData("empty elements and whitespace inside tags", "<r><e  Id = 'x'   a = \"1\" ><f/><g  /></e ></r>")]
    [InlineData("whitespace text kept", "<r>\n  <e Id=\"x\">\n    <f> a  b </f>\n  \t</e>\n</r>")]
    [InlineData("declarations repeated with the same value", """<r xmlns:p="urn:p" xmlns="urn:d"><e Id="x" xmlns:p="urn:p"><p:f xmlns:p="urn:p" xmlns="urn:d"/></e></r>""")]
    [InlineData("namespace URIs with escapes", """<r xmlns:p="urn:a&amp;b&#x20;c"><p:e Id="x" p:a="&lt;"/></r>""")]
    [InlineData("apex carries oadr:Id", """<p:payload xmlns:p="urn:oadr"><p:signed xmlns:q="urn:q" p:Id="x"><q:m/></p:signed></p:payload>""")]
    public void Tricky_documents_canonicalize_as_dotnet_does(string what, string xml)
    {
        var document = Encoding.UTF8.GetBytes(xml);
        var apex = (XmlElement)Load(document).SelectSingleNode("//*[@Id='x' or @*[local-name()='Id']='x']")!;
        foreach (var method in new[] { CanonicalizationMethod.Inclusive, CanonicalizationMethod.Exclusive })
        {
            var ours = Ours(document, ElementSelector.ById("x"u8), method, out _);
            Assert.True(Oracle(apex, method) == ours, $"{what}, {method}:\n ours:   {ours}\n dotnet: {Oracle(apex, method)}");
        }
    }

    [Theory]
    [InlineData("p #default", """<r xmlns="urn:d" xmlns:p="urn:p" xmlns:q="urn:q"><e Id="x"><q:f/></e></r>""")]
    [InlineData("q", """<r xmlns:p="urn:p" xmlns:q="urn:q"><e Id="x"><f><q:g/></f></e></r>""")]
    public void The_exclusive_inclusive_prefix_list_renders_its_prefixes(string prefixes, string xml)
    {
        var document = Encoding.UTF8.GetBytes(xml);
        var apex = (XmlElement)Load(document).SelectSingleNode("//*[@Id='x']")!;
        var output = new ArrayBufferWriter<byte>();
        Assert.Equal(
            CanonicalizationStatus.Done,
            XmlCanonicalizer.Canonicalize(document, ElementSelector.ById("x"u8), CanonicalizationMethod.Exclusive, Encoding.UTF8.GetBytes(prefixes), output, out _));
        Assert.Equal(Oracle(apex, CanonicalizationMethod.Exclusive, prefixes), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Inclusive_apex_inherits_xml_attributes_of_its_ancestors_and_exclusive_does_not()
    {
        var document = """<r xml:lang="en" xml:space="preserve"><s xml:lang="fr"><e Id="x" xml:space="default" a="1"/></s></r>"""u8;

        Assert.Equal(
            """<e Id="x" a="1" xml:lang="fr" xml:space="default"></e>""",
            Ours(document, ElementSelector.ById("x"u8), CanonicalizationMethod.Inclusive, out _));
        Assert.Equal(
            """<e Id="x" a="1" xml:space="default"></e>""",
            Ours(document, ElementSelector.ById("x"u8), CanonicalizationMethod.Exclusive, out _));
    }

    [Fact]
    public void Elements_are_found_by_name_and_the_first_in_document_order_wins()
    {
        var document = """<r xmlns:a="urn:a"><a:s>1</a:s><s>2</s><b:s xmlns:b="urn:a">3</b:s></r>"""u8;

        Assert.Equal("""<a:s xmlns:a="urn:a">1</a:s>""", Ours(document, ElementSelector.ByName("urn:a"u8, "s"u8), CanonicalizationMethod.Inclusive, out var first));
        Assert.Equal(2, first.Depth);
        Assert.Equal("<s>2</s>", Ours(document, ElementSelector.ByName(""u8, "s"u8), CanonicalizationMethod.Exclusive, out _));
    }

    [Theory]
    [InlineData("""<r><a Id="x"/><b Id="x"/></r>""", CanonicalizationStatus.AmbiguousId)]
    [InlineData("""<r xmlns:o="urn:o"><a Id="x"><b o:Id="x"/></a></r>""", CanonicalizationStatus.AmbiguousId)]
    [InlineData("""<r><a Id="y"/></r>""", CanonicalizationStatus.ElementNotFound)]
    [InlineData("""<r><a xmlns:Id="x"/></r>""", CanonicalizationStatus.ElementNotFound)]
    [InlineData("""<!DOCTYPE r [<!ENTITY e "x">]><r><a Id="x">&e;</a></r>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r><a Id="x">&nbsp;</a></r>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r><a Id="x">&#0;</a></r>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r><a Id="x"></b></r>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r><p:a Id="x"/></r>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r><a Id="x" Id="y"/></r>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r xmlns:p="urn:p" xmlns:q="urn:p"><a Id="x" p:b="1" q:b="2"/></r>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r><a Id="x"/>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r><a Id="x"/></r><r/>""", CanonicalizationStatus.Malformed)]
    [InlineData("""<r><a Id="x" b="<"/></r>""", CanonicalizationStatus.Malformed)]
    public void Ambiguous_missing_and_malformed_are_statuses(string xml, CanonicalizationStatus expected)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Equal(expected, XmlCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(xml), ElementSelector.ById("x"u8), CanonicalizationMethod.Inclusive, output, out _));
    }

    [Fact]
    public void Invalid_utf8_is_malformed()
    {
        var output = new ArrayBufferWriter<byte>();
        byte[] document = [.. "<r Id=\"x\">"u8, 0xC3, 0x28, .. "</r>"u8];
        Assert.Equal(CanonicalizationStatus.Malformed, XmlCanonicalizer.Canonicalize(document, ElementSelector.ById("x"u8), CanonicalizationMethod.Inclusive, output, out _));
    }

    [Fact]
    public void Algorithm_uris_parse_and_the_with_comments_variants_do_not()
    {
        Assert.True(CanonicalizationAlgorithms.TryParse("http://www.w3.org/TR/2001/REC-xml-c14n-20010315"u8, out var inclusive));
        Assert.Equal(CanonicalizationMethod.Inclusive, inclusive);
        Assert.True(CanonicalizationAlgorithms.TryParse("http://www.w3.org/2001/10/xml-exc-c14n#"u8, out var exclusive));
        Assert.Equal(CanonicalizationMethod.Exclusive, exclusive);
        Assert.False(CanonicalizationAlgorithms.TryParse("http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"u8, out _));
        Assert.False(CanonicalizationAlgorithms.TryParse("http://www.w3.org/2001/10/xml-exc-c14n#WithComments"u8, out _));
    }

    private static string Ours(ReadOnlySpan<byte> document, ElementSelector apex, CanonicalizationMethod method, out CanonicalizedElement element)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Equal(CanonicalizationStatus.Done, XmlCanonicalizer.Canonicalize(document, apex, method, output, out element));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>
    /// Through XmlReader.Create: XmlDocument.Load(Stream) alone keeps CR characters and skips attribute-value
    /// normalization, which XML 1.0 (and so C14N's input model) requires.
    /// </summary>
    private static XmlDocument Load(byte[] document)
    {
        var xml = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(document), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        xml.Load(reader);
        return xml;
    }

    /// <summary>What SignedXml digests for a reference to <paramref name="element"/>.</summary>
    private static string Oracle(XmlElement element, CanonicalizationMethod method, string? inclusivePrefixes = null)
    {
        var copy = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var apex = (XmlElement)copy.ImportNode(element, deep: true);
        copy.AppendChild(apex);
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if ((attribute.Prefix == "xmlns" || attribute.Name == "xmlns") && !apex.HasAttribute(attribute.Name))
                {
                    apex.SetAttributeNode((XmlAttribute)copy.ImportNode(attribute, deep: true));
                }
            }
        }

        Transform transform = method == CanonicalizationMethod.Inclusive
            ? new XmlDsigC14NTransform()
            : new XmlDsigExcC14NTransform(inclusivePrefixes ?? "");
        transform.LoadInput(copy);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var reader = new StreamReader(output, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Where each start tag begins (the OpenLEADR messages hold no comments or CDATA that could fool this).</summary>
    private static List<int> StartTagOffsets(byte[] document)
    {
        var offsets = new List<int>();
        for (var i = 0; i < document.Length - 1; i++)
        {
            if (document[i] == (byte)'<' && document[i + 1] is not ((byte)'/' or (byte)'?' or (byte)'!'))
            {
                offsets.Add(i);
            }
        }

        return offsets;
    }
}
