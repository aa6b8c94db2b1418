using System;
using System.Globalization;
using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Xml.Tests;

public class XmlValueTests
{
    [Theory]
    [InlineData("2026-11-26T03:49:50.000000Z", "2026-11-26T03:49:50.0000000Z")]
    [InlineData("2026-11-26T03:49:16.700409Z", "2026-11-26T03:49:16.7004090Z")]
    [InlineData("2026-11-26T05:49:16+02:00", "2026-11-26T03:49:16.0000000Z")]
    [InlineData("2026-11-26T03:49:16", "2026-11-26T03:49:16.0000000Z")]
    [InlineData(" 2026-11-26T24:00:00Z ", "2026-11-27T00:00:00.0000000Z")]
    [InlineData("2026-11-26T03:49:16.123456789Z", "2026-11-26T03:49:16.1234567Z")]
    public void Date_times_in_any_xsd_form_read_as_utc(string text, string expected)
    {
        Assert.True(XmlDateTime.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-11-26")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-11-26T25:00:00Z")]
    [InlineData("2026-11-26T03:60:00Z")]
    [InlineData("2026-11-26 03:49:50Z")]
    [InlineData("2026-11-26T03:49:50.Z")]
    [InlineData("2026-11-26T03:49:50+2:00")]
    [InlineData("26-11-26T03:49:50Z")]
    [InlineData("None")]
    public void Malformed_date_times_are_refused(string text)
    {
        Assert.False(XmlDateTime.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Date_times_in_the_usual_form_read_as_the_runtime_reads_them()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 20_000; i++)
        {
            // Mostly plausible fields; some out of range, some with a character that is not a digit.
            var text = $"{Field(random, 4, 9999)}-{Field(random, 2, 13)}-{Field(random, 2, 32)}T{Field(random, 2, 23)}:{Field(random, 2, 60)}:{Field(random, 2, 60)}Z";
            var expected = DateTime.TryParseExact(
                text, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var runtime);

            Assert.True(expected == XmlDateTime.TryParse(Encoding.ASCII.GetBytes(text), out var value), text);
            if (expected)
            {
                Assert.Equal(runtime, value);
                Assert.Equal(DateTimeKind.Utc, value.Kind);
            }
        }
    }

    [Fact]
    public void Durations_of_one_whole_part_read_as_their_amount()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 5_000; i++)
        {
            var amount = random.Next(0, 200_000_000);
            var unit = "HMS"[random.Next(3)];
            var expected = unit switch { 'H' => TimeSpan.FromHours(amount), 'M' => TimeSpan.FromMinutes(amount), _ => TimeSpan.FromSeconds(amount) };
            Assert.True(XmlDuration.TryParse(Encoding.ASCII.GetBytes($"PT{amount}{unit}"), out var value));
            Assert.Equal(expected, value);
        }

        Assert.True(XmlDuration.TryParse("PT007M"u8, out var padded));
        Assert.Equal(TimeSpan.FromMinutes(7), padded);
        Assert.False(XmlDuration.TryParse("PT1aM"u8, out _));
        Assert.False(XmlDuration.TryParse("PT12D"u8, out _));
    }

    private static string Field(Random random, int width, int maximum)
    {
        var digits = random.Next(0, maximum + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        return random.Next(50) == 0 ? digits[..^1] + "a/: "[random.Next(4)] : digits;
    }

    [Theory]
    [InlineData("PT10M", 0, 0, 10, 0)]
    [InlineData("PT2S", 0, 0, 0, 2)]
    [InlineData("P1D", 1, 0, 0, 0)]
    [InlineData("P1DT2H30M5S", 1, 2, 30, 5)]
    [InlineData("PT0S", 0, 0, 0, 0)]
    [InlineData("PT90M", 0, 1, 30, 0)]
    [InlineData(" PT1H ", 0, 1, 0, 0)]
    public void Durations_read(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(XmlDuration.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), value);
    }

    [Fact]
    public void Negative_and_fractional_durations_read()
    {
        Assert.True(XmlDuration.TryParse("-PT5M"u8, out var negative));
        Assert.Equal(TimeSpan.FromMinutes(-5), negative);
        Assert.True(XmlDuration.TryParse("PT0.25S"u8, out var fraction));
        Assert.Equal(TimeSpan.FromMilliseconds(250), fraction);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("10M")]
    [InlineData("PT10")]
    [InlineData("PT1M1H")]
    [InlineData("P1H")]
    [InlineData("PT1.5M")]
    [InlineData("P1Y")]
    [InlineData("P2M")]
    [InlineData("PT-5M")]
    public void Malformed_or_calendar_durations_are_refused(string text)
    {
        Assert.False(XmlDuration.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    // Found by the fuzzer (tests/OpenAdr.Edge.Fuzz): amounts too large for a TimeSpan overflowed decimal while being
    // multiplied into ticks, and the reader threw OverflowException instead of refusing the value.
    [Theory]
    [InlineData("P99999999999999999999D")]
    [InlineData("PT99999999999999999999H")]
    [InlineData("PT79228162514264337593543950335S")]
    [InlineData("P10675199DT2H48M5.4775808S")]
    [InlineData("-P99999999999999999999D")]
    public void Durations_beyond_timespan_are_refused_not_thrown(string text)
    {
        Assert.False(XmlDuration.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("1655.5", 1655.5f)]
    [InlineData(" 225.4 ", 225.4f)]
    [InlineData("-1E3", -1000f)]
    [InlineData("1e+2", 100f)]
    [InlineData(".5", 0.5f)]
    [InlineData("INF", float.PositiveInfinity)]
    [InlineData("-INF", float.NegativeInfinity)]
    public void Floats_read_in_xsd_lexical_form(string text, float expected)
    {
        Assert.True(XmlValue.TryParseSingle(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("Infinity")]
    [InlineData("1 000")]
    [InlineData("0x10")]
    [InlineData("1e")]
    [InlineData("None")]
    public void Malformed_numbers_are_refused(string text)
    {
        Assert.False(XmlValue.TryParseSingle(Encoding.UTF8.GetBytes(text), out _));
        Assert.False(XmlValue.TryParseDouble(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Integers_booleans_and_decimals()
    {
        Assert.True(XmlValue.TryParseInt32(" 42 "u8, out var i));
        Assert.Equal(42, i);
        Assert.False(XmlValue.TryParseInt32("4.2"u8, out _));
        Assert.False(XmlValue.TryParseInt32("99999999999"u8, out _));
        Assert.True(XmlValue.TryParseBoolean("1"u8, out var b) && b);
        Assert.True(XmlValue.TryParseBoolean("false"u8, out b) && !b);
        Assert.False(XmlValue.TryParseBoolean("True"u8, out _));
        Assert.True(XmlValue.TryParseDecimal("-12.50"u8, out var d));
        Assert.Equal(-12.50m, d);
        Assert.False(XmlValue.TryParseDecimal("1e3"u8, out _));
    }

    // Short decimals take a path of their own; it must keep what decimal.Parse keeps, trailing zeros included,
    // since they are written back as they were read.
    [Theory]
    [InlineData("0")]
    [InlineData("50")]
    [InlineData("230.0")]
    [InlineData("-12.50")]
    [InlineData("+7.125")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("0.000000000000000001")]
    [InlineData("999999999999999999")]
    [InlineData("-999999999999999999.5")]
    [InlineData("79228162514264337593543950335")]
    [InlineData(" 42.10 ")]
    public void Decimals_read_as_decimal_Parse_reads_them(string text)
    {
        var expected = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture);
        Assert.True(XmlValue.TryParseDecimal(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("1,5")]
    [InlineData("--1")]
    [InlineData("1 2")]
    public void Malformed_decimals_are_refused(string text) =>
        Assert.False(XmlValue.TryParseDecimal(Encoding.UTF8.GetBytes(text), out _));
}
