using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Xml;
using OpenAdr.Edge.Xml.Serialization;

namespace OpenAdr.Edge.Benchmarks;

/// <summary>
/// Reading a message. Baseline: what a .NET developer writes without this project to get the same typed message,
/// <c>XmlSerializer</c> over classes annotated as xsd.exe would (<see cref="Baselines"/>). <c>XDocument.Load</c> of
/// the same bytes is shown beside it: it only builds a tree and maps nothing.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private byte[] _xml = [];
    private OadrPayload? _payload;
    private readonly XmlReadContext _context = new();
    private readonly Baselines.XmlSerializerBaseline _baseline = new();

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = "";

    public static IEnumerable<string> Payloads => SamplePayloads.Names;

    [GlobalSetup]
    public void Setup()
    {
        _xml = SamplePayloads.Bytes(Payload);
        Baselines.XmlSerializerBaseline.Strict().Deserialize(new MemoryStream(_xml));
    }

    [Benchmark(Baseline = true)]
    public Baselines.OadrPayload XmlSerializer_Deserialize() => _baseline.Read(_xml);

    [Benchmark]
    public XDocument XDocument_Load() => XDocument.Load(new MemoryStream(_xml));

    [Benchmark]
    public OadrPayload OpenAdrEdge_Read()
    {
        OadrPayload.ReadDocument(_xml, ref _payload, _context, XmlReaderOptions.Default);
        return _payload;
    }
}

/// <summary>
/// Writing a message. Baseline: <c>XmlSerializer</c> over the annotated classes (<see cref="Baselines"/>), through
/// an <see cref="XmlWriter"/> into a reused stream; beside it <c>XDocument.Save</c> of a tree built once beforehand
/// (building it is not timed).
/// </summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly MemoryStream _stream = new(64 * 1024);
    private OadrPayload _payload = new();
    private XDocument _document = new();
    private Baselines.OadrPayload _baselinePayload = new();
    private readonly Baselines.XmlSerializerBaseline _baseline = new();

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = "";

    public static IEnumerable<string> Payloads => SamplePayloads.Names;

    [GlobalSetup]
    public void Setup()
    {
        _payload = SamplePayloads.Create(Payload);
        _document = XDocument.Load(new MemoryStream(SamplePayloads.Bytes(Payload)));
        _baselinePayload = (Baselines.OadrPayload)Baselines.XmlSerializerBaseline.Strict().Deserialize(new MemoryStream(SamplePayloads.Bytes(Payload)))!;
    }

    [Benchmark(Baseline = true)]
    public long XmlSerializer_Serialize()
    {
        _stream.Position = 0;
        _baseline.Write(_baselinePayload, _stream);
        return _stream.Position;
    }

    [Benchmark]
    public long XDocument_Save()
    {
        _stream.Position = 0;
        using (var writer = XmlWriter.Create(_stream))
        {
            _document.Save(writer);
        }

        return _stream.Position;
    }

    [Benchmark]
    public int OpenAdrEdge_Write()
    {
        _buffer.ResetWrittenCount();
        _payload.WriteDocument(_buffer);
        return _buffer.WrittenCount;
    }
}
