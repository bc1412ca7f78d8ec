using Participatie.Domain.Caseloads;

namespace Participatie.Domain.Tests.Caseloads;

public sealed class HandOverPlanningTests
{
    [Fact]
    public void ColleaguesAreFilledInTheOrderNamedEachUpToTheirFreePlaces()
    {
        var plan = HandOverPlanning.Fill(["cl-a", "cl-b", "cl-c", "cl-d"], [("co-full", 0), ("co-small", 1), ("co-large", 10)]);

        Assert.Equal([("cl-a", "co-small"), ("cl-b", "co-large"), ("cl-c", "co-large"), ("cl-d", "co-large")], plan);
    }

    [Fact]
    public void WithoutRoomForEveryoneThereIsNoPlan()
    {
        Assert.Null(HandOverPlanning.Fill(["cl-a", "cl-b", "cl-c"], [("co-one", 1), ("co-other", 1)]));
        Assert.Empty(HandOverPlanning.Fill([], [("co-full", 0)])!);
    }

    [Fact]
    public void APersonRefusedGoesToTheFirstColleagueNotKnownToBeFull()
    {
        Assert.Equal("co-c", HandOverPlanning.NextWithRoom(["co-a", "co-b", "co-c"], new HashSet<string> { "co-a", "co-b" }));
        Assert.Null(HandOverPlanning.NextWithRoom(["co-a"], new HashSet<string> { "co-a" }));
    }
}
