using System;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>The OpenADR signature property (inside ds:SignatureProperty) that guards against replay: a timestamp and a nonce.</summary>
[XmlType, XmlRoot("ReplayProtect", Ns.Dsp)]
public sealed partial class ReplayProtect
{
    [XmlElement("timestamp", Ns.Dsp)]
    public DateTime Timestamp { get; set; }

    [XmlElement("nonce", Ns.Dsp)]
    public NonceValue Nonce { get; set; } = new();
}

/// <summary>The ReplayProtect nonce: its text and an optional encoding URI.</summary>
[XmlType]
public sealed partial class NonceValue
{
    [XmlAttribute("EncodingType")]
    public string? EncodingType { get; set; }

    [XmlText]
    public string Value { get; set; } = "";
}
