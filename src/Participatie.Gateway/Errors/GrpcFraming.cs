using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Participatie.Gateway.Errors;

/// <summary>
/// Checks the gRPC framing of a request before gRPC reads it: every RPC of ours takes exactly one message, so the body
/// must be one 5-byte header (flags, length) and that many bytes. grpc-dotnet answers a broken frame with INTERNAL
/// ("Incomplete message"), UNKNOWN or a reset, and logs a stack trace per request; here a truncated, empty, doubled,
/// wrongly flagged or badly compressed frame (or gRPC-Web text that is not base64) is INVALID_ARGUMENT with a
/// <c>google.rpc.BadRequest</c> naming what is wrong, a declared size over the limit RESOURCE_EXHAUSTED, and each is one
/// warning line. It runs before gRPC-Web's translation (whose text decoder, on bad base64, leaves the HTTP/1.1 body
/// half-read and logs a stack trace): the body, at most one message of the size limit, is read here once and handed on.
/// </summary>
public sealed partial class GrpcFraming(RequestDelegate next, ILogger<GrpcFraming> logger)
{
    private const int HeaderBytes = 5;
    private const byte Compressed = 1;

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>();
        var contentType = context.Request.ContentType ?? "";
        if (method is null || method.Method.Type is not (MethodType.Unary or MethodType.ServerStreaming)
            || !contentType.StartsWith("application/grpc", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var text = contentType.StartsWith("application/grpc-web-text", StringComparison.Ordinal);
        var raw = new ArrayBufferWriter<byte>();
        var problem = await ReadAsync(context.Request.BodyReader, raw, text, context.RequestAborted);
        if (problem is null)
        {
            var message = text ? FromBase64(raw.WrittenSpan) : raw.WrittenMemory;
            problem = message is { } decoded
                ? Check(new ReadOnlySequence<byte>(decoded), context.Request.Headers["grpc-encoding"].ToString())
                : (Code.InvalidArgument, "the gRPC-Web text body is not valid base64");
        }

        if (problem is null)
        {
            // gRPC (and gRPC-Web, which decodes text itself) reads the body as it was read here.
            context.Features.Set<IRequestBodyPipeFeature>(new ReadBody(PipeReader.Create(new ReadOnlySequence<byte>(raw.WrittenMemory))));
            await next(context);
            return;
        }

        LogMalformed(logger, context.Request.Path.Value ?? "", problem.Value.Description);
        await RefuseAsync(context, contentType.StartsWith("application/grpc-web", StringComparison.Ordinal) ? contentType : "application/grpc", problem.Value.Code, problem.Value.Description);
    }

    private sealed class ReadBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    /// <summary>Reads the body to its end; a problem when it cannot be one message within the limit.</summary>
    private static async Task<(Code Code, string Description)?> ReadAsync(PipeReader reader, ArrayBufferWriter<byte> body, bool text, CancellationToken aborted)
    {
        // Base64 takes four characters for three bytes.
        long limit = HeaderBytes + GatewayExtensions.MaxMessageBytes;
        var rawLimit = text ? ((limit + 2) / 3 * 4) + 4 : limit;
        while (true)
        {
            var read = await reader.ReadAsync(aborted);
            foreach (var segment in read.Buffer)
            {
                body.Write(segment.Span);
            }

            reader.AdvanceTo(read.Buffer.End);
            if (!text && body.WrittenCount >= HeaderBytes && DeclaredLength(new ReadOnlySequence<byte>(body.WrittenMemory)) > GatewayExtensions.MaxMessageBytes)
            {
                return (Code.ResourceExhausted, $"the message declares {DeclaredLength(new ReadOnlySequence<byte>(body.WrittenMemory))} bytes; at most {GatewayExtensions.MaxMessageBytes} are accepted");
            }

            if (body.WrittenCount > rawLimit)
            {
                return (Code.ResourceExhausted, $"the request is larger than one message of at most {GatewayExtensions.MaxMessageBytes} bytes");
            }

            if (read.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// gRPC-Web text: base64 in quanta of four characters (a sender may end each message's base64 with padding and
    /// go on with the next); null when it is not.
    /// </summary>
    private static byte[]? FromBase64(ReadOnlySpan<byte> text)
    {
        if (text.Length % 4 != 0)
        {
            return null;
        }

        var bytes = new byte[text.Length / 4 * 3];
        var written = 0;
        Span<char> quantum = stackalloc char[4];
        for (var at = 0; at < text.Length; at += 4)
        {
            for (var i = 0; i < 4; i++)
            {
                quantum[i] = (char)text[at + i];
            }

            if (!Convert.TryFromBase64Chars(quantum, bytes.AsSpan(written), out var n))
            {
                return null;
            }

            written += n;
        }

        return bytes[..written];
    }

    private static (Code Code, string Description)? Check(ReadOnlySequence<byte> body, string encoding)
    {
        if (body.Length == 0)
        {
            return (Code.InvalidArgument, "the request has no message: send exactly one gRPC message (a 5-byte header, then the message)");
        }

        if (body.Length < HeaderBytes)
        {
            return (Code.InvalidArgument, $"the message header is cut short: {body.Length} of its 5 bytes arrived");
        }

        var flags = body.FirstSpan[0];
        var length = DeclaredLength(body);
        var arrived = body.Length - HeaderBytes;
        if (flags is not (0 or Compressed))
        {
            return (Code.InvalidArgument, $"unknown message flags 0x{flags:x2}: only 0 (plain) and 1 (compressed) are defined");
        }

        if (arrived < length)
        {
            return (Code.InvalidArgument, $"the message is cut short: {arrived} of the {length} bytes its header declares arrived");
        }

        if (arrived > length)
        {
            return (Code.InvalidArgument, "more than one message: this call takes exactly one");
        }

        if (flags == Compressed)
        {
            return CheckCompressed(body.Slice(HeaderBytes), encoding);
        }

        return null;
    }

    /// <summary>A compressed message needs the encoding it names, and that encoding must decode it within the size limit.</summary>
    private static (Code Code, string Description)? CheckCompressed(ReadOnlySequence<byte> message, string encoding)
    {
        if (encoding.Length == 0 || encoding == "identity")
        {
            return (Code.InvalidArgument, "the message is marked compressed, but the request names no grpc-encoding");
        }

        if (encoding != "gzip")
        {
            return null; // gRPC itself answers an encoding it does not support with UNIMPLEMENTED and the ones it does
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(message.ToArray()), CompressionMode.Decompress);
            var decoded = 0L;
            var chunk = new byte[16 * 1024];
            int n;
            while ((n = gzip.Read(chunk)) > 0)
            {
                decoded += n;
                if (decoded > GatewayExtensions.MaxMessageBytes)
                {
                    return (Code.ResourceExhausted, $"the message decompresses to more than {GatewayExtensions.MaxMessageBytes} bytes");
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return (Code.InvalidArgument, "the message is marked gzip-compressed, but it is not valid gzip");
        }
    }

    private static long DeclaredLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        buffer.Slice(0, HeaderBytes).CopyTo(header);
        return BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
    }

    /// <summary>A trailers-only gRPC reply: the status (with a BadRequest or nothing more) in the headers, no message.</summary>
    private static async Task RefuseAsync(HttpContext context, string contentType, Code code, string description)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = "The request is not one well-formed gRPC message: " + description + "." };
        if (code == Code.InvalidArgument)
        {
            status.Details.Add(Any.Pack(new BadRequest
            {
                FieldViolations = { new BadRequest.Types.FieldViolation { Field = "(message framing)", Description = description } },
            }));
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        await response.Body.FlushAsync(context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed gRPC request to {Path} refused: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string path, string problem);
}
