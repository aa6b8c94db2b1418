using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OpenAdr.Edge.Generators;

// The model holds strings and numbers only (no ISymbol, SyntaxNode, Compilation or Location), so the
// incremental pipeline can compare it by value and skip the emitter when nothing that matters changed.

internal enum MemberKind
{
    Element,
    Choice,
    Attribute,
    Text,
}

internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    UInt32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTime,
    Duration,
    Base64,
    Raw,
    Enum,
    Object,
    Choice,
}

internal sealed record QualifiedName(string LocalName, string Namespace, string Prefix)
{
    public string Qualified => Prefix.Length == 0 ? LocalName : Prefix + ":" + LocalName;
}

internal sealed record DerivedModel(string TypeName, QualifiedName Element, int Depth);

/// <param name="IsPublic">Whether the enum is visible outside its assembly: its helper class is then public too.</param>
internal sealed record EnumModel(string Namespace, string Name, string FullName, bool IsPublic, EquatableArray<EnumMemberModel> Members);

internal sealed record EnumMemberModel(string Name, string Value);

internal sealed record MemberModel(
    string PropertyName,
    MemberKind Kind,
    QualifiedName Name,
    QualifiedName? Inner,
    ValueKind ValueKind,
    string TypeName,
    bool IsList,
    bool IsNullableList,
    bool IsRequired,
    int MinOccurs,
    bool Intern,
    string? Fixed,
    string? Format,
    string? RestrictionEnum,
    string? ExtensionPrefix,
    EquatableArray<DerivedModel> Choices);

internal sealed record TypeModel(
    string Namespace,
    string Name,
    string FullName,
    string HintName,
    bool IsAbstract,
    QualifiedName? Root,
    EquatableArray<MemberModel> Attributes,
    EquatableArray<MemberModel> Elements,
    MemberModel? Text,
    EquatableArray<DerivedModel> Derived,
    bool HidesBaseMembers,
    EquatableArray<EnumModel> Enums);

internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        DiagnosticDescriptors.ById(Id),
        Location.Create(FilePath, Span, LineSpan),
        Arguments.AsSpan().ToArray());

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        var span = location?.SourceTree is null ? default : location.SourceSpan;
        var lines = location?.GetLineSpan() ?? default;
        return new DiagnosticInfo(descriptor.Id, lines.Path ?? string.Empty, span, lines.Span, arguments.ToEquatableArray());
    }
}

internal sealed record ParseResult(TypeModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
