using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>
/// Generated readers read a child in one comparison when the document repeats, byte for byte and in the same namespace
/// scope, the tags this thread read at that place before (Utf8XmlReader's child sites). What a thread read before must
/// never change the outcome: a document reads to the same model, or is refused with the same error at the same offset,
/// as on a thread that has read nothing.
/// </summary>
public class RepeatedTagTests
{
    private const string EnergyInterop = "http://docs.oasis-open.org/ns/energyinterop/201110";

    public static TheoryData<string> Sources =>
        new(Interop.Files().Concat(Samples.MessageNames.Select(name => "sample:" + name)));

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_mutant_reads_the_same_after_its_original_as_on_a_fresh_thread(string source)
    {
        var xml = Source(source);
        var differences = new List<string>();
        var tried = 0;
        foreach (var mutant in Mutator.Mutate(xml))
        {
            tried++;
            Learn(xml);
            var learned = Outcome.Of(mutant.Xml, XmlReaderOptions.Default);
            var fresh = OnFreshThread(() => Outcome.Of(mutant.Xml, XmlReaderOptions.Default));
            if (learned.DifferenceFrom(fresh) is { } difference)
            {
                differences.Add($"{mutant.Kind} at {mutant.Where}: {difference}");
            }
        }

        Assert.True(tried > 0);
        Assert.True(differences.Count == 0, $"{differences.Count} of {tried} mutants of {source}:\n  " + string.Join("\n  ", differences));
    }

    [Theory]
    [MemberData(nameof(NamespaceRewrites))]
    public void A_rewritten_document_reads_the_same_after_the_original_and_the_original_after_it(string rewrite)
    {
        var xml = Source("sample:oadrDistributeEvent");
        var rewritten = Rewrites.ByName[rewrite](xml);

        Learn(xml);
        AssertSameAsFresh(rewritten, XmlReaderOptions.Default);
        AssertSameAsFresh(rewritten, XmlReaderOptions.Default);
        AssertSameAsFresh(xml, XmlReaderOptions.Default);
    }

    public static TheoryData<string> NamespaceRewrites => new(Rewrites.ByName.Keys);

    [Fact]
    public void A_prefix_bound_on_the_root_to_another_namespace_is_not_read_as_the_namespace_learned()
    {
        var xml = Source("sample:oadrDistributeEvent");
        var other = Replace(xml, $"xmlns:ei=\"{EnergyInterop}\"", "xmlns:ei=\"urn:example:not-energyinterop\"");

        Learn(xml);
        Assert.NotNull(AssertSameAsFresh(other, XmlReaderOptions.Default).Refused);
    }

    [Fact]
    public void A_prefix_rebound_on_an_inner_element_is_not_read_as_the_namespace_learned()
    {
        var xml = Source("sample:oadrDistributeEvent");
        var rebound = Replace(xml, "<oadr:oadrEvent>", "<oadr:oadrEvent xmlns:ei=\"urn:example:not-energyinterop\">");
        var redeclared = Replace(xml, "<oadr:oadrEvent>", $"<oadr:oadrEvent xmlns:ei=\"{EnergyInterop}\">");

        Learn(xml);
        Assert.Equal(XmlError.UnexpectedElement, Assert.Throws<XmlReadException>(() => OadrPayload.Read(rebound)).Error);
        AssertSameAsFresh(rebound, XmlReaderOptions.Default);
        ModelAssert.DeepEqual(Read(xml), Read(redeclared));
        AssertSameAsFresh(redeclared, XmlReaderOptions.Default);
        AssertSameAsFresh(xml, XmlReaderOptions.Default);
    }

    // Each limit is set so that the first tag over it is one a child site would read: a text child (depth 7 and 8, a
    // name of 25 bytes, a text of 200), or a child with content (depth 4 in oadrCreatedEvent, a name of 26 bytes in
    // oadrRegisterReport).
    [Theory]
    [InlineData("oadrDistributeEvent", "depth", 7)]
    [InlineData("oadrDistributeEvent", "depth", 8)]
    [InlineData("oadrCreatedEvent", "depth", 4)]
    [InlineData("oadrDistributeEvent", "name", 24)]
    [InlineData("oadrRegisterReport", "name", 25)]
    [InlineData("oadrDistributeEvent", "text", 120)]
    public void Tighter_limits_apply_to_tags_learned_under_looser_ones(string sample, string limit, int value)
    {
        var xml = Source("sample:" + sample);
        var document = limit == "text"
            ? Replace(xml, "<ei:signalID>sig-price-1</ei:signalID>", $"<ei:signalID>{new string('s', 200)}</ei:signalID>")
            : xml;
        var options = limit switch
        {
            "depth" => XmlReaderOptions.Default with { MaxDepth = value },
            "name" => XmlReaderOptions.Default with { MaxNameLength = value },
            _ => XmlReaderOptions.Default with { MaxTextLength = value },
        };

        Learn(xml);
        var refused = AssertSameAsFresh(document, options).Refused;
        Assert.NotNull(refused);
        Assert.Equal(limit switch { "depth" => XmlError.DepthLimitExceeded, "name" => XmlError.NameLengthLimitExceeded, _ => XmlError.TextLengthLimitExceeded }, refused.Error);
    }

    [Theory]
    [InlineData("<ei:signalID>sig-simple-1</ei:signalID>", "<ei:signalID>sig&#45;simple-1</ei:signalID>", true)]
    [InlineData("<ei:signalID>sig-simple-1</ei:signalID>", "<ei:signalID>sig-<![CDATA[simple]]>-1</ei:signalID>", true)]
    [InlineData("<ei:signalID>sig-simple-1</ei:signalID>", "<ei:signalID>sig-<!-- c -->simple-1</ei:signalID>", true)]
    [InlineData("<ei:signalID>sig-simple-1</ei:signalID>", "<ei:signalID>sig-simple-1</ei:signalID >", true)]
    [InlineData("<xcal:uid><xcal:text>", "<xcal:uid> <xcal:text>", true)]
    [InlineData("<ei:signalID>sig-simple-1</ei:signalID>", "<ei:signalID>sig-simple-1</ei:signalName>", false)]
    [InlineData("<ei:signalID>sig-simple-1</ei:signalID>", "<ei:signalID>sig-\u0001simple-1</ei:signalID>", false)]
    [InlineData("<ei:signalID>sig-simple-1</ei:signalID>", "<ei:signalID>sig-simple-1", false)]
    public void A_change_inside_learned_tags_reads_as_on_a_fresh_thread(string learned, string changed, bool readable)
    {
        var xml = Source("sample:oadrDistributeEvent");
        var document = Replace(xml, learned, changed);

        var original = Learn(xml);
        var outcome = AssertSameAsFresh(document, XmlReaderOptions.Default);
        Assert.Equal(readable, outcome.Refused is null);
        if (readable)
        {
            ModelAssert.DeepEqual(original, outcome.Model);
        }
    }

    [Fact]
    public void An_empty_element_where_one_with_content_was_learned_reads_as_on_a_fresh_thread()
    {
        var xml = Source("sample:oadrDistributeEvent");
        var text = Encoding.UTF8.GetString(xml);
        var target = text.IndexOf("<ei:eiTarget>", StringComparison.Ordinal);
        var targetEnd = text.IndexOf("</ei:eiTarget>", target, StringComparison.Ordinal) + "</ei:eiTarget>".Length;
        var empty = Encoding.UTF8.GetBytes(text[..target] + "<ei:eiTarget/>" + text[targetEnd..]);

        Learn(xml);
        Assert.Null(AssertSameAsFresh(empty, XmlReaderOptions.Default).Refused);
    }

    [Fact]
    public void An_empty_element_does_not_take_the_learned_children_that_follow_it()
    {
        var xml = Source("sample:oadrDistributeEvent");
        var text = Encoding.UTF8.GetString(xml);
        var followed = System.Text.RegularExpressions.Regex.Replace(
            text, "<ei:eiTarget><ei:venID>([^<]*)</ei:venID></ei:eiTarget>", "<ei:eiTarget/><ei:venID>$1</ei:venID>");
        Assert.NotEqual(text, followed);

        Learn(xml);
        var refused = AssertSameAsFresh(Encoding.UTF8.GetBytes(followed), XmlReaderOptions.Default).Refused;
        Assert.Equal(XmlError.UnexpectedElement, refused?.Error);
    }

    [Fact]
    public void Text_read_through_learned_tags_is_the_text_of_the_document()
    {
        var xml = Source("sample:oadrDistributeEvent");
        var renamed = Replace(xml, "<ei:signalName>SIMPLE</ei:signalName>", "<ei:signalName>LOAD_CONTROL</ei:signalName>");

        Learn(xml);
        var payload = Read(renamed);
        var signal = ((OadrDistributeEvent)payload.OadrSignedObject.Message).OadrEvents[0].EiEvent.EiEventSignals.Signals[0];
        Assert.Equal("LOAD_CONTROL", signal.SignalName);
    }

    private static Outcome AssertSameAsFresh(byte[] xml, XmlReaderOptions options)
    {
        var learned = Outcome.Of(xml, options);
        var fresh = OnFreshThread(() => Outcome.Of(xml, options));
        Assert.True(learned.DifferenceFrom(fresh) is null, learned.DifferenceFrom(fresh));
        return learned;
    }

    private static byte[] Source(string source) => source.StartsWith("sample:", StringComparison.Ordinal)
        ? Documents.Write(Samples.Create(source["sample:".Length..]))
        : Interop.Bytes(source);

    private static OadrPayload Read(byte[] xml) => Documents.Read(xml);

    /// <summary>Reads a document twice on this thread: the second read finds the root's scope of the first and keeps every site.</summary>
    private static OadrPayload Learn(byte[] xml)
    {
        Read(xml);
        return Read(xml);
    }

    private static byte[] Replace(byte[] xml, string from, string to)
    {
        var text = Encoding.UTF8.GetString(xml);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Runs <paramref name="read"/> on a new thread, whose reader has remembered no tags.</summary>
    private static T OnFreshThread<T>(Func<T> read)
    {
        T result = default!;
        var thread = new Thread(() => result = read());
        thread.Start();
        thread.Join();
        return result;
    }

    private sealed record Outcome(OadrPayload? Model, XmlReadException? Refused)
    {
        public static Outcome Of(byte[] xml, XmlReaderOptions options)
        {
            try
            {
                OadrPayload? payload = null;
                OadrPayload.ReadDocument(xml, ref payload, null, options);
                return new Outcome(payload, null);
            }
            catch (XmlReadException e)
            {
                return new Outcome(null, e);
            }
        }

        public string? DifferenceFrom(Outcome fresh) => (Refused, fresh.Refused) switch
        {
            (null, null) => ModelAssert.FindDifference(fresh.Model, Model) is { } difference ? "the models differ: " + difference : null,
            ({ } refused, null) => $"refused ({refused.Message}) where a fresh thread reads it",
            (null, { } refusedFresh) => $"read where a fresh thread refuses it ({refusedFresh.Message})",
            ({ } refused, { } refusedFresh) => refused.Error == refusedFresh.Error && refused.Offset == refusedFresh.Offset && refused.Detail == refusedFresh.Detail
                ? null
                : $"refused with {refused.Message} where a fresh thread says {refusedFresh.Message}",
        };
    }
}
