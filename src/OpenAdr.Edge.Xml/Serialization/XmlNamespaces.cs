using System;

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
