using Microsoft.Extensions.Logging;

namespace Participatie.Grains.Infrastructure;

/// <summary>
/// Retries for a grain's outbox. A failed delivery is retried on a grain timer with doubling delays; a reminder is
/// registered as a backstop, so that undelivered changes are delivered even if the silo dies before the timer fires.
/// The reminder is only registered after a failure, so the ordinary path costs no extra storage write.
/// </summary>
internal sealed partial class OutboxDelivery(OutboxOptions options)
{
    public const string ReminderName = "outbox";

    private IGrainTimer? _retry;
    private TimeSpan _nextDelay = options.RetryDelay;
    private bool _backstopRegistered;

    /// <summary>Runs one delivery; a failure is logged and reported as false, never thrown.</summary>
    public async Task<bool> TryAsync(Func<Task> deliver, string target, ILogger logger)
    {
        try
        {
            await deliver();
            return true;
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(logger, target, exception);
            return false;
        }
    }

    /// <summary>After a round of deliveries: schedule a retry when something failed, stop retrying when all went.</summary>
    public async Task AfterDeliveryAsync(Grain grain, bool failed, Func<Task> redeliver)
    {
        if (!failed)
        {
            _retry?.Dispose();
            _retry = null;
            _nextDelay = options.RetryDelay;
            return;
        }

        if (!_backstopRegistered)
        {
            try
            {
                await grain.RegisterOrUpdateReminder(ReminderName, options.BackstopInterval, options.BackstopInterval);
                _backstopRegistered = true;
            }
            catch (Exception)
            {
                // The timer below still retries; the next failure tries the reminder again.
            }
        }

        _retry?.Dispose();
        _retry = grain.RegisterGrainTimer(redeliver, _nextDelay, Timeout.InfiniteTimeSpan);
        _nextDelay = TimeSpan.FromTicks(Math.Min(_nextDelay.Ticks * 2, options.MaximumRetryDelay.Ticks));
    }

    /// <summary>
    /// Delivers what an activation found pending in a turn of its own, right after activation: never inside
    /// <c>OnActivateAsync</c>, where the grain would wait on a receiver that may be waiting on it (a coach listing its
    /// people while one of them, activating, tells that coach of a change) and neither could answer.
    /// </summary>
    public void DeliverAfterActivation(Grain grain, Func<Task> deliver)
    {
        _retry?.Dispose();
        _retry = grain.RegisterGrainTimer(deliver, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Removes the backstop reminder once nothing is left to deliver.</summary>
    public async Task RemoveBackstopAsync(Grain grain)
    {
        var reminder = await grain.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await grain.UnregisterReminder(reminder);
        }

        _backstopRegistered = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Target} failed; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, string target, Exception exception);
}
