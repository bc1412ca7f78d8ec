using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

[Collection(GatewayCollection.Name)]
public sealed class ClientServiceTests(GatewayFixture gateway)
{
    [Fact]
    public async Task RegisterThenGetReturnsTheRecordWithTheEstimateAndItsFactors()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();

        var registered = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client;
        var read = (await gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = registered.ClientId })).Client;
        // The person sees their whole record, health included; an admin does not see the health conclusion.
        var own = (await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", registered.ClientId))
            .GetClientAsync(new GetClientRequest { ClientId = registered.ClientId })).Client;

        Assert.StartsWith("cl-", read.ClientId);
        Assert.Equal("3072 AB", read.Postcode);
        Assert.Equal(registered, read);
        Assert.Equal(HealthLimitation.Unspecified, read.Factors.Health);
        Assert.Contains("factors.health", read.Withheld);
        Assert.DoesNotContain(read.CurrentEstimate.Contributions, c => c.Factor == "health");
        Assert.Equal(HealthLimitation.Mild, own.Factors.Health);
        Assert.Empty(own.Withheld);
        var estimate = own.CurrentEstimate;
        Assert.Equal(estimate.Months, estimate.Contributions.Sum(c => c.Months));
        Assert.Contains(estimate.Contributions, c => c.Factor == "language" && c.Value == "adequate");
        Assert.Equal(24, estimate.CutMonths);
        Assert.Equal("example-municipality-2024", estimate.Model);
        Assert.Equal("2024-01-01", estimate.ModelEffectiveFrom);
        Assert.Equal(1, (await gateway.Neighbourhoods.GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood.Residents);
    }

    [Fact]
    public async Task InvalidIntakeGetsInvalidArgumentWithFieldViolationsAndNobodyIsRegistered()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var request = GatewayFixture.Intake(wijk);
        request.GivenName = new string('x', 101);
        request.Postcode = "12345";
        request.HouseholdType = (HouseholdType)42;
        request.Factors.Health = HealthLimitation.Unspecified;

        await RpcAssert.InvalidAsync(() => gateway.Clients.RegisterClientAsync(request).ResponseAsync, "given_name", "postcode", "household_type", "factors.health");

        Assert.Equal(0, (await gateway.Neighbourhoods.GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood.Residents);
    }

    [Fact]
    public async Task SomeoneUnder27GetsFailedPreconditionForTheYouthPathway()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();

        await RpcAssert.PreconditionAsync(() => gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk, age: 22)).ResponseAsync, "YOUTH_PATHWAY");
    }

    [Fact]
    public async Task UnknownIdsAreNotFoundAndMalformedIdsAreInvalid()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = "cl-0000000000000000" }).ResponseAsync);
        await RpcAssert.InvalidAsync(() => gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = "123456782" }).ResponseAsync, "client_id");
        await RpcAssert.InvalidAsync(() => gateway.Clients.GetClientAsync(new GetClientRequest()).ResponseAsync, "client_id");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Clients.RegisterClientAsync(GatewayFixture.Intake("wk-does-not-exist")).ResponseAsync);
    }

    [Fact]
    public async Task ARepeatedRegistrationWithTheSameRequestIdRegistersOnce()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var request = GatewayFixture.Intake(wijk);
        request.RequestId = "intake-" + Guid.NewGuid();

        var first = await gateway.Clients.RegisterClientAsync(request);
        var second = await gateway.Clients.RegisterClientAsync(request);

        Assert.Equal(first.Client.ClientId, second.Client.ClientId);
        Assert.Equal(1, (await gateway.Neighbourhoods.GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood.Residents);
        request.GivenName = "Someone Else";
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => gateway.Clients.RegisterClientAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task AssessAndOverrideKeepTheFullHistory()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var client = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client;
        var coach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk Bakker" })).Coach;
        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach.CoachId, ClientId = client.ClientId });
        var factors = GatewayFixture.Intake(wijk).Factors;
        factors.Health = HealthLimitation.Severe;
        var asCoach = new ClientService.ClientServiceClient(gateway.Host.ChannelAs("coach", coach.CoachId, purpose: "case_work"));

        var reassessed = (await asCoach.AssessReintegrationAsync(new AssessReintegrationRequest { ClientId = client.ClientId, Factors = factors })).Estimate;
        await RpcAssert.InvalidAsync(() => asCoach.OverrideEstimateAsync(new OverrideEstimateRequest { ClientId = client.ClientId, Months = 12, CoachId = coach.CoachId }).ResponseAsync, "reason");
        var overridden = (await asCoach.OverrideEstimateAsync(new OverrideEstimateRequest
        {
            ClientId = client.ClientId,
            Months = 12,
            Reason = "Has a job offer at a children's farm starting next month.",
            CoachId = coach.CoachId,
        })).Estimate;

        Assert.Equal(Segment.BeyondCut, reassessed.Segment);
        Assert.True(overridden.Overridden);
        Assert.Equal(Segment.WithinCut, overridden.Segment);
        Assert.Equal(reassessed.ComputedMonths, overridden.ComputedMonths);
        var history = (await asCoach.GetClientAsync(new GetClientRequest { ClientId = client.ClientId })).Client.EstimateHistory;
        Assert.Equal(3, history.Count);
        Assert.Equal(overridden, history[^1]);
    }
}
