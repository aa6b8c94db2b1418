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
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Xml;

namespace OpenAdr.Edge.Server.Transport;

/// <summary>
/// One OpenADR request over HTTP (spec §9.1): POST only, XML in, XML out with a Content-Length (never chunked),
/// every OpenADR outcome as HTTP 200, transport problems as the status codes the spec names, each with one log line.
/// </summary>
internal sealed partial class OpenAdrRequestHandler(OpenAdrVtn vtn, OpenAdrTransportOptions options, ILogger<OpenAdrRequestHandler> logger, Observability.EdgeMetrics? metrics = null)
{
    private const string XmlContentType = "application/xml; charset=utf-8";
    private int _inFlight;

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
            Log.Overloaded(logger, options.MaxConcurrentRequests);
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
            read = await body.ReadAsync(context.RequestAborted).ConfigureAwait(false);
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

        body.AdvanceTo(read.Buffer.End);
        var answer = await vtn.HandleAsync(message, new VenRequestContext(service, ClientFingerprints.Of(context)), context.RequestAborted).ConfigureAwait(false);
        metrics?.Answered(OadrMessageNames.Of(message), answer is null ? "" : OadrMessageNames.Of(answer), answer is null ? "" : MessageNames.CodeOf(answer));
        if (answer is null)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return;
        }

        buffers.Answer.OadrSignedObject.Message = answer;
        buffers.Answer.WriteDocument(buffers.Output);
        await WriteXmlAsync(context, buffers.Output.WrittenMemory).ConfigureAwait(false);
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

        [LoggerMessage(3003, LogLevel.Warning, "More than {Limit} requests in flight: 503.")]
        public static partial void Overloaded(ILogger logger, int limit);

        [LoggerMessage(3004, LogLevel.Information, "A request body over {Limit} bytes: 413.")]
        public static partial void TooLarge(ILogger logger, int limit);

        [LoggerMessage(3005, LogLevel.Information, "Invalid OpenADR payload: {Reason} (406).")]
        public static partial void InvalidPayload(ILogger logger, string reason);
    }
}
