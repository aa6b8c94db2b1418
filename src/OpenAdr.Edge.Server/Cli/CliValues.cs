using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Xml;

namespace OpenAdr.Edge.Server.Cli;

/// <summary>Times and durations as an operator types them; a value that does not read is a usage error (exit code 2).</summary>
internal static class CliValues
{
    public const string TimeHelp = "ISO 8601 (2030-01-01T12:00:00Z; UTC unless an offset is given), now, or now+hh:mm:ss";

    public const string DurationHelp = "hh:mm:ss, d.hh:mm:ss or ISO 8601 (PT15M)";

    public static Option<DateTime?> TimeOption(string name, string description) => new(name)
    {
        Description = $"{description} ({TimeHelp})",
        HelpName = "time",
        CustomParser = result => Read<DateTime>(result, TryParseTime, "a time: " + TimeHelp),
    };

    public static Option<TimeSpan?> DurationOption(string name, string description) => new(name)
    {
        Description = $"{description} ({DurationHelp})",
        HelpName = "duration",
        CustomParser = result => Read<TimeSpan>(result, TryParseDuration, "a positive duration: " + DurationHelp),
    };

    public static Option<int?> CountOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "n",
        CustomParser = result => Read<int>(result, static (string text, out int count) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0, "a positive whole number"),
    };

    public static bool TryParseTime(string text, out DateTime time)
    {
        var now = DateTime.UtcNow;
        if (text == "now")
        {
            time = now;
            return true;
        }

        if (text.StartsWith("now+", StringComparison.Ordinal) && TryParseDuration(text[4..], out var offset))
        {
            time = now + offset;
            return true;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        if (text.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return duration > TimeSpan.Zero;
            }
            catch (FormatException)
            {
                duration = default;
                return false;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }

    /// <summary>An option's value for a command validator; false when the option itself did not read (its own error is reported).</summary>
    public static bool TryGetValue<T>(CommandResult result, Option<T> option, out T? value)
    {
        try
        {
            value = result.GetValue(option);
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Read<T>(ArgumentResult result, TryParse<T> parse, string expected)
        where T : struct
    {
        var text = result.Tokens[0].Value;
        if (parse(text, out var value))
        {
            return value;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name + ": " : "";
        result.AddError($"{name}'{text}' is not {expected}.");
        return null;
    }
}
