using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Participatie.Abstractions.Errors;

namespace Participatie.Gateway.Errors;

/// <summary>
/// Turns the platform's typed failures into gRPC statuses with the rich error model (google.rpc.Status with
/// BadRequest field violations or ErrorInfo reasons). Anything a caller can cause has a status of its own; only a
/// defect of ours becomes INTERNAL, and then without internals in the message.
/// </summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public const string Domain = "participatie.nl";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context.Method);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context.Method);
        }
    }

    /// <summary>The status a failure ends a call with, as this interceptor (the outermost) will give it.</summary>
    public static StatusCode CodeOf(Exception exception) => exception is RpcException rpc ? rpc.StatusCode : ToStatus(exception, string.Empty).StatusCode;

    private RpcException Translate(Exception exception, string method)
    {
        var status = ToStatus(exception, method);
        switch (status.StatusCode)
        {
            case StatusCode.Unavailable or StatusCode.Aborted:
                LogUnavailable(logger, method, exception.GetType().Name, exception.Message);
                break;
            case StatusCode.Internal:
                LogDefect(logger, method, exception);
                break;
        }

        return status;
    }

    private static RpcException ToStatus(Exception exception, string method)
    {
        switch (exception)
        {
            case InvalidInputException invalid:
                return Status(Code.InvalidArgument, "The request has invalid fields.", new BadRequest
                {
                    FieldViolations = { invalid.Errors.Select(e => FieldMessages.Violation(ProtoFieldNames.Of(method, e.Field), e.Description)) },
                });
            case NotFoundException notFound:
                return Status(Code.NotFound, notFound.Message, new ResourceInfo { ResourceType = notFound.Kind, ResourceName = notFound.ResourceId });
            case PreconditionFailedException failed:
                return Status(Code.FailedPrecondition, failed.Message, [new ErrorInfo { Reason = failed.Reason, Domain = Domain }, PreconditionMessages.For(failed.Reason)]);
            case AlreadyExistsException exists:
                return Status(Code.AlreadyExists, exists.Message, new ResourceInfo { ResourceType = exists.Kind, ResourceName = exists.ResourceId });
            case OperationCanceledException:
                return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
            case TimeoutException:
                return Status(Code.Unavailable, "The platform did not answer in time; the call may be retried.", new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) });
            case Orleans.Storage.InconsistentStateException:
                return Status(Code.Aborted, "The record was changed at the same moment; read it again and retry.", new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(200)) });
            case var storage when IsStorageUnavailable(storage):
                return Status(Code.Unavailable, "The platform's database is not available right now; nothing was changed, and the call may be retried.", new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)) });
            case SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException:
                return Status(Code.Unavailable, "The platform is not available right now; the call may be retried.", new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) });
            default:
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "An internal error occurred; it has been logged."));
        }
    }

    /// <summary>
    /// A database that cannot be reached or that ended the session. Orleans reports a failed read or write of grain
    /// state as an OrleansException naming the storage provider (with the database's exception inside, or — when the
    /// grain lives on another silo — written into the message).
    /// </summary>
    private static bool IsStorageUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Data.Common.DbException or System.Net.Sockets.SocketException
                || (current is OrleansException && current.Message.StartsWith(StorageFailurePrefix, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private const string StorageFailurePrefix = "Error from storage provider";

    private static RpcException Status(Code code, string message, Google.Protobuf.IMessage detail) => Status(code, message, [detail]);

    private static RpcException Status(Code code, string message, IEnumerable<Google.Protobuf.IMessage?> details) =>
        new Google.Rpc.Status { Code = (int)code, Message = message, Details = { details.OfType<Google.Protobuf.IMessage>().Select(Any.Pack) } }.ToRpcException();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} could not reach the cluster or its storage: {Failure}: {Detail}")]
    private static partial void LogUnavailable(ILogger logger, string method, string failure, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed with a defect")]
    private static partial void LogDefect(ILogger logger, string method, Exception exception);
}
