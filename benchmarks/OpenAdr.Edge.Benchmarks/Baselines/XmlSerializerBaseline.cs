using System;
using System.IO;
using System.Xml;
using System.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Benchmarks.Baselines;

/// <summary>Reads and writes the benchmark messages with <see cref="XmlSerializer"/> over <see cref="OadrPayload"/>.</summary>
public sealed class XmlSerializerBaseline
{
    private static readonly XmlSerializerNamespaces s_prefixes = Prefixes();
    private readonly XmlSerializer _serializer = new(typeof(OadrPayload));

    /// <summary>A serializer that throws on anything it would otherwise skip, for checking the mapping once.</summary>
    public static XmlSerializer Strict()
    {
        var serializer = new XmlSerializer(typeof(OadrPayload));
        serializer.UnknownElement += (_, e) => throw new InvalidOperationException($"the baseline does not map <{e.Element.Name}>");
        serializer.UnknownAttribute += (_, e) => throw new InvalidOperationException($"the baseline does not map @{e.Attr.Name}");
        return serializer;
    }

    public OadrPayload Read(byte[] xml) => (OadrPayload)_serializer.Deserialize(new MemoryStream(xml))!;

    public void Write(OadrPayload payload, Stream output)
    {
        using var writer = XmlWriter.Create(output);
        _serializer.Serialize(writer, payload, s_prefixes);
    }

    private static XmlSerializerNamespaces Prefixes()
    {
        var prefixes = new XmlSerializerNamespaces();
        prefixes.Add("oadr", Ns.Oadr);
        prefixes.Add("ei", Ns.Ei);
        prefixes.Add("pyld", Ns.Pyld);
        prefixes.Add("emix", Ns.Emix);
        prefixes.Add("power", Ns.Power);
        prefixes.Add("scale", Ns.Scale);
        prefixes.Add("xcal", Ns.Xcal);
        prefixes.Add("strm", Ns.Strm);
        return prefixes;
    }
}
