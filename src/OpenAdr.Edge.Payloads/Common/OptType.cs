using OpenAdr.Edge.Xml.Serialization;

namespace OpenAdr.Edge.Payloads;

/// <summary>ei:optType: whether a VEN opts in to or out of an event or schedule.</summary>
public enum OptType
{
    [XmlEnumValue("optIn")] OptIn,
    [XmlEnumValue("optOut")] OptOut,
}
