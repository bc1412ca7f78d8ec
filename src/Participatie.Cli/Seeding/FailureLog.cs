using System.Collections.Concurrent;
using Grpc.Core;

namespace Participatie.Cli.Seeding;

/// <summary>Counts failed calls and keeps the first few, to show without flooding the terminal.</summary>
internal sealed class FailureLog
{
    public const int Kept = 5;

    private readonly ConcurrentQueue<string> _first = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<string> First => _first;

    public void Add(string what, RpcException exception)
    {
        if (Interlocked.Increment(ref _count) <= Kept)
        {
            _first.Enqueue($"{what}: {exception.StatusCode} {exception.Status.Detail}");
        }
    }
}
