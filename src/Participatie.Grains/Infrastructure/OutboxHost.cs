using Microsoft.Extensions.DependencyInjection;

namespace Participatie.Grains.Infrastructure;

/// <summary>What an <see cref="Outbox"/> needs of the grain that holds it; a seam so that tests can run it on fake time.</summary>
internal interface IOutboxHost
{
    /// <summary>Runs <paramref name="callback"/> once after <paramref name="dueTime"/>, in a turn of the grain's own.</summary>
    IDisposable StartTimer(Func<Task> callback, TimeSpan dueTime);

    /// <summary>Registers (or updates) the reminder that wakes the grain while something is left to deliver.</summary>
    Task RegisterBackstopAsync(TimeSpan period);

    /// <summary>Removes that reminder, if there is one.</summary>
    Task RemoveBackstopAsync();

    /// <summary>The outbox holds something it has started (or is about to start) to deliver.</summary>
    void Delivering();

    /// <summary>Everything stored has been delivered.</summary>
    void Drained();
}

/// <summary>
/// Told when a grain's outbox starts to deliver and each time it has delivered everything it held. Nothing in the
/// platform needs it; tests register one to await a delivery itself instead of polling for its effect.
/// </summary>
public interface IOutboxMonitor
{
    /// <summary><paramref name="grain"/>'s outbox holds changes it is delivering (told before the grain's reply).</summary>
    void Delivering(GrainId grain);

    /// <summary><paramref name="grain"/>'s outbox has delivered everything it held.</summary>
    void Drained(GrainId grain);
}

/// <summary>The outbox's timers are grain timers, its backstop a reminder named <see cref="Outbox.ReminderName"/>.</summary>
internal sealed class GrainOutboxHost(Grain grain) : IOutboxHost
{
    private readonly IOutboxMonitor? _monitor = grain.GrainContext.ActivationServices.GetService<IOutboxMonitor>();

    public IDisposable StartTimer(Func<Task> callback, TimeSpan dueTime) =>
        // Kept alive: a grain with changes still to deliver is not collected before the retry.
        grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    public Task RegisterBackstopAsync(TimeSpan period) => grain.RegisterOrUpdateReminder(Outbox.ReminderName, period, period);

    public async Task RemoveBackstopAsync()
    {
        var reminder = await grain.GetReminder(Outbox.ReminderName);
        if (reminder is not null)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    public void Delivering() => _monitor?.Delivering(grain.GetGrainId());

    public void Drained() => _monitor?.Drained(grain.GetGrainId());
}
