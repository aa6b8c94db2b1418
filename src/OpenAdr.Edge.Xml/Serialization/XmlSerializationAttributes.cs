using System;

namespace OpenAdr.Edge.Xml.Serialization;

/// <summary>
/// Marks a partial class as an XML complex type: the source generator writes its reader and writer.
/// Child elements are read and written in the order the properties are declared (an XSD sequence).
/// A non-nullable property is a required element; a nullable one is optional; a <c>List&lt;T&gt;</c> repeats.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class XmlTypeAttribute : Attribute;

/// <summary>
/// Marks the document element: its writer declares every known namespace prefix once, and it gets
/// whole-document <c>Read</c> and <c>Write</c> entry points.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class XmlRootAttribute(string name, string @namespace) : Attribute
{
    public string Name { get; } = name;
    public string Namespace { get; } = @namespace;
}

/// <summary>A child element. <see cref="Inner"/> names a single wrapped element (e.g. <c>xcal:dtstart/xcal:date-time</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class XmlElementAttribute(string name, string @namespace) : Attribute
{
    public string Name { get; } = name;
    public string Namespace { get; } = @namespace;

    /// <summary>Local name of the one element the value sits in, inside this element.</summary>
    public string? Inner { get; set; }

    /// <summary>Namespace of <see cref="Inner"/>; the outer element's namespace when not set.</summary>
    public string? InnerNamespace { get; set; }

    /// <summary>For a list: how many elements the schema requires at least.</summary>
    public int MinOccurs { get; set; }

    /// <summary>For a string: look it up in the read context's pool so repeated values (IDs) do not allocate.</summary>
    public bool Intern { get; set; }

    /// <summary>For a <c>byte[]</c>: keep the element's exact bytes, unparsed (signatures, Green Button feeds).</summary>
    public bool Raw { get; set; }

    /// <summary>For a string: the only value the schema allows (XSD <c>fixed</c>).</summary>
    public string? Fixed { get; set; }

    /// <summary>For a string: the lexical form the schema requires of it.</summary>
    public XmlTextFormat Format { get; set; }
}

/// <summary>An attribute of the element. Non-nullable means required.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class XmlAttributeAttribute(string name, string? @namespace = null) : Attribute
{
    public string Name { get; } = name;
    public string? Namespace { get; } = @namespace;

    /// <summary>For a string: the lexical form the schema requires of it.</summary>
    public XmlTextFormat Format { get; set; }
}

/// <summary>
/// A lexical form the schema requires of a value the model keeps as a string (an XSD pattern or a simple type
/// with no closer .NET type). Checked by <see cref="XmlValue.IsValidText"/>.
/// </summary>
public enum XmlTextFormat
{
    /// <summary>Any text (xs:string).</summary>
    Any,

    /// <summary>Exactly three ASCII digits, no whitespace (ei:ResponseCodeType, pattern <c>[0-9][0-9][0-9]</c>).</summary>
    ThreeDigits,

    /// <summary>An xs:ID: an NCName (surrounding whitespace allowed), unique among the document's IDs.</summary>
    Id,

    /// <summary>A whitespace-separated list of xs:double (gml:doubleList).</summary>
    DoubleList,

    /// <summary>An xs:unsignedInt from 0 to 100 (ei:ConfidenceType).</summary>
    Percent,
}

/// <summary>The text content of an element that has attributes but no child elements.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class XmlTextAttribute : Attribute;

/// <summary>
/// On an abstract <see cref="XmlTypeAttribute"/> class: one element that may stand where the base is
/// expected (an XSD substitution group or choice), and the derived type it is read into.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class XmlDerivedTypeAttribute(Type type, string name, string @namespace) : Attribute
{
    public Type Type { get; } = type;
    public string Name { get; } = name;
    public string Namespace { get; } = @namespace;
}

/// <summary>The lexical value of an enumeration member, as the schema spells it.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class XmlEnumValueAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

/// <summary>
/// On a string property: the value must be one of the enumeration's <see cref="XmlEnumValueAttribute"/>
/// values, or start with <see cref="ExtensionPrefix"/> (OpenADR's <c>x-</c> extensions) when one is given.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class XmlRestrictionAttribute(Type enumeration) : Attribute
{
    public Type Enumeration { get; } = enumeration;
    public string? ExtensionPrefix { get; set; }
}

/// <summary>
/// A child whose element name picks its type: the property's type is an abstract <see cref="XmlTypeAttribute"/>
/// class, and its <see cref="XmlDerivedTypeAttribute"/>s list the elements (an XSD choice or substitution group).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class XmlChoiceAttribute : Attribute
{
    /// <summary>For a list: how many elements the schema requires at least.</summary>
    public int MinOccurs { get; set; }
}
