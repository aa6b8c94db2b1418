using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenAdr.Edge.Generators;

/// <summary>
/// Emits a UTF-8 XML reader and writer for every <c>[XmlType]</c> class, and parse/format helpers for the enums they use.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class XmlSerializerGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "OpenAdr.Edge.Xml.Serialization.XmlTypeAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Types);

        var diagnostics = results
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var enums = models
            .SelectMany(static (model, _) => model.Enums)
            .Collect()
            .Select(static (all, _) => all.GroupBy(e => e.FullName).Select(g => g.First()).OrderBy(e => e.FullName, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Enums);

        context.RegisterSourceOutput(models, static (output, model) => output.AddSource(model.HintName, Emitter.EmitType(model)));
        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(enums, static (output, all) =>
        {
            foreach (var model in all)
            {
                output.AddSource(model.FullName.Replace("global::", string.Empty) + "Xml.g.cs", Emitter.EmitEnum(model));
            }
        });
    }

    /// <summary>Names of the incremental steps, so tests can assert how each one ran.</summary>
    public static class TrackingNames
    {
        public const string Parse = nameof(Parse);
        public const string Types = nameof(Types);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Enums = nameof(Enums);
    }
}
