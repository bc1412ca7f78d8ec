using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Participatie.Abstractions.Platform;

namespace Participatie.Gateway.Services;

/// <summary>
/// One open watch's subscription to a live stream (<see cref="LiveStreams"/>). A notice only says "read again": the
/// watch reads the grain's state after <see cref="WaitAsync"/> returns, so notices that arrive while it is writing
/// collapse into one read, and a lost notice delays a screen until the next one or the catch-up read, never loses data.
/// </summary>
public sealed partial class LiveSubscription : IAsyncDisposable
{
    /// <summary>
    /// How long a watch waits for a notice before it reads the state anyway: the backstop for a notice lost with a silo
    /// (ARCHITECTURE rule 5), not the way changes arrive.
    /// </summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _notified = new(0, 1);
    private readonly ILogger _logger;
    private StreamSubscriptionHandle<LiveNotice>? _handle;

    private LiveSubscription(ILogger logger) => _logger = logger;

    /// <summary>Subscribes to the stream of <paramref name="key"/> in <paramref name="streamNamespace"/>; read the state after this returns.</summary>
    public static async Task<LiveSubscription> OpenAsync(IClusterClient cluster, string streamNamespace, string key, ILogger logger)
    {
        var subscription = new LiveSubscription(logger);
        var stream = cluster.GetStreamProvider(LiveStreams.Provider).GetStream<LiveNotice>(StreamId.Create(streamNamespace, key));
        subscription._handle = await stream.SubscribeAsync((_, _) =>
        {
            subscription.Notify();
            return Task.CompletedTask;
        });
        return subscription;
    }

    /// <summary>Returns when a notice arrived since the last call (at once if one did), or after <see cref="CatchUp"/>.</summary>
    public async Task WaitAsync(CancellationToken cancellation) => await _notified.WaitAsync(CatchUp, cancellation);

    private void Notify()
    {
        try
        {
            _notified.Release();
        }
        catch (SemaphoreFullException)
        {
            // A notice is pending already: the next read sees this change too.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_handle is not null)
            {
                await _handle.UnsubscribeAsync();
            }
        }
        catch (Exception failure)
        {
            // The subscription of a watch that ended is dropped by the stream when it cannot deliver to it.
            LogNotUnsubscribed(_logger, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live subscription could not be ended; the stream drops it when a notice finds no one")]
    private static partial void LogNotUnsubscribed(ILogger logger, Exception failure);
}
