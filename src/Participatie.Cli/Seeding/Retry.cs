using Grpc.Core;

namespace Participatie.Cli.Seeding;

/// <summary>
/// Unary calls with a deadline, retried with exponential backoff when the platform is briefly unavailable or slow.
/// Retrying is safe for everything the seed sends: creates carry a request_id, and assigning a person to the coach
/// they already have answers as the first time.
/// </summary>
internal static class Retry
{
    public const int MaxRetries = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);

    public static async Task<T> CallAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(new CallOptions(deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken));
            }
            catch (RpcException exception) when (IsTransient(exception) && attempt < MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                // 250 ms, 500 ms, 1 s, each with jitter so parallel callers do not retry in step.
                var backoff = FirstBackoff * Math.Pow(2, attempt) * (0.75 + (Random.Shared.NextDouble() / 2));
                await Task.Delay(backoff, cancellationToken);
            }
        }
    }

    private static bool IsTransient(RpcException exception) =>
        exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;
}
