using OpenAdr.Edge.Xml.Serialization;
using Ns = OpenAdr.Edge.Xml.Serialization.XmlNamespaces;

namespace OpenAdr.Edge.Payloads;

/// <summary>strm:streamPayloadBase: the payload of an interval (event signal value, report value or Green Button data).</summary>
[XmlType]
[XmlDerivedType(typeof(SignalPayload), "signalPayload", Ns.Ei)]
[XmlDerivedType(typeof(OadrReportPayload), "oadrReportPayload", Ns.Oadr)]
[XmlDerivedType(typeof(OadrGBStreamPayloadBase), "oadrGBPayload", Ns.Oadr)]
public abstract partial class StreamPayloadBase;
