using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Xml;
using OpenAdr.Edge.Xml.Serialization;

namespace OpenAdr.Edge.Fuzz;

/// <summary>What a run saw.</summary>
public sealed record FuzzReport(long Inputs, long Refused, long Accepted, long Answered, TimeSpan Duration, long Findings, long PeakManagedBytes, long PeakRssBytes, TimeSpan SlowestInput)
{
    public double PerSecond => Inputs / Math.Max(Duration.TotalSeconds, 1e-9);
}

/// <summary>
/// The in-process mode: each mutant is read as the server reads it (reusing the previous payload after a poll, and
/// from a buffer split in segments as the request pipe hands it over, one time in four); what reads goes to the VTN
/// engine over SQLite, as the VEN's message on its endpoint (or on another, or none), with or without a client
/// certificate; the answer is written and read back. Allowed: XmlReadException, or an answer that reads back. Anything
/// else is a finding, and so is an outcome that a reader which has remembered nothing would not give. The engine starts
/// over with an empty database every <see cref="EngineResetEvery"/> messages, so that what hostile VENs register and send
/// does not pile up in memory for the whole run.
/// </summary>
public sealed class ReaderFuzzer(SeedCorpus corpus, Findings findings, TextWriter log)
{
    private static readonly string[] s_fingerprints = ["00:11:22:33:44:55:66:77:88:99", "AA:BB:CC:DD:EE:FF:00:11:22:33"];

    public int EngineResetEvery { get; init; } = 50_000;

    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(15);

    public async Task<FuzzReport> RunAsync(long count, int seed, CancellationToken cancellationToken = default)
    {
        var mutator = new XmlMutator(corpus, seed);
        var random = new Random(seed ^ 0x5EED);
        var context = new XmlReadContext();
        var answerBuffer = new ArrayBufferWriter<byte>(4096);
        OadrPayload? reused = null;
        long refused = 0, accepted = 0, answered = 0, peakManaged = 0;
        var slowest = TimeSpan.Zero;
        var engine = await Engine.StartAsync(corpus, cancellationToken).ConfigureAwait(false);
        var engineMessages = 0;
        var clock = Stopwatch.StartNew();
        var nextProgress = ProgressEvery;
        try
        {
            for (long i = 0; i < count; i++)
            {
                var started = clock.Elapsed;
                var (input, kinds) = mutator.Next();
                OadrMessage message;
                try
                {
                    if (random.Next(4) == 0)
                    {
                        OadrPayload.ReadDocument(Segments.Split(input, random), ref reused, context, XmlReaderOptions.Default);
                    }
                    else
                    {
                        OadrPayload.ReadDocument(input, ref reused, context, XmlReaderOptions.Default);
                    }

                    message = reused.OadrSignedObject.Message;
                    accepted++;
                    CompareWithFreshReader(input, kinds, reused, null);
                }
                catch (XmlReadException e)
                {
                    reused = null;
                    refused++;
                    CompareWithFreshReader(input, kinds, null, e);
                    continue;
                }
                catch (Exception e)
                {
                    reused = null;
                    findings.Add("reader", e, "OadrPayload.ReadDocument threw something other than XmlReadException.", input, kinds);
                    continue;
                }

                // The engine may keep what it is given, except polls (as the server does).
                if (message is not OadrPoll)
                {
                    reused = null;
                }

                if (await HandleAsync(engine.Vtn, message, random, answerBuffer, context, input, kinds, cancellationToken).ConfigureAwait(false))
                {
                    answered++;
                }

                if (++engineMessages >= EngineResetEvery)
                {
                    await engine.DisposeAsync().ConfigureAwait(false);
                    engine = await Engine.StartAsync(corpus, cancellationToken).ConfigureAwait(false);
                    engineMessages = 0;
                }

                var took = clock.Elapsed - started;
                if (took > slowest)
                {
                    slowest = took;
                }

                if ((i & 0x3FFF) == 0)
                {
                    peakManaged = Math.Max(peakManaged, GC.GetGCMemoryInfo().HeapSizeBytes);
                    if (clock.Elapsed >= nextProgress)
                    {
                        nextProgress += ProgressEvery;
                        log.WriteLine($"  {i:N0} inputs, {i / clock.Elapsed.TotalSeconds:N0}/s, {refused:N0} refused, {answered:N0} answered, {findings.Count} findings, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:N1} MB, RSS {Environment.WorkingSet / 1048576.0:N1} MB");
                    }
                }
            }
        }
        finally
        {
            await engine.DisposeAsync().ConfigureAwait(false);
        }

        peakManaged = Math.Max(peakManaged, GC.GetGCMemoryInfo().HeapSizeBytes);
        return new FuzzReport(count, refused, accepted, answered, clock.Elapsed, findings.Count, peakManaged, PeakMemory.RssBytes(), slowest);
    }

    /// <summary>
    /// Reads the input again with a reader that has remembered nothing (what this thread's reader learned from earlier
    /// inputs, its name memo and child sites, is held aside meanwhile): the outcome must be the same, the same model or
    /// the same error at the same offset.
    /// </summary>
    private void CompareWithFreshReader(byte[] input, string kinds, OadrPayload? read, XmlReadException? refused)
    {
        var learned = new Utf8XmlReader(ReadOnlySpan<byte>.Empty);
        try
        {
            OadrPayload? fresh = null;
            OadrPayload.ReadDocument(input, ref fresh, new XmlReadContext(), XmlReaderOptions.Default);
            if (read is null)
            {
                findings.Add("fresh reader", null, $"A reader that remembered earlier documents refused what a fresh one reads ({refused!.Message}).", input, kinds);
            }
            else if (!Written(fresh).AsSpan().SequenceEqual(Written(read)))
            {
                findings.Add("fresh reader", null, "A reader that remembered earlier documents read another model than a fresh one.", input, kinds);
            }
        }
        catch (XmlReadException e)
        {
            if (refused is null)
            {
                findings.Add("fresh reader", null, $"A reader that remembered earlier documents read what a fresh one refuses ({e.Message}).", input, kinds);
            }
            else if (e.Error != refused.Error || e.Offset != refused.Offset || e.Detail != refused.Detail)
            {
                findings.Add("fresh reader", null, $"Refused with \"{refused.Message}\" where a fresh reader says \"{e.Message}\".", input, kinds);
            }
        }
        finally
        {
            learned.Dispose();
        }
    }

    private static byte[] Written(OadrPayload payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            payload.WriteDocument(buffer);
        }
        catch (Exception e)
        {
            return System.Text.Encoding.UTF8.GetBytes(e.GetType().FullName!);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async ValueTask<bool> HandleAsync(OpenAdrVtn vtn, OadrMessage message, Random random, ArrayBufferWriter<byte> answerBuffer, XmlReadContext context, byte[] input, string kinds, CancellationToken cancellationToken)
    {
        var service = random.Next(100) switch
        {
            < 60 => ServiceOf(message),
            < 85 => null,
            _ => (OpenAdrService)random.Next(5),
        };
        var fingerprint = random.Next(10) switch { 0 => s_fingerprints[0], 1 => s_fingerprints[1], _ => null };
        OadrMessage? answer;
        try
        {
            answer = await vtn.HandleAsync(message, new VenRequestContext(service, fingerprint), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            findings.Add("engine", e, $"OpenAdrVtn.HandleAsync threw on {OadrMessageNames.Of(message)} (service {service?.ToString() ?? "none"}, fingerprint {fingerprint ?? "none"}).", input, kinds);
            return false;
        }

        if (answer is null)
        {
            if (message is not OadrResponse)
            {
                findings.Add("engine", null, $"No answer to {OadrMessageNames.Of(message)}: only a VEN's oadrResponse goes unanswered.", input, kinds);
            }

            return false;
        }

        answerBuffer.ResetWrittenCount();
        try
        {
            OadrPayload.Wrap(answer).WriteDocument(answerBuffer);
        }
        catch (Exception e)
        {
            findings.Add("answer writer", e, $"The answer {OadrMessageNames.Of(answer)} to {OadrMessageNames.Of(message)} could not be written.", input, kinds);
            return false;
        }

        try
        {
            OadrPayload.Read(answerBuffer.WrittenSpan, context);
        }
        catch (Exception e)
        {
            findings.Add("answer reader", e, $"The answer {OadrMessageNames.Of(answer)} to {OadrMessageNames.Of(message)} does not read back.", input, kinds);
            return false;
        }

        return true;
    }

    private static OpenAdrService? ServiceOf(OadrMessage message) => message switch
    {
        OadrPoll => OpenAdrService.OadrPoll,
        OadrCreatedEvent or OadrRequestEvent or OadrDistributeEvent => OpenAdrService.EiEvent,
        OadrCreateOpt or OadrCancelOpt or OadrCreatedOpt or OadrCanceledOpt => OpenAdrService.EiOpt,
        OadrQueryRegistration or OadrCreatePartyRegistration or OadrCancelPartyRegistration or OadrCanceledPartyRegistration
            or OadrCreatedPartyRegistration or OadrRequestReregistration => OpenAdrService.EiRegisterParty,
        _ => OpenAdrService.EiReport,
    };

    /// <summary>
    /// A VTN over a fresh SQLite file (on tmpfs when there is one, so that its fsyncs cost little), admitting every
    /// VEN as the binary's open admission does and requesting every report offered; the seeds' venIDs registered and
    /// given the seeds' events, so that mutants of real messages find a VEN and its events.
    /// </summary>
    private sealed class Engine : IAsyncDisposable
    {
        private readonly string _directory;

        private Engine(string directory, OpenAdrVtn vtn)
        {
            _directory = directory;
            Vtn = vtn;
        }

        public OpenAdrVtn Vtn { get; }

        public static async Task<Engine> StartAsync(SeedCorpus corpus, CancellationToken cancellationToken)
        {
            var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
            var directory = Path.Combine(root, "openadr-edge-fuzz", Guid.NewGuid().ToString("N"));
            var store = await SqliteVtnStore.OpenAsync(Path.Combine(directory, "vtn.db"), cancellationToken: cancellationToken).ConfigureAwait(false);
            var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "fuzz-vtn" }, store, cancellationToken: cancellationToken).ConfigureAwait(false);
            var registrations = 0;
            vtn.OnCreatePartyRegistration = info =>
            {
                registrations++;
                return ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration(info.VenId ?? "ven-" + registrations, "reg-" + registrations));
            };
            vtn.OnRegisterReport = offer => ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(static _ => ValueTask.CompletedTask, offer.MinSamplingInterval));

            var events = new System.Collections.Generic.List<OadrEvent>();
            foreach (var seed in corpus.Seeds)
            {
                try
                {
                    if (OadrPayload.Read(seed.Bytes).OadrSignedObject.Message is OadrDistributeEvent distribution)
                    {
                        events.AddRange(distribution.OadrEvents.Where(e => !events.Exists(known => known.EiEvent.EventDescriptor.EventId == e.EiEvent.EventDescriptor.EventId)));
                    }
                }
                catch (XmlReadException)
                {
                }
            }

            foreach (var venId in corpus.VenIds)
            {
                await vtn.HandleAsync(
                    new OadrCreatePartyRegistration
                    {
                        RequestId = "fuzz",
                        VenId = venId,
                        OadrVenName = venId,
                        OadrProfileName = OadrProfileName.Oadr20b,
                        OadrTransportName = OadrTransportName.SimpleHttp,
                        OadrHttpPullModel = true,
                    },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var oadrEvent in events)
                {
                    await vtn.AddRawEventAsync(venId, oadrEvent, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                await vtn.AddEventAsync(
                    venId, "SIMPLE", SignalType.Level,
                    [new EventInterval(DateTime.UtcNow.Date.AddDays(1), TimeSpan.FromMinutes(10), 1)],
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return new Engine(directory, vtn);
        }

        public async ValueTask DisposeAsync()
        {
            await Vtn.DisposeAsync().ConfigureAwait(false);
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>A buffer as the request pipe hands it over: in several segments, cut at random places.</summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Split(byte[] bytes, Random random)
    {
        if (bytes.Length < 2)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        var first = new Segment(bytes.AsMemory(0, 1 + random.Next(bytes.Length - 1)), 0);
        var last = first;
        var offset = first.Memory.Length;
        while (offset < bytes.Length)
        {
            var length = Math.Min(bytes.Length - offset, 1 + random.Next(random.Next(2) == 0 ? 16 : 4096));
            last = last.Append(bytes.AsMemory(offset, length));
            offset += length;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}

/// <summary>The process's peak resident set (VmHWM), or the current one where /proc is not there.</summary>
public static class PeakMemory
{
    public static long RssBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var kilobytes))
                {
                    return kilobytes * 1024;
                }
            }
        }

        return Environment.WorkingSet;
    }
}
