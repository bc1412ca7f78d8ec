using System.Collections.Concurrent;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>Fault points that throw a chosen number of times, to interrupt an operation half-way.</summary>
public sealed class ScriptedFaults : IFaultPoints
{
    private readonly ConcurrentDictionary<string, int> _armed = new();
    private readonly ConcurrentDictionary<string, int> _fired = new();

    public void Arm(string point, int times = 1) => _armed[point] = times;

    public void DisarmAll() => _armed.Clear();

    /// <summary>How often the point threw since the process started: a test proves its fault actually happened.</summary>
    public int Fired(string point) => _fired.GetValueOrDefault(point);

    public void Hit(string point)
    {
        if (_armed.TryGetValue(point, out var left) && left > 0 && _armed.TryUpdate(point, left - 1, left))
        {
            _fired.AddOrUpdate(point, 1, (_, n) => n + 1);
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
