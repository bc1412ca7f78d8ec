using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Participatie.Domain.Reintegration;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Search;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>
/// Clusters of their own for the payment pass property test, one silo each, started and stopped by the test: a run walks
/// every person of its cluster, so a fresh cluster every few cases keeps the walks short. Their clock can be set ahead
/// (<see cref="Clock"/>), so every case pays months of its own that are due and follow the registration of its people.
/// </summary>
public static class PaymentPassesCluster
{
    public static ShiftedClock Clock { get; } = new();

    /// <summary>
    /// Starts a cluster; a start whose client cannot reach the new silo's gateway (seen once on a busy CI machine) is
    /// torn down and tried again on fresh ports, up to three times.
    /// </summary>
    public static async Task<TestCluster> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var builder = new TestClusterBuilder(1);
            builder.AddSiloBuilderConfigurator<SiloConfigurator>();
            var cluster = builder.Build();
            try
            {
                await cluster.DeployAsync();
                await ClusterManifests.GrainTypesKnownAsync(cluster);
                return cluster;
            }
            catch (Orleans.Runtime.Messaging.ConnectionFailedException) when (attempt < 3)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    public static async Task StopAsync(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        private static readonly FlakyDirectory Directory = new();

        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Provider);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddSingleton<IFaultPoints>(new ScriptedFaults());
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock);
            siloBuilder.Services.Configure<ReintegrationPolicy>(p => p.Models.Add(TestModels.Standard()));
            siloBuilder.Services.Configure<OutboxOptions>(o => o.RetryDelay = TimeSpan.FromMilliseconds(200));
            siloBuilder.Services.AddSingleton(Options.Create(TestRules.Benefits()));
            siloBuilder.Services.AddSingleton<IClientDirectoryStore>(Directory);
            siloBuilder.Services.AddSingleton(Options.Create(TestRules.Regimes()));
            siloBuilder.Services.Configure<PaymentRunOptions>(o =>
            {
                o.BatchSize = 100;
                o.Concurrency = 16;
                o.ResumeInterval = TimeSpan.FromSeconds(2);
            });
            siloBuilder.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
            });
        }
    }
}

/// <summary>The system's clock moved by an offset the test sets; timers and time stamps run as the system's.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock so that it reads <paramref name="now"/> (and runs on from there); never backwards.</summary>
    public void Set(DateTimeOffset now)
    {
        var offset = (now - base.GetUtcNow()).Ticks;
        if (offset < Interlocked.Read(ref _offsetTicks))
        {
            throw new InvalidOperationException("the clock only moves forward");
        }

        Interlocked.Exchange(ref _offsetTicks, offset);
    }
}
