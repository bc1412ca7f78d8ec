using Participatie.Domain.Experiments;
using Participatie.Domain.People;

namespace Participatie.Domain.Tests.Experiments;

public sealed class EligibilityTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static readonly Candidate Person = new("cl-0000000000000001", new DateOnly(1970, 5, 1), Segment.BeyondCut, "wk-noord", HouseholdType.Single);

    [Fact]
    public void ByDefaultEveryoneOf27AndOverIsEligible()
    {
        Assert.Empty(Eligibility.Reasons(new EligibilityRules(), Person, Day));
        Assert.Empty(Eligibility.Reasons(new EligibilityRules(), Person with { DateOfBirth = new DateOnly(1999, 3, 1) }, Day));
    }

    [Fact]
    public void SomeoneWhoTurns27TomorrowIsNotYetEligible()
    {
        var reasons = Eligibility.Reasons(new EligibilityRules(), Person with { DateOfBirth = new DateOnly(1999, 3, 2) }, Day);

        Assert.Equal(["is 26 on 2026-03-01; the experiment admits people from 27"], reasons);
    }

    [Fact]
    public void EveryReasonIsGivenAtOnce()
    {
        var rules = new EligibilityRules
        {
            MinimumAge = 30,
            MaximumAge = 50,
            Segments = [Segment.WithinCut],
            Neighbourhoods = ["wk-zuid", "wk-west"],
            HouseholdTypes = [HouseholdType.SingleParent, HouseholdType.Couple],
        };

        var reasons = Eligibility.Reasons(rules, Person, Day);

        Assert.Equal(
            [
                "is 55 on 2026-03-01; the experiment admits people up to 50",
                "segment beyond_cut is not among the experiment's (within_cut)",
                "neighbourhood wk-noord is not among the experiment's (wk-zuid, wk-west)",
                "household type single is not among the experiment's (single_parent, couple)",
            ],
            reasons);
    }

    [Fact]
    public void ACandidateWhoMatchesEveryListIsEligible()
    {
        var rules = new EligibilityRules { Segments = [Segment.BeyondCut], Neighbourhoods = ["wk-noord"], HouseholdTypes = [HouseholdType.Single] };

        Assert.Empty(Eligibility.Reasons(rules, Person, Day));
    }
}
