using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace OpenAdr.Edge.Generators;

/// <summary>Every diagnostic the generator reports. Ids are stable: never reuse or renumber one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OpenAdr.Edge.Xml";

    public static readonly DiagnosticDescriptor NotPartial = new(
        "OADR001", "XML type must be partial", "The [XmlType] class '{0}' must be declared partial so its reader and writer can be generated",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = new(
        "OADR002", "Unsupported property type", "Property '{0}' has type '{1}', which has no XML mapping (use string, bool, int, long, float, double, decimal, DateTime, TimeSpan, byte[], an enum with [XmlEnumValue], an [XmlType] class, or List<> of those), and needs a public getter and setter",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownNamespace = new(
        "OADR003", "Unknown XML namespace", "Namespace '{0}' on '{1}' is not one of the OpenADR 2.0b namespaces the writer has a prefix for",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidChoice = new(
        "OADR004", "Invalid choice property", "[XmlChoice] property '{0}' must have an abstract [XmlType] type (or a List<> of one) with at least one [XmlDerivedType]",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor TooManyElements = new(
        "OADR005", "Too many child elements", "'{0}' has {1} child elements; at most 64 are supported in one sequence",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateElement = new(
        "OADR006", "Duplicate element name", "'{0}' declares element '{1}' more than once; the reader could not tell them apart",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EnumMemberWithoutValue = new(
        "OADR007", "Enum member without XML value", "Enum member '{0}.{1}' has no [XmlEnumValue]; every member needs its lexical value",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidDerivedType = new(
        "OADR008", "Invalid derived type", "[XmlDerivedType] on '{0}' names '{1}', which must be a non-abstract [XmlType] class deriving from '{0}', listed once",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MisappliedOption = new(
        "OADR009", "Option does not apply", "Property '{0}': {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NestedOrGeneric = new(
        "OADR010", "Nested or generic XML type", "The [XmlType] class '{0}' must be a top-level, non-generic class",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor[] All =
    [
        NotPartial, UnsupportedPropertyType, UnknownNamespace, InvalidChoice, TooManyElements,
        DuplicateElement, EnumMemberWithoutValue, InvalidDerivedType, MisappliedOption, NestedOrGeneric,
    ];

    public static DiagnosticDescriptor ById(string id) => All.First(d => d.Id == id);
}
