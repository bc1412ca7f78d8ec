using Grpc.Core;
using Grpc.Health.V1;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Cluster.Tests;

/// <summary>How a silo leaves when an admin or an orchestrator stops it (SIGTERM): there is no drain API in Orleans.</summary>
public sealed class GracefulStopTests
{
    [PostgresFact]
    public async Task AStoppingSiloTurnsNotReadyRefusesNewCallsThenLeavesAndItsPeopleAreServedElsewhere()
    {
        var server = await PostgresServer.Shared;
        await using var cluster = await ProcessCluster.StartAsync(await server.CreateDatabaseAsync("drain"), silos: 1);
        // The second silo waits four seconds between turning not-ready and closing its ports.
        var leaving = await cluster.AddSiloAsync(new Dictionary<string, string> { ["Hosting:DrainDelay"] = "00:00:04" });
        await cluster.WaitForActiveSilosAsync(2, TimeSpan.FromSeconds(60));
        var staying = cluster.Silos[0];

        await new NeighbourhoodService.NeighbourhoodServiceClient(leaving.Channel).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-drain", Name = "Afrikaanderwijk", Municipality = "Rotterdam" });
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add((await new ClientService.ClientServiceClient(leaving.Channel).RegisterClientAsync(SampleRequests.Intake("wk-drain"))).Client.ClientId);
        }

        leaving.Terminate();

        // At once: readiness is false (gRPC health and the HTTP probe) and new calls are refused as retryable.
        var health = new Health.HealthClient(leaving.Channel);
        await Eventually(async () => (await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.NotServing);
        using (var http = new HttpClient())
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await http.GetAsync(leaving.WebAddress + "/health/ready")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(leaving.WebAddress + "/health/live")).StatusCode);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new ClientService.ClientServiceClient(leaving.Channel).GetClientAsync(new GetClientRequest { ClientId = ids[0] }).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);

        // Then the host stops by itself, cleanly, and leaves the cluster.
        Assert.Equal(0, await leaving.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var status = await cluster.WaitForActiveSilosAsync(1, TimeSpan.FromSeconds(30));
        Assert.Contains(status.Silos, s => s.Address.StartsWith($"127.0.0.1:{staying.SiloPort}@", StringComparison.Ordinal) && s.State == SiloState.Active);

        // Everyone registered through the silo that left is served by the one that stayed, from PostgreSQL.
        foreach (var id in ids)
        {
            Assert.Equal("wk-drain", (await new ClientService.ClientServiceClient(staying.Channel).GetClientAsync(new GetClientRequest { ClientId = id })).Client.NeighbourhoodId);
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The condition did not hold within five seconds");
    }
}
