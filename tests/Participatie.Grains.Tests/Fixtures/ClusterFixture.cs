using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Participatie.Domain.Reintegration;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>One in-process test cluster (two silos) shared by every grain test; each test uses fresh grain keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Fault points shared by the silos of this process; tests arm them and must disarm in finally.</summary>
    public static ScriptedFaults Faults { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
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
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddSingleton<IFaultPoints>(Faults);
            siloBuilder.Services.AddSingleton(TimeProvider.System);
            siloBuilder.Services.Configure<ReintegrationPolicy>(p => p.Models.Add(TestModels.Standard()));
            siloBuilder.Services.Configure<CaseloadOptions>(o =>
            {
                o.DefaultLimit = 3;
                o.ReservationTimeout = TimeSpan.Zero;
            });
            siloBuilder.Services.Configure<OutboxOptions>(o => o.RetryDelay = TimeSpan.FromMilliseconds(200));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
