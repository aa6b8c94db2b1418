using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>Rewrites of a document that change its bytes but not its information set (namespaces, names, text).</summary>
internal static class Rewrites
{
    public static readonly IReadOnlyDictionary<string, Func<byte[], byte[]>> ByName = new Dictionary<string, Func<byte[], byte[]>>
    {
        ["other prefixes, all declared on the root"] = OtherPrefixesOnRoot,
        ["default namespace on every element, no prefixes"] = DefaultNamespaces,
        ["redundant redeclarations on every element"] = RedundantRedeclarations,
        ["comments, processing instructions and whitespace between elements"] = CommentsAndWhitespace,
        ["whitespace inside tags and single-quoted attributes"] = WhitespaceInsideTags,
        ["text as CDATA sections"] = TextAsCData,
        ["text as character references"] = TextAsCharacterReferences,
    };

    public static XDocument Load(byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        return XDocument.Load(stream, LoadOptions.None);
    }

    public static byte[] Save(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private static byte[] OtherPrefixesOnRoot(byte[] xml)
    {
        var document = WithoutDeclarations(xml);
        var root = document.Root!;
        var namespaces = UsedNamespaces(root).Reverse().ToArray();
        for (var i = 0; i < namespaces.Length; i++)
        {
            root.SetAttributeValue(XNamespace.Xmlns + ("n" + i), namespaces[i]);
        }

        return Save(document);
    }

    private static byte[] DefaultNamespaces(byte[] xml) => Save(WithoutDeclarations(xml));

    private static byte[] RedundantRedeclarations(byte[] xml)
    {
        var document = Load(xml);
        var namespaces = UsedNamespaces(document.Root!).ToArray();
        var prefixes = new Dictionary<string, string>();
        foreach (var element in document.Root!.DescendantsAndSelf())
        {
            foreach (var ns in namespaces)
            {
                var prefix = element.GetPrefixOfNamespace(ns) ?? prefixes.GetValueOrDefault(ns.NamespaceName) ?? ("r" + prefixes.Count);
                prefixes[ns.NamespaceName] = prefix;
                element.SetAttributeValue(XNamespace.Xmlns + prefix, ns.NamespaceName);
            }

            element.SetAttributeValue(XNamespace.Xmlns + "unused", "urn:example:unused");
        }

        return Save(document);
    }

    private static byte[] CommentsAndWhitespace(byte[] xml)
    {
        var document = Load(xml);
        foreach (var element in document.Root!.DescendantsAndSelf().Where(e => e.HasElements).ToArray())
        {
            foreach (var child in element.Elements().ToArray())
            {
                child.AddBeforeSelf(new XText("\n\t  "), new XComment(" before " + child.Name.LocalName + " "), new XText("\r\n "));
            }

            element.Add(new XText(" \t"), new XProcessingInstruction("note", "after the last child"), new XText("\n"));
        }

        document.Root.AddBeforeSelf(new XComment(" a comment before the root "));
        document.Root.AddAfterSelf(new XComment(" and one after it "));
        return Save(document);
    }

    private static byte[] WhitespaceInsideTags(byte[] xml)
    {
        var text = Encoding.UTF8.GetString(Save(Load(xml)));
        var builder = new StringBuilder();
        var inTag = false;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                builder.Append(c == quote ? '\'' : c == '\'' ? "&apos;" : c.ToString());
                quote = c == quote ? '\0' : quote;
                continue;
            }

            if (c == '<' && i + 1 < text.Length && text[i + 1] is not ('?' or '!'))
            {
                inTag = true;
            }
            else if (inTag && c == '"')
            {
                quote = c;
                builder.Append('\'');
                continue;
            }
            else if (inTag && c == '=')
            {
                builder.Append(" =\t");
                continue;
            }
            else if (inTag && c == '/' && i + 1 < text.Length && text[i + 1] == '>')
            {
                builder.Append("\n  ");
            }
            else if (inTag && c == '>')
            {
                builder.Append(text[i - 1] == '/' ? "" : "\r\n ");
                inTag = false;
            }

            builder.Append(c);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] TextAsCData(byte[] xml)
    {
        var document = Load(xml);
        foreach (var text in document.DescendantNodes().OfType<XText>().Where(t => t.Value.Length > 0).ToArray())
        {
            text.ReplaceWith(new XCData(text.Value));
        }

        return Save(document);
    }

    private static byte[] TextAsCharacterReferences(byte[] xml)
    {
        var document = Load(xml);
        var replacements = new List<string>();
        foreach (var text in document.DescendantNodes().OfType<XText>().Where(t => t.Value.Length > 0).ToArray())
        {
            var encoded = new StringBuilder();
            foreach (var rune in text.Value.EnumerateRunes())
            {
                encoded.Append(rune.Value % 2 == 0 ? $"&#{rune.Value};" : $"&#x{rune.Value:X};");
            }

            text.Value = "\u00a7" + replacements.Count + "\u00a7";
            replacements.Add(encoded.ToString());
        }

        var saved = Encoding.UTF8.GetString(Save(document));
        for (var i = replacements.Count - 1; i >= 0; i--)
        {
            saved = saved.Replace("\u00a7" + i + "\u00a7", replacements[i], StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(saved);
    }

    private static XDocument WithoutDeclarations(byte[] xml)
    {
        var document = Load(xml);
        foreach (var element in document.Root!.DescendantsAndSelf())
        {
            element.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        }

        return document;
    }

    private static IEnumerable<XNamespace> UsedNamespaces(XElement root) => root.DescendantsAndSelf()
        .SelectMany(e => e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Name.Namespace).Append(e.Name.Namespace))
        .Where(ns => ns != XNamespace.None)
        .Distinct();
}
