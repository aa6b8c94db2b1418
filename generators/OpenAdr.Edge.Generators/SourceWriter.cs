using System.Text;

namespace OpenAdr.Edge.Generators;

/// <summary>A string builder that keeps indentation, for readable generated code.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
    }

    public void Open()
    {
        Line("{");
        _indent++;
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    public void Close(string text = "}")
    {
        _indent--;
        Line(text);
    }

    public override string ToString() => _builder.ToString();
}
