using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Tests.Infrastructure;

/// <summary>
/// The outbox on its own, outside a cluster: a sender whose "state" is two lists, receivers that record what they were
/// told or refuse, and the grain's timers on fake time, run one turn after the other as a grain runs them.
/// </summary>
public sealed class OutboxTests
{
    private static readonly OutboxOptions Options = new()
    {
        RetryDelay = TimeSpan.FromSeconds(5),
        MaximumRetryDelay = TimeSpan.FromSeconds(20),
        BackstopInterval = TimeSpan.FromMinutes(5),
    };

    private readonly FakeTimeProvider _time = new();
    private readonly Turns _turns;
    private readonly Sender _sender;

    public OutboxTests()
    {
        _turns = new Turns(_time);
        _sender = new Sender(_time);
    }

    [Fact]
    public async Task ReceiversAreToldInTheOrderTheyWereStoredChannelByChannel()
    {
        var outbox = _sender.Outbox(_turns);
        _sender.Change("co-b", "co-a");
        _sender.ChangeNeighbourhood("wk-1");
        _sender.Change("co-c");

        await outbox.DeliverAsync();

        Assert.Equal(["co-b@3", "co-a@3", "co-c@3", "wk-1@3"], _sender.Told);
        Assert.False(outbox.HasPending);
        Assert.Equal(0, _turns.BackstopRegistrations);
    }

    [Fact]
    public async Task AFailedReceiverStaysStoredAndIsRetriedAfterTheRetryDelayWhileTheOthersAreTold()
    {
        var outbox = _sender.Outbox(_turns);
        _sender.Refusing.Add("co-a");
        _sender.Change("co-a", "co-b");

        await outbox.DeliverAsync();
        Assert.Equal(["co-b@1"], _sender.Told);
        Assert.Equal(["co-a"], _sender.Coaches);
        Assert.Equal(Options.BackstopInterval, _turns.Backstop);
        Assert.Equal(0, _turns.Drains); // co-a has not heard it yet

        await _turns.AdvanceAsync(Options.RetryDelay - TimeSpan.FromTicks(1));
        Assert.Equal(1, _sender.AttemptsOf("co-a"));

        _sender.Refusing.Clear();
        await _turns.AdvanceAsync(TimeSpan.FromTicks(1));
        Assert.Equal(["co-b@1", "co-a@1"], _sender.Told);
        Assert.False(outbox.HasPending);
        Assert.Null(_turns.Backstop);
        Assert.Equal(1, _turns.Drains);
    }

    [Fact]
    public async Task RetryDelaysDoubleUpToTheMaximumAndStartOverAfterASuccess()
    {
        var outbox = _sender.Outbox(_turns);
        _sender.Refusing.Add("co-a");
        _sender.Change("co-a");
        await outbox.DeliverAsync();

        for (var i = 0; i < 4; i++)
        {
            await _turns.AdvanceToNextTimerAsync();
        }

        Assert.Equal([5, 10, 20, 20], _sender.SecondsBetweenAttemptsOf("co-a"));

        _sender.Refusing.Clear();
        await _turns.AdvanceToNextTimerAsync();
        _sender.Refusing.Add("co-a");
        _sender.Change("co-a");
        await outbox.DeliverAsync();
        await _turns.AdvanceToNextTimerAsync();
        Assert.Equal(5, _sender.SecondsBetweenAttemptsOf("co-a")[^1]);
    }

    [Fact]
    public async Task AChangeStoredWhileItsReceiverFailsWaitsAndOnlyTheNewestVersionArrivesOnce()
    {
        var outbox = _sender.Outbox(_turns);
        _sender.Refusing.Add("co-a");
        _sender.Change("co-a");
        await outbox.DeliverAsync();

        _sender.Change("co-a");
        await outbox.DeliverAsync();
        Assert.Equal(["co-a"], _sender.Coaches);
        Assert.Empty(_sender.Told);

        _sender.Refusing.Clear();
        await _turns.AdvanceToNextTimerAsync();
        Assert.Equal(["co-a@2"], _sender.Told);
    }

    [Fact]
    public async Task WhatAnEarlierActivationStoredIsDeliveredAfterActivationInATurnOfItsOwn()
    {
        // Stored, then the activation ended before it delivered: a new activation reads the same lists.
        _sender.Change("co-a");
        _sender.ChangeNeighbourhood("wk-1");
        var outbox = _sender.Outbox(_turns);

        outbox.ResumeAfterActivation();
        Assert.Empty(_sender.Told);

        await _turns.AdvanceAsync(TimeSpan.Zero);
        Assert.Equal(["co-a@2", "wk-1@2"], _sender.Told);
        Assert.False(outbox.HasPending);
    }

    [Fact]
    public async Task ADeliveryRepeatedAfterARestartSendsTheSameVersionAgain()
    {
        // Delivered receivers leave the list in memory only: until the next write, a restart tells them once more,
        // the same version, which a receiver that keeps the newest version ignores.
        _sender.Change("co-a");
        var stored = _sender.Coaches.ToList();
        await _sender.Outbox(_turns).DeliverAsync();

        _sender.Coaches = stored;
        var restarted = _sender.Outbox(_turns);
        restarted.ResumeAfterActivation();
        await _turns.AdvanceAsync(TimeSpan.Zero);

        Assert.Equal(["co-a@1", "co-a@1"], _sender.Told);
    }

    [Fact]
    public async Task LargeDeliveriesGoInBatchesThatStoreTheirProgressEachInATurnOfItsOwn()
    {
        var stores = 0;
        var outbox = _sender.Outbox(_turns, new OutboxRounds(Size: 2, Concurrency: 2, StoreProgress: () =>
        {
            stores++;
            return Task.CompletedTask;
        }));
        _sender.Change("co-1", "co-2", "co-3", "co-4", "co-5");
        await outbox.RegisterBackstopAsync();

        await outbox.DeliverAsync();
        Assert.Equal((2, 1), (_sender.Told.Count, stores));
        Assert.Equal(["co-3", "co-4", "co-5"], _sender.Coaches);

        await _turns.AdvanceAsync(TimeSpan.Zero);
        Assert.Equal(["co-1@1", "co-2@1", "co-3@1", "co-4@1", "co-5@1"], _sender.Told);
        Assert.Equal(3, stores);
        Assert.Null(_turns.Backstop);
    }

    [Fact]
    public async Task TheBackstopReminderDeliversWhatIsLeftAndThenRemovesItself()
    {
        // A backstop registered by an earlier activation: this one learns of it when it fires.
        _sender.Change("co-a");
        var outbox = _sender.Outbox(_turns);
        await _turns.RegisterBackstopAsync(Options.BackstopInterval);

        await outbox.OnReminderAsync();

        Assert.Equal(["co-a@1"], _sender.Told);
        Assert.Null(_turns.Backstop);
    }

    /// <summary>A grain's timers and backstop on fake time: a timer that fires queues a turn; turns run one at a time.</summary>
    private sealed class Turns(FakeTimeProvider time) : IOutboxHost
    {
        private readonly Queue<Func<Task>> _due = new();
        private readonly List<DateTimeOffset> _timers = [];

        public TimeSpan? Backstop { get; private set; }

        public int BackstopRegistrations { get; private set; }

        public IDisposable StartTimer(Func<Task> callback, TimeSpan dueTime)
        {
            var at = time.GetUtcNow() + dueTime;
            _timers.Add(at);
            var timer = time.CreateTimer(_ => _due.Enqueue(callback), null, dueTime, Timeout.InfiniteTimeSpan);
            return new Cancel(() =>
            {
                _timers.Remove(at);
                timer.Dispose();
            });
        }

        public Task RegisterBackstopAsync(TimeSpan period)
        {
            Backstop = period;
            BackstopRegistrations++;
            return Task.CompletedTask;
        }

        public Task RemoveBackstopAsync()
        {
            Backstop = null;
            return Task.CompletedTask;
        }

        public int Drains { get; private set; }

        public void Delivering()
        {
        }

        public void Drained() => Drains++;

        /// <summary>
        /// Moves time on and runs the turns of the timers that came due, one after the other, and those that the turns
        /// start for now (the next batch), until none is due.
        /// </summary>
        public async Task AdvanceAsync(TimeSpan by)
        {
            time.Advance(by);
            while (_due.Count > 0)
            {
                while (_due.TryDequeue(out var turn))
                {
                    await turn();
                }

                time.Advance(TimeSpan.Zero);
            }
        }

        public Task AdvanceToNextTimerAsync() => AdvanceAsync(_timers.Where(at => at >= time.GetUtcNow()).Min() - time.GetUtcNow());

        private sealed class Cancel(Action cancel) : IDisposable
        {
            public void Dispose() => cancel();
        }
    }

    /// <summary>A grain with a version, its outbox lists in its "state", and receivers that keep a log.</summary>
    private sealed class Sender(FakeTimeProvider time)
    {
        private readonly List<(string Receiver, DateTimeOffset At)> _attempts = [];
        private int _version;

        public List<string> Coaches { get; set; } = [];

        public List<string> Neighbourhoods { get; } = [];

        public HashSet<string> Refusing { get; } = [];

        /// <summary>What receivers accepted, as receiver@version, in the order they were told.</summary>
        public List<string> Told { get; } = [];

        public Outbox Outbox(IOutboxHost host, OutboxRounds? rounds = null) => new(host, Options, NullLogger.Instance,
        [
            OutboxChannel.Of(new PendingList(() => Coaches), TellAsync),
            OutboxChannel.Of(new PendingList(() => Neighbourhoods), TellAsync),
        ],
            rounds);

        /// <summary>A change that coaches must hear of, stored with them in the list.</summary>
        public void Change(params string[] coaches)
        {
            _version++;
            foreach (var coach in coaches)
            {
                Coaches.AddOnce(coach);
            }
        }

        public void ChangeNeighbourhood(string neighbourhood)
        {
            _version++;
            Neighbourhoods.AddOnce(neighbourhood);
        }

        public int AttemptsOf(string receiver) => _attempts.Count(a => a.Receiver == receiver);

        public List<double> SecondsBetweenAttemptsOf(string receiver)
        {
            var at = _attempts.Where(a => a.Receiver == receiver).Select(a => a.At).ToList();
            return [.. at.Zip(at.Skip(1), (a, b) => (b - a).TotalSeconds)];
        }

        private Task TellAsync(string receiver)
        {
            _attempts.Add((receiver, time.GetUtcNow()));
            if (Refusing.Contains(receiver))
            {
                throw new TimeoutException($"{receiver} is not reachable (injected)");
            }

            Told.Add($"{receiver}@{_version}");
            return Task.CompletedTask;
        }
    }
}
