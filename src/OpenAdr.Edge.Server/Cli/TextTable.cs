using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace OpenAdr.Edge.Server.Cli;

/// <summary>Columns padded to their widest cell, two spaces apart: what the commands print when <c>--json</c> is not given.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(cell => cell ?? "-")]);

    public void WriteTo(TextWriter writer, string whenEmpty)
    {
        if (_rows.Count == 0)
        {
            writer.WriteLine(whenEmpty);
            return;
        }

        var widths = headers.Select((header, column) => _rows.Max(row => row[column].Length) is var widest && widest > header.Length ? widest : header.Length).ToArray();
        WriteRow(writer, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    /// <summary>One "name: value" line per field, the values aligned: a single record (<c>ven show</c>).</summary>
    public static void WriteFields(TextWriter writer, params (string Name, string? Value)[] fields)
    {
        var width = fields.Max(field => field.Name.Length) + 1;
        foreach (var (name, value) in fields)
        {
            writer.WriteLine((name + ":").PadRight(width) + " " + (value ?? "-"));
        }
    }

    public static string Time(DateTime? time) =>
        time is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Duration(TimeSpan? duration) => duration is { } value ? value.ToString("c", CultureInfo.InvariantCulture) : "-";

    public static string Number(double? value) => value is { } number ? number.ToString("G", CultureInfo.InvariantCulture) : "-";

    public static string Number(float value) => value.ToString("G", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "yes" : "no";

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var last = cells.Length - 1;
        for (var column = 0; column < cells.Length; column++)
        {
            writer.Write(column == last ? cells[column] : cells[column].PadRight(widths[column] + 2));
        }

        writer.WriteLine();
    }
}
