using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenAdr.Edge.Generators;

/// <summary>Turns one [XmlType] class into a <see cref="TypeModel"/> and the diagnostics it deserves.</summary>
internal static class Parser
{
    private const string AttributeNamespace = "OpenAdr.Edge.Xml.Serialization.";
    private const string XmlType = AttributeNamespace + "XmlTypeAttribute";
    private const string XmlRoot = AttributeNamespace + "XmlRootAttribute";
    private const string XmlElement = AttributeNamespace + "XmlElementAttribute";
    private const string XmlAttribute = AttributeNamespace + "XmlAttributeAttribute";
    private const string XmlText = AttributeNamespace + "XmlTextAttribute";
    private const string XmlChoice = AttributeNamespace + "XmlChoiceAttribute";
    private const string XmlDerivedType = AttributeNamespace + "XmlDerivedTypeAttribute";
    private const string XmlEnumValue = AttributeNamespace + "XmlEnumValueAttribute";
    private const string XmlRestriction = AttributeNamespace + "XmlRestrictionAttribute";

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (ClassDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        var location = syntax.Identifier.GetLocation();

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, location, type.Name));
        }

        if (type.ContainingType is not null || type.TypeParameters.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NestedOrGeneric, location, type.Name));
        }

        if (diagnostics.Count > 0)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        var enums = new Dictionary<string, EnumModel>();
        var attributes = new List<MemberModel>();
        var elements = new List<MemberModel>();
        MemberModel? text = null;
        foreach (var property in PropertiesBaseFirst(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var member = ParseProperty(property, diagnostics, enums);
            switch (member?.Kind)
            {
                case MemberKind.Attribute:
                    attributes.Add(member);
                    break;
                case MemberKind.Text:
                    text = member;
                    break;
                case MemberKind.Element or MemberKind.Choice:
                    elements.Add(member);
                    break;
            }
        }

        CheckElements(type, location, elements, diagnostics);
        var derived = type.IsAbstract ? ParseDerived(type, location, diagnostics) : EquatableArray<DerivedModel>.Empty;
        QualifiedName? root = null;
        if (Find(type, XmlRoot) is { } rootAttribute)
        {
            root = Name(rootAttribute.ConstructorArguments[0].Value as string, rootAttribute.ConstructorArguments[1].Value as string, type.Name, location, diagnostics);
        }

        if (diagnostics.Count > 0)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
        var model = new TypeModel(
            ns,
            type.Name,
            FullName(type),
            (ns.Length == 0 ? type.Name : ns + "." + type.Name) + ".Xml.g.cs",
            type.IsAbstract,
            root,
            attributes.ToEquatableArray(),
            elements.ToEquatableArray(),
            text,
            derived,
            type.BaseType is { IsAbstract: false } baseType && Find(baseType, XmlType) is not null,
            enums.Values.OrderBy(e => e.FullName, System.StringComparer.Ordinal).ToEquatableArray());
        return new ParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static IEnumerable<IPropertySymbol> PropertiesBaseFirst(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            chain.Push(t);
        }

        foreach (var t in chain)
        {
            foreach (var property in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic)
                {
                    yield return property;
                }
            }
        }
    }

    private static MemberModel? ParseProperty(IPropertySymbol property, List<DiagnosticInfo> diagnostics, Dictionary<string, EnumModel> enums)
    {
        var element = Find(property, XmlElement);
        var attribute = Find(property, XmlAttribute);
        var choice = Find(property, XmlChoice);
        var textAttribute = Find(property, XmlText);
        if (element is null && attribute is null && choice is null && textAttribute is null)
        {
            return null;
        }

        var location = property.Locations.FirstOrDefault();
        var kind = choice is not null ? MemberKind.Choice
            : attribute is not null ? MemberKind.Attribute
            : textAttribute is not null ? MemberKind.Text
            : MemberKind.Element;

        var propertyType = property.Type;
        var isList = false;
        var nullableList = false;
        var required = true;
        if (propertyType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            propertyType = nullable.TypeArguments[0];
            required = false;
        }
        else if (propertyType is INamedTypeSymbol named && named.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.List<T>")
        {
            propertyType = named.TypeArguments[0];
            isList = true;
            nullableList = property.NullableAnnotation == NullableAnnotation.Annotated;
            required = false;
        }
        else if (propertyType.IsReferenceType && property.NullableAnnotation == NullableAnnotation.Annotated)
        {
            required = false;
        }

        var raw = element is not null && NamedBool(element, "Raw");
        var valueKind = Classify(propertyType, raw);
        var settable = property.SetMethod is { DeclaredAccessibility: Accessibility.Public } && property.GetMethod is { DeclaredAccessibility: Accessibility.Public };
        if (valueKind is null || !settable || (isList && kind is MemberKind.Attribute or MemberKind.Text) || (kind == MemberKind.Choice) != (valueKind == ValueKind.Choice))
        {
            if (kind == MemberKind.Choice || valueKind == ValueKind.Choice)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidChoice, location, property.Name));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, location, property.Name, property.Type.ToDisplayString()));
            }

            return null;
        }

        if (valueKind == ValueKind.Enum)
        {
            var enumModel = ParseEnum((INamedTypeSymbol)propertyType, diagnostics);
            enums[enumModel.FullName] = enumModel;
        }

        var choices = EquatableArray<DerivedModel>.Empty;
        if (valueKind == ValueKind.Choice)
        {
            choices = ParseDerived((INamedTypeSymbol)propertyType, location, diagnostics);
            if (choices.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidChoice, location, property.Name));
            }
        }

        QualifiedName name = new(string.Empty, string.Empty, string.Empty);
        QualifiedName? inner = null;
        if (element is not null)
        {
            name = Name(element.ConstructorArguments[0].Value as string, element.ConstructorArguments[1].Value as string, property.Name, location, diagnostics);
            if (NamedString(element, "Inner") is { } innerName)
            {
                inner = Name(innerName, NamedString(element, "InnerNamespace") ?? name.Namespace, property.Name, location, diagnostics);
            }
        }
        else if (attribute is not null)
        {
            name = Name(attribute.ConstructorArguments[0].Value as string, attribute.ConstructorArguments[1].Value as string, property.Name, location, diagnostics);
        }

        var minOccurs = NamedInt(element ?? choice, "MinOccurs");
        var intern = element is not null && NamedBool(element, "Intern");
        var fixedValue = element is null ? null : NamedString(element, "Fixed");
        var format = NamedEnumMember(element ?? attribute, "Format");
        string? restriction = null;
        string? extensionPrefix = null;
        if (Find(property, XmlRestriction) is { } restrictionAttribute)
        {
            if (restrictionAttribute.ConstructorArguments[0].Value is INamedTypeSymbol { TypeKind: TypeKind.Enum } restrictionEnum && valueKind == ValueKind.String)
            {
                var enumModel = ParseEnum(restrictionEnum, diagnostics);
                enums[enumModel.FullName] = enumModel;
                restriction = enumModel.FullName;
                extensionPrefix = NamedString(restrictionAttribute, "ExtensionPrefix");
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisappliedOption, location, property.Name, "[XmlRestriction] needs a string property and an enum type"));
            }
        }

        if ((intern || fixedValue is not null) && valueKind != ValueKind.String)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisappliedOption, location, property.Name, "Intern and Fixed apply to string properties only"));
        }

        if (format is not null && valueKind != ValueKind.String && !(format == "Percent" && valueKind == ValueKind.UInt32))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisappliedOption, location, property.Name, "Format applies to string properties only (Percent to uint)"));
        }

        if (minOccurs > 0 && !isList)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisappliedOption, location, property.Name, "MinOccurs applies to List<> properties only"));
        }

        if (inner is not null && (isList || valueKind is ValueKind.Object or ValueKind.Choice or ValueKind.Raw))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisappliedOption, location, property.Name, "Inner wraps a single simple value only"));
        }

        return new MemberModel(
            property.Name,
            kind,
            name,
            inner,
            valueKind.Value,
            FullName(propertyType),
            isList,
            nullableList,
            required,
            minOccurs,
            intern,
            fixedValue,
            format,
            restriction,
            extensionPrefix,
            choices);
    }

    private static ValueKind? Classify(ITypeSymbol type, bool raw)
    {
        if (raw)
        {
            return type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } ? ValueKind.Raw : null;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String: return ValueKind.String;
            case SpecialType.System_Boolean: return ValueKind.Boolean;
            case SpecialType.System_Int32: return ValueKind.Int32;
            case SpecialType.System_UInt32: return ValueKind.UInt32;
            case SpecialType.System_Int64: return ValueKind.Int64;
            case SpecialType.System_Single: return ValueKind.Single;
            case SpecialType.System_Double: return ValueKind.Double;
            case SpecialType.System_Decimal: return ValueKind.Decimal;
            case SpecialType.System_DateTime: return ValueKind.DateTime;
        }

        if (type.ToDisplayString() == "System.TimeSpan")
        {
            return ValueKind.Duration;
        }

        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
        {
            return ValueKind.Base64;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ValueKind.Enum;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && Find(named, XmlType) is not null)
        {
            return named.IsAbstract ? ValueKind.Choice : ValueKind.Object;
        }

        return null;
    }

    private static EnumModel ParseEnum(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var members = new List<EnumMemberModel>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.IsConst)
            {
                continue;
            }

            if (Find(field, XmlEnumValue)?.ConstructorArguments[0].Value is string value)
            {
                members.Add(new EnumMemberModel(field.Name, value));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumMemberWithoutValue, field.Locations.FirstOrDefault(), type.Name, field.Name));
            }
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
        var isPublic = type.DeclaredAccessibility == Accessibility.Public && type.ContainingType is null;
        return new EnumModel(ns, type.Name, FullName(type), isPublic, members.ToEquatableArray());
    }

    private static EquatableArray<DerivedModel> ParseDerived(INamedTypeSymbol baseType, Location? location, List<DiagnosticInfo> diagnostics)
    {
        var derived = new List<DerivedModel>();
        var seen = new HashSet<string>();
        foreach (var attribute in baseType.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != XmlDerivedType || attribute.ConstructorArguments.Length != 3)
            {
                continue;
            }

            var type = attribute.ConstructorArguments[0].Value as INamedTypeSymbol;
            var valid = type is { IsAbstract: false } && Find(type, XmlType) is not null && DerivesFrom(type, baseType) && seen.Add(FullName(type));
            if (!valid)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDerivedType, location, baseType.Name, type?.Name ?? "?"));
                continue;
            }

            var name = Name(attribute.ConstructorArguments[1].Value as string, attribute.ConstructorArguments[2].Value as string, baseType.Name, location, diagnostics);
            derived.Add(new DerivedModel(FullName(type!), name, Depth(type!)));
        }

        return derived.ToEquatableArray();
    }

    private static void CheckElements(INamedTypeSymbol type, Location location, List<MemberModel> elements, List<DiagnosticInfo> diagnostics)
    {
        if (elements.Count > 64)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooManyElements, location, type.Name, elements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var names = new HashSet<string>();
        foreach (var element in elements)
        {
            var elementNames = element.Kind == MemberKind.Choice
                ? element.Choices.Select(c => c.Element)
                : [element.Name];
            foreach (var name in elementNames)
            {
                if (!names.Add(name.Namespace + " " + name.LocalName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateElement, location, type.Name, name.Qualified));
                }
            }
        }
    }

    private static QualifiedName Name(string? localName, string? ns, string owner, Location? location, List<DiagnosticInfo> diagnostics)
    {
        if (!KnownNamespaces.TryGetPrefix(ns, out var prefix))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownNamespace, location, ns ?? string.Empty, owner));
        }

        return new QualifiedName(localName ?? string.Empty, ns ?? string.Empty, prefix);
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static int Depth(INamedTypeSymbol type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static AttributeData? Find(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName);

    private static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static bool NamedBool(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is true;

    /// <summary>The member name of an enum-typed named argument, or null when it is absent or the enum's default (0).</summary>
    private static string? NamedEnumMember(AttributeData? attribute, string name)
    {
        var argument = attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value;
        if (argument is not { Kind: TypedConstantKind.Enum, Type: INamedTypeSymbol enumType, Value: int value } || value == 0)
        {
            return null;
        }

        return enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
    }

    private static int NamedInt(AttributeData? attribute, string name) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int value ? value : 0;
}
