using Google.Rpc;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.Domain.Reintegration;
using Participatie.TestSupport;

namespace Participatie.Fuzz.Tests;

/// <summary>
/// Regression: a list of thousands of unknown social circumstances made one field violation per element; the
/// BadRequest in the reply's trailers outgrew what a client accepts (64 KiB in .NET, 8 KiB in grpc-java), and the
/// caller got UNAVAILABLE ("The HTTP headers length exceeded the set limit") — retryable — instead of INVALID_ARGUMENT.
/// </summary>
[Collection(FocusedChecks.Name)]
public sealed class ValidationFloodTests(FuzzWorld world)
{
    private const int Flood = 20_000;

    [Fact]
    public async Task AnIntakeWithAFloodOfUnknownSocialCircumstancesGetsTenFieldViolations()
    {
        var intake = SampleRequests.Intake(FuzzWorld.NeighbourhoodId);
        intake.Factors.SocialCircumstances.Clear();
        intake.Factors.SocialCircumstances.AddRange(Enumerable.Repeat((SocialCircumstance)99, Flood));

        await AssertTenViolationsAsync(() => new ClientService.ClientServiceClient(world.Host.Channel).RegisterClientAsync(intake, deadline: Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task AnAssessmentWithAFloodOfUnknownSocialCircumstancesGetsTenFieldViolations()
    {
        var factors = SampleRequests.Intake(FuzzWorld.NeighbourhoodId).Factors;
        factors.SocialCircumstances.Clear();
        factors.SocialCircumstances.AddRange(Enumerable.Range(0, Flood).Select(i => (SocialCircumstance)(i % 2 == 0 ? 99 : 2)));
        var request = new AssessReintegrationRequest { ClientId = world.ClientId, Factors = factors };

        await AssertTenViolationsAsync(() => new ClientService.ClientServiceClient(world.Host.ChannelAs("coach", world.CoachId)).AssessReintegrationAsync(request, deadline: Deadline()).ResponseAsync, step: 2);
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

    private static async Task AssertTenViolationsAsync(Func<Task> call, int step = 1)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        var violations = failure.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        Assert.NotNull(violations);
        Assert.Equal(
            Enumerable.Range(0, ReintegrationFactorRules.MaxReportedElements).Select(i => $"factors.social_circumstances[{i * step}]"),
            violations.Select(v => v.Field));
    }
}

/// <summary>Focused checks of defects the fuzz run found, in a world of their own, apart from the fuzz run's.</summary>
[CollectionDefinition(Name)]
public sealed class FocusedChecks : ICollectionFixture<FuzzWorld>
{
    public const string Name = "focused checks";
}
