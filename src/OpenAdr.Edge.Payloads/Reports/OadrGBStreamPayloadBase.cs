using System;
using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>oadr:oadrGBPayload (oadrGBStreamPayloadBase): Green Button data in a report interval, as an Atom feed kept unparsed.</summary>
[XmlType]
public sealed partial class OadrGBStreamPayloadBase : StreamPayloadBase
{
    [XmlElement("feed", Ns.Atom, Raw = true)]
    public byte[] Feed { get; set; } = [];
}

/// <summary>oadr:oadrGBDataDescription (oadrGBItemBase): the unit of a Green Button data point, as an Atom feed kept unparsed.</summary>
[XmlType]
public sealed partial class OadrGBItemBase : ItemBase
{
    [XmlElement("feed", Ns.Atom, Raw = true)]
    public byte[] Feed { get; set; } = [];
}
