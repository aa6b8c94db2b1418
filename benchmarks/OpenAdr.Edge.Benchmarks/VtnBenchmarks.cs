using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Xml;
using OpenAdr.Edge.Xml.Serialization;

namespace OpenAdr.Edge.Benchmarks;

/// <summary>A VTN over a fresh SQLite database in a temp directory, with <paramref name="vens"/> registered VENs whose queues are empty.</summary>
internal sealed class BenchmarkVtn : IAsyncDisposable
{
    private readonly string _directory;

    private BenchmarkVtn(string directory, OpenAdrVtn vtn, List<string> venIds)
    {
        _directory = directory;
        Vtn = vtn;
        VenIds = venIds;
    }

    public OpenAdrVtn Vtn { get; }

    public List<string> VenIds { get; }

    public static async Task<BenchmarkVtn> StartAsync(int vens)
    {
        var directory = Path.Combine(Path.GetTempPath(), "openadr-bench-" + Guid.NewGuid().ToString("N"));
        var store = await SqliteVtnStore.OpenAsync(Path.Combine(directory, "vtn.db"));
        var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "bench-vtn" }, store);
        vtn.OnCreatePartyRegistration = info => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration(info.VenName!, "reg-" + info.VenName));
        vtn.OnRegisterReport = offer => ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(_ => ValueTask.CompletedTask, offer.MinSamplingInterval));
        var venIds = Enumerable.Range(0, vens).Select(i => $"ven-{i:D5}-9eea0291-6afe-4077-8734").ToList();
        await Parallel.ForEachAsync(venIds, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (venId, _) =>
        {
            await vtn.HandleAsync(new OadrCreatePartyRegistration
            {
                RequestId = "r",
                OadrProfileName = OadrProfileName.Oadr20b,
                OadrTransportName = OadrTransportName.SimpleHttp,
                OadrVenName = venId,
                OadrHttpPullModel = true,
            });
            await vtn.HandleAsync(new OadrPoll { VenId = venId });
        });
        return new BenchmarkVtn(directory, vtn, venIds);
    }

    public async ValueTask DisposeAsync()
    {
        await Vtn.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// One poll in process, with 10,000 registered VENs: parse the oadrPoll, identify the VEN, look at its queue, write the
/// answer. Baseline: the same steps with XDocument (load, find venID, look up, build and save the oadrResponse).
/// </summary>
[MemoryDiagnoser]
public class PollBenchmarks
{
    private const int Vens = 10_000;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly MemoryStream _stream = new(4096);
    private readonly XmlReadContext _context = new();
    private readonly Dictionary<string, string> _registrations = new(StringComparer.Ordinal);
    private BenchmarkVtn _vtn = null!;
    private byte[][] _polls = [];
    private readonly OadrPayload _answer = new() { OadrSignedObject = new OadrSignedObject { Id = "oadrSignedObject" } };
    private OadrPayload? _payload;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _vtn = BenchmarkVtn.StartAsync(Vens).GetAwaiter().GetResult();
        _polls = _vtn.VenIds.Select(PollBytes).ToArray();
        foreach (var venId in _vtn.VenIds)
        {
            _registrations[venId] = "reg-" + venId;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _vtn.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public long XDocument_Poll()
    {
        var xml = NextPoll();
        XNamespace oadr = "http://openadr.org/oadr-2.0b/2012/07";
        XNamespace ei = "http://docs.oasis-open.org/ns/energyinterop/201110";
        XNamespace pyld = "http://docs.oasis-open.org/ns/energyinterop/201110/payloads";
        var venId = XDocument.Load(new MemoryStream(xml)).Descendants(ei + "venID").First().Value;
        if (!_registrations.ContainsKey(venId))
        {
            throw new InvalidOperationException();
        }

        var answer = new XDocument(new XElement(oadr + "oadrPayload",
            new XAttribute(XNamespace.Xmlns + "oadr", oadr), new XAttribute(XNamespace.Xmlns + "ei", ei), new XAttribute(XNamespace.Xmlns + "pyld", pyld),
            new XElement(oadr + "oadrSignedObject",
                new XElement(oadr + "oadrResponse", new XAttribute(ei + "schemaVersion", "2.0b"),
                    new XElement(ei + "eiResponse", new XElement(ei + "responseCode", "200"), new XElement(ei + "responseDescription", "OK"), new XElement(pyld + "requestID")),
                    new XElement(ei + "venID", venId)))));
        _stream.Position = 0;
        answer.Save(_stream, SaveOptions.DisableFormatting);
        return _stream.Position;
    }

    [Benchmark]
    public int OpenAdrEdge_Poll()
    {
        OadrPayload.ReadDocument(NextPoll(), ref _payload, _context, XmlReaderOptions.Default);
        var answer = _vtn.Vtn.HandleAsync(_payload.OadrSignedObject.Message, new VenRequestContext(OpenAdrService.OadrPoll));
        if (!answer.IsCompletedSuccessfully || answer.Result is not OadrResponse response)
        {
            throw new InvalidOperationException("The poll did not take the fast path.");
        }

        _buffer.ResetWrittenCount();
        _answer.OadrSignedObject.Message = response;
        _answer.WriteDocument(_buffer);
        return _buffer.WrittenCount;
    }

    private byte[] NextPoll()
    {
        var xml = _polls[_next];
        _next = (_next + 1) % _polls.Length;
        return xml;
    }

    private static byte[] PollBytes(string venId) => OadrPayload.WriteToArray(new OadrPoll { VenId = venId });
}

/// <summary>
/// Durable report ingestion: 100 VENs send an oadrUpdateReport of 10 data points each at once, and every one is
/// acknowledged only once it is committed (group commit). Reported per data point: points per second = 1e9 / Mean.
/// </summary>
[MemoryDiagnoser]
public class ReportIngestionBenchmarks
{
    private const int Vens = 100;
    private const int PointsPerReport = 10;
    private BenchmarkVtn _vtn = null!;
    private OadrUpdateReport[] _updates = [];

    [GlobalSetup]
    public void Setup()
    {
        _vtn = BenchmarkVtn.StartAsync(Vens).GetAwaiter().GetResult();
        _updates = _vtn.VenIds.Select(venId =>
        {
            var registered = (OadrRegisteredReport)_vtn.Vtn.HandleAsync(new OadrRegisterReport
            {
                RequestId = "m",
                VenId = venId,
                OadrReports = [TelemetryReports.RealPowerMetadata("telemetry", "power", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1))],
            }).AsTask().GetAwaiter().GetResult()!;
            return Update(venId, registered.OadrReportRequests[0].ReportRequestId);
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _vtn.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Vens * PointsPerReport)]
    public async Task DurableDataPoint()
    {
        var answers = new Task<OadrMessage?>[_updates.Length];
        for (var i = 0; i < _updates.Length; i++)
        {
            answers[i] = _vtn.Vtn.HandleAsync(_updates[i]).AsTask();
        }

        foreach (var answer in answers)
        {
            if (await answer is not OadrUpdatedReport { EiResponse.ResponseCode: "200" })
            {
                throw new InvalidOperationException("An update was refused.");
            }
        }
    }

    private static OadrUpdateReport Update(string venId, string reportRequestId) => new()
    {
        RequestId = "u",
        VenId = venId,
        OadrReports = [TelemetryReports.Readings("telemetry", reportRequestId, "power",
            Enumerable.Range(0, PointsPerReport).Select(p => (DateTime.UtcNow.AddSeconds(p * 10), TimeSpan.FromSeconds(10), (float)p)))],
    };
}
