using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>One changed document: what was changed (kind) and where (an XPath-like location).</summary>
internal sealed record Mutant(string Kind, string Where, byte[] Xml);

/// <summary>
/// Small structural and lexical changes to a document, each of which may or may not keep it schema-valid.
/// Elements kept as raw bytes by the model (ds:Signature, atom:feed) are moved, dropped and duplicated as a whole,
/// but their insides are left alone: the reader does not parse them, by design.
/// </summary>
internal static partial class Mutator
{
    public const string Bogus = "BOGUS_VALUE";

    private static readonly XName[] s_rawElements =
    [
        XName.Get("Signature", "http://www.w3.org/2000/09/xmldsig#"),
        XName.Get("feed", "http://www.w3.org/2005/Atom"),
    ];

    public static IEnumerable<Mutant> Mutate(byte[] xml)
    {
        var original = Rewrites.Load(xml);
        var elements = Mutable(original).ToArray();
        for (var i = 0; i < elements.Length; i++)
        {
            var element = elements[i];
            var where = Where(element);
            var isRoot = element.Parent is null;
            var isLeaf = !element.HasElements && !IsRaw(element);
            if (!isRoot)
            {
                yield return Make("drop", where, original, i, e => e.Remove());
                yield return Make("duplicate", where, original, i, e => e.AddAfterSelf(new XElement(e)));
                if (element.ElementsAfterSelf().Any())
                {
                    yield return Make("swap with next", where, original, i, e =>
                    {
                        var next = e.ElementsAfterSelf().First();
                        next.Remove();
                        e.AddBeforeSelf(next);
                    });
                }
            }

            if (element.HasElements && !IsRaw(element))
            {
                yield return Make("stray text", where, original, i, e => e.AddFirst(new XText("stray")));
            }

            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && !IsRaw(element)))
            {
                var name = attribute.Name;
                yield return Make("bogus attribute value", where + "/@" + name.LocalName, original, i, e => e.SetAttributeValue(name, "bogus value"));
                yield return Make("drop attribute", where + "/@" + name.LocalName, original, i, e => e.SetAttributeValue(name, null));
            }

            if (!isRoot && !IsRaw(element))
            {
                yield return Make("unknown attribute", where, original, i, e => e.SetAttributeValue("unknown", "1"));
            }

            if (!isLeaf || element.Value.Length == 0)
            {
                continue;
            }

            var text = element.Value;
            yield return Make("bogus value", where, original, i, e => e.Value = Bogus);
            if (NumberPattern().IsMatch(text))
            {
                yield return Make("corrupt number", where, original, i, e => e.Value = text + "x");
            }

            if (DateTimePattern().Match(text) is { Success: true } date)
            {
                yield return Make("corrupt date-time", where, original, i, e => e.Value = text.Remove(date.Groups["month"].Index, 2).Insert(date.Groups["month"].Index, "13"));
                yield return Make("date-time without T", where, original, i, e => e.Value = text.Replace('T', ' '));
            }

            if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
            {
                yield return Make("corrupt duration", where, original, i, e => e.Value = text.Replace("P", "PX", StringComparison.Ordinal));
                if (text.Contains('T', StringComparison.Ordinal))
                {
                    yield return Make("duration without T", where, original, i, e => e.Value = text.Replace("T", "", StringComparison.Ordinal));
                }
            }
        }
    }

    /// <summary>Elements that may be changed: all but those inside a raw element, in document order.</summary>
    private static IEnumerable<XElement> Mutable(XDocument document) =>
        document.Root!.DescendantsAndSelf().Where(e => !e.Ancestors().Any(IsRaw));

    private static bool IsRaw(XElement element) => s_rawElements.Contains(element.Name);

    private static Mutant Make(string kind, string where, XDocument original, int index, Action<XElement> change)
    {
        var copy = new XDocument(original);
        change(Mutable(copy).ElementAt(index));
        return new Mutant(kind, where, Rewrites.Save(copy));
    }

    private static string Where(XElement element) =>
        string.Concat(element.AncestorsAndSelf().Reverse().Select(e => "/" + e.Name.LocalName + (e.Parent is null ? "" : "[" + (e.ElementsBeforeSelf(e.Name).Count() + 1).ToString(CultureInfo.InvariantCulture) + "]")));

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\d{4}-(?<month>\d{2})-\d{2}T\d{2}:\d{2}:\d{2}")]
    private static partial Regex DateTimePattern();
}
