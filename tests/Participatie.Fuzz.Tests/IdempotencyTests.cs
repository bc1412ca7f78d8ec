using Google.Rpc;
using Grpc.Core;
using Participatie.Contracts.V1;

namespace Participatie.Fuzz.Tests;

/// <summary>Idempotency keys (request_id): a repeat answers as the first time; a key reused for something else does not.</summary>
[Collection(FocusedChecks.Name)]
public sealed class IdempotencyTests(FuzzWorld world)
{
    private const string ReusedCoachKeySkip =
        "Reported to the integrator: CreateCoach with a request_id used before for a different coach (another display_name, " +
        "caseload_limit or neighbourhood_id) answers OK with the coach created the first time: CoachGrain.CreateAsync compares " +
        "only the key. Expected, as the README's error table says and RegisterClient does: ALREADY_EXISTS with a " +
        "google.rpc.ResourceInfo (resource_type \"coach\", resource_name the coach's id), nothing changed; repeating the first " +
        "request exactly still answers OK with the same coach.";

    [Fact]
    public async Task CreateCoachRepeatedWithTheSameRequestIdAnswersWithTheSameCoach()
    {
        var coaches = new CoachService.CoachServiceClient(world.Host.Channel);
        var request = new CreateCoachRequest { RequestId = "coach-" + Guid.NewGuid().ToString("N"), DisplayName = "Sanne Jansen", CaseloadLimit = 20 };

        var first = (await coaches.CreateCoachAsync(request, deadline: Deadline())).Coach;
        var again = (await coaches.CreateCoachAsync(request, deadline: Deadline())).Coach;

        Assert.Equal(first, again);
    }

    [Fact(Skip = ReusedCoachKeySkip)]
    public async Task CreateCoachWithARequestIdUsedForAnotherCoachIsAlreadyExists()
    {
        var coaches = new CoachService.CoachServiceClient(world.Host.Channel);
        var request = new CreateCoachRequest { RequestId = "coach-" + Guid.NewGuid().ToString("N"), DisplayName = "Sanne Jansen", CaseloadLimit = 20 };
        var first = (await coaches.CreateCoachAsync(request, deadline: Deadline())).Coach;
        var other = request.Clone();
        other.DisplayName = "Someone Else";

        var failure = await Assert.ThrowsAsync<RpcException>(() => coaches.CreateCoachAsync(other, deadline: Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, failure.StatusCode);
        var resource = failure.GetRpcStatus()?.GetDetail<ResourceInfo>();
        Assert.Equal("coach", resource?.ResourceType);
        Assert.Equal(first.CoachId, resource?.ResourceName);
        Assert.Equal(first, (await coaches.GetCoachAsync(new GetCoachRequest { CoachId = first.CoachId }, deadline: Deadline())).Coach);
        Assert.Equal(first, (await coaches.CreateCoachAsync(request, deadline: Deadline())).Coach);
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);
}
