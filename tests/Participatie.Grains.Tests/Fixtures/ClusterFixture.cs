using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Orleans.TestingHost;
using Participatie.Domain.Benefits;
using Participatie.Domain.Reintegration;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Search;
using Participatie.TestSupport;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>One in-process test cluster (two silos) shared by every grain test; each test uses fresh grain keys.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Fault points shared by the silos of this process; tests arm them and must disarm in finally.</summary>
    public static ScriptedFaults Faults { get; } = new();

    /// <summary>The benefit table of the silos of this process; tests that change it must reset it in finally.</summary>
    public static SwitchableBenefits Benefits { get; } = new();

    /// <summary>The client directory of the silos of this process: one table for both, as in a real cluster.</summary>
    public static FlakyDirectory Directory { get; } = new();

    /// <summary>Hears when a grain's outbox delivered everything, for tests that await a delivery.</summary>
    public static OutboxWatch Drains { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await ClusterManifests.GrainTypesKnownAsync(Cluster);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Provider);
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (services, name) =>
                new CountingStorage(MemoryGrainStorageFactory.Create(services, (string)name!)));
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddSingleton<IFaultPoints>(Faults);
            siloBuilder.Services.AddSingleton(TimeProvider.System);
            siloBuilder.Services.Configure<ReintegrationPolicy>(p => p.Models.Add(TestModels.Standard()));
            siloBuilder.Services.Configure<CaseloadOptions>(o =>
            {
                o.DefaultLimit = 3;
                o.ReservationTimeout = TimeSpan.Zero;
                o.HandOverResumeInterval = TimeSpan.FromSeconds(2);
            });
            siloBuilder.Services.Configure<OutboxOptions>(o => o.RetryDelay = TimeSpan.FromMilliseconds(200));
            siloBuilder.Services.AddSingleton<IOptions<BenefitTable>>(Benefits);

            // These tests work out statements of fixed months of 2024 and 2025 (and one without figures, in 2023) for people
            // registered today: the date bounds are wide here. The bounds themselves are tested in the domain's
            // DateBoundsTests and through the gateway (DateBoundsServiceTests).
            siloBuilder.Services.Configure<DateBounds>(d =>
            {
                d.FirstMonth = "2020-01";
                d.BackdatingMonths = 120;
            });
            siloBuilder.Services.AddSingleton<IClientDirectoryStore>(Directory);
            siloBuilder.Services.AddSingleton<IOutboxMonitor>(Drains);
            siloBuilder.Services.AddSingleton(Options.Create(TestRules.Regimes()));
            siloBuilder.Services.Configure<PaymentRunOptions>(o =>
            {
                o.BatchSize = 3;
                o.Concurrency = 2;
                o.ResumeInterval = TimeSpan.FromSeconds(2);
            });

            // Reminders may tick every second here, so a payment run broken off is woken again quickly.
            siloBuilder.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// A cluster of its own for payment runs: a run walks every person of the platform, so its totals are only exact where
/// no other test registers people.
/// </summary>
public sealed class PaymentsFixture : ClusterFixture;

[CollectionDefinition(Name)]
public sealed class PaymentsCollection : ICollectionFixture<PaymentsFixture>
{
    public const string Name = "payments";
}
