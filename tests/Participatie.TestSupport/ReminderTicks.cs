using System.Collections.Concurrent;

namespace Participatie.TestSupport;

/// <summary>
/// Hears each reminder tick a grain has handled (an incoming grain call filter on <see cref="IRemindable"/>), so that
/// a test of what a stored reminder does awaits the tick itself instead of polling for its effect.
/// </summary>
public sealed class ReminderTicks : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Key, string Reminder), TaskCompletionSource> _next = new();

    /// <summary>Registers the filter in a host's services (for <see cref="SiloHost.StartAsync(string, string?, IDictionary{string, string}?, Action{Microsoft.Extensions.DependencyInjection.IServiceCollection}?)"/>'s overrides).</summary>
    public void AddTo(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IIncomingGrainCallFilter>(services, this);

    /// <summary>
    /// Completes after the next tick of <paramref name="reminder"/> on the grain keyed <paramref name="key"/> has been
    /// handled (whether or not it threw). Take it before looking at the grain, so no tick is missed in between.
    /// </summary>
    public Task Next(string key, string reminder) =>
        _next.GetOrAdd((key, reminder), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>
    /// Reads after each tick of the reminder until <paramref name="done"/> holds, and returns what it read; gives up
    /// after <paramref name="within"/> (a bound for a broken build, not a timing under test).
    /// </summary>
    public async Task<T> UntilAsync<T>(string key, string reminder, Func<Task<T>> read, Func<T, bool> done, TimeSpan within)
    {
        using var giveUp = new CancellationTokenSource(within);
        while (true)
        {
            var tick = Next(key, reminder);
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await tick.WaitAsync(giveUp.Token);
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (context.MethodName == nameof(IRemindable.ReceiveReminder) && context.Request.GetArgument(0) is string reminder
                && _next.TryRemove((context.TargetId.Key.ToString()!, reminder), out var waiting))
            {
                waiting.TrySetResult();
            }
        }
    }
}
