using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Xml.Tests;

public class Utf8XmlWriterTests
{
    [Fact]
    public void Text_and_attributes_are_escaped()
    {
        var output = Write(static (ref Utf8XmlWriter w) =>
        {
            w.WriteStartTag("e"u8);
            w.WriteAttribute("a"u8, "\"<&>\n\t");
            w.CloseStartTag();
            w.WriteText("<tag> & \r é €");
            w.WriteEndTag("e"u8);
        });
        Assert.Equal("<e a=\"&quot;&lt;&amp;&gt;&#xA;&#x9;\">&lt;tag&gt; &amp; &#xD; é €</e>", output);
    }

    [Fact]
    public void Control_characters_XML_cannot_carry_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Write(static (ref Utf8XmlWriter w) => w.WriteText("bell\u0007")));
        Assert.Throws<ArgumentException>(() => Write(static (ref Utf8XmlWriter w) => w.WriteText("lone \uD800 surrogate")));
    }

    // Short ASCII values take a path of their own; every ASCII character must come out as the general path writes it.
    [Fact]
    public void Every_ascii_character_is_escaped_or_refused_as_xml_requires_in_text_and_attributes()
    {
        for (var c = (char)0; c < 128; c++)
        {
            var value = "id-" + c + "-7";
            var forbidden = c < 0x20 && c is not ('\t' or '\n' or '\r');
            var inText = c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '\r' => "&#xD;", _ => c.ToString() };
            var inAttribute = c switch { '"' => "&quot;", '\n' => "&#xA;", '\t' => "&#x9;", _ => inText };
            if (forbidden)
            {
                Assert.Throws<ArgumentException>(() => Write((ref Utf8XmlWriter w) => w.WriteText(value)));
                Assert.Throws<ArgumentException>(() => Write((ref Utf8XmlWriter w) => w.WriteAttribute("a"u8, value)));
                continue;
            }

            Assert.Equal("id-" + inText + "-7", Write((ref Utf8XmlWriter w) => w.WriteText(value)));
            Assert.Equal(" a=\"id-" + inAttribute + "-7\"", Write((ref Utf8XmlWriter w) => w.WriteAttribute("a"u8, value)));
        }
    }

    [Fact]
    public void Values_longer_than_the_short_path_and_values_beyond_ascii_are_escaped_too()
    {
        var longValue = new string('x', 300) + "<&>";
        Assert.Equal(new string('x', 300) + "&lt;&amp;&gt;", Write((ref Utf8XmlWriter w) => w.WriteText(longValue)));
        Assert.Equal("café &amp; thé", Write(static (ref Utf8XmlWriter w) => w.WriteText("café & thé")));
        Assert.Throws<ArgumentException>(() => Write(static (ref Utf8XmlWriter w) => w.WriteText("ok￾")));
    }

    [Theory]
    [InlineData(1.5f, "1.5")]
    [InlineData(0.1f, "0.1")]
    [InlineData(-2f, "-2")]
    [InlineData(1e20f, "1E+20")]
    [InlineData(float.PositiveInfinity, "INF")]
    [InlineData(float.NegativeInfinity, "-INF")]
    [InlineData(float.NaN, "NaN")]
    public void Floats_use_the_shortest_round_trip_form_and_xsd_special_values(float value, string expected)
    {
        Assert.Equal(expected, Write((ref Utf8XmlWriter w) => w.WriteValue(value)));
    }

    // Whole floats and all date-times take paths of their own; they must write what the general formatters write.
    [Fact]
    public void Floats_and_date_times_are_written_as_the_runtime_formats_them()
    {
        var random = new Random(27);
        var floats = new List<float> { 0f, -0f, 1f, -1f, 999_999f, -999_999f, 1_000_000f, 1_000_001f, 0.5f, -2.5f, 16_777_217f, float.MaxValue, float.Epsilon };
        for (var i = 0; i < 3000; i++)
        {
            floats.Add(i % 3 == 0 ? random.Next(-2_000_000, 2_000_000) : i % 3 == 1 ? (float)(random.NextDouble() * 2000 - 1000) : BitConverter.Int32BitsToSingle(random.Next()));
        }

        foreach (var value in floats)
        {
            Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Write((ref Utf8XmlWriter w) => w.WriteValue(value)));
        }

        var dates = new List<DateTime> { DateTime.MinValue, DateTime.MaxValue, new(2028, 2, 29, 23, 59, 59, DateTimeKind.Utc) };
        for (var i = 0; i < 3000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            dates.Add(new DateTime(i % 2 == 0 ? ticks : ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc));
        }

        foreach (var value in dates)
        {
            var expected = value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, Write((ref Utf8XmlWriter w) => w.WriteValue(value)));
        }
    }

    [Fact]
    public void Integers_decimals_and_booleans_are_invariant()
    {
        Assert.Equal("-42|9000000000|12.50|true|false", Write(static (ref Utf8XmlWriter w) =>
        {
            w.WriteValue(-42);
            w.WriteRaw("|"u8);
            w.WriteValue(9_000_000_000L);
            w.WriteRaw("|"u8);
            w.WriteValue(12.50m);
            w.WriteRaw("|"u8);
            w.WriteValue(true);
            w.WriteRaw("|"u8);
            w.WriteValue(false);
        }));
    }

    // Decimals up to 64 bits of digits are written by a path of their own; it must write what decimal.ToString writes.
    [Theory]
    [InlineData("1")]
    [InlineData("50")]
    [InlineData("230.0")]
    [InlineData("-12.50")]
    [InlineData("0.05")]
    [InlineData("-0.000001")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("18446744073709551615")]
    [InlineData("1844674407370955161.5")]
    [InlineData("18446744073709551616")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("0")]
    [InlineData("-0.00")]
    public void Decimals_are_written_as_decimal_ToString_writes_them(string text)
    {
        var value = decimal.Parse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Write((ref Utf8XmlWriter w) => w.WriteValue(value)));
    }

    [Theory]
    [InlineData("2026-11-26T03:49:50.0000000Z", "2026-11-26T03:49:50Z")]
    [InlineData("2026-11-26T03:49:50.6420480Z", "2026-11-26T03:49:50.642048Z")]
    [InlineData("2026-01-02T03:04:05.1000000Z", "2026-01-02T03:04:05.1Z")]
    public void Date_times_are_utc_with_z_and_only_the_digits_they_need(string roundTrip, string expected)
    {
        var value = DateTime.Parse(roundTrip, null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.Equal(expected, Write((ref Utf8XmlWriter w) => w.WriteValue(value)));
    }

    [Fact]
    public void Offset_date_times_are_converted_to_utc()
    {
        var local = new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.FromHours(2)).LocalDateTime;
        Assert.Equal("2026-11-26T03:00:00Z", Write((ref Utf8XmlWriter w) => w.WriteValue(local)));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, "PT0S")]
    [InlineData(0, 0, 10, 0, "PT10M")]
    [InlineData(0, 2, 0, 0, "PT2H")]
    [InlineData(1, 0, 0, 0, "P1D")]
    [InlineData(1, 2, 30, 5, "P1DT2H30M5S")]
    [InlineData(0, 0, 0, 2, "PT2S")]
    [InlineData(0, 0, 90, 0, "PT1H30M")]
    [InlineData(123, 23, 59, 59, "P123DT23H59M59S")]
    [InlineData(10, 10, 10, 10, "P10DT10H10M10S")]
    public void Durations_are_written_in_whole_units(int days, int hours, int minutes, int seconds, string expected)
    {
        var value = new TimeSpan(days, hours, minutes, seconds);
        Assert.Equal(expected, Write((ref Utf8XmlWriter w) => w.WriteValue(value)));
    }

    [Fact]
    public void Durations_read_back_as_written_across_their_range()
    {
        var random = new Random(20261127);
        var values = new List<TimeSpan> { TimeSpan.MaxValue, TimeSpan.MinValue + TimeSpan.FromTicks(1), TimeSpan.FromTicks(1), TimeSpan.FromTicks(-1), TimeSpan.FromDays(1) - TimeSpan.FromTicks(1) };
        for (var i = 0; i < 2000; i++)
        {
            var ticks = random.NextInt64(long.MinValue + 1, long.MaxValue) >> random.Next(0, 63);
            values.Add(TimeSpan.FromTicks(i % 2 == 0 ? ticks : ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond));
        }

        foreach (var value in values)
        {
            var text = Write((ref Utf8XmlWriter w) => w.WriteValue(value));
            Assert.True(XmlDuration.TryParse(Encoding.UTF8.GetBytes(text), out var read), text);
            Assert.Equal(value, read);
            Assert.DoesNotMatch("(?<![0-9])0[DHM]|(?<![0-9.])0[0-9]", text); // no zero units, no leading zeros
        }
    }

    [Fact]
    public void Negative_and_fractional_durations()
    {
        Assert.Equal("-PT5M", Write(static (ref Utf8XmlWriter w) => w.WriteValue(TimeSpan.FromMinutes(-5))));
        Assert.Equal("PT1.5S", Write(static (ref Utf8XmlWriter w) => w.WriteValue(TimeSpan.FromMilliseconds(1500))));
    }

    [Fact]
    public void Long_output_spills_across_buffer_segments()
    {
        var text = new string('a', 100_000) + "&" + new string('€', 50_000);
        var output = Write((ref Utf8XmlWriter w) => w.WriteText(text));
        Assert.Equal(text.Replace("&", "&amp;", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Base64_is_written_in_chunks()
    {
        var bytes = new byte[5000];
        new Random(7).NextBytes(bytes);
        var output = Write((ref Utf8XmlWriter w) => w.WriteBase64(bytes));
        Assert.Equal(Convert.ToBase64String(bytes), output);
    }

    private delegate void WriteAction(ref Utf8XmlWriter writer);

    private static string Write(WriteAction action)
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        var writer = new Utf8XmlWriter(buffer);
        action(ref writer);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
