using System;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>The deep equality the round-trip tests rely on must see every kind of difference, and say where.</summary>
public class ModelAssertTests
{
    [Fact]
    public void Equal_samples_are_equal()
    {
        foreach (var name in Samples.MessageNames)
        {
            Assert.Null(ModelAssert.FindDifference(Samples.Create(name), Samples.Create(name)));
        }
    }

    [Fact]
    public void A_changed_float_deep_in_a_list_is_found_with_its_path()
    {
        var changed = Samples.DistributeEvent();
        Payload(changed).OadrEvents[1].EiEvent.EiEventSignals.Signals[0].Intervals.Items[2].StreamPayloads[0] = new SignalPayload { PayloadBase = new PayloadFloat { Value = 80.00001f } };

        var difference = ModelAssert.FindDifference(Samples.DistributeEvent(), changed);

        Assert.Equal("$.OadrSignedObject.Message.OadrEvents[1].EiEvent.EiEventSignals.Signals[0].Intervals.Items[2].StreamPayloads[0].PayloadBase.Value: expected 80 (bits 0x42A00000), actual 80.00001 (bits 0x42A00001)", difference);
    }

    [Fact]
    public void Floats_compare_by_bits_with_any_NaN_equal()
    {
        Assert.NotNull(ModelAssert.FindDifference(new PayloadFloat { Value = 0f }, new PayloadFloat { Value = -0f }));
        Assert.Null(ModelAssert.FindDifference(new PayloadFloat { Value = float.NaN }, new PayloadFloat { Value = BitConverter.Int32BitsToSingle(0x7FC00001) }));
        Assert.NotNull(ModelAssert.FindDifference(new PayloadFloat { Value = float.NaN }, new PayloadFloat { Value = float.PositiveInfinity }));
    }

    [Fact]
    public void Date_times_compare_by_ticks_and_kind()
    {
        var utc = new DateTime(2026, 11, 26, 3, 49, 50, DateTimeKind.Utc);
        Assert.NotNull(ModelAssert.FindDifference(new Properties { DtStart = utc }, new Properties { DtStart = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) }));
        Assert.NotNull(ModelAssert.FindDifference(new Properties { DtStart = utc }, new Properties { DtStart = utc.AddTicks(1) }));
        Assert.Null(ModelAssert.FindDifference(new Properties { DtStart = utc }, new Properties { DtStart = utc }));
    }

    [Fact]
    public void Byte_arrays_compare_by_content()
    {
        Assert.Null(ModelAssert.FindDifference(new OadrPayload { Signature = [1, 2, 3] }, new OadrPayload { Signature = [1, 2, 3] }));
        Assert.Contains("Signature", ModelAssert.FindDifference(new OadrPayload { Signature = [1, 2, 3] }, new OadrPayload { Signature = [1, 2, 4] }), StringComparison.Ordinal);
        Assert.NotNull(ModelAssert.FindDifference(new OadrPayload { Signature = [] }, new OadrPayload { Signature = null }));
    }

    [Fact]
    public void Lists_compare_by_length_and_element()
    {
        Assert.Equal("$.GroupIds: expected 1 items, actual 2", ModelAssert.FindDifference(new EiTarget { GroupIds = ["a"] }, new EiTarget { GroupIds = ["a", "b"] }));
        Assert.Equal("$.GroupIds[1]: expected \"b\", actual \"c\"", ModelAssert.FindDifference(new EiTarget { GroupIds = ["a", "b"] }, new EiTarget { GroupIds = ["a", "c"] }));
    }

    [Fact]
    public void A_different_type_behind_a_choice_is_a_difference()
    {
        var difference = ModelAssert.FindDifference(new EiEventSignal { ItemBase = new EnergyReal() }, new EiEventSignal { ItemBase = new EnergyApparent() });
        Assert.Equal("$.ItemBase: expected a EnergyReal, actual a EnergyApparent", difference);
    }

    [Fact]
    public void Base_class_properties_are_compared_too()
    {
        Assert.Equal("$.SchemaVersion: expected \"2.0b\", actual \"2.0a\"", ModelAssert.FindDifference(new OadrPoll(), new OadrPoll { SchemaVersion = "2.0a" }));
    }

    [Fact]
    public void Decimals_durations_enums_and_booleans_are_compared()
    {
        Assert.NotNull(ModelAssert.FindDifference(new PowerAttributes { Voltage = 120m }, new PowerAttributes { Voltage = 120.5m }));
        Assert.NotNull(ModelAssert.FindDifference(new PowerAttributes { Ac = true }, new PowerAttributes { Ac = false }));
        Assert.NotNull(ModelAssert.FindDifference(new Tolerate { StartAfter = TimeSpan.FromMinutes(5) }, new Tolerate { StartAfter = TimeSpan.FromMinutes(6) }));
        Assert.NotNull(ModelAssert.FindDifference(new EventDescriptor { EventStatus = EventStatus.Far }, new EventDescriptor { EventStatus = EventStatus.Near }));
    }

    private static OadrDistributeEvent Payload(OadrPayload payload) => (OadrDistributeEvent)payload.OadrSignedObject.Message;
}
