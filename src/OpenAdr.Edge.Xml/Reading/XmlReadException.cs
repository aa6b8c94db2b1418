using System;
using System.Diagnostics.CodeAnalysis;

namespace OpenAdr.Edge.Xml;

/// <summary>A document was refused. <see cref="Error"/> says why, <see cref="Offset"/> where (bytes from the start).</summary>
public sealed class XmlReadException : Exception
{
    public XmlReadException(XmlError error, int offset, string detail)
        : base($"{error} at byte {offset}: {detail}")
    {
        Error = error;
        Offset = offset;
        Detail = detail;
    }

    public XmlError Error { get; }

    public int Offset { get; }

    public string Detail { get; }

    [DoesNotReturn]
    internal static void Throw(XmlError error, int offset, string detail) => throw new XmlReadException(error, offset, detail);
}
