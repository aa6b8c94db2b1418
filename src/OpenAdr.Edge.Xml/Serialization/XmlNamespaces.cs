using System;
using System.Numerics;

namespace OpenAdr.Edge.Xml.Serialization;

/// <summary>The namespaces of OpenADR 2.0b and the prefixes our writer gives them.</summary>
public static class XmlNamespaces
{
    public const string Oadr = "http://openadr.org/oadr-2.0b/2012/07";
    public const string Ei = "http://docs.oasis-open.org/ns/energyinterop/201110";
    public const string Pyld = "http://docs.oasis-open.org/ns/energyinterop/201110/payloads";
    public const string Emix = "http://docs.oasis-open.org/ns/emix/2011/06";
    public const string Power = "http://docs.oasis-open.org/ns/emix/2011/06/power";
    public const string Scale = "http://docs.oasis-open.org/ns/emix/2011/06/siscale";
    public const string Xcal = "urn:ietf:params:xml:ns:icalendar-2.0";
    public const string Strm = "urn:ietf:params:xml:ns:icalendar-2.0:stream";
    public const string Ds = "http://www.w3.org/2000/09/xmldsig#";
    public const string Dsp = "http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties";
    public const string Gml = "http://www.opengis.net/gml/3.2";
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string Espi = "http://naesb.org/espi";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    // In the order of the generator's KnownNamespaces: a namespace's place here, from 1, is its id in generated readers.
    private static readonly byte[][] s_known =
    [
        "http://openadr.org/oadr-2.0b/2012/07"u8.ToArray(),
        "http://docs.oasis-open.org/ns/energyinterop/201110"u8.ToArray(),
        "http://docs.oasis-open.org/ns/energyinterop/201110/payloads"u8.ToArray(),
        "http://docs.oasis-open.org/ns/emix/2011/06"u8.ToArray(),
        "http://docs.oasis-open.org/ns/emix/2011/06/power"u8.ToArray(),
        "http://docs.oasis-open.org/ns/emix/2011/06/siscale"u8.ToArray(),
        "urn:ietf:params:xml:ns:icalendar-2.0"u8.ToArray(),
        "urn:ietf:params:xml:ns:icalendar-2.0:stream"u8.ToArray(),
        "http://www.w3.org/2000/09/xmldsig#"u8.ToArray(),
        "http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties"u8.ToArray(),
        "http://www.opengis.net/gml/3.2"u8.ToArray(),
        "http://www.w3.org/2005/Atom"u8.ToArray(),
        "http://naesb.org/espi"u8.ToArray(),
    ];

    // The declarations a root element writes, in id order (id 1 first), with the prefixes generated writers use.
    private static readonly byte[][] s_declarations =
    [
        " xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\""u8.ToArray(),
        " xmlns:ei=\"http://docs.oasis-open.org/ns/energyinterop/201110\""u8.ToArray(),
        " xmlns:pyld=\"http://docs.oasis-open.org/ns/energyinterop/201110/payloads\""u8.ToArray(),
        " xmlns:emix=\"http://docs.oasis-open.org/ns/emix/2011/06\""u8.ToArray(),
        " xmlns:power=\"http://docs.oasis-open.org/ns/emix/2011/06/power\""u8.ToArray(),
        " xmlns:scale=\"http://docs.oasis-open.org/ns/emix/2011/06/siscale\""u8.ToArray(),
        " xmlns:xcal=\"urn:ietf:params:xml:ns:icalendar-2.0\""u8.ToArray(),
        " xmlns:strm=\"urn:ietf:params:xml:ns:icalendar-2.0:stream\""u8.ToArray(),
        " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""u8.ToArray(),
        " xmlns:dsp=\"http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties\""u8.ToArray(),
        " xmlns:gml=\"http://www.opengis.net/gml/3.2\""u8.ToArray(),
        " xmlns:atom=\"http://www.w3.org/2005/Atom\""u8.ToArray(),
        " xmlns:espi=\"http://naesb.org/espi\""u8.ToArray(),
    ];

    /// <summary>
    /// Writes the declaration of each namespace whose id's bit (<c>1 &lt;&lt; id</c>) is set, as generated roots do
    /// with their <c>XmlNamespacesInUse()</c>.
    /// </summary>
    public static void WriteDeclarations(ref Utf8XmlWriter writer, uint namespaces)
    {
        for (var bits = namespaces >> 1; bits != 0; bits &= bits - 1)
        {
            var index = BitOperations.TrailingZeroCount(bits);
            if (index < s_declarations.Length)
            {
                writer.WriteRaw(s_declarations[index]);
            }
        }
    }

    /// <summary>The id of an OpenADR namespace (1 to 13, see <see cref="Utf8XmlReader.NamespaceId"/>), 0 for any other.</summary>
    public static byte Identify(ReadOnlySpan<byte> uri)
    {
        for (var i = 0; i < s_known.Length; i++)
        {
            if (uri.SequenceEqual(s_known[i]))
            {
                return (byte)(i + 1);
            }
        }

        return 0;
    }
}
