using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Contracts.V1;

namespace Participatie.TestSupport;

/// <summary>One call of the load: when it ran, through which gateway, and how it ended.</summary>
public sealed record CallRecord(int Gateway, TimeSpan Start, TimeSpan End, StatusCode Status, string? ClientId, string FamilyName);

/// <summary>
/// A steady stream of registrations (durable writes) spread over several gateways by concurrent workers, like
/// coaches registering people across a city. It keeps every outcome, so a test can check afterwards that every
/// acknowledged write is still there (after a restart, a failover, a restore) and see when the cluster stopped and
/// started answering.
/// </summary>
public sealed class WriteLoad(IReadOnlyList<GrpcChannel> gateways, string neighbourhoodId)
{
    private readonly ConcurrentQueue<CallRecord> _calls = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HashSet<int> _skipped = [];
    private readonly List<Waiter> _waiters = [];
    private int _sequence;

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyCollection<CallRecord> Calls => _calls;

    public IEnumerable<CallRecord> Acknowledged => _calls.Where(c => c.Status == StatusCode.OK);

    /// <summary>Stops sending to a gateway whose process is gone, as a client-side load balancer would.</summary>
    public void Skip(int gateway)
    {
        lock (_skipped)
        {
            _skipped.Add(gateway);
        }
    }

    public void Resume(int gateway)
    {
        lock (_skipped)
        {
            _skipped.Remove(gateway);
        }
    }

    /// <summary>
    /// Completes once <paramref name="count"/> acknowledged calls satisfy <paramref name="which"/> (all of them when
    /// null): checked as each call ends, so a test awaits the writes themselves instead of polling for them. Fails,
    /// rather than hangs, after two minutes, naming <paramref name="what"/>.
    /// </summary>
    public async Task AcknowledgedAsync(int count, string what, Func<CallRecord, bool>? which = null)
    {
        var waiter = new Waiter(which ?? (_ => true), count);
        lock (_waiters)
        {
            foreach (var call in Acknowledged)
            {
                waiter.Saw(call);
            }

            if (!waiter.Reached.Task.IsCompleted)
            {
                _waiters.Add(waiter);
            }
        }

        try
        {
            await waiter.Reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the load never reached {what} within two minutes");
        }
    }

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, stop), CancellationToken.None)));

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var round = worker;
        while (!stop.IsCancellationRequested)
        {
            var gateway = round++ % gateways.Count;
            lock (_skipped)
            {
                if (_skipped.Contains(gateway))
                {
                    continue;
                }
            }

            var familyName = FamilyName(Interlocked.Increment(ref _sequence));
            var request = SampleRequests.Intake(neighbourhoodId);
            request.FamilyName = familyName;
            request.RequestId = Guid.NewGuid().ToString("N");
            var start = Now;
            try
            {
                var reply = await new ClientService.ClientServiceClient(gateways[gateway])
                    .RegisterClientAsync(request, deadline: DateTime.UtcNow.AddSeconds(20), cancellationToken: CancellationToken.None);
                Acknowledge(new CallRecord(gateway, start, Now, StatusCode.OK, reply.Client.ClientId, familyName));
            }
            catch (RpcException failure)
            {
                _calls.Enqueue(new CallRecord(gateway, start, Now, failure.StatusCode, null, familyName));
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private void Acknowledge(CallRecord call)
    {
        lock (_waiters)
        {
            _calls.Enqueue(call);
            foreach (var waiter in _waiters)
            {
                waiter.Saw(call);
            }

            _waiters.RemoveAll(w => w.Reached.Task.IsCompleted);
        }
    }

    /// <summary>Letters only, as names are: 1 → "Ab", 2 → "Ac", …</summary>
    private static string FamilyName(int number)
    {
        var letters = new Stack<char>();
        do
        {
            letters.Push((char)('a' + (number % 26)));
            number /= 26;
        }
        while (number > 0);

        return "Test" + new string([.. letters]);
    }

    /// <summary>Reads every acknowledged registration back through the given gateways; returns those missing or wrong.</summary>
    public static async Task<List<string>> MissingAsync(IEnumerable<CallRecord> acknowledged, IReadOnlyList<GrpcChannel> readers)
    {
        var missing = new ConcurrentBag<string>();
        var index = 0;
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) =>
        {
            var reader = readers[Interlocked.Increment(ref index) % readers.Count];
            try
            {
                var client = (await new ClientService.ClientServiceClient(reader).GetClientAsync(new GetClientRequest { ClientId = call.ClientId }, cancellationToken: _)).Client;
                if (client.FamilyName != call.FamilyName)
                {
                    missing.Add($"{call.ClientId}: family name {client.FamilyName}, expected {call.FamilyName}");
                }
            }
            catch (RpcException failure)
            {
                missing.Add($"{call.ClientId}: {failure.StatusCode} {failure.Status.Detail}");
            }
        });
        return [.. missing];
    }

    private sealed class Waiter(Func<CallRecord, bool> which, int count)
    {
        private int _seen;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Saw(CallRecord call)
        {
            if (which(call) && ++_seen >= count)
            {
                Reached.TrySetResult();
            }
        }
    }
}
