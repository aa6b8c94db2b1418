using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Payloads.Signatures;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Xml;

namespace OpenAdr.Edge.Server.Transport;

/// <summary>
/// One OpenADR request over HTTP (spec §9.1): POST only, XML in, XML out with a Content-Length (never chunked),
/// every OpenADR outcome as HTTP 200, transport problems as the status codes the spec names, each with one log line.
/// </summary>
internal sealed partial class OpenAdrRequestHandler(OpenAdrVtn vtn, OpenAdrTransportOptions options, ILogger<OpenAdrRequestHandler> logger, Observability.EdgeMetrics? metrics = null)
{
    private const string XmlContentType = "application/xml; charset=utf-8";
    private readonly XmlSignatureVerifier _verifier = new(new ReplayGuard(options.SignatureReplayWindow));
    private readonly XmlSignatureSigner? _signer = options.SigningCertificate is { } certificate ? new XmlSignatureSigner(certificate) : null;

    /// <summary>Under overload one line says so this often at most, with the count, rather than one line per refusal.</summary>
    private static readonly TimeSpan s_overloadLogInterval = TimeSpan.FromSeconds(10);

    private int _inFlight;
    private long _refusedSinceLogged;
    private long _overloadLoggedAt;

    /// <summary>
    /// The request delegate. Not an async method itself: the common poll completes synchronously and costs no task,
    /// and when it must wait, the state machine comes from a pool.
    /// </summary>
    public Task HandleAsync(HttpContext context)
    {
        var service = ServiceOf(context.Request.RouteValues["service"] as string);
        if (service is null)
        {
            Log.UnknownService(logger, context.Request.Path);
            return PlainAsync(context, StatusCodes.Status404NotFound, "Unknown OpenADR service.");
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            Log.NotPost(logger, context.Request.Method, context.Request.Path);
            return PlainAsync(context, StatusCodes.Status501NotImplemented, "OpenADR services take POST only.");
        }

        if (!IsXml(context.Request.ContentType))
        {
            Log.NotXml(logger, context.Request.ContentType ?? "(none)");
            return PlainAsync(context, StatusCodes.Status406NotAcceptable, "Content-Type must be application/xml (UTF-8).");
        }

        if (Interlocked.Increment(ref _inFlight) > options.MaxConcurrentRequests)
        {
            Interlocked.Decrement(ref _inFlight);
            LogOverloaded();
            context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "Overloaded; retry later.");
        }

        var handled = HandleBodyAsync(context, service.Value);
        return handled.IsCompletedSuccessfully ? Task.CompletedTask : handled.AsTask();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask HandleBodyAsync(HttpContext context, OpenAdrService service)
    {
        var buffers = RequestBuffers.Rent();
        try
        {
            await HandleBodyAsync(context, service, buffers).ConfigureAwait(false);
        }
        finally
        {
            RequestBuffers.Return(buffers);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask HandleBodyAsync(HttpContext context, OpenAdrService service, RequestBuffers buffers)
    {
        var body = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            try
            {
                read = await body.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e)
            {
                // Kestrel's own refusals of the body (broken chunks, a body shorter than its Content-Length, one
                // trickled below the minimum data rate): the client's fault, answered with Kestrel's status, not a 500.
                Log.BadBody(logger, e.StatusCode, e.Message);
                metrics?.Refused(e.StatusCode);
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = e.StatusCode;
                    context.Response.ContentLength = 0;
                }

                return;
            }
            catch (IOException e)
            {
                // The client went away while sending its body (a reset), or sent chunks Kestrel cannot size.
                Log.ClientGone(logger, e.Message);
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    context.Response.ContentLength = 0;
                }

                return;
            }

            if (read.Buffer.Length > options.MaxRequestBodyBytes)
            {
                body.AdvanceTo(read.Buffer.End);
                Log.TooLarge(logger, options.MaxRequestBodyBytes);
                await PlainAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.").ConfigureAwait(false);
                return;
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }

            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        OadrMessage message;
        try
        {
            OadrPayload.ReadDocument(read.Buffer, ref buffers.Request, RequestBuffers.ReadContext, XmlReaderOptions.Default);
            message = buffers.Request.OadrSignedObject.Message;
        }
        catch (XmlReadException e)
        {
            buffers.Request = null;
            body.AdvanceTo(read.Buffer.End);
            Log.InvalidPayload(logger, e.Message);
            await PlainAsync(context, StatusCodes.Status406NotAcceptable, "The payload is not a valid OpenADR 2.0b message: " + e.Message).ConfigureAwait(false);
            return;
        }

        var signature = default(XmlSignatureCheck);
        if (buffers.Request.Signature is not null)
        {
            signature = VerifySignature(read.Buffer);
            if (signature.Status is SignatureStatus.DigestMismatch or SignatureStatus.SignatureMismatch)
            {
                body.AdvanceTo(read.Buffer.End);
                Log.InvalidSignature(logger, signature.Status);
                await PlainAsync(context, StatusCodes.Status403Forbidden, "Invalid Signature").ConfigureAwait(false);
                return;
            }
        }

        body.AdvanceTo(read.Buffer.End);
        OadrMessage? answer;
        try
        {
            answer = await vtn.HandleAsync(message, new VenRequestContext(service, ClientFingerprints.Of(context), signature), context.RequestAborted).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e)
        {
            // Nothing was stored: the VEN sends it again later (the store logs when writing stops and when it resumes).
            context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, $"The VTN cannot store data now ({e.Describe()}); retry later.").ConfigureAwait(false);
            return;
        }

        metrics?.Answered(OadrMessageNames.Of(message), answer is null ? "" : OadrMessageNames.Of(answer), answer is null ? "" : MessageNames.CodeOf(answer));
        if (answer is null)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return;
        }

        buffers.Answer.OadrSignedObject.Message = answer;
        buffers.Answer.WriteDocument(buffers.Output);
        if (_signer is not null && vtn.ExpectsXmlSignatures(message))
        {
            await WriteXmlAsync(context, Sign(buffers.Output.WrittenSpan)).ConfigureAwait(false);
            return;
        }

        await WriteXmlAsync(context, buffers.Output.WrittenMemory).ConfigureAwait(false);
    }

    /// <summary>Checks a signed request's XML signature over its exact bytes; the signer's certificate is reduced to its fingerprint.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private XmlSignatureCheck VerifySignature(ReadOnlySequence<byte> body)
    {
        byte[]? copy = null;
        try
        {
            ReadOnlySpan<byte> document;
            if (body.IsSingleSegment)
            {
                document = body.FirstSpan;
            }
            else
            {
                copy = ArrayPool<byte>.Shared.Rent((int)body.Length);
                body.CopyTo(copy);
                document = copy.AsSpan(0, (int)body.Length);
            }

            var result = _verifier.Verify(document);
            using var signer = result.Signer;
            return new XmlSignatureCheck(result.Status, signer is null ? null : Fingerprints.Of(signer));
        }
        finally
        {
            if (copy is not null)
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlyMemory<byte> Sign(ReadOnlySpan<byte> document)
    {
        var signed = new ArrayBufferWriter<byte>(document.Length + 4096);
        _signer!.Sign(document, signed);
        return signed.WrittenMemory;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask WriteXmlAsync(HttpContext context, ReadOnlyMemory<byte> xml)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = XmlContentType;
        var encoding = ChooseEncoding(context.Request.Headers.AcceptEncoding);
        if (encoding is null)
        {
            response.ContentLength = xml.Length;
            await response.BodyWriter.WriteAsync(xml, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // Compressed into memory first, so that Content-Length stays exact (spec §9.1.9: never chunked).
        using var compressed = new MemoryStream(xml.Length / 2 + 64);
        await using (Stream compressor = encoding == "gzip"
            ? new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)
            : new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await compressor.WriteAsync(xml, context.RequestAborted).ConfigureAwait(false);
        }

        response.Headers.ContentEncoding = encoding;
        response.Headers.Vary = "Accept-Encoding";
        response.ContentLength = compressed.Length;
        await response.BodyWriter.WriteAsync(compressed.GetBuffer().AsMemory(0, (int)compressed.Length), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>gzip or deflate when the VEN accepts it (spec §9.1.9.2), gzip first; null for identity.</summary>
    private static string? ChooseEncoding(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding))
        {
            return null;
        }

        string? chosen = null;
        foreach (var header in acceptEncoding)
        {
            foreach (var part in (header ?? "").Split(','))
            {
                var token = part.Trim();
                var semicolon = token.IndexOf(';', StringComparison.Ordinal);
                var name = (semicolon < 0 ? token : token[..semicolon]).Trim();
                if (semicolon >= 0 && token[(semicolon + 1)..].Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000")
                {
                    continue;
                }

                if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    return "gzip";
                }

                if (name.Equals("deflate", StringComparison.OrdinalIgnoreCase))
                {
                    chosen = "deflate";
                }
            }
        }

        return chosen;
    }

    /// <summary>
    /// Counts a refusal and logs at most one line per interval: at 10x overload a line per refused request would be
    /// tens of thousands of lines a second, and writing them would take the CPU the accepted requests need.
    /// </summary>
    private void LogOverloaded()
    {
        Interlocked.Increment(ref _refusedSinceLogged);
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _overloadLoggedAt);
        if ((last != 0 && System.Diagnostics.Stopwatch.GetElapsedTime(last, now) < s_overloadLogInterval)
            || Interlocked.CompareExchange(ref _overloadLoggedAt, now, last) != last)
        {
            return;
        }

        Log.Overloaded(logger, options.MaxConcurrentRequests, Interlocked.Exchange(ref _refusedSinceLogged, 0), s_overloadLogInterval.TotalSeconds);
    }

    private static bool IsXml(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        if (!mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) && !mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (semicolon < 0)
        {
            return true;
        }

        var parameters = contentType[(semicolon + 1)..];
        var charset = parameters.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        return charset < 0 || parameters[(charset + 8)..].Trim().Trim('"').StartsWith("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static OpenAdrService? ServiceOf(string? name) => name switch
    {
        "EiEvent" => OpenAdrService.EiEvent,
        "EiOpt" => OpenAdrService.EiOpt,
        "EiReport" => OpenAdrService.EiReport,
        "EiRegisterParty" => OpenAdrService.EiRegisterParty,
        "OadrPoll" => OpenAdrService.OadrPoll,
        _ => null,
    };

    private Task PlainAsync(HttpContext context, int status, string reason)
    {
        metrics?.Refused(status);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var bytes = System.Text.Encoding.UTF8.GetBytes(reason);
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, 0, bytes.Length, context.RequestAborted);
    }

    private static partial class Log
    {
        [LoggerMessage(3000, LogLevel.Information, "No OpenADR service at {Path}: 404.")]
        public static partial void UnknownService(ILogger logger, PathString path);

        [LoggerMessage(3001, LogLevel.Information, "{Method} {Path}: OpenADR takes POST only, 501.")]
        public static partial void NotPost(ILogger logger, string method, PathString path);

        [LoggerMessage(3002, LogLevel.Information, "Content-Type '{ContentType}' is not UTF-8 XML: 406.")]
        public static partial void NotXml(ILogger logger, string contentType);

        [LoggerMessage(3003, LogLevel.Warning, "More than {Limit} requests in flight: {Refused} requests answered 503 since the last such line (one every {Seconds} s at most).")]
        public static partial void Overloaded(ILogger logger, int limit, long refused, double seconds);

        [LoggerMessage(3004, LogLevel.Information, "A request body over {Limit} bytes: 413.")]
        public static partial void TooLarge(ILogger logger, int limit);

        [LoggerMessage(3005, LogLevel.Information, "Invalid OpenADR payload: {Reason} (406).")]
        public static partial void InvalidPayload(ILogger logger, string reason);

        [LoggerMessage(3020, LogLevel.Warning, "A request's XML signature does not match its content ({Status}): 403.")]
        public static partial void InvalidSignature(ILogger logger, SignatureStatus status);

        [LoggerMessage(3006, LogLevel.Information, "The request body was refused: {Reason} ({Status}).")]
        public static partial void BadBody(ILogger logger, int status, string reason);

        [LoggerMessage(3007, LogLevel.Debug, "The request body broke off: {Reason} (400, if the client is still there).")]
        public static partial void ClientGone(ILogger logger, string reason);
    }
}
