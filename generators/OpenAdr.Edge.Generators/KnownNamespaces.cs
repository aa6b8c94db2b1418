using System.Collections.Generic;

namespace OpenAdr.Edge.Generators;

/// <summary>The prefixes the writer gives OpenADR 2.0b namespaces (mirrors OpenAdr.Edge.Xml.Serialization.XmlNamespaces, in the same order: the order gives the ids).</summary>
internal static class KnownNamespaces
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> PrefixByUri =
    [
        new("http://openadr.org/oadr-2.0b/2012/07", "oadr"),
        new("http://docs.oasis-open.org/ns/energyinterop/201110", "ei"),
        new("http://docs.oasis-open.org/ns/energyinterop/201110/payloads", "pyld"),
        new("http://docs.oasis-open.org/ns/emix/2011/06", "emix"),
        new("http://docs.oasis-open.org/ns/emix/2011/06/power", "power"),
        new("http://docs.oasis-open.org/ns/emix/2011/06/siscale", "scale"),
        new("urn:ietf:params:xml:ns:icalendar-2.0", "xcal"),
        new("urn:ietf:params:xml:ns:icalendar-2.0:stream", "strm"),
        new("http://www.w3.org/2000/09/xmldsig#", "ds"),
        new("http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties", "dsp"),
        new("http://www.opengis.net/gml/3.2", "gml"),
        new("http://www.w3.org/2005/Atom", "atom"),
        new("http://naesb.org/espi", "espi"),
    ];

    /// <summary>The number the reader gives a declaration of <paramref name="uri"/> (its place in the list, from 1), 0 for others.</summary>
    public static int IdOf(string uri)
    {
        for (var i = 0; i < PrefixByUri.Count; i++)
        {
            if (PrefixByUri[i].Key == uri)
            {
                return i + 1;
            }
        }

        return 0;
    }

    public static bool TryGetPrefix(string? uri, out string prefix)
    {
        if (string.IsNullOrEmpty(uri))
        {
            prefix = string.Empty;
            return true;
        }

        foreach (var pair in PrefixByUri)
        {
            if (pair.Key == uri)
            {
                prefix = pair.Value;
                return true;
            }
        }

        prefix = string.Empty;
        return false;
    }
}
