using Microsoft.Extensions.DependencyInjection;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>The Local profile keeps everything in its SQLite file: state and reminders survive a restart.</summary>
public sealed class RestartTests : RestartContract, IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task StateWrittenBeforeARestartIsReadBackAfterIt()
    {
        await StateWrittenBeforeARestartIsReadBackAfterItAsync();
        Assert.True(File.Exists(Path.Combine(_data, "participatie.db")));
    }

    [Fact]
    public Task AReminderRegisteredBeforeARestartFiresAfterItWithoutAnyCall() => AReminderRegisteredBeforeARestartFiresAfterItWithoutAnyCallAsync();

    [Fact]
    public Task ACoachAnswersAtOnceAfterARestartWithAChangeStillOnItsWayToIt() => ACoachAnswersAtOnceAfterARestartWithAChangeStillOnItsWayToItAsync();

    protected override Task<SiloHost> StartAsync(IDictionary<string, string> settings, Action<IServiceCollection>? overrides = null) =>
        SiloHost.StartAsync("Local", _data, settings, overrides);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
