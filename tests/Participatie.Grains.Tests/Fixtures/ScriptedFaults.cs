using System.Collections.Concurrent;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>Fault points that throw a chosen number of times, to interrupt an operation half-way.</summary>
public sealed class ScriptedFaults : IFaultPoints
{
    private readonly ConcurrentDictionary<string, int> _armed = new();

    public void Arm(string point, int times = 1) => _armed[point] = times;

    public void DisarmAll() => _armed.Clear();

    public void Hit(string point)
    {
        if (_armed.TryGetValue(point, out var left) && left > 0 && _armed.TryUpdate(point, left - 1, left))
        {
            throw new InjectedFaultException(point);
        }
    }
}

/// <summary>Thrown by an armed fault point; serializable so it reaches the test through the cluster.</summary>
[GenerateSerializer]
public sealed class InjectedFaultException(string point) : Exception($"fault injected at {point}")
{
    [Id(0)]
    public string Point { get; } = point;
}
