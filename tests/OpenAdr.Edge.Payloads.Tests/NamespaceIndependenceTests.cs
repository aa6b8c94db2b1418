using System;
using System.Linq;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

public class NamespaceIndependenceTests
{
    /// <summary>Unsigned documents only: a signature is kept as raw bytes, and rewriting its prefixes changes those bytes.</summary>
    private static readonly string[] s_interopFiles =
    [
        "001_2_VTN-to-VEN_EiRegisterParty_oadrCreatedPartyRegistration.xml",
        "002_1_VEN-to-VTN_EiRegisterParty_oadrCreatePartyRegistration.xml",
        "003_1_VEN-to-VTN_EiReport_oadrRegisterReport.xml",
        "005_1_VEN-to-VTN_EiReport_oadrUpdateReport.xml",
        "008_1_VEN-to-VTN_EiEvent_oadrRequestEvent.xml",
        "012_2_VTN-to-VEN_OadrPoll_oadrDistributeEvent.xml",
        "013_1_VEN-to-VTN_EiEvent_oadrCreatedEvent.xml",
        "variant-stock-client/003_2_VTN-to-VEN_EiReport_oadrRegisteredReport.xml",
    ];

    private static readonly string[] s_samples = ["oadrDistributeEvent", "oadrCreateOpt", "oadrCreateReport", "oadrCreatedPartyRegistration"];

    public static TheoryData<string, string> Documents
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var source in s_interopFiles.Concat(s_samples.Select(s => "sample:" + s)))
            {
                foreach (var rewrite in Rewrites.ByName.Keys)
                {
                    data.Add(source, rewrite);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Rewritten_document_reads_to_the_same_model(string source, string rewrite)
    {
        var xml = source.StartsWith("sample:", StringComparison.Ordinal)
            ? Payloads.Tests.Documents.Write(Samples.Create(source["sample:".Length..]))
            : Interop.Bytes(source);
        var original = Payloads.Tests.Documents.Read(xml);

        var rewritten = Rewrites.ByName[rewrite](xml);

        Assert.False(rewritten.AsSpan().SequenceEqual(xml), "the rewrite changed nothing");
        OadrSchema.AssertValid(rewritten);
        ModelAssert.DeepEqual(original, Payloads.Tests.Documents.Read(rewritten));
    }
}
