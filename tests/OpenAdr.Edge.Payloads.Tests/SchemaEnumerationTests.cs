using System;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Schema;
using OpenAdr.Edge.Xml.Serialization;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>
/// Every enumeration of the model lists exactly the values of its XSD simple type: a value missing from the model
/// would refuse valid messages, an extra one would accept invalid ones. Mutation tests only see the values the
/// documents happen to use; this sees them all.
/// </summary>
public class SchemaEnumerationTests
{
    private const string Oadr = "http://openadr.org/oadr-2.0b/2012/07";
    private const string Ei = "http://docs.oasis-open.org/ns/energyinterop/201110";
    private const string Power = "http://docs.oasis-open.org/ns/emix/2011/06/power";

    public static TheoryData<string, string, string> Enumerations => new()
    {
        { nameof(EventStatus), Ei, "EventStatusEnumeratedType" },
        { nameof(SignalType), Ei, "SignalTypeEnumeratedType" },
        { nameof(SignalNameEnumerated), Ei, "SignalNameEnumeratedType" },
        { nameof(OptType), Ei, "OptTypeType" },
        { nameof(OptReasonEnumerated), Ei, "OptReasonEnumeratedType" },
        { nameof(ReportNameEnumerated), Ei, "reportNameEnumeratedType" },
        { nameof(ReportEnumerated), Ei, "ReportEnumeratedType" },
        { nameof(ReadingTypeEnumerated), Ei, "ReadingTypeEnumeratedType" },
        { nameof(SchemaVersionEnumerated), Ei, "schemaVersionEnumeratedType" },
        { nameof(OadrProfileName), Oadr, "oadrProfileType" },
        { nameof(OadrTransportName), Oadr, "oadrTransportType" },
        { nameof(OadrServiceName), Oadr, "oadrServiceNameType" },
        { nameof(ResponseRequired), Oadr, "ResponseRequiredType" },
        { nameof(OadrDataQuality), Oadr, "oadrDataQualityType" },
        { nameof(CurrencyItemDescription), Oadr, "currencyItemDescriptionType" },
        { nameof(TemperatureUnit), Oadr, "temperatureUnitType" },
        { nameof(SiScaleCode), "http://docs.oasis-open.org/ns/emix/2011/06/siscale", "SiScaleCodeType" },
        { nameof(Iso3AlphaCurrencyCode), "urn:un:unece:uncefact:codelist:standard:5:ISO42173A:2010-04-07", "ISO3AlphaCurrencyCodeContentType" },
        { nameof(PowerRealUnits), Power, "PowerRealType/itemUnits" },
    };

    [Theory]
    [MemberData(nameof(Enumerations))]
    public void Model_enumeration_lists_the_values_of_its_schema_type(string enumeration, string ns, string schemaType)
    {
        var type = typeof(OadrPayload).Assembly.GetTypes().Single(t => t.IsEnum && t.Name == enumeration);
        var model = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<XmlEnumValueAttribute>()!.Value)
            .Order(StringComparer.Ordinal);

        var schema = SchemaValues(ns, schemaType).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(schema, model);
    }

    [Fact]
    public void Every_model_enumeration_is_checked()
    {
        var checkedNames = Enumerations.Select(row => row.Data.Item1).Order(StringComparer.Ordinal);
        var enums = typeof(OadrPayload).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && t.Namespace == typeof(OadrPayload).Namespace).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(enums, checkedNames);
    }

    private static string[] SchemaValues(string ns, string schemaType)
    {
        XmlSchemaSimpleType simple;
        if (schemaType.Split('/') is [var complexName, var elementName])
        {
            var complex = (XmlSchemaComplexType)OadrSchema.Set.GlobalTypes[new XmlQualifiedName(complexName, ns)]!;
            var element = ((XmlSchemaSequence)complex.ContentTypeParticle).Items.OfType<XmlSchemaElement>().Single(e => e.QualifiedName.Name == elementName);
            simple = (XmlSchemaSimpleType)element.ElementSchemaType!;
        }
        else
        {
            simple = Assert.IsType<XmlSchemaSimpleType>(OadrSchema.Set.GlobalTypes[new XmlQualifiedName(schemaType, ns)], exactMatch: false);
        }

        var restriction = Assert.IsType<XmlSchemaSimpleTypeRestriction>(simple.Content);
        return [.. restriction.Facets.OfType<XmlSchemaEnumerationFacet>().Select(f => f.Value!)];
    }
}
