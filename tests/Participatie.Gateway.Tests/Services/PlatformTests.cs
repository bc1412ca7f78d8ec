using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Grpc.Reflection.V1Alpha;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

[Collection(GatewayCollection.Name)]
public sealed class PlatformTests(GatewayFixture gateway)
{
    [Fact]
    public async Task HealthIsServingOnceTheSiloIsUp()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(gateway.Host.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task ReflectionListsThePublicServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(gateway.Host.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("participatie.v1.ClientService", services);
        Assert.Contains("participatie.v1.CoachService", services);
        Assert.Contains("participatie.v1.NeighbourhoodService", services);
        Assert.Contains("participatie.v1.ExperimentService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task BrowsersReachTheApiWithGrpcWebOverHttp11()
    {
        using var channel = GrpcChannel.ForAddress(gateway.Host.WebAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, new HttpClientHandler()),
            HttpVersion = new Version(1, 1),
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

        // A browser sends its token as a header like any other client.
        var reply = await new AdminService.AdminServiceClient(channel).PingAsync(
            new PingRequest { Payload = "hallo" },
            new Grpc.Core.Metadata { { "authorization", "Bearer " + TestKeys.Token("person", "cl-0000000000000001") } });

        Assert.Equal("hallo", reply.Payload);
    }

    [Fact]
    public async Task StatusCountsWhatThePlatformHolds()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk));
        await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk Bakker" });

        var status = await gateway.Admin.GetPlatformStatusAsync(new GetPlatformStatusRequest());

        Assert.True(status.Neighbourhoods >= 1);
        Assert.True(status.Clients >= 1);
        Assert.True(status.Coaches >= 1);
        Assert.Equal(status.Clients, status.ClientsWithinCut + status.ClientsBeyondCut + status.ClientsNotAssessed);
        Assert.Equal("Memory", status.StorageProfile);
        var listed = await gateway.Neighbourhoods.ListNeighbourhoodsAsync(new ListNeighbourhoodsRequest { PageSize = 1000 });
        Assert.Contains(listed.Neighbourhoods, n => n.NeighbourhoodId == wijk && n.Residents == 1);
    }

    [Fact]
    public async Task ClusterStatusListsTheSiloAndItsActivationsPerGrainType()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk));

        var status = await gateway.Admin.GetClusterStatusAsync(new GetClusterStatusRequest());

        var silo = Assert.Single(status.Silos);
        Assert.Equal(SiloState.Active, silo.State);
        Assert.Equal(1, status.ActiveSilos);
        Assert.Equal("Memory", status.StorageProfile);
        Assert.Equal("Silo", status.AnsweredByRole);
        Assert.True(status.AnsweredByManagedHeapBytes > 0, "the answering host's managed heap is reported");
        Assert.Equal("participatie", status.ClusterId);
        Assert.True(status.Activations.Single(a => a.GrainType == "ClientGrain").Activations >= 1);
        Assert.True(status.Activations.Single(a => a.GrainType == "NeighbourhoodGrain").Activations >= 1);
        Assert.Equal(status.TotalActivations, silo.Activations);
        Assert.Equal(status.Activations.Sum(a => a.Activations), status.TotalActivations);
        Assert.True(DateTimeOffset.Parse(silo.StartedAt, System.Globalization.CultureInfo.InvariantCulture) <= DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HttpProbesAnswerOnTheWebEndpoint(string path)
    {
        using var http = new HttpClient();

        var reply = await http.GetAsync(gateway.Host.WebAddress + path);

        Assert.Equal(System.Net.HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("Healthy", await reply.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PingRejectsAnOversizedPayload()
    {
        await RpcAssert.InvalidAsync(() => gateway.Admin.PingAsync(new PingRequest { Payload = new string('p', 300) }).ResponseAsync, "payload");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => gateway.Neighbourhoods.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = "WK-Upper" }).ResponseAsync);
    }
}
