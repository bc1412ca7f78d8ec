namespace Participatie.Grains.Infrastructure;

/// <summary>
/// One kind of receiver of an <see cref="Outbox"/> (coaches, neighbourhoods, people's records): where the grain's state
/// lists those still to be told, and how the grain tells one of them.
/// </summary>
internal sealed class OutboxChannel
{
    private readonly Func<Task<Func<string, Task>>> _begin;

    private OutboxChannel(IPendingReceivers pending, Func<Task<Func<string, Task>>> begin)
    {
        Pending = pending;
        _begin = begin;
    }

    public IPendingReceivers Pending { get; }

    /// <summary>A channel whose receivers are each sent what the grain holds for them now.</summary>
    public static OutboxChannel Of(IPendingReceivers pending, Func<string, Task> deliver) =>
        new(pending, () => Task.FromResult(deliver));

    /// <summary>
    /// A channel whose receivers share part of what they are sent (a person's summary for each of their coaches, which
    /// asks the neighbourhood for trials): it is worked out once per round, and only when the round tells someone.
    /// </summary>
    public static OutboxChannel Of<TShared>(IPendingReceivers pending, Func<Task<TShared>> shared, Func<TShared, string, Task> deliver) =>
        new(pending, async () =>
        {
            var common = await shared();
            return receiver => deliver(common, receiver);
        });

    /// <summary>Starts a round of this channel: returns how to tell one receiver in it.</summary>
    public Task<Func<string, Task>> BeginRoundAsync() => _begin();
}

/// <summary>
/// The receivers of one channel still to be told, kept in the grain's state so that they are stored in the same write
/// as the change they must hear of, in the order they were listed.
/// </summary>
internal interface IPendingReceivers
{
    IReadOnlyList<string> Receivers { get; }

    /// <summary>Takes the receivers that heard the newest version off the list (in memory: the grain's next write stores it).</summary>
    void RemoveDelivered(IReadOnlySet<string> delivered);
}

/// <summary>Receivers listed in a list of the state (e.g. <c>ClientState.PendingCoaches</c>).</summary>
internal sealed class PendingList(Func<List<string>> list) : IPendingReceivers
{
    public IReadOnlyList<string> Receivers => list();

    public void RemoveDelivered(IReadOnlySet<string> delivered) => list().RemoveAll(delivered.Contains);
}

/// <summary>
/// A single receiver behind a flag of the state (<c>ClientState.PendingDirectory</c>): stored states have the flag, so
/// the flag stays, read as a list of one.
/// </summary>
internal sealed class PendingFlag(string receiver, Func<bool> isPending, Action<bool> setPending) : IPendingReceivers
{
    public IReadOnlyList<string> Receivers => isPending() ? [receiver] : [];

    public void RemoveDelivered(IReadOnlySet<string> delivered)
    {
        if (delivered.Contains(receiver))
        {
            setPending(false);
        }
    }
}

/// <summary>How a grain lists a receiver in its outbox.</summary>
internal static class PendingReceivers
{
    /// <summary>Lists <paramref name="receiver"/> once, however many changes wait for it: it will be sent the newest.</summary>
    public static void AddOnce(this List<string> pending, string receiver)
    {
        if (!pending.Contains(receiver))
        {
            pending.Add(receiver);
        }
    }
}
