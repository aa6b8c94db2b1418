using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenAdr.Edge.Generators.Tests;

/// <summary>One generated file: its hint name and text.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>What one run of the generator produced.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation Input,
    Compilation Output,
    ImmutableArray<GeneratedFile> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> OutputDiagnostics)
{
    /// <summary>Output-compilation diagnostics of severity Warning or above that lie in generated code (or have no source).</summary>
    public IEnumerable<Diagnostic> GeneratedCodeProblems => OutputDiagnostics
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .Where(d => d.Location.SourceTree is not { } tree || !Input.SyntaxTrees.Contains(tree));
}

/// <summary>Compiles C# sources against the BCL and OpenAdr.Edge.Xml and runs <see cref="XmlSerializerGenerator"/> over them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The usings every test source starts with, so inputs read like the payload definitions.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using OpenAdr.Edge.Xml.Serialization;
        using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

        """;

    /// <summary>Parses <paramref name="sources"/> as files Input0.cs, Input1.cs, ... in one compilation.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTestInput",
            sources.Select((source, i) => Parse(source, $"Input{i}.cs")),
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // As in Directory.Build.props: documentation comments are checked, undocumented public members are not.
                specificDiagnosticOptions: [new KeyValuePair<string, ReportDiagnostic>("CS1591", ReportDiagnostic.Suppress)]));

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>A driver that records every incremental step, so tests can ask how each one ran.</summary>
    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new XmlSerializerGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateDriver(), CreateCompilation(sources));

    /// <summary>Runs <paramref name="driver"/> (fresh, or from an earlier run) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw.", exception);
        }

        var sources = result.GeneratedSources
            .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToImmutableArray();
        return new GeneratorRun(driver, compilation, output, sources, generatorDiagnostics, output.GetDiagnostics());
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(OpenAdr.Edge.Xml.Serialization.XmlTypeAttribute).Assembly.Location)
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
