using System;
using System.Collections.Generic;
using System.Linq;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>
/// The schema as the oracle: small changes to real and sample documents (see <see cref="Mutator"/>) are validated with
/// oadr_20b.xsd and read with OadrPayload.Read. Whatever the schema refuses, the reader must refuse with an
/// XmlReadException; whatever it accepts, the reader must accept, except for the few reasoned cases of the allow-list.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    /// <summary>Documents the schema accepts and the reader refuses on purpose. Keep it short; say why.</summary>
    private static readonly (string Reason, Func<Mutant, XmlReadException, bool> Applies)[] s_allowList =
    [
        (
            "xcal:DurationValueType is a loose pattern over xs:string in which the T designator is optional, so P5M, P2S and "
            + "P1H30M pass it. The reader reads durations as xs:duration, where P5M means five months (a length no TimeSpan "
            + "has, refused by XmlDuration) and P2S or P1H are malformed; no OpenADR party writes durations without T.",
            (mutant, refused) => mutant.Kind == "duration without T" && refused.Error == XmlError.InvalidValue
        ),
    ];

    public static TheoryData<string> Sources =>
        new(Interop.Files().Concat(Samples.MessageNames.Select(name => "sample:" + name)));

    [Theory]
    [MemberData(nameof(Sources))]
    public void Reader_refuses_what_the_schema_refuses_and_accepts_what_it_accepts(string source)
    {
        var xml = source.StartsWith("sample:", StringComparison.Ordinal)
            ? Documents.Write(Samples.Create(source["sample:".Length..]))
            : Interop.Bytes(source);
        OadrSchema.AssertValid(xml);
        var originalModel = Documents.Read(xml);

        var tried = 0;
        var refusedBySchema = 0;
        var allowed = 0;
        var schemaRefusesWeAccept = new List<string>();
        var schemaAcceptsWeRefuse = new List<string>();
        var otherExceptions = new List<string>();
        var reuseDifferences = new List<string>();
        foreach (var mutant in Mutator.Mutate(xml))
        {
            tried++;
            var schema = OadrSchema.Validate(mutant.Xml);
            XmlReadException? refused = null;
            try
            {
                var mutantModel = OadrPayload.Read(mutant.Xml);
                if (schema.Count == 0 && ReuseDifference(xml, originalModel, mutant.Xml, mutantModel) is { } difference)
                {
                    reuseDifferences.Add($"{mutant.Kind} at {mutant.Where}: {difference}");
                }
            }
            catch (XmlReadException e)
            {
                refused = e;
            }
            catch (Exception e)
            {
                otherExceptions.Add($"{mutant.Kind} at {mutant.Where}: {e}");
                continue;
            }

            if (schema.Count > 0)
            {
                refusedBySchema++;
                if (refused is null)
                {
                    schemaRefusesWeAccept.Add($"{mutant.Kind} at {mutant.Where}: the schema says {schema[0]}");
                }
            }
            else if (refused is not null)
            {
                if (s_allowList.Any(a => a.Applies(mutant, refused)))
                {
                    allowed++;
                }
                else
                {
                    schemaAcceptsWeRefuse.Add($"{mutant.Kind} at {mutant.Where}: we say {refused.Message}");
                }
            }
        }

        output.WriteLine($"MUTANTS {source}\ttried {tried}\tschema refused {refusedBySchema}\tschema accepted {tried - refusedBySchema}"
            + $"\tschema refuses, we accept {schemaRefusesWeAccept.Count}\tschema accepts, we refuse {schemaAcceptsWeRefuse.Count}\tallow-listed {allowed}");
        Assert.True(otherExceptions.Count == 0, "Exceptions other than XmlReadException:\n" + string.Join("\n", otherExceptions));
        Assert.True(reuseDifferences.Count == 0, "Reading into an instance that held the other document gives another model:\n" + string.Join("\n", reuseDifferences));
        Assert.True(
            schemaRefusesWeAccept.Count == 0 && schemaAcceptsWeRefuse.Count == 0,
            $"{tried} mutants of {source}.\nThe schema refuses, the reader accepts ({schemaRefusesWeAccept.Count}):\n  {string.Join("\n  ", schemaRefusesWeAccept)}"
            + $"\nThe schema accepts, the reader refuses ({schemaAcceptsWeRefuse.Count}):\n  {string.Join("\n  ", schemaAcceptsWeRefuse)}");
        Assert.InRange(refusedBySchema, 1, tried - 1);
    }

    /// <summary>Reads each document into an instance that last held the other: nothing of the earlier one may remain.</summary>
    private static string? ReuseDifference(byte[] original, OadrPayload originalModel, byte[] mutant, OadrPayload mutantModel)
    {
        var reused = OadrPayload.Read(original);
        OadrPayload.ReadDocument(mutant, ref reused, null, XmlReaderOptions.Default);
        if (ModelAssert.FindDifference(mutantModel, reused) is { } intoOriginal)
        {
            return "mutant read over the original: " + intoOriginal;
        }

        OadrPayload.ReadDocument(original, ref reused, null, XmlReaderOptions.Default);
        return ModelAssert.FindDifference(originalModel, reused) is { } back ? "original read over the mutant: " + back : null;
    }
}
