using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>
/// Structural equality for the payload model (its classes have no Equals): public properties recursively, lists
/// element by element (a null list equals an empty one), byte arrays by content, DateTime by ticks and kind, floats by bits (any NaN equals any NaN).
/// </summary>
internal static class ModelAssert
{
    public static void DeepEqual(object? expected, object? actual)
    {
        var difference = FindDifference(expected, actual);
        if (difference is not null)
        {
            Assert.Fail("The models differ at " + difference);
        }
    }

    /// <summary>The path and values of the first difference, or null when the two are equal.</summary>
    public static string? FindDifference(object? expected, object? actual) => Compare(expected, actual, "$");

    /// <summary>Public instance properties that can be read and written, in declaration order (base class first).</summary>
    public static IEnumerable<PropertyInfo> ModelProperties(Type type)
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Push(t);
        }

        foreach (var t in chain)
        {
            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
            {
                if (property.CanRead && property.CanWrite && property.GetIndexParameters().Length == 0)
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>The values of every property named <paramref name="propertyName"/> in the model, in document order.</summary>
    public static List<object> Collect(object root, string propertyName)
    {
        var found = new List<object>();
        Walk(root, propertyName, found);
        return found;
    }

    private static void Walk(object value, string propertyName, List<object> found)
    {
        foreach (var property in ModelProperties(value.GetType()))
        {
            var child = property.GetValue(value);
            if (child is null)
            {
                continue;
            }

            if (property.Name == propertyName)
            {
                if (child is IList values and not byte[])
                {
                    found.AddRange(values.Cast<object>());
                }
                else
                {
                    found.Add(child);
                }

                continue;
            }

            if (child is IList list and not byte[])
            {
                foreach (var item in list)
                {
                    if (item is not null && !item.GetType().IsValueType && item is not string)
                    {
                        Walk(item, propertyName, found);
                    }
                }
            }
            else if (!child.GetType().IsValueType && child is not string and not byte[])
            {
                Walk(child, propertyName, found);
            }
        }
    }

    private static string? Compare(object? expected, object? actual, string path)
    {
        // A nullable list left null and an empty one write the same XML (nothing), so they are the same model.
        if ((expected is null && actual is IList { Count: 0 } and not byte[]) || (actual is null && expected is IList { Count: 0 } and not byte[]))
        {
            return null;
        }

        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)}, actual {Show(actual)}";
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: expected a {type.Name}, actual a {actual.GetType().Name}";
        }

        switch (expected)
        {
            case float e:
                var a = (float)actual;
                return (float.IsNaN(e) && float.IsNaN(a)) || BitConverter.SingleToInt32Bits(e) == BitConverter.SingleToInt32Bits(a)
                    ? null : $"{path}: expected {Show(e)}, actual {Show(a)}";
            case double e:
                var d = (double)actual;
                return (double.IsNaN(e) && double.IsNaN(d)) || BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(d)
                    ? null : $"{path}: expected {Show(e)}, actual {Show(d)}";
            case DateTime e:
                var t = (DateTime)actual;
                return e.Ticks == t.Ticks && e.Kind == t.Kind ? null : $"{path}: expected {Show(e)}, actual {Show(t)}";
            case byte[] e:
                var bytes = (byte[])actual;
                return e.AsSpan().SequenceEqual(bytes) ? null : $"{path}: expected bytes {Show(e)}, actual bytes {Show(bytes)}";
            case string or decimal or bool or int or uint or long or TimeSpan or Enum:
                return expected.Equals(actual) ? null : $"{path}: expected {Show(expected)}, actual {Show(actual)}";
            case IList e:
                var list = (IList)actual;
                for (var i = 0; i < Math.Min(e.Count, list.Count); i++)
                {
                    if (Compare(e[i], list[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return e.Count == list.Count ? null : $"{path}: expected {e.Count} items, actual {list.Count}";
        }

        if (type.IsPrimitive || type.IsValueType)
        {
            throw new InvalidOperationException($"{path}: ModelAssert does not know how to compare {type}.");
        }

        foreach (var property in ModelProperties(type))
        {
            var where = $"{path}.{property.Name}";
            if (Compare(property.GetValue(expected), property.GetValue(actual), where) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + $" (bits 0x{BitConverter.SingleToInt32Bits(f):X8})",
        double f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture) + $" ({t.Kind})",
        byte[] b => b.Length <= 96 ? Encoding.UTF8.GetString(b) : Encoding.UTF8.GetString(b, 0, 96) + $"... ({b.Length} bytes)",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name,
    };
}
