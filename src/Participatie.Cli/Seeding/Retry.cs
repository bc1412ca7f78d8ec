using Google.Rpc;
using Grpc.Core;

namespace Participatie.Cli.Seeding;

/// <summary>
/// Unary calls with a deadline, retried with exponential backoff when the platform is briefly unavailable or slow, and
/// after the delay the gateway names when it refuses a call over the caller's rate limit (RESOURCE_EXHAUSTED with
/// RetryInfo): a seed or an import then goes at the pace the platform allows this caller instead of failing.
/// Retrying is safe for everything the seed sends: creates carry a request_id, and assigning a person to the coach
/// they already have answers as the first time.
/// </summary>
internal static class Retry
{
    public const int MaxRetries = 3;

    /// <summary>Waits for the rate limit per call: at the gateway's defaults, minutes of being held back before giving up.</summary>
    public const int MaxThrottledWaits = 300;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);

    public static async Task<T> CallAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        for (int attempt = 0, throttled = 0; ; )
        {
            try
            {
                return await call(new CallOptions(deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken));
            }
            catch (RpcException exception) when (RetryDelay(exception) is { } delay && throttled++ < MaxThrottledWaits && !cancellationToken.IsCancellationRequested)
            {
                // Spread over a little more than the delay the gateway named, so parallel workers do not return in step.
                await Task.Delay(delay * (1 + (Random.Shared.NextDouble() / 2)), cancellationToken);
            }
            catch (RpcException exception) when (IsTransient(exception) && attempt++ < MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                // 250 ms, 500 ms, 1 s, each with jitter so parallel callers do not retry in step.
                var backoff = FirstBackoff * Math.Pow(2, attempt - 1) * (0.75 + (Random.Shared.NextDouble() / 2));
                await Task.Delay(backoff, cancellationToken);
            }
        }
    }

    private static bool IsTransient(RpcException exception) =>
        exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    /// <summary>When a call refused over the caller's rate limit may be sent again; null for any other failure.</summary>
    private static TimeSpan? RetryDelay(RpcException exception)
    {
        if (exception.StatusCode != StatusCode.ResourceExhausted)
        {
            return null;
        }

        var retry = exception.GetRpcStatus()?.GetDetail<RetryInfo>();
        return retry?.RetryDelay is { } delay ? TimeSpan.FromTicks(Math.Max(delay.ToTimeSpan().Ticks, TimeSpan.FromMilliseconds(50).Ticks)) : null;
    }
}
