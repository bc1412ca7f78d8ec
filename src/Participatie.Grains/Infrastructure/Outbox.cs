using Microsoft.Extensions.Logging;

namespace Participatie.Grains.Infrastructure;

/// <summary>
/// A grain's outbox (ARCHITECTURE rule 1). The grain lists each receiver that must hear of a change in its state
/// (<see cref="IPendingReceivers"/>), so the list is stored in the same write as the change; this delivers afterwards,
/// at least once. A receiver is listed once however many changes wait for it and is sent what the grain holds when it
/// is told, versioned: it never hears an older version after a newer one, and since receivers keep the newest version
/// ("set if newer"), hearing one twice is harmless. Receivers are told channel by channel, each in the order they were
/// listed. One that fails stays listed and the round goes on with the others (they do not depend on each other); the
/// failed ones are retried on a timer with doubling delays, and a reminder is registered as a backstop so that a silo
/// that dies first does not strand them. Changes found listed on activation are delivered in a turn of their own.
/// </summary>
/// <remarks>
/// Delivered receivers are taken off the list in memory only, unless the rounds store progress: the grain's next write
/// stores that, and until then a restart delivers once more. One change thus costs the one write that stores it.
/// </remarks>
internal sealed partial class Outbox(
    IOutboxHost host,
    OutboxOptions options,
    ILogger logger,
    IReadOnlyList<OutboxChannel> channels,
    OutboxRounds? rounds = null)
{
    /// <summary>The backstop reminder's name; reminders stored by earlier releases carry it too.</summary>
    public const string ReminderName = "outbox";

    private readonly OutboxRounds _rounds = rounds ?? new OutboxRounds();
    private IDisposable? _next;
    private TimeSpan _nextDelay = options.RetryDelay;
    private bool _backstopRegistered;

    public bool HasPending => channels.Any(c => c.Pending.Receivers.Count > 0);

    /// <summary>
    /// On activation: what an earlier activation stored but may not have delivered goes out right after it, in a turn
    /// of its own — never inside <c>OnActivateAsync</c>, where the grain would wait on a receiver that may be waiting on
    /// it (a coach listing its people while one of them, activating, tells that coach of a change).
    /// </summary>
    public void ResumeAfterActivation()
    {
        if (HasPending)
        {
            DeliverSoon();
        }
    }

    /// <summary>Delivers in a turn of its own, right away: for changes with many receivers, after the reply.</summary>
    public void DeliverSoon()
    {
        host.Delivering();
        _next?.Dispose();
        _next = host.StartTimer(DeliverAsync, TimeSpan.Zero);
    }

    /// <summary>
    /// Registers the backstop before delivering, for changes whose delivery takes more than one turn (a draw tells
    /// thousands of people in batches): a silo that dies half-way is then repaired without waiting for a failure.
    /// </summary>
    public async Task RegisterBackstopAsync()
    {
        await host.RegisterBackstopAsync(options.BackstopInterval);
        _backstopRegistered = true;
    }

    /// <summary>The backstop reminder fired: deliver what is left, and remove the reminder once nothing is.</summary>
    public Task OnReminderAsync()
    {
        _backstopRegistered = true;
        return DeliverAsync();
    }

    /// <summary>
    /// One round: tells up to the round's size of listed receivers, in order, and takes those who heard it off the
    /// list. Then a retry when someone failed, the next round when more are listed, or else the backstop goes. A
    /// failed delivery is logged, never thrown: the change is stored and will arrive.
    /// </summary>
    public async Task DeliverAsync()
    {
        if (HasPending)
        {
            host.Delivering();
        }

        var round = Take(_rounds.Size);
        var senders = new Dictionary<OutboxChannel, Task<Func<string, Task>>>();
        var delivered = new Dictionary<OutboxChannel, HashSet<string>>();
        var failed = false;
        foreach (var chunk in round.Chunk(_rounds.Concurrency))
        {
            var outcomes = await Task.WhenAll(chunk.Select(async entry =>
            {
                if (!senders.TryGetValue(entry.Channel, out var sender))
                {
                    sender = entry.Channel.BeginRoundAsync();
                    senders[entry.Channel] = sender;
                }

                return (entry.Channel, entry.Receiver, Ok: await TryAsync(sender, entry.Receiver));
            }));
            foreach (var (channel, receiver, ok) in outcomes)
            {
                if (!ok)
                {
                    failed = true;
                    continue;
                }

                if (!delivered.TryGetValue(channel, out var told))
                {
                    told = new HashSet<string>(StringComparer.Ordinal);
                    delivered[channel] = told;
                }

                told.Add(receiver);
            }
        }

        foreach (var (channel, receivers) in delivered)
        {
            channel.Pending.RemoveDelivered(receivers);
        }

        if (delivered.Count > 0 && _rounds.StoreProgress is { } storeProgress)
        {
            await storeProgress();
        }

        if (failed)
        {
            await RetryLaterAsync();
        }
        else if (HasPending)
        {
            DeliverSoon();
        }
        else
        {
            await StopAsync();
            host.Drained();
        }
    }

    private List<(OutboxChannel Channel, string Receiver)> Take(int size)
    {
        var round = new List<(OutboxChannel, string)>();
        foreach (var channel in channels)
        {
            round.AddRange(channel.Pending.Receivers.Take(size - round.Count).Select(receiver => (channel, receiver)));
        }

        return round;
    }

    private async Task<bool> TryAsync(Task<Func<string, Task>> sender, string receiver)
    {
        try
        {
            await (await sender)(receiver);
            return true;
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(logger, receiver, exception);
            return false;
        }
    }

    private async Task RetryLaterAsync()
    {
        if (!_backstopRegistered)
        {
            try
            {
                await RegisterBackstopAsync();
            }
            catch (Exception)
            {
                // The timer below still retries; the next failure tries the reminder again.
            }
        }

        _next?.Dispose();
        _next = host.StartTimer(DeliverAsync, _nextDelay);
        _nextDelay = TimeSpan.FromTicks(Math.Min(_nextDelay.Ticks * 2, options.MaximumRetryDelay.Ticks));
    }

    private async Task StopAsync()
    {
        _next?.Dispose();
        _next = null;
        _nextDelay = options.RetryDelay;
        // Only a backstop this activation knows of: looking for one after every delivery would cost a read of the
        // reminder table per change. One left by an earlier activation finds nothing when it fires, and goes then.
        if (!_backstopRegistered)
        {
            return;
        }

        try
        {
            await host.RemoveBackstopAsync();
            _backstopRegistered = false;
        }
        catch (Exception)
        {
            // Everything is delivered: a reminder left behind finds nothing when it fires, and this runs again then.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Target} failed; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, string target, Exception exception);
}

/// <summary>
/// How much one round of an <see cref="Outbox"/> takes on: by default everything listed, one receiver after the other.
/// A grain with many receivers (an experiment's draw) delivers in batches, several at once, and stores its progress
/// after each batch, so that a restart does not start over.
/// </summary>
internal sealed record OutboxRounds(int Size = int.MaxValue, int Concurrency = 1, Func<Task>? StoreProgress = null);
