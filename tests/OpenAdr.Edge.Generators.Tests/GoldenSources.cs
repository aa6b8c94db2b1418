namespace OpenAdr.Edge.Generators.Tests;

/// <summary>Valid inputs, shaped like the OpenADR payload definitions, whose output is checked into Golden/.</summary>
internal static class GoldenSources
{
    /// <summary>An attribute and one interned, required string element.</summary>
    public const string Poll = GeneratorHarness.Usings + """
        namespace Golden.Poll;

        [XmlType]
        public sealed partial class OadrPoll
        {
            [XmlAttribute("schemaVersion", Ns.Ei)]
            public string? SchemaVersion { get; set; } = "2.0b";

            [XmlElement("venID", Ns.Ei, Intern = true)]
            public string VenId { get; set; } = "";
        }
        """;

    /// <summary>
    /// Optional elements of every simple kind, lists with MinOccurs, Inner-wrapped date-time and duration, an enum,
    /// a string restricted to an enumeration or x- extensions, a Fixed string, an attribute that is not a string,
    /// and a child object.
    /// </summary>
    public const string Report = GeneratorHarness.Usings + """
        namespace Golden.Report;

        [XmlType]
        public sealed partial class ReportRequest
        {
            [XmlAttribute("count")]
            public int Count { get; set; }

            [XmlElement("reportRequestID", Ns.Ei, Intern = true)]
            public string ReportRequestId { get; set; } = "";

            [XmlElement("dtstart", Ns.Xcal, Inner = "date-time")]
            public DateTime Start { get; set; }

            [XmlElement("duration", Ns.Xcal, Inner = "duration")]
            public TimeSpan? Duration { get; set; }

            [XmlElement("reportBackDuration", Ns.Ei, Inner = "duration", InnerNamespace = Ns.Xcal)]
            public TimeSpan ReportBackDuration { get; set; }

            [XmlElement("optType", Ns.Ei)]
            public OptType OptType { get; set; }

            [XmlElement("reportName", Ns.Ei)]
            [XmlRestriction(typeof(ReportNameEnumerated), ExtensionPrefix = "x-")]
            public string ReportName { get; set; } = "";

            [XmlElement("marketContext", Ns.Emix)]
            public string? MarketContext { get; set; }

            [XmlElement("priority", Ns.Ei)]
            public int? Priority { get; set; }

            [XmlElement("numDataSources", Ns.Oadr)]
            public long? NumDataSources { get; set; }

            [XmlElement("testEvent", Ns.Ei)]
            public bool? TestEvent { get; set; }

            [XmlElement("value", Ns.Ei)]
            public decimal? Value { get; set; }

            [XmlElement("confidence", Ns.Oadr)]
            public float? Confidence { get; set; }

            [XmlElement("accuracy", Ns.Oadr)]
            public double? Accuracy { get; set; }

            [XmlElement("payloadBase64", Ns.Espi)]
            public byte[]? Payload { get; set; }

            [XmlElement("version", Ns.Oadr, Fixed = "2.0b")]
            public string Version { get; set; } = "2.0b";

            [XmlElement("rID", Ns.Ei, MinOccurs = 2)]
            public List<string> ResourceIds { get; set; } = [];

            [XmlElement("optReason", Ns.Ei)]
            public List<OptType> OptReasons { get; set; } = [];

            [XmlElement("specifierPayload", Ns.Ei, MinOccurs = 1)]
            public List<SpecifierPayload> SpecifierPayloads { get; set; } = [];

            [XmlElement("target", Ns.Ei)]
            public SpecifierPayload? Target { get; set; }

            [XmlElement("groupID", Ns.Ei)]
            public List<string>? GroupIds { get; set; }

            [XmlElement("related", Ns.Ei)]
            public List<SpecifierPayload>? Related { get; set; }
        }

        [XmlType]
        public sealed partial class SpecifierPayload
        {
            [XmlElement("rID", Ns.Ei, Intern = true)]
            public string ResourceId { get; set; } = "";
        }

        public enum OptType
        {
            [XmlEnumValue("optIn")] OptIn,
            [XmlEnumValue("optOut")] OptOut,
        }

        public enum ReportNameEnumerated
        {
            [XmlEnumValue("METADATA_TELEMETRY_USAGE")] MetadataTelemetryUsage,
            [XmlEnumValue("TELEMETRY_USAGE")] TelemetryUsage,
        }
        """;

    /// <summary>
    /// An abstract base with derived elements (one derived type deriving from another, so it hides the base's members
    /// and must be matched first), a holder of one choice and a holder of a list of choices.
    /// </summary>
    public const string Choice = GeneratorHarness.Usings + """
        namespace Golden.Choice;

        [XmlType]
        [XmlDerivedType(typeof(PowerItem), "powerItem", Ns.Power)]
        [XmlDerivedType(typeof(PowerReal), "powerReal", Ns.Power)]
        [XmlDerivedType(typeof(Voltage), "voltage", Ns.Power)]
        public abstract partial class ItemBase;

        [XmlType]
        public partial class PowerItem : ItemBase
        {
            [XmlElement("itemDescription", Ns.Power, Intern = true)]
            public string ItemDescription { get; set; } = "";
        }

        [XmlType]
        public sealed partial class PowerReal : PowerItem
        {
            [XmlElement("powerAttributes", Ns.Power)]
            public PowerAttributes PowerAttributes { get; set; } = new();
        }

        [XmlType]
        public sealed partial class PowerAttributes
        {
            [XmlElement("hertz", Ns.Power)]
            public decimal Hertz { get; set; }
        }

        [XmlType]
        public sealed partial class Voltage : ItemBase
        {
            [XmlElement("siScaleCode", Ns.Scale)]
            public string SiScaleCode { get; set; } = "none";
        }

        [XmlType]
        public sealed partial class ItemHolder
        {
            [XmlChoice]
            public ItemBase Item { get; set; } = null!;
        }

        [XmlType]
        public sealed partial class ItemList
        {
            [XmlChoice(MinOccurs = 1)]
            public List<ItemBase> Items { get; set; } = [];
        }
        """;

    /// <summary>A document root: a raw (unparsed) signature, a child object, and a child with an attribute and text content.</summary>
    public const string Root = GeneratorHarness.Usings + """
        namespace Golden.Root;

        [XmlType, XmlRoot("oadrPayload", Ns.Oadr)]
        public sealed partial class OadrPayload
        {
            [XmlElement("Signature", Ns.Ds, Raw = true)]
            public byte[]? Signature { get; set; }

            [XmlElement("oadrSignedObject", Ns.Oadr)]
            public OadrSignedObject OadrSignedObject { get; set; } = new();
        }

        [XmlType]
        public sealed partial class OadrSignedObject
        {
            [XmlAttribute("Id", Ns.Oadr)]
            public string? Id { get; set; }

            [XmlElement("nonce", Ns.Dsp)]
            public Nonce Nonce { get; set; } = new();
        }

        [XmlType]
        public sealed partial class Nonce
        {
            [XmlAttribute("algorithm")]
            public string Algorithm { get; set; } = "";

            [XmlText]
            public string Value { get; set; } = "";
        }
        """;
}
