using Grpc.Core;

namespace Participatie.Fuzz.Tests.Rpcs;

/// <summary>What came back from one raw call: the reply messages, or the failure with its trailers.</summary>
public sealed record RawReply(StatusCode Status, IReadOnlyList<byte[]> Messages, RpcException? Failure)
{
    public bool Ok => Status == StatusCode.OK;
}

/// <summary>Calls an RPC with raw request bytes over a channel, whatever its streaming shape.</summary>
public static class RawCall
{
    public static async Task<RawReply> InvokeAsync(CallInvoker invoker, Rpc rpc, byte[] request, TimeSpan deadline, Metadata? headers = null)
    {
        var options = new CallOptions(headers, DateTime.UtcNow.Add(deadline));
        try
        {
            switch (rpc.Method.Type)
            {
                case MethodType.Unary:
                    return Ok([await invoker.AsyncUnaryCall(rpc.Method, null, options, request)]);
                case MethodType.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(rpc.Method, null, options, request);
                    return Ok(rpc.IsWatch ? await ReadFirstAsync(call.ResponseStream) : await ReadAllAsync(call.ResponseStream));
                }

                case MethodType.ClientStreaming:
                {
                    using var call = invoker.AsyncClientStreamingCall(rpc.Method, null, options);
                    await call.RequestStream.WriteAsync(request);
                    await call.RequestStream.CompleteAsync();
                    return Ok([await call.ResponseAsync]);
                }

                default:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(rpc.Method, null, options);
                    await call.RequestStream.WriteAsync(request);
                    await call.RequestStream.CompleteAsync();
                    return Ok(await ReadAllAsync(call.ResponseStream));
                }
            }
        }
        catch (RpcException failure)
        {
            return new RawReply(failure.StatusCode, [], failure);
        }
    }

    private static RawReply Ok(IReadOnlyList<byte[]> messages) => new(StatusCode.OK, messages, null);

    /// <summary>A watch stays open until its caller ends it: its first message (the state it starts from) is its answer.</summary>
    private static async Task<IReadOnlyList<byte[]>> ReadFirstAsync(IAsyncStreamReader<byte[]> stream) =>
        await stream.MoveNext(CancellationToken.None) ? [stream.Current] : [];

    private static async Task<IReadOnlyList<byte[]>> ReadAllAsync(IAsyncStreamReader<byte[]> stream)
    {
        var messages = new List<byte[]>();
        while (await stream.MoveNext(CancellationToken.None))
        {
            messages.Add(stream.Current);
        }

        return messages;
    }
}
