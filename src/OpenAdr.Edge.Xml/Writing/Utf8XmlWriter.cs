using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace OpenAdr.Edge.Xml;

/// <summary>
/// Writes UTF-8 XML into an <see cref="IBufferWriter{T}"/>. Markup comes from the caller as UTF-8 literals
/// (the generated writers know every name in advance); values are escaped and formatted here without allocating.
/// Call <see cref="Flush"/> when done: bytes are committed to the output only then.
/// </summary>
public ref struct Utf8XmlWriter
{
    private const int MinimumBuffer = 256;
    private const int MaxShortText = 256;
    private const float WholeFloatLimit = 1_000_000;
    private const string TextEscapes = "<>&\r";
    private const string AttributeEscapes = "<>&\r\"\n\t";
    private const string ForbiddenAsciiControls =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F";

    private static readonly SearchValues<char> s_textEscapes = SearchValues.Create(TextEscapes);
    private static readonly SearchValues<char> s_attributeEscapes = SearchValues.Create(AttributeEscapes);
    private static readonly SearchValues<char> s_forbiddenControls = SearchValues.Create(ForbiddenAsciiControls + "\uFFFE\uFFFF");

    // The ASCII bytes the short-text path must leave to the general one: what is escaped and what is refused.
    private static readonly SearchValues<byte> s_asciiTextNeedingCare = SearchValues.Create(Encoding.ASCII.GetBytes(TextEscapes + ForbiddenAsciiControls));
    private static readonly SearchValues<byte> s_asciiAttributeNeedingCare = SearchValues.Create(Encoding.ASCII.GetBytes(AttributeEscapes + ForbiddenAsciiControls));

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _buffer;
    private int _buffered;

    public Utf8XmlWriter(IBufferWriter<byte> output)
    {
        _output = output;
        _buffer = output.GetSpan(MinimumBuffer);
        _buffered = 0;
    }

    /// <summary>Bytes written since construction that are not yet committed.</summary>
    public readonly int Pending => _buffered;

    /// <summary>Writes UTF-8 markup as it is (no escaping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRaw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.TryCopyTo(_buffer[_buffered..]))
        {
            _buffered += utf8.Length;
            return;
        }

        WriteRawSlow(utf8);
    }

    /// <summary>Writes <c>&lt;qname</c>; follow with attributes, then <see cref="CloseStartTag"/> or <see cref="CloseEmptyElement"/>.</summary>
    public void WriteStartTag(ReadOnlySpan<byte> qualifiedName)
    {
        WriteByte((byte)'<');
        WriteRaw(qualifiedName);
    }

    public void CloseStartTag() => WriteByte((byte)'>');

    public void CloseEmptyElement() => WriteRaw("/>"u8);

    public void WriteEndTag(ReadOnlySpan<byte> qualifiedName)
    {
        WriteRaw("</"u8);
        WriteRaw(qualifiedName);
        WriteByte((byte)'>');
    }

    /// <summary>Writes <c> qname="value"</c> with the value escaped.</summary>
    public void WriteAttribute(ReadOnlySpan<byte> qualifiedName, string value)
    {
        WriteByte((byte)' ');
        WriteRaw(qualifiedName);
        WriteRaw("=\""u8);
        WriteEscaped(value, s_attributeEscapes, s_asciiAttributeNeedingCare);
        WriteByte((byte)'"');
    }

    /// <summary>Writes <c> qname="</c>; follow with a value and <see cref="EndAttribute"/>.</summary>
    public void StartAttribute(ReadOnlySpan<byte> qualifiedName)
    {
        WriteByte((byte)' ');
        WriteRaw(qualifiedName);
        WriteRaw("=\""u8);
    }

    public void EndAttribute() => WriteByte((byte)'"');

    /// <summary>Writes text content, escaped.</summary>
    public void WriteText(string value) => WriteEscaped(value, s_textEscapes, s_asciiTextNeedingCare);

    /// <summary>Writes text content given as UTF-8, escaped.</summary>
    public void WriteText(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            var special = utf8.IndexOfAny("<>&\r"u8);
            if (special < 0)
            {
                WriteRaw(utf8);
                return;
            }

            WriteRaw(utf8[..special]);
            WriteRaw(EscapeFor((char)utf8[special]));
            utf8 = utf8[(special + 1)..];
        }
    }

    public void WriteValue(int value) => WriteFormattable(value, 11);

    public void WriteValue(uint value) => WriteFormattable(value, 10);

    public void WriteValue(long value) => WriteFormattable(value, 20);

    /// <summary>xs:decimal as <c>decimal.ToString</c> writes it: every digit of its scale, never an exponent.</summary>
    public void WriteValue(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (bits[2] != 0 || mantissa == 0)
        {
            WriteFormattable(value, 32);
            return;
        }

        // Most amounts fit 64 bits: their digits are written from the last, with the point where the scale puts it and
        // zeros before it as far as the scale needs them (0.05, not .05).
        var scale = value.Scale;
        var digits = Math.Max(XmlDigits.Count(mantissa), scale + 1);
        var span = GetSpan(32);
        var negative = bits[3] < 0;
        if (negative)
        {
            span[0] = (byte)'-';
        }

        var length = (negative ? 1 : 0) + digits + (scale > 0 ? 1 : 0);
        var pos = length;
        for (var i = 0; i < digits; i++)
        {
            if (i == scale && scale > 0)
            {
                span[--pos] = (byte)'.';
            }

            var next = mantissa / 10;
            span[--pos] = (byte)('0' + (int)(mantissa - next * 10));
            mantissa = next;
        }

        _buffered += length;
    }

    public void WriteValue(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    /// <summary>xs:float: shortest text that reads back to the same value; INF, -INF and NaN as XSD spells them.</summary>
    public void WriteValue(float value)
    {
        // Signal levels and readings are mostly small whole numbers, whose shortest text is their integer digits.
        if (value is > -WholeFloatLimit and < WholeFloatLimit && value == (int)value && !(value == 0 && float.IsNegative(value)))
        {
            WriteFormattable((int)value, 11);
            return;
        }

        if (float.IsFinite(value))
        {
            WriteFormattable(value, 16);
            return;
        }

        WriteRaw(float.IsNaN(value) ? "NaN"u8 : value > 0 ? "INF"u8 : "-INF"u8);
    }

    /// <summary>xs:double, as <see cref="WriteValue(float)"/>.</summary>
    public void WriteValue(double value)
    {
        if (double.IsFinite(value))
        {
            WriteFormattable(value, 26);
            return;
        }

        WriteRaw(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "INF"u8 : "-INF"u8);
    }

    /// <summary>xs:dateTime in UTC with <c>Z</c>; fractional seconds only as far as they are not zero.</summary>
    public void WriteValue(DateTime value)
    {
        var span = GetSpan(XmlDateTime.MaxLength);
        _buffered += XmlDateTime.Format(value, span);
    }

    /// <summary>xs:duration in whole units: <c>P1DT2H</c>, <c>PT15M</c>, <c>PT0S</c>.</summary>
    public void WriteValue(TimeSpan value)
    {
        var span = GetSpan(XmlDuration.MaxLength);
        _buffered += XmlDuration.Format(value, span);
    }

    /// <summary>xs:base64Binary.</summary>
    public void WriteBase64(ReadOnlySpan<byte> bytes)
    {
        const int Chunk = 3 * 256;
        while (!bytes.IsEmpty)
        {
            var part = bytes[..Math.Min(Chunk, bytes.Length)];
            var span = GetSpan(Base64EncodedLength(part.Length));
            System.Buffers.Text.Base64.EncodeToUtf8(part, span, out _, out var written);
            _buffered += written;
            bytes = bytes[part.Length..];
        }
    }

    /// <summary>Commits what was written to the output.</summary>
    public void Flush()
    {
        if (_buffered > 0)
        {
            _output.Advance(_buffered);
            _buffered = 0;
            _buffer = [];
        }
    }

    private static int Base64EncodedLength(int length) => (length + 2) / 3 * 4;

    private void WriteFormattable<T>(T value, int maxLength)
        where T : IUtf8SpanFormattable
    {
        var span = GetSpan(maxLength);
        if (!value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            ThrowFormat();
        }

        _buffered += written;
    }

    [DoesNotReturn]
    private static void ThrowFormat() => throw new InvalidOperationException("A value did not fit its formatting buffer.");

    private void WriteByte(byte b)
    {
        if (_buffered < _buffer.Length)
        {
            _buffer[_buffered++] = b;
            return;
        }

        GetSpan(1)[0] = b;
        _buffered++;
    }

    private Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _buffered >= size)
        {
            return _buffer[_buffered..];
        }

        return GetSpanSlow(size);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Span<byte> GetSpanSlow(int size)
    {
        Flush();
        _buffer = _output.GetSpan(Math.Max(size, MinimumBuffer));
        return _buffer;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteRawSlow(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            var span = GetSpan(Math.Min(utf8.Length, 4096));
            var n = Math.Min(span.Length, utf8.Length);
            utf8[..n].CopyTo(span);
            _buffered += n;
            utf8 = utf8[n..];
        }
    }

    private void WriteEscaped(ReadOnlySpan<char> text, SearchValues<char> escapes, SearchValues<byte> asciiNeedingCare)
    {
        // Most values (IDs, names, enumerations) are short ASCII with nothing to escape: one pass narrows them into
        // the output, one checks the bytes, and they stay. Anything else is written again by the general path below.
        if (text.Length <= MaxShortText)
        {
            var span = GetSpan(text.Length);
            if (Ascii.FromUtf16(text, span, out var written) == OperationStatus.Done
                && span[..written].IndexOfAny(asciiNeedingCare) < 0)
            {
                _buffered += written;
                return;
            }
        }

        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(escapes);
            var plain = special < 0 ? text : text[..special];
            if (plain.ContainsAny(s_forbiddenControls))
            {
                ThrowInvalidCharacter();
            }

            WriteUtf16(plain);
            if (special < 0)
            {
                return;
            }

            WriteRaw(EscapeFor(text[special]));
            text = text[(special + 1)..];
        }
    }

    private static ReadOnlySpan<byte> EscapeFor(char c) => c switch
    {
        '<' => "&lt;"u8,
        '>' => "&gt;"u8,
        '&' => "&amp;"u8,
        '"' => "&quot;"u8,
        '\r' => "&#xD;"u8,
        '\n' => "&#xA;"u8,
        _ => "&#x9;"u8,
    };

    private void WriteUtf16(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var span = GetSpan(Math.Min(text.Length * 3, 4096));
            var status = Utf8.FromUtf16(text, span, out var read, out var written, replaceInvalidSequences: false);
            _buffered += written;
            text = text[read..];
            if (status == OperationStatus.InvalidData)
            {
                ThrowInvalidCharacter();
            }
        }
    }

    [DoesNotReturn]
    private static void ThrowInvalidCharacter() =>
        throw new ArgumentException("The text holds a character XML 1.0 cannot carry (a control character or a lone surrogate).");
}
