using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OpenAdr.Edge.Benchmarks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Payloads.Tests;

namespace OpenAdr.Edge.Fuzz;

/// <summary>
/// What the mutations start from: every file under ../shared/interop/openleadr (OpenLEADR's wire messages, in both
/// directions, the signed examples, and the index files), the payload tests' fully populated samples of all 23
/// payloads, and the benchmarks' payloads. Also the dictionary of texts and attribute values found in them, which
/// mutations put where they do not belong.
/// </summary>
public sealed class SeedCorpus
{
    private SeedCorpus(IReadOnlyList<Seed> seeds)
    {
        Seeds = seeds;
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            foreach (var text in XmlShape.Texts(seed.Bytes))
            {
                if (text.Length is > 0 and <= 200)
                {
                    texts.Add(text);
                }
            }
        }

        Dictionary = texts.Order(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes).ToArray();
        VenIds = seeds.SelectMany(seed => XmlShape.ElementTexts(seed.Bytes, "venID")).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<Seed> Seeds { get; }

    /// <summary>Every text node and attribute value of the seeds, in a fixed order.</summary>
    public IReadOnlyList<byte[]> Dictionary { get; }

    /// <summary>The venIDs the seeds carry: the engine registers them before each run, so that mutants reach past identification.</summary>
    public IReadOnlyList<string> VenIds { get; }

    /// <summary>The folder of OpenLEADR's messages beside a repository: <c>../shared/interop/openleadr</c>.</summary>
    public static string DefaultInteropFolder(string repositoryRoot) =>
        Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "interop", "openleadr"));

    /// <summary>The repository root above <paramref name="start"/> (the folder holding OpenAdr.Edge.sln), or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OpenAdr.Edge.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }

    /// <exception cref="DirectoryNotFoundException">The interop folder is absent: there is nothing to fuzz from.</exception>
    public static SeedCorpus Load(string interopFolder)
    {
        if (!Directory.Exists(interopFolder))
        {
            throw new DirectoryNotFoundException(
                $"The seed folder {interopFolder} is absent: the fuzzer starts from OpenLEADR's wire messages in ../shared/interop/openleadr beside the repository (or give --seeds <folder>).");
        }

        var seeds = Directory.EnumerateFiles(interopFolder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new Seed(Path.GetRelativePath(interopFolder, path).Replace('\\', '/'), File.ReadAllBytes(path)))
            .ToList();
        if (!seeds.Any(seed => seed.Name.EndsWith(".xml", StringComparison.Ordinal)))
        {
            throw new DirectoryNotFoundException($"The seed folder {interopFolder} holds no .xml message.");
        }

        foreach (var name in Samples.MessageNames)
        {
            seeds.Add(new Seed("sample:" + name, OadrPayload.WriteToArray(Samples.Create(name).OadrSignedObject.Message)));
            var bytes = new System.Buffers.ArrayBufferWriter<byte>();
            Samples.Create(name).WriteDocument(bytes);
            seeds.Add(new Seed("sample-enveloped:" + name, bytes.WrittenSpan.ToArray()));
        }

        foreach (var name in SamplePayloads.Names)
        {
            seeds.Add(new Seed("benchmark:" + name, SamplePayloads.Bytes(name)));
        }

        return new SeedCorpus(seeds);
    }
}

/// <summary>One seed document, named by where it came from.</summary>
public sealed record Seed(string Name, byte[] Bytes);
