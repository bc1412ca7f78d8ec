using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace Participatie.TestSupport;

/// <summary>Assertions on gRPC failures and their rich error details.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, failure.StatusCode);
        return failure;
    }

    /// <summary>Asserts INVALID_ARGUMENT with a BadRequest naming exactly these fields.</summary>
    public static async Task InvalidAsync(Func<Task> call, params string[] fields)
    {
        var failure = await FailsAsync(StatusCode.InvalidArgument, call);
        var badRequest = failure.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(fields.Order().ToArray(), badRequest.FieldViolations.Select(v => v.Field).Distinct().Order().ToArray());
        Assert.All(badRequest.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
    }

    /// <summary>Asserts FAILED_PRECONDITION with an ErrorInfo reason.</summary>
    public static async Task PreconditionAsync(Func<Task> call, string reason)
    {
        var failure = await FailsAsync(StatusCode.FailedPrecondition, call);
        Assert.Equal(reason, failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }
}
