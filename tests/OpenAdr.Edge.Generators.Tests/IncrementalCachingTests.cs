using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Names = OpenAdr.Edge.Generators.XmlSerializerGenerator.TrackingNames;

namespace OpenAdr.Edge.Generators.Tests;

/// <summary>
/// The generator's incremental steps must not redo work (or re-emit sources) for edits that cannot change their output:
/// the IDE runs it on every keystroke.
/// </summary>
public class IncrementalCachingTests
{
    private static readonly string[] s_steps = [Names.Parse, Names.Types, Names.Diagnostics, Names.Enums];

    /// <summary>An invalid type, so the Diagnostics step has outputs to cache too.</summary>
    private const string NotPartial = GeneratorHarness.Usings + """
        namespace Caching;

        [XmlType]
        public sealed class NotPartial
        {
            [XmlElement("venID", Ns.Ei)]
            public string VenId { get; set; } = "";
        }
        """;

    private const string Unrelated = """
        namespace Caching;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged(bool addFile)
    {
        var compilation = GeneratorHarness.CreateCompilation(GoldenSources.Report, GoldenSources.Choice, NotPartial, Unrelated);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
        foreach (var step in s_steps)
        {
            var reasons = Reasons(first.Driver, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.Equal(IncrementalStepRunReason.New, reason));
        }

        var unrelatedTree = compilation.SyntaxTrees.Last();
        var edited = addFile
            ? compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace Caching;\n\npublic sealed class AlsoUnrelated;\n", "Extra.cs"))
            : compilation.ReplaceSyntaxTree(unrelatedTree, GeneratorHarness.Parse(Unrelated.Replace("42", "43", StringComparison.Ordinal), unrelatedTree.FilePath));
        var second = GeneratorHarness.Run(first.Driver, edited);

        foreach (var step in s_steps)
        {
            var reasons = Reasons(second.Driver, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} ran with reason {reason} after an unrelated edit."));
        }

        var outputs = second.Driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(first.Sources, second.Sources);
        Assert.Equal(first.GeneratorDiagnostics.Select(d => d.ToString()), second.GeneratorDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Editing_a_property_of_one_xml_type_modifies_only_that_type()
    {
        var compilation = GeneratorHarness.CreateCompilation(GoldenSources.Choice, GoldenSources.Report);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        const string before = "[XmlElement(\"hertz\", Ns.Power)]";
        Assert.Contains(before, GoldenSources.Choice, StringComparison.Ordinal);
        var choiceTree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(
            choiceTree,
            GeneratorHarness.Parse(GoldenSources.Choice.Replace(before, "[XmlElement(\"frequency\", Ns.Power)]", StringComparison.Ordinal), choiceTree.FilePath));
        var second = GeneratorHarness.Run(first.Driver, edited);

        var types = second.Driver.GetRunResult().Results[0].TrackedSteps[Names.Types].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(first.Driver.GetRunResult().Results[0].TrackedSteps[Names.Types].Length, types.Count);
        var modified = types.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((TypeModel)o.Value).Name);
        Assert.Equal(["PowerAttributes"], modified);
        Assert.All(
            types.Where(o => ((TypeModel)o.Value).Name != "PowerAttributes"),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{((TypeModel)o.Value).Name}: {o.Reason}"));

        // Every type was parsed again (the compilation changed) but only one came out different, so Types ran for it alone.
        var parsed = second.Driver.GetRunResult().Results[0].TrackedSteps[Names.Parse].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(9, parsed.Count);
        Assert.Equal(["PowerAttributes"], parsed.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((ParseResult)o.Value).Model!.Name));
        Assert.All(
            parsed.Where(o => ((ParseResult)o.Value).Model!.Name != "PowerAttributes"),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{((ParseResult)o.Value).Model!.Name}: {o.Reason}"));
        Assert.All(Reasons(second.Driver, Names.Enums), reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Enums: {reason}"));

        var changedSources = second.Sources.Except(first.Sources).Select(s => s.HintName);
        Assert.Equal(["Golden.Choice.PowerAttributes.Xml.g.cs"], changedSources);
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        [.. driver.GetRunResult().Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason)];
}
