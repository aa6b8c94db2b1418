using System;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>The root element of every OpenADR 2.0b message: an optional XML signature, then the signed object.</summary>
[XmlType, XmlRoot("oadrPayload", Ns.Oadr)]
public sealed partial class OadrPayload
{
    [XmlElement("Signature", Ns.Ds, Raw = true)]
    public byte[]? Signature { get; set; }

    [XmlElement("oadrSignedObject", Ns.Oadr)]
    public OadrSignedObject OadrSignedObject { get; set; } = new();
}

/// <summary>The element the XML signature references (oadr:Id), holding exactly one OpenADR message.</summary>
[XmlType]
public sealed partial class OadrSignedObject
{
    [XmlAttribute("Id", Ns.Oadr, Format = XmlTextFormat.Id)]
    public string? Id { get; set; }

    [XmlChoice]
    public OadrMessage Message { get; set; } = null!;
}
