using Participatie.Domain.Contracts;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Contracts;

public sealed class ContractRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData(false, false, GoalStatus.Proposed)]
    [InlineData(true, false, GoalStatus.Proposed)]
    [InlineData(false, true, GoalStatus.Proposed)]
    [InlineData(true, true, GoalStatus.Agreed)]
    public void AGoalIsAgreedOnlyOnceBothThePersonAndTheCoachAgreed(bool person, bool coach, GoalStatus expected) =>
        Assert.Equal(expected, ContractRules.AfterAgreement(person, coach));

    [Theory]
    [InlineData(ContractChange.GoalProposed, Party.Person, true)]
    [InlineData(ContractChange.GoalProposed, Party.Coach, true)]
    [InlineData(ContractChange.GoalProposed, Party.Team, false)]
    [InlineData(ContractChange.GoalAgreed, Party.Team, false)]
    [InlineData(ContractChange.SuggestionMade, Party.Coach, true)]
    [InlineData(ContractChange.SuggestionMade, Party.Person, false)]
    [InlineData(ContractChange.SuggestionDeclined, Party.Person, true)]
    [InlineData(ContractChange.SuggestionDeclined, Party.Coach, false)]
    [InlineData(ContractChange.SuggestionAccepted, Party.Coach, false)]
    [InlineData(ContractChange.BindingRequested, Party.Person, true)]
    [InlineData(ContractChange.BindingRequested, Party.Unspecified, false)]
    public void OnlyThePersonAnswersSuggestionsOnlyTheCoachMakesThemAndTheTeamHasNoPartInTheContract(ContractChange change, Party party, bool allowed)
    {
        var refusal = ContractRules.MayAct(party, change);

        Assert.Equal(allowed, refusal is null);
        if (refusal is not null)
        {
            Assert.Equal(ContractRefusal.NotYourPart, refusal.Code);
        }
    }

    [Fact]
    public void ProgressNeedsAnAgreedGoalAndAClosedGoalNoLongerChanges()
    {
        Assert.Null(ContractRules.CheckProgress(GoalStatus.Agreed, "goal-1"));
        Assert.Equal(ContractRefusal.GoalNotAgreed, ContractRules.CheckProgress(GoalStatus.Proposed, "goal-1")?.Code);
        Assert.Equal(ContractRefusal.GoalClosed, ContractRules.CheckProgress(GoalStatus.Achieved, "goal-1")?.Code);
        Assert.Null(ContractRules.CheckOpen(GoalStatus.Proposed, "goal-1"));
        Assert.Equal(ContractRefusal.GoalClosed, ContractRules.CheckOpen(GoalStatus.Stopped, "goal-1")?.Code);
        Assert.Contains("stopped", ContractRules.CheckOpen(GoalStatus.Stopped, "goal-2")!.Message);
    }

    [Theory]
    [InlineData("2026-03-11", true)]
    [InlineData("2028-03-10", true)]
    [InlineData("2026-03-10", false)]
    [InlineData("2026-01-01", false)]
    [InlineData("2028-03-11", false)]
    [InlineData("11-03-2026", false)]
    [InlineData("", false)]
    public void AReviewDateLiesAfterTodayAndWithinTwoYears(string text, bool valid)
    {
        var violations = new Violations();

        var date = ContractRules.ReviewDate(violations, "review_on", text, Today);

        Assert.Equal(valid, date is not null);
        Assert.Equal(!valid, violations.Items.Any(v => v.Field == "review_on"));
    }

    [Fact]
    public void AnOpenSuggestionTakesTheAnswerTheSameAnswerAgainChangesNothingAndAnotherIsRefused()
    {
        Assert.Equal((SuggestionStatus.Declined, null), ContractRules.Answer(SuggestionStatus.Open, null, accept: false, "Ik zorg nu voor mijn moeder.", "sug-1"));
        Assert.Equal((SuggestionStatus.Accepted, null), ContractRules.Answer(SuggestionStatus.Open, null, accept: true, null, "sug-1"));
        Assert.Equal((null, null), ContractRules.Answer(SuggestionStatus.Declined, "Nee, dank je.", accept: false, "Nee, dank je.", "sug-1"));

        var other = ContractRules.Answer(SuggestionStatus.Declined, "Nee, dank je.", accept: true, null, "sug-1");
        var otherWords = ContractRules.Answer(SuggestionStatus.Declined, "Nee, dank je.", accept: false, "Toch niet.", "sug-1");

        Assert.Equal(ContractRefusal.SuggestionAnswered, other.Refusal?.Code);
        Assert.Equal(ContractRefusal.SuggestionAnswered, otherWords.Refusal?.Code);
        Assert.Null(other.Status);
    }

    [Fact]
    public void TheBindingMarkChangesOnlyWhenBothPartiesSaidTheSame()
    {
        var asked = ContractRules.Binding(inForce: false, null, null, Party.Coach, wanted: true);
        Assert.Equal(new BindingDecision(false, true, Party.Coach, ContractChange.BindingRequested), asked);

        // The same party asking again is no news; the other party's matching word makes it take effect.
        Assert.Equal(new BindingDecision(false, true, Party.Coach, ContractChange.Unspecified), ContractRules.Binding(false, true, Party.Coach, Party.Coach, true));
        Assert.Equal(new BindingDecision(true, null, null, ContractChange.BindingChanged), ContractRules.Binding(false, true, Party.Coach, Party.Person, true));

        // Saying the value in force withdraws a pending request; with none pending it changes nothing.
        Assert.Equal(new BindingDecision(false, null, null, ContractChange.BindingRequestWithdrawn), ContractRules.Binding(false, true, Party.Coach, Party.Person, false));
        Assert.Equal(new BindingDecision(true, null, null, ContractChange.Unspecified), ContractRules.Binding(true, null, null, Party.Person, true));

        // Lifting it also takes both.
        Assert.Equal(new BindingDecision(true, false, Party.Person, ContractChange.BindingRequested), ContractRules.Binding(true, null, null, Party.Person, false));
        Assert.Equal(new BindingDecision(false, null, null, ContractChange.BindingChanged), ContractRules.Binding(true, false, Party.Person, Party.Coach, false));
    }

    [Fact]
    public void TheRecordRefusesMoreThanItKeepsAndSaysNothingIsDropped()
    {
        Assert.Null(ContractRules.CheckRoom(ContractRules.MaxGoals - 1, ContractRules.MaxGoals, "goals"));

        var full = ContractRules.CheckRoom(ContractRules.MaxGoals, ContractRules.MaxGoals, "goals");

        Assert.Equal(ContractRefusal.RecordLimitReached, full?.Code);
        Assert.Contains("nothing is dropped", full!.Message);
    }
}
