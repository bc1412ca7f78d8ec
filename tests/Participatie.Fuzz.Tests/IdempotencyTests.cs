using Google.Rpc;
using Grpc.Core;
using Participatie.Contracts.V1;

namespace Participatie.Fuzz.Tests;

/// <summary>Idempotency keys (request_id): a repeat answers as the first time; a key reused for something else does not.</summary>
[Collection(FocusedChecks.Name)]
public sealed class IdempotencyTests(FuzzWorld world)
{
    [Fact]
    public async Task CreateCoachRepeatedWithTheSameRequestIdAnswersWithTheSameCoach()
    {
        var coaches = new CoachService.CoachServiceClient(world.Host.Channel);
        var request = new CreateCoachRequest { RequestId = "coach-" + Guid.NewGuid().ToString("N"), DisplayName = "Sanne Jansen", CaseloadLimit = 20 };

        var first = (await coaches.CreateCoachAsync(request, deadline: Deadline())).Coach;
        var again = (await coaches.CreateCoachAsync(request, deadline: Deadline())).Coach;

        Assert.Equal(first, again);
    }

    [Fact]
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
