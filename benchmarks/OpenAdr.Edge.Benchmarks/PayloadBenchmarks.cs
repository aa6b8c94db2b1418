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
/// Reading a message. Baseline: what a .NET developer writes without this project, <c>XDocument.Load</c> of the same
/// bytes. The baseline only builds the tree and maps nothing, so the ratio understates our advantage.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private byte[] _xml = [];
    private OadrPayload? _payload;
    private readonly XmlReadContext _context = new();

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = "";

    public static IEnumerable<string> Payloads => SamplePayloads.Names;

    [GlobalSetup]
    public void Setup() => _xml = SamplePayloads.Bytes(Payload);

    [Benchmark(Baseline = true)]
    public XDocument XDocument_Load() => XDocument.Load(new MemoryStream(_xml));

    [Benchmark]
    public OadrPayload OpenAdrEdge_Read()
    {
        OadrPayload.ReadDocument(_xml, ref _payload, _context, XmlReaderOptions.Default);
        return _payload;
    }
}

/// <summary>
/// Writing a message. Baseline: <c>XDocument.Save</c> of a tree built once beforehand (building it is not
/// timed), through an <see cref="XmlWriter"/> into a reused stream.
/// </summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly MemoryStream _stream = new(64 * 1024);
    private OadrPayload _payload = new();
    private XDocument _document = new();

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = "";

    public static IEnumerable<string> Payloads => SamplePayloads.Names;

    [GlobalSetup]
    public void Setup()
    {
        _payload = SamplePayloads.Create(Payload);
        _document = XDocument.Load(new MemoryStream(SamplePayloads.Bytes(Payload)));
    }

    [Benchmark(Baseline = true)]
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
