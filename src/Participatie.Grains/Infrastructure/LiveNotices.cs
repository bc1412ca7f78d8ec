using Microsoft.Extensions.Logging;
using Participatie.Abstractions.Platform;

namespace Participatie.Grains.Infrastructure;

/// <summary>
/// Publishes a <see cref="LiveNotice"/> after a change has been stored. The change never waits for it and never fails
/// because of it: a notice that cannot be sent is logged, and watchers catch up from state when they read next.
/// </summary>
internal static partial class LiveNotices
{
    public static void Publish(IGrainBase grain, string streamNamespace, string key, long version, ILogger logger)
    {
        _ = PublishAsync(grain, streamNamespace, key, version, logger);
    }

    private static async Task PublishAsync(IGrainBase grain, string streamNamespace, string key, long version, ILogger logger)
    {
        try
        {
            var stream = grain.GetStreamProvider(LiveStreams.Provider).GetStream<LiveNotice>(StreamId.Create(streamNamespace, key));
            await stream.OnNextAsync(new LiveNotice(version));
        }
        catch (Exception failure)
        {
            LogNotSent(logger, failure, streamNamespace, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live notice on {Namespace}/{Key} could not be sent; open screens catch up when they read next")]
    private static partial void LogNotSent(ILogger logger, Exception failure, string @namespace, string key);
}
