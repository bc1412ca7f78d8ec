using Microsoft.Extensions.DependencyInjection;
using Participatie.TestSupport;

namespace Participatie.Cluster.Tests;

/// <summary>The PostgreSql profile keeps grain state and reminders in PostgreSQL: both survive a restart of the silo.</summary>
public sealed class PostgresRestartTests : RestartContract
{
    private string? _connectionString;

    [PostgresFact]
    public Task StateWrittenBeforeARestartIsReadBackAfterIt() => StateWrittenBeforeARestartIsReadBackAfterItAsync();

    [PostgresFact]
    public Task AReminderRegisteredBeforeARestartFiresAfterItWithoutAnyCall() => AReminderRegisteredBeforeARestartFiresAfterItWithoutAnyCallAsync();

    [PostgresFact]
    public Task ACoachAnswersAtOnceAfterARestartWithAChangeStillOnItsWayToIt() => ACoachAnswersAtOnceAfterARestartWithAChangeStillOnItsWayToItAsync();

    protected override async Task<SiloHost> StartAsync(IDictionary<string, string> settings, Action<IServiceCollection>? overrides = null)
    {
        _connectionString ??= await (await PostgresServer.Shared).CreateDatabaseAsync("restart");
        var all = new Dictionary<string, string>(settings)
        {
            ["Storage:ConnectionString"] = _connectionString,
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Cluster:ClusterId"] = "restart",
        };
        return await SiloHost.StartAsync("PostgreSql", settings: all, overrides: overrides);
    }
}
