using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime;
using OpenAdr.Edge.Benchmarks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Xml;
using OpenAdr.Edge.Xml.Serialization;

// read-loop [seconds per round] [payload names...]: ns per read of each sample payload, best of three rounds after a
// warm-up round, reusing the previous payload as ReadBenchmarks and the server do.
// read-loop --reads N payload: exactly N reads of one payload, for counting instructions (benchmarks/instructions.sh).
if (args is ["--reads", var count, var only])
{
    var document = SamplePayloads.Bytes(only);
    var readContext = new XmlReadContext();
    OadrPayload? read = null;
    for (var i = 0; i < int.Parse(count, CultureInfo.InvariantCulture); i++)
    {
        OadrPayload.ReadDocument(document, ref read, readContext, XmlReaderOptions.Default);
    }

    return;
}

var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
var names = args.Length > 1 ? args.Skip(1).ToArray() : SamplePayloads.Names.ToArray();
var context = new XmlReadContext();
Console.WriteLine($"{(JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "NativeAOT")}, {seconds} s rounds");
foreach (var name in names)
{
    var xml = SamplePayloads.Bytes(name);
    OadrPayload? payload = null;
    var best = double.MaxValue;
    for (var round = 0; round < 4; round++)
    {
        var clock = Stopwatch.StartNew();
        long reads = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 100; i++)
            {
                OadrPayload.ReadDocument(xml, ref payload, context, XmlReaderOptions.Default);
            }

            reads += 100;
        }

        if (round > 0)
        {
            best = Math.Min(best, clock.Elapsed.TotalNanoseconds / reads);
        }
    }

    Console.WriteLine($"{name,-26} {xml.Length,7} bytes {best,10:N0} ns");
}

