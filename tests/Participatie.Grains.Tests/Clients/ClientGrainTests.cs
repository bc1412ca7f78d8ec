using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain;
using Participatie.Domain.People;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Clients;

[Collection(ClusterCollection.Name)]
public sealed class ClientGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task RegisteringComputesTheEstimateAndShowsEachFactorsContribution()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var client = await _grains.GetGrain<IClientGrain>(Ids.NewClientId()).RegisterAsync(TestModels.Intake(wijk, factors: TestModels.FarFromWork()));

        var estimate = client.CurrentEstimate!;
        Assert.Equal(78, estimate.Months);
        Assert.Equal(estimate.Months, estimate.Contributions.Sum(c => c.Months));
        Assert.Contains(estimate.Contributions, c => c is { Factor: "health", Value: "substantial", Months: 15 });
        Assert.Contains(estimate.Contributions, c => c is { Factor: "years_on_assistance", Value: "12 years", Months: 15 });
        Assert.Equal(Segment.BeyondCut, estimate.Segment);
        Assert.Equal(24, estimate.CutMonths);
        Assert.Equal("test-model", estimate.Model);
        Assert.Single(client.EstimateHistory);
    }

    [Fact]
    public async Task SomeoneUnder27IsRefusedForTheYouthPathwayAndNothingIsStored()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var grain = _grains.GetGrain<IClientGrain>(Ids.NewClientId());

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.RegisterAsync(TestModels.Intake(wijk, age: 26)));

        Assert.Equal(Reasons.YouthPathway, refused.Reason);
        Assert.Contains("youth pathway", refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => grain.GetAsync());
        Assert.Equal(0, (await _grains.GetGrain<INeighbourhoodGrain>(wijk).GetAsync()).Residents);
    }

    [Fact]
    public async Task InvalidIntakeNamesEveryBadFieldAndStoresNothing()
    {
        var grain = _grains.GetGrain<IClientGrain>(Ids.NewClientId());
        var bad = TestModels.Intake("wk-nowhere") with { GivenName = "", Postcode = "0000 XX", DateOfBirth = "30-04-1971", Factors = TestModels.NearWork() with { WorkExperienceYears = -1 } };

        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => grain.RegisterAsync(bad));

        Assert.Equal(["dateOfBirth", "factors.WorkExperienceYears", "givenName", "postcode"], invalid.Errors.Select(e => e.Field).Order().ToArray());
        await Assert.ThrowsAsync<NotFoundException>(() => grain.GetAsync());
    }

    [Fact]
    public async Task RegisteringInAnUndefinedNeighbourhoodFailsWithNotFound()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(() =>
            _grains.GetGrain<IClientGrain>(Ids.NewClientId()).RegisterAsync(TestModels.Intake("wk-never-defined")));

        Assert.Equal("neighbourhood", missing.Kind);
    }

    [Fact]
    public async Task RepeatingARegistrationReturnsTheFirstRecordAndADifferentIntakeWithTheSameKeyIsRefused()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var key = "req-" + Guid.NewGuid();
        var grain = _grains.GetGrain<IClientGrain>(Ids.FromRequestKey(IdKind.Client, key));

        var first = await grain.RegisterAsync(TestModels.Intake(wijk, requestId: key));
        var again = await grain.RegisterAsync(TestModels.Intake(wijk, requestId: key));

        Assert.Equal(first.RegisteredAt, again.RegisteredAt);
        Assert.Equal(1, (await _grains.GetGrain<INeighbourhoodGrain>(wijk).GetAsync()).Residents);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => grain.RegisterAsync(TestModels.Intake(wijk, age: 50, requestId: key)));
    }

    [Fact]
    public async Task ReassessingWithNewFactorsKeepsTheOldEstimateInTheHistory()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var grain = _grains.GetGrain<IClientGrain>(Ids.NewClientId());
        await grain.RegisterAsync(TestModels.Intake(wijk));

        var estimate = await grain.AssessAsync(TestModels.FarFromWork(), "co-assessor");

        var client = await grain.GetAsync();
        Assert.Equal([6, 78], client.EstimateHistory.Select(e => e.Months).ToArray());
        Assert.Equal((estimate.Months, estimate.AssessedAt), (client.CurrentEstimate!.Months, client.CurrentEstimate.AssessedAt));
        Assert.Equal(HealthLimitation.Substantial, client.Factors.Health);
        Assert.Equal(1, (await _grains.GetGrain<INeighbourhoodGrain>(wijk).GetAsync()).BeyondCut);
    }

    [Fact]
    public async Task TheOwnCoachCanOverrideWithAReasonAndTheComputedFigureStaysVisible()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        var grain = _grains.GetGrain<IClientGrain>(Ids.NewClientId());
        await grain.RegisterAsync(TestModels.Intake(wijk));
        await grain.Cast<IClientCaseGrain>().AssignCoachAsync(coach);

        await Assert.ThrowsAsync<InvalidInputException>(() => grain.OverrideEstimateAsync(36, "too short", coach));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.OverrideEstimateAsync(36, "Knows the labour market well.", Ids.NewCoachId()));
        var overridden = await grain.OverrideEstimateAsync(36, "Recent burn-out; needs time before any job search.", coach);

        Assert.True(overridden.Overridden);
        Assert.Equal(36, overridden.Months);
        Assert.Equal(6, overridden.ComputedMonths);
        Assert.Equal(Segment.BeyondCut, overridden.Segment);
        Assert.Equal(coach, overridden.OverriddenBy);
        Assert.Equal(2, (await grain.GetAsync()).EstimateHistory.Count);
        var figures = await _grains.GetGrain<INeighbourhoodGrain>(wijk).GetAsync();
        Assert.Equal((0, 1), (figures.WithinCut, figures.BeyondCut));
    }
}
