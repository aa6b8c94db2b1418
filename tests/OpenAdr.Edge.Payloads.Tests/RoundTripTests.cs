using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using OpenAdr.Edge.Xml.Serialization;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

public class RoundTripTests
{
    /// <summary>
    /// Types that cannot appear in a schema-valid document: the XSD declares PowerItemType and EnergyItemType abstract,
    /// so power:powerItem and power:energyItem are only valid with an xsi:type the writer never emits.
    /// ReplayProtect is a root of its own (inside ds:Signature), round-tripped in ReplayProtectTests.
    /// </summary>
    private static readonly Type[] s_notInPayloads = [typeof(PowerItem), typeof(EnergyItem), typeof(ReplayProtect), typeof(NonceValue)];

    public static TheoryData<string> Payloads => new(Samples.MessageNames);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Written_payload_is_schema_valid_and_reads_back_equal(string payload)
    {
        var original = Samples.Create(payload);
        var xml = Documents.Write(original);

        OadrSchema.AssertValid(xml);
        var read = Documents.Read(xml);

        Assert.Equal(payload, Documents.MessageName(read));
        ModelAssert.DeepEqual(original, read);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Reading_into_an_instance_that_held_another_payload_gives_the_same_model(string payload)
    {
        var original = Samples.Create(payload);
        var xml = Documents.Write(original);
        var context = new XmlReadContext();

        foreach (var other in Samples.MessageNames)
        {
            OadrPayload? reused = Samples.Create(other);
            OadrPayload.ReadDocument(Documents.Write(reused), ref reused, context, Xml.XmlReaderOptions.Default);
            OadrPayload.ReadDocument(xml, ref reused, context, Xml.XmlReaderOptions.Default);
            ModelAssert.DeepEqual(original, reused);
        }
    }

    [Fact]
    public void Every_concrete_message_type_has_a_round_trip_sample()
    {
        var messageTypes = typeof(OadrMessage).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(OadrMessage)) && !t.IsAbstract)
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
        var sampled = Samples.All()
            .Select(p => p.OadrSignedObject.Message.GetType().Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(23, messageTypes.Length);
        Assert.Equal(messageTypes, sampled);
        var derivedNames = typeof(OadrMessage).GetCustomAttributes<XmlDerivedTypeAttribute>().Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(derivedNames, Samples.MessageNames.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Samples_together_use_every_model_type_and_set_every_optional_property()
    {
        var modelTypes = typeof(OadrPayload).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<XmlTypeAttribute>() is not null && !t.IsAbstract && !s_notInPayloads.Contains(t))
            .ToHashSet();
        var seenTypes = new HashSet<Type>();
        var populated = new HashSet<PropertyInfo>();
        foreach (var sample in Samples.All())
        {
            Visit(sample, seenTypes, populated);
        }

        var missingTypes = modelTypes.Except(seenTypes).Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.True(missingTypes.Length == 0, "Model types no sample uses: " + string.Join(", ", missingTypes));
        var unset = modelTypes
            .SelectMany(t => ModelAssert.ModelProperties(t).Select(p => (Type: t, Property: p)))
            .Where(x => CanBeUnset(x.Property) && !populated.Contains(x.Property))
            .Select(x => x.Type.Name + "." + x.Property.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(unset.Length == 0, "Properties no sample sets (null or empty everywhere): " + string.Join(", ", unset));
    }

    /// <summary>Reference types (null, empty) and Nullable&lt;T&gt;; a plain value type is always set to something.</summary>
    private static bool CanBeUnset(PropertyInfo property) =>
        !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null;

    private static void Visit(object value, HashSet<Type> seenTypes, HashSet<PropertyInfo> populated)
    {
        var type = value.GetType();
        seenTypes.Add(type);
        foreach (var property in ModelAssert.ModelProperties(type))
        {
            var child = property.GetValue(value);
            var isSet = child switch
            {
                null => false,
                string s => s.Length > 0,
                byte[] b => b.Length > 0,
                ICollection c => c.Count > 0,
                _ => true,
            };
            if (isSet)
            {
                populated.Add(property);
            }

            switch (child)
            {
                case IList list and not byte[]:
                    foreach (var item in list)
                    {
                        if (item is not null && item.GetType().GetCustomAttribute<XmlTypeAttribute>() is not null)
                        {
                            Visit(item, seenTypes, populated);
                        }
                    }

                    break;
                case not null when child.GetType().GetCustomAttribute<XmlTypeAttribute>() is not null:
                    Visit(child, seenTypes, populated);
                    break;
            }
        }
    }
}

public class NullableListTests
{
    private static EiTarget TargetOf(OadrPayload payload) => ((OadrDistributeEvent)payload.OadrSignedObject!.Message!).OadrEvents[0].EiEvent.EiTarget;

    [Fact]
    public void Target_lists_without_elements_stay_null_and_a_reused_target_keeps_only_what_the_new_document_has()
    {
        var payload = Samples.Create("oadrDistributeEvent");
        var target = TargetOf(payload);
        target.AggregatedPnodes = null;
        target.EndDeviceAssets = null;
        target.MeterAssets = null;
        target.Pnodes = null;
        target.ServiceAreas = null;
        target.ServiceDeliveryPoints = null;
        target.ServiceLocations = null;
        target.TransportInterfaces = null;
        target.GroupNames = null;
        target.PartyIds = null;
        target.VenIds = ["ven-1"];
        target.ResourceIds = ["meter-1", "meter-2"];
        target.GroupIds = [];

        var read = TargetOf(Documents.Read(Documents.Write(payload)));

        Assert.Equal(["ven-1"], read.VenIds);
        Assert.Equal(["meter-1", "meter-2"], read.ResourceIds);
        Assert.Null(read.GroupIds);
        Assert.Null(read.EndDeviceAssets);
        Assert.Null(read.PartyIds);

        target.ResourceIds = null;
        OadrPayload? reused = Documents.Read(Documents.Write(Samples.Create("oadrDistributeEvent")));
        OadrPayload.ReadDocument(Documents.Write(payload), ref reused, new XmlReadContext(), Xml.XmlReaderOptions.Default);
        var reusedTarget = TargetOf(reused);

        Assert.Equal(["ven-1"], reusedTarget.VenIds);
        Assert.True(reusedTarget.ResourceIds is null or [], "a list the new document lacks is left empty");
    }
}
