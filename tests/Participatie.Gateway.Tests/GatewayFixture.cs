using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests;

/// <summary>One silo host (Memory profile) with its gateway, shared by the gateway tests and reached over real HTTP/2.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public SiloHost Host { get; private set; } = null!;

    public ClientService.ClientServiceClient Clients => new(Host.Channel);

    public CoachService.CoachServiceClient Coaches => new(Host.Channel);

    public NeighbourhoodService.NeighbourhoodServiceClient Neighbourhoods => new(Host.Channel);

    public AdminService.AdminServiceClient Admin => new(Host.Channel);

    public async Task InitializeAsync() =>
        Host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string> { ["Caseload:DefaultLimit"] = "2" });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<string> NewNeighbourhoodAsync()
    {
        var id = "wk-gw-" + Guid.NewGuid().ToString("N")[..12];
        await Neighbourhoods.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = id, Name = "Afrikaanderwijk", Municipality = "Rotterdam" });
        return id;
    }

    public static RegisterClientRequest Intake(string neighbourhoodId, int age = 45) => SampleRequests.Intake(neighbourhoodId, age);
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
