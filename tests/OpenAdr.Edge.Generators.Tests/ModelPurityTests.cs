using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace OpenAdr.Edge.Generators.Tests;

/// <summary>
/// The pipeline's model must compare by value: a symbol, syntax node, compilation, location or semantic model in it
/// would make every step look modified on every keystroke and keep whole compilations alive.
/// </summary>
public class ModelPurityTests
{
    private static readonly Type[] s_modelTypes =
    [
        typeof(TypeModel), typeof(MemberModel), typeof(QualifiedName), typeof(DerivedModel), typeof(EnumModel),
        typeof(EnumMemberModel), typeof(DiagnosticInfo), typeof(ParseResult), typeof(EquatableArray<>),
    ];

    private static readonly Type[] s_forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SemanticModel)];

    [Fact]
    public void The_model_holds_no_symbols_syntax_compilations_locations_or_semantic_models()
    {
        var visited = new HashSet<Type>();
        var violations = new List<string>();
        foreach (var type in s_modelTypes)
        {
            Walk(type, type.Name, visited, violations);
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // The walk went through the arrays' closed forms into their elements, not just over the roots.
        Assert.Contains(typeof(EquatableArray<MemberModel>), visited);
        Assert.Contains(typeof(EquatableArray<DiagnosticInfo>), visited);
    }

    [Fact]
    public void The_model_types_are_records_or_equatable()
    {
        foreach (var type in s_modelTypes.Where(t => !t.IsGenericTypeDefinition))
        {
            Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), $"{type.Name} is not IEquatable<{type.Name}>.");
        }

        Assert.Contains(typeof(EquatableArray<>).GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>));
    }

    [Fact]
    public void The_purity_check_finds_a_symbol_wherever_it_hides()
    {
        var violations = new List<string>();
        Walk(typeof(Impure), nameof(Impure), [], violations);

        Assert.Equal(
            [
                "Impure.Symbol: Microsoft.CodeAnalysis.INamedTypeSymbol",
                "Impure.Nodes: System.Collections.Generic.List`1[Microsoft.CodeAnalysis.SyntaxNode]",
                "Impure.Holder.Compilation: Microsoft.CodeAnalysis.Compilation",
                "Impure.Items._items.Location: Microsoft.CodeAnalysis.Location",
                "Impure.Models: System.Func`2[Microsoft.CodeAnalysis.Compilation,Microsoft.CodeAnalysis.SemanticModel][]",
            ],
            violations);
    }

    /// <summary>Reports every field or property of <paramref name="type"/>, and of the generator's own types it holds, that is or is generic over a forbidden type.</summary>
    private static void Walk(Type type, string path, HashSet<Type> visited, List<string> violations)
    {
        if (!visited.Add(type))
        {
            return;
        }

        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var members = type.GetFields(all).Where(f => !f.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)).Select(f => (f.Name, f.FieldType))
            .Concat(type.GetProperties(all).Select(p => (p.Name, p.PropertyType)));
        foreach (var (name, memberType) in members)
        {
            var memberPath = path + "." + name;
            if (Mentions(memberType).Any(IsForbidden))
            {
                violations.Add($"{memberPath}: {memberType}");
            }

            foreach (var own in Mentions(memberType).Where(IsModelOwn))
            {
                Walk(own, memberPath, visited, violations);
            }
        }
    }

    /// <summary>The type itself, its array element types and its generic arguments, recursively.</summary>
    private static IEnumerable<Type> Mentions(Type type)
    {
        yield return type;
        Type[] inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        foreach (var mention in inner.SelectMany(Mentions))
        {
            yield return mention;
        }
    }

    private static bool IsForbidden(Type type) => s_forbidden.Any(f => f.IsAssignableFrom(type));

    private static bool IsModelOwn(Type type) =>
        !type.IsGenericParameter && !type.IsArray && !type.IsEnum
        && (type.Assembly == typeof(TypeModel).Assembly || type.DeclaringType == typeof(ModelPurityTests));

    // A deliberately impure model, to show the check above catches each way a forbidden type can hide.
    private sealed class Impure
    {
        public INamedTypeSymbol? Symbol { get; set; }

        public List<SyntaxNode> Nodes { get; } = [];

        public string Name { get; set; } = "";

        public ImpureHolder? Holder { get; set; }

        public EquatableArray<ImpureItem> Items { get; set; }

        public Func<Compilation, SemanticModel>[]? Models { get; set; }
    }

    private sealed class ImpureHolder
    {
        public Compilation? Compilation { get; set; }
    }

    private sealed record ImpureItem(Location Location);
}
