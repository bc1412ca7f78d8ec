using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Cluster.Tests;

/// <summary>Several silo processes on one machine form one cluster through PostgreSQL membership.</summary>
public sealed class ClusterTests
{
    [PostgresFact]
    public async Task SilosJoinThroughPostgresAndAnySilosGatewayServesAnyPerson()
    {
        var server = await PostgresServer.Shared;
        await using var cluster = await ProcessCluster.StartAsync(await server.CreateDatabaseAsync("cluster"), silos: 3);

        var status = await new AdminService.AdminServiceClient(cluster.Silos[0].Channel).GetClusterStatusAsync(new GetClusterStatusRequest());
        Assert.Equal(3, status.ActiveSilos);
        Assert.Equal("PostgreSql", status.StorageProfile);
        Assert.Equal(cluster.ClusterId, status.ClusterId);
        Assert.Equal("Silo", status.AnsweredByRole);
        Assert.All(status.Silos, s => Assert.Equal(SiloState.Active, s.State));
        Assert.Equal(
            cluster.Silos.Select(s => s.SiloPort).Order(),
            status.Silos.Select(s => int.Parse(s.Address.Split('@')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).Order());

        // Register people through one silo's gateway, read each through every other one.
        await new NeighbourhoodService.NeighbourhoodServiceClient(cluster.Silos[1].Channel).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-cluster", Name = "Katendrecht", Municipality = "Rotterdam" });
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var via = cluster.Silos[i % 3];
            ids.Add((await new ClientService.ClientServiceClient(via.Channel).RegisterClientAsync(SampleRequests.Intake("wk-cluster"))).Client.ClientId);
        }

        foreach (var id in ids)
        {
            foreach (var silo in cluster.Silos)
            {
                Assert.Equal(id, (await new ClientService.ClientServiceClient(silo.Channel).GetClientAsync(new GetClientRequest { ClientId = id })).Client.ClientId);
            }
        }

        // Each person's grain lives on one silo at a time: twelve people read through three gateways are twelve
        // activations in the whole cluster, not thirty-six.
        var after = await new AdminService.AdminServiceClient(cluster.Silos[2].Channel).GetClusterStatusAsync(new GetClusterStatusRequest());
        Assert.Equal(12, after.Activations.Single(a => a.GrainType == "ClientGrain").Activations);
        Assert.Equal(12, after.Silos.Sum(s => s.ActivationsByType.Where(a => a.GrainType == "ClientGrain").Sum(a => a.Activations)));
    }

    [PostgresFact]
    public async Task AGatewayHostServesTheClusterAsAnOrleansClient()
    {
        var server = await PostgresServer.Shared;
        await using var cluster = await ProcessCluster.StartAsync(await server.CreateDatabaseAsync("gateway"), silos: 2);
        await using var gateway = await SiloProcess.StartAsync("gateway", cluster.Settings(role: "Gateway"));

        var status = await new AdminService.AdminServiceClient(gateway.Channel).GetClusterStatusAsync(new GetClusterStatusRequest());
        Assert.Equal("Gateway", status.AnsweredByRole);
        Assert.Equal(2, status.ActiveSilos);

        await new NeighbourhoodService.NeighbourhoodServiceClient(gateway.Channel).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-zone", Name = "Feijenoord", Municipality = "Rotterdam" });
        var id = (await new ClientService.ClientServiceClient(gateway.Channel).RegisterClientAsync(SampleRequests.Intake("wk-zone"))).Client.ClientId;
        foreach (var silo in cluster.Silos)
        {
            Assert.Equal("wk-zone", (await new ClientService.ClientServiceClient(silo.Channel).GetClientAsync(new GetClientRequest { ClientId = id })).Client.NeighbourhoodId);
        }

        // Bad input through the gateway host gets the same statuses as through a silo.
        var failure = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            new ClientService.ClientServiceClient(gateway.Channel).GetClientAsync(new GetClientRequest { ClientId = "cl-aaaaaaaaaaaaaaaa" }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, failure.StatusCode);
    }
}
