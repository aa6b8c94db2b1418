using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>The root of a written document declares the namespaces its elements use, not all thirteen.</summary>
public class RootNamespaceTests
{
    public static TheoryData<string> MessageNames => [.. Samples.MessageNames];

    [Fact]
    public void An_oadrResponse_declares_only_the_three_namespaces_it_uses()
    {
        var xml = Documents.Write(Samples.Response());

        Assert.Equal(["ei", "oadr", "pyld"], RootDeclarations(xml));
        OadrSchema.AssertValid(xml);
    }

    [Fact]
    public void An_oadrPoll_declares_oadr_and_ei()
    {
        var payload = Samples.Poll();
        payload.Signature = null;

        Assert.Equal(["ei", "oadr"], RootDeclarations(Documents.Write(payload)));
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Every_prefix_an_unsigned_document_uses_is_declared_at_its_root(string messageName)
    {
        var payload = Samples.Create(messageName);
        payload.Signature = null;
        var xml = Documents.Write(payload);

        var (used, nested) = UsedPrefixes(xml);
        Assert.Empty(nested);
        Assert.Subset(RootDeclarations(xml).ToHashSet(), used);
        OadrSchema.AssertValid(xml);
    }

    /// <summary>Raw signature bytes kept from a read document may use any prefix that document's root declared.</summary>
    [Fact]
    public void A_document_carrying_raw_signature_bytes_declares_every_namespace()
    {
        var xml = Documents.Write(Samples.Poll());

        Assert.Equal(13, RootDeclarations(xml).Count);
        OadrSchema.AssertValid(xml);
    }

    private static List<string> RootDeclarations(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml));
        reader.MoveToContent();
        var prefixes = new List<string>();
        while (reader.MoveToNextAttribute())
        {
            if (reader.Prefix == "xmlns")
            {
                prefixes.Add(reader.LocalName);
            }
        }

        prefixes.Sort(System.StringComparer.Ordinal);
        return prefixes;
    }

    /// <summary>The prefixes of every element and attribute name, and any declaration below the root.</summary>
    private static (HashSet<string> Used, List<string> Nested) UsedPrefixes(byte[] xml)
    {
        var used = new HashSet<string>();
        var nested = new List<string>();
        using var reader = XmlReader.Create(new MemoryStream(xml));
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            used.Add(reader.Prefix);
            var isRoot = reader.Depth == 0;
            while (reader.MoveToNextAttribute())
            {
                if (reader.Prefix == "xmlns" || reader.Name == "xmlns")
                {
                    if (!isRoot)
                    {
                        nested.Add(reader.Name);
                    }
                }
                else if (reader.Prefix.Length > 0)
                {
                    used.Add(reader.Prefix);
                }
            }
        }

        return (used, nested);
    }
}
