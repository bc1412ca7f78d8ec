using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Participatie.Gateway.Tests.Security;

/// <summary>Calls any unary or server-streaming RPC by its descriptor, so one test can walk every RPC of the contract.</summary>
internal static class RawCalls
{
    /// <summary>The call's status; a stream is read to its end or its first message (a watch does not end by itself).</summary>
    public static async Task<StatusCode> StatusOfAsync(GrpcChannel channel, MethodDescriptor method, IMessage request)
    {
        var call = new Method<IMessage, IMessage>(
            method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            method.Service.FullName,
            method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            if (method.IsServerStreaming)
            {
                using var stream = channel.CreateCallInvoker().AsyncServerStreamingCall(call, null, options, request);
                await stream.ResponseStream.MoveNext(CancellationToken.None);
            }
            else
            {
                await channel.CreateCallInvoker().AsyncUnaryCall(call, null, options, request);
            }

            return StatusCode.OK;
        }
        catch (RpcException failure)
        {
            return failure.StatusCode;
        }
    }
}
