using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:payloadBase: a value carried by a signal, baseline or report payload (a float or a resource status).</summary>
[XmlType]
[XmlDerivedType(typeof(PayloadFloat), "payloadFloat", Ns.Ei)]
[XmlDerivedType(typeof(OadrPayloadResourceStatus), "oadrPayloadResourceStatus", Ns.Oadr)]
public abstract partial class PayloadBase;

/// <summary>ei:payloadFloat: a numeric signal or report value.</summary>
[XmlType]
public sealed partial class PayloadFloat : PayloadBase
{
    [XmlElement("value", Ns.Ei)]
    public float Value { get; set; }
}
