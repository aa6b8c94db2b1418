using System.Buffers;
using System.Collections.Concurrent;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Xml.Serialization;

namespace OpenAdr.Edge.Server.Transport;

/// <summary>
/// What one request needs to read and answer without allocating: the parsed-payload tree (reused for polls only:
/// the engine may keep other messages it receives), the string pool, and the buffer the answer is written to.
/// </summary>
internal sealed class RequestBuffers
{
    private const int MaxKeptBufferBytes = 256 * 1024;
    private static readonly ConcurrentQueue<RequestBuffers> s_pool = new();

    public OadrPayload? Request;

    public readonly OadrPayload Answer = new() { OadrSignedObject = new OadrSignedObject { Id = OadrPayload.SignedObjectId } };

    /// <summary>One string pool for every request: it is thread-safe, and one per request would hold the same venIDs many times over.</summary>
    public static readonly XmlReadContext ReadContext = new();

    public ArrayBufferWriter<byte> Output { get; private set; } = new(4096);

    public static RequestBuffers Rent() => s_pool.TryDequeue(out var buffers) ? buffers : new RequestBuffers();

    public static void Return(RequestBuffers buffers)
    {
        if (buffers.Request?.OadrSignedObject.Message is not OadrPoll)
        {
            buffers.Request = null;
        }

        buffers.Answer.OadrSignedObject.Message = null!;
        if (buffers.Output.Capacity > MaxKeptBufferBytes)
        {
            buffers.Output = new ArrayBufferWriter<byte>(4096);
        }
        else
        {
            buffers.Output.ResetWrittenCount();
        }

        s_pool.Enqueue(buffers);
    }
}
