using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace OpenAdr.Edge.Generators.Tests;

/// <summary>Each diagnostic the generator reports, from the smallest input that deserves it, at the right place.</summary>
public class DiagnosticTests
{
    [Fact]
    public void Valid_input_produces_no_diagnostics()
    {
        var run = GeneratorHarness.Run(GoldenSources.Poll, GoldenSources.Report, GoldenSources.Choice, GoldenSources.Root);

        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
        Assert.NotEmpty(run.Sources);
    }

    [Fact]
    public void OADR001_is_reported_on_a_class_that_is_not_partial()
    {
        const string source = """
            [XmlType]
            public sealed class OadrPoll
            {
                [XmlElement("venID", Ns.Ei)]
                public string VenId { get; set; } = "";
            }
            """;

        var diagnostic = AssertSingle("OADR001", source, "public sealed class OadrPoll", "OadrPoll");
        Assert.Contains("'OadrPoll'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public object Data { get; set; } = new();", "object")]
    [InlineData("public Dictionary<string, string> Data { get; set; } = [];", "System.Collections.Generic.Dictionary<string, string>")]
    [InlineData("public string Data { get; private set; } = \"\";", "string")]
    [InlineData("public string Data { get; } = \"\";", "string")]
    [InlineData("public Plain Data { get; set; } = new();", "D.Plain")]
    public void OADR002_is_reported_on_a_property_without_an_xml_mapping(string property, string typeName)
    {
        var source = $$"""
            [XmlType]
            public sealed partial class Holder
            {
                [XmlElement("data", Ns.Ei)]
                {{property}}
            }

            public sealed class Plain;
            """;

        var diagnostic = AssertSingle("OADR002", source, property, "Data");
        Assert.Contains($"'{typeName}'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OADR002_is_reported_on_a_list_attribute()
    {
        const string source = """
            [XmlType]
            public sealed partial class Holder
            {
                [XmlAttribute("ids")]
                public List<string> Ids { get; set; } = [];
            }
            """;

        AssertSingle("OADR002", source, "public List<string> Ids", "Ids");
    }

    [Theory]
    [InlineData("""[XmlElement("venID", "urn:example:unknown")]""", "urn:example:unknown")]
    [InlineData("""[XmlElement("venID", Ns.Xml)]""", "http://www.w3.org/XML/1998/namespace")]
    [InlineData("""[XmlElement("dtstart", Ns.Xcal, Inner = "date-time", InnerNamespace = "urn:example:unknown")]""", "urn:example:unknown")]
    [InlineData("""[XmlAttribute("id", "urn:example:unknown")]""", "urn:example:unknown")]
    public void OADR003_is_reported_on_a_member_in_an_unknown_namespace(string attribute, string ns)
    {
        var source = $$"""
            [XmlType]
            public sealed partial class Holder
            {
                {{attribute}}
                public string VenId { get; set; } = "";
            }
            """;

        var diagnostic = AssertSingle("OADR003", source, "public string VenId", "VenId");
        Assert.Contains($"'{ns}' on 'VenId'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OADR003_is_reported_on_a_root_in_an_unknown_namespace()
    {
        const string source = """
            [XmlType, XmlRoot("payload", "urn:example:unknown")]
            public sealed partial class Payload
            {
                [XmlElement("venID", Ns.Ei)]
                public string VenId { get; set; } = "";
            }
            """;

        var diagnostic = AssertSingle("OADR003", source, "public sealed partial class Payload", "Payload");
        Assert.Contains("'urn:example:unknown' on 'Payload'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OADR003_is_reported_on_a_derived_element_in_an_unknown_namespace()
    {
        const string source = """
            [XmlType]
            [XmlDerivedType(typeof(Voltage), "voltage", "urn:example:unknown")]
            public abstract partial class ItemBase;

            [XmlType]
            public sealed partial class Voltage : ItemBase;
            """;

        AssertSingle("OADR003", source, "public abstract partial class ItemBase", "ItemBase");
    }

    [Theory]
    [InlineData("[XmlChoice]", "public string Item { get; set; } = \"\";")]
    [InlineData("[XmlChoice]", "public Empty Item { get; set; } = null!;")]
    [InlineData("[XmlChoice]", "public Voltage Item { get; set; } = new();")]
    [InlineData("[XmlElement(\"item\", Ns.Power)]", "public ItemBase Item { get; set; } = null!;")]
    public void OADR004_is_reported_on_a_choice_that_is_not_an_abstract_xml_type_with_derived_types(string attribute, string property)
    {
        var source = $$"""
            [XmlType]
            public sealed partial class Holder
            {
                {{attribute}}
                {{property}}
            }

            [XmlType]
            [XmlDerivedType(typeof(Voltage), "voltage", Ns.Power)]
            public abstract partial class ItemBase;

            [XmlType]
            public sealed partial class Voltage : ItemBase;

            [XmlType]
            public abstract partial class Empty;
            """;

        var diagnostic = AssertSingle("OADR004", source, property, "Item");
        Assert.Contains("'Item'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OADR005_is_reported_on_a_class_with_more_than_64_child_elements()
    {
        var source = new StringBuilder("""
            [XmlType]
            public sealed partial class Wide
            {

            """);
        for (var i = 0; i < 65; i++)
        {
            source.Append($"    [XmlElement(\"e{i}\", Ns.Ei)] public string? E{i} {{ get; set; }}\n");
        }

        source.Append('}');

        var diagnostic = AssertSingle("OADR005", source.ToString(), "public sealed partial class Wide", "Wide");
        Assert.Contains("65", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_64_child_elements_are_allowed()
    {
        var source = new StringBuilder(GeneratorHarness.Usings + "namespace D;\n[XmlType]\npublic sealed partial class Wide\n{\n");
        for (var i = 0; i < 64; i++)
        {
            source.Append($"    [XmlElement(\"e{i}\", Ns.Ei)] public string E{i} {{ get; set; }} = \"\";\n");
        }

        source.Append('}');

        var run = GeneratorHarness.Run(source.ToString());
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedCodeProblems);
        Assert.Contains("0xFFFFFFFFFFFFFFFFUL", Assert.Single(run.Sources).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[XmlElement(\"venID\", Ns.Ei)] public string? Other { get; set; }", "ei:venID")]
    [InlineData("[XmlChoice] public ItemBase? Item { get; set; }", "power:voltage")]
    public void OADR006_is_reported_on_a_class_that_declares_an_element_twice(string second, string element)
    {
        var source = $$"""
            [XmlType]
            public sealed partial class Holder
            {
                [XmlElement("venID", Ns.Ei)]
                public string VenId { get; set; } = "";

                [XmlElement("voltage", Ns.Power)]
                public string? Voltage { get; set; }

                {{second}}
            }

            [XmlType]
            [XmlDerivedType(typeof(Voltage), "voltage", Ns.Power)]
            public abstract partial class ItemBase;

            [XmlType]
            public sealed partial class Voltage : ItemBase;
            """;

        var diagnostic = AssertSingle("OADR006", source, "public sealed partial class Holder", "Holder");
        Assert.Contains($"'{element}'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OADR007_is_reported_on_an_enum_member_without_an_xml_value()
    {
        const string source = """
            [XmlType]
            public sealed partial class Holder
            {
                [XmlElement("optType", Ns.Ei)]
                public OptType OptType { get; set; }
            }

            public enum OptType
            {
                [XmlEnumValue("optIn")] OptIn,
                OptOut,
            }
            """;

        var diagnostic = AssertSingle("OADR007", source, "OptOut,", "OptOut");
        Assert.Contains("'OptType.OptOut'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OADR007_is_reported_on_a_restriction_enum_member_without_an_xml_value()
    {
        const string source = """
            [XmlType]
            public sealed partial class Holder
            {
                [XmlElement("reportName", Ns.Ei)]
                [XmlRestriction(typeof(ReportName), ExtensionPrefix = "x-")]
                public string ReportName { get; set; } = "";
            }

            public enum ReportName
            {
                Telemetry,
            }
            """;

        AssertSingle("OADR007", source, "Telemetry,", "Telemetry");
    }

    [Theory]
    [InlineData("[XmlDerivedType(typeof(Unrelated), \"unrelated\", Ns.Power)]", "Unrelated")]
    [InlineData("[XmlDerivedType(typeof(AbstractItem), \"abstractItem\", Ns.Power)]", "AbstractItem")]
    [InlineData("[XmlDerivedType(typeof(NotXml), \"notXml\", Ns.Power)]", "NotXml")]
    [InlineData("[XmlDerivedType(typeof(Voltage), \"voltage2\", Ns.Power)]", "Voltage")]
    public void OADR008_is_reported_on_a_base_naming_an_invalid_derived_type(string derived, string name)
    {
        var source = $$"""
            [XmlType]
            [XmlDerivedType(typeof(Voltage), "voltage", Ns.Power)]
            {{derived}}
            public abstract partial class ItemBase;

            [XmlType]
            public sealed partial class Voltage : ItemBase;

            [XmlType]
            public sealed partial class Unrelated;

            [XmlType]
            public abstract partial class AbstractItem : ItemBase;

            public sealed class NotXml : ItemBase;
            """;

        var diagnostic = AssertSingle("OADR008", source, "public abstract partial class ItemBase", "ItemBase");
        Assert.Contains($"names '{name}'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[XmlElement(\"priority\", Ns.Ei, Intern = true)]", "public int Value { get; set; }", "Intern and Fixed")]
    [InlineData("[XmlElement(\"priority\", Ns.Ei, Fixed = \"1\")]", "public int Value { get; set; }", "Intern and Fixed")]
    [InlineData("[XmlElement(\"rID\", Ns.Ei, MinOccurs = 1)]", "public string Value { get; set; } = \"\";", "MinOccurs")]
    [InlineData("[XmlChoice(MinOccurs = 1)]", "public ItemBase Value { get; set; } = null!;", "MinOccurs")]
    [InlineData("[XmlElement(\"rID\", Ns.Ei, Inner = \"text\")]", "public List<string> Value { get; set; } = [];", "Inner")]
    [InlineData("[XmlElement(\"item\", Ns.Ei, Inner = \"text\")]", "public Voltage Value { get; set; } = new();", "Inner")]
    [InlineData("[XmlElement(\"rID\", Ns.Ei)][XmlRestriction(typeof(OptType))]", "public int Value { get; set; }", "[XmlRestriction]")]
    [InlineData("[XmlElement(\"rID\", Ns.Ei)][XmlRestriction(typeof(string))]", "public string Value { get; set; } = \"\";", "[XmlRestriction]")]
    public void OADR009_is_reported_on_an_option_that_does_not_apply_to_the_property(string attributes, string property, string option)
    {
        var source = $$"""
            [XmlType]
            public sealed partial class Holder
            {
                {{attributes}}
                {{property}}
            }

            [XmlType]
            [XmlDerivedType(typeof(Voltage), "voltage", Ns.Power)]
            public abstract partial class ItemBase;

            [XmlType]
            public sealed partial class Voltage : ItemBase;

            public enum OptType
            {
                [XmlEnumValue("optIn")] OptIn,
            }
            """;

        var diagnostic = AssertSingle("OADR009", source, property, "Value");
        Assert.Contains(option, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public partial class Outer\n{\n    [XmlType]\n    public sealed partial class Inner;\n}", "public sealed partial class Inner", "Inner")]
    [InlineData("[XmlType]\npublic sealed partial class Holder<T>;", "public sealed partial class Holder<T>", "Holder")]
    public void OADR010_is_reported_on_a_nested_or_generic_class(string source, string line, string token)
    {
        var diagnostic = AssertSingle("OADR010", source, line, token);
        Assert.Contains($"'{token}'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_is_an_error_with_a_distinct_id()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        Assert.Equal([.. Enumerable.Range(1, 10).Select(i => $"OADR{i:000}")], ids);
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
    }

    /// <summary>
    /// Runs the generator over <paramref name="body"/> (in namespace D, after the usual usings) and asserts it reports
    /// one diagnostic, <paramref name="id"/>, on the one line containing <paramref name="line"/>, spanning <paramref name="token"/>.
    /// </summary>
    private static Diagnostic AssertSingle(string id, string body, string line, string token)
    {
        var source = GeneratorHarness.Usings + "namespace D;\n\n" + body.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        var run = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);

        var lines = source.Split('\n');
        var expectedLine = Assert.Single(Enumerable.Range(0, lines.Length), i => lines[i].Contains(line, StringComparison.Ordinal));
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("Input0.cs", position.Path);
        Assert.Equal(expectedLine, position.StartLinePosition.Line);
        Assert.Equal(token, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        return diagnostic;
    }
}
