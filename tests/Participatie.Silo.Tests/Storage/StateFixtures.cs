using System.Reflection;
using Participatie.Grains.Infrastructure;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Storage;

/// <summary>The stored-state fixtures of released versions, and the state types the grains persist today.</summary>
internal static class StateFixtures
{
    /// <summary><c>tests/Participatie.Silo.Tests/Fixtures/State</c>: one folder per set (<c>v1</c>, <c>v2</c>, …).</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "Participatie.Silo.Tests", "Fixtures", "State");

    /// <summary>The sets kept, oldest first.</summary>
    public static IEnumerable<string> Sets() =>
        Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>Every <c>[PersistentState]</c> of a grain in the Grains assembly: its state name and state type.</summary>
    public static IReadOnlyDictionary<string, Type> PersistedTypes() =>
        typeof(StorageNames).Assembly.GetTypes()
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .SelectMany(c => c.GetParameters())
            .Select(p => (Attribute: p.GetCustomAttribute<PersistentStateAttribute>(), p.ParameterType))
            .Where(p => p.Attribute is not null)
            .ToDictionary(
                p => p.Attribute!.StateName,
                p => p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>)
                    ? p.ParameterType.GetGenericArguments()[0]
                    : throw new InvalidOperationException($"[PersistentState(\"{p.Attribute!.StateName}\")] is not on an IPersistentState<T>"),
                StringComparer.Ordinal);

    public static IEnumerable<string> StateNames() => PersistedTypes().Keys;
}
