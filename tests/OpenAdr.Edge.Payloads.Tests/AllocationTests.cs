using System;
using System.Buffers;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Xml;
using OpenAdr.Edge.Xml.Serialization;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTestsCollection;

/// <summary>
/// The steady state of a poll: read the VEN's oadrPoll into the payload read last time, answer with an oadrResponse
/// written into the buffer used last time. After warm-up a thousand polls must not allocate a byte (the least of
/// several runs: <see cref="ThreadAllocation"/>).
/// </summary>
[Collection(nameof(AllocationTests))]
public class AllocationTests
{
    private const int WarmUp = 200;
    private const int Iterations = 1_000;
    private const int Runs = 5;

    private static readonly byte[] s_poll = Documents.Write(new OadrPayload
    {
        OadrSignedObject = new OadrSignedObject { Id = "oadrSignedObject", Message = new OadrPoll { VenId = Samples.VenId } },
    });

    [Theory]
    [InlineData("written by us", true)]
    [InlineData("written by us", false)]
    [InlineData("009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml", true)]
    [InlineData("009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml", false)]
    public void Reading_a_poll_into_a_reused_payload_and_writing_the_response_allocates_nothing(string poll, bool readOnly)
    {
        AssertNoAllocation(poll == "written by us" ? s_poll : Interop.Bytes(poll), readOnly);
    }

    [Fact]
    public void The_measurement_sees_an_allocation_when_there_is_one()
    {
        var context = new XmlReadContext();
        OadrPayload? reused = null;
        var before = GC.GetAllocatedBytesForCurrentThread();
        OadrPayload.ReadDocument(s_poll, ref reused, context, XmlReaderOptions.Default);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 0, "the first read creates the payload");
    }

    private static void AssertNoAllocation(byte[] poll, bool readOnly)
    {
        var context = new XmlReadContext();
        var output = new ArrayBufferWriter<byte>(4096);
        var response = new OadrPayload
        {
            OadrSignedObject = new OadrSignedObject
            {
                Id = "oadrSignedObject",
                Message = new OadrResponse { EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = "" }, VenId = Samples.VenId },
            },
        };
        OadrPayload? reused = null;
        OadrPayload.ReadDocument(poll, ref reused, context, XmlReaderOptions.Default);
        var venId = ((OadrPoll)reused.OadrSignedObject.Message).VenId;

        for (var i = 0; i < WarmUp; i++)
        {
            Once(poll, ref reused, context, output, response, readOnly);
        }

        var allocated = ThreadAllocation.LeastOf(Runs, () =>
        {
            for (var i = 0; i < Iterations; i++)
            {
                Once(poll, ref reused, context, output, response, readOnly);
            }
        });

        Assert.Equal(0, allocated);
        Assert.NotNull(reused);
        Assert.Same(venId, ((OadrPoll)reused.OadrSignedObject.Message).VenId);
        if (!readOnly)
        {
            Assert.Equal(Samples.VenId, ((OadrResponse)OadrPayload.Read(output.WrittenSpan).OadrSignedObject.Message).VenId);
        }
    }

    private static void Once(byte[] poll, ref OadrPayload? reused, XmlReadContext context, ArrayBufferWriter<byte> output, OadrPayload response, bool readOnly)
    {
        OadrPayload.ReadDocument(poll, ref reused, context, XmlReaderOptions.Default);
        if (readOnly)
        {
            return;
        }

        output.ResetWrittenCount();
        response.WriteDocument(output);
    }
}
