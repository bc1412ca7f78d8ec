using Participatie.Domain.Contracts;

namespace Participatie.Domain.Tests.Contracts;

/// <summary>Every change of the social contract and every refusal, decided without a silo on a fixed clock.</summary>
public sealed class SocialContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = Now.AddDays(-7);
    private static readonly DateOnly ReviewOn = new(2026, 4, 9);
    private static readonly Actor Person = new(Party.Person, "cl-anna");
    private static readonly Actor Coach = new(Party.Coach, "co-sanne");
    private static readonly Parties Both = new(Person.Id, Coach.Id, TeamInvolved: true);

    [Fact]
    public void AProposalIsAgreedByWhoeverProposesItAndGoesIntoTheHistoryAsTheNextEntry()
    {
        var decision = Contract(historyCount: 4).Propose(Coach, Proposal("Twee ochtenden vrijwilligerswerk"), Now);

        var goal = Assert.IsType<Goal>(decision.Item);
        Assert.True(decision.Changed);
        Assert.Equal(("goal-1", GoalStatus.Proposed, Party.Coach, Now), (goal.GoalId, goal.Status, goal.ProposedBy, goal.ProposedAt));
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)Now), (goal.AgreedByPersonAt, goal.AgreedByCoachAt));
        Assert.Equal(new ContractEntry(5, Now, Party.Coach, Coach.Id, ContractChange.GoalProposed, "goal-1", "domain volunteering, review on 2026-04-09"), decision.Entry);
    }

    [Fact]
    public void AGoalIsNumberedByItsPlaceOnTheRecord()
    {
        var goal = Contract(goals: [Proposed(1), Proposed(2)]).Propose(Person, Proposal("Fietsen"), Now).Item!;

        Assert.Equal("goal-3", goal.GoalId);
        Assert.Equal(Now, goal.AgreedByPersonAt);
    }

    [Fact]
    public void TheFingerprintOfAKeyedProposalKeepsTheStoredFormat()
    {
        var goal = Contract().Propose(Person, Proposal("Fietsen") with { RequestId = "app-1" }, Now).Item!;

        Assert.Equal("app-1", goal.RequestId);
        Assert.Equal("Volunteering\u001fFietsen\u001f04/09/2026\u001fPerson", goal.RequestFingerprint);
    }

    [Fact]
    public void AProposalSentAgainWithItsKeyIsAnsweredWithTheSameGoalAndAKeyReusedForAnotherIsAConflict()
    {
        var request = Proposal("Naar de huisarts") with { RequestId = "app-42" };
        var first = Contract().Propose(Person, request, Earlier).Item!;
        var contract = Contract(goals: [first], historyCount: 1);

        var repeat = contract.Propose(Person, request, Now);
        var reused = contract.Propose(Person, request with { Description = "Iets anders" }, Now);
        var byTheCoach = contract.Propose(Coach, request, Now);

        Assert.Equal((first, false), (repeat.Item, repeat.Changed));
        Assert.Null(repeat.Entry);
        Assert.Equal((ContractRefusal.RequestReused, ("goal", "goal-1")), (reused.Refusal?.Code, reused.Refusal?.Holder));
        Assert.Contains("use a new request_id", reused.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(ContractRefusal.RequestReused, byTheCoach.Refusal?.Code);
    }

    [Fact]
    public void OnlyThePersonThemselvesAndTheirOwnCoachProposeGoals()
    {
        var contract = Contract();

        Assert.Equal(ContractRefusal.NotYourPart, contract.Propose(new Actor(Party.Team, "tm-1"), Proposal("x"), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.NotYourPart, contract.Propose(new Actor(Party.Person, "cl-other"), Proposal("x"), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.NotInCaseload, contract.Propose(new Actor(Party.Coach, "co-other"), Proposal("x"), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.NotInCaseload, Contract(parties: Both with { CoachId = null }).Propose(Coach, Proposal("x"), Now).Refusal?.Code);
    }

    [Fact]
    public void NoGoalIsAddedBeyondTheMostTheRecordKeepsNorAnyChangeBeyondTheHistorysLimit()
    {
        var full = Contract(goals: [.. Enumerable.Range(1, ContractRules.MaxGoals).Select(Proposed)]);
        var historyFull = Contract(historyCount: ContractRules.MaxHistory);

        Assert.Equal(ContractRefusal.RecordLimitReached, full.Propose(Person, Proposal("x"), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.RecordLimitReached, historyFull.Propose(Person, Proposal("x"), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.RecordLimitReached, historyFull.Suggest(Coach, new MakeSuggestion(GoalDomain.Work, "x", null), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.RecordLimitReached, historyFull.SetBinding(Coach, true, Now).Refusal?.Code);
    }

    [Fact]
    public void AGoalIsAgreedOnceTheOtherPartyAgreesAndAgreeingAgainChangesNothing()
    {
        var proposed = Proposed(1);
        var contract = Contract(goals: [proposed], historyCount: 1);

        var agreed = contract.Agree(Person, proposed, Now);
        var again = contract.Agree(Coach, proposed, Now);

        Assert.Equal((GoalStatus.Agreed, (DateTimeOffset?)Now), (agreed.Item!.Status, agreed.Item.AgreedByPersonAt));
        Assert.Equal(new ContractEntry(2, Now, Party.Person, Person.Id, ContractChange.GoalAgreed, "goal-1", "status agreed"), agreed.Entry);
        Assert.Equal((proposed, false), (again.Item, again.Changed));

        // A repeat needs no room in the history; a change does.
        var historyFull = Contract(goals: [proposed], historyCount: ContractRules.MaxHistory);
        var repeatAtTheLimit = historyFull.Agree(Coach, proposed, Now);
        Assert.Equal((proposed, false), (repeatAtTheLimit.Item, repeatAtTheLimit.Changed));
        Assert.Equal(ContractRefusal.RecordLimitReached, historyFull.Agree(Person, proposed, Now).Refusal?.Code);
    }

    [Fact]
    public void AClosedGoalIsNeitherAgreedNorReviewedNorClosedAgainNorProgressed()
    {
        var stopped = Proposed(1) with { Status = GoalStatus.Stopped, ClosedAt = Earlier };
        var contract = Contract(goals: [stopped]);

        Assert.Equal(ContractRefusal.GoalClosed, contract.Agree(Person, stopped, Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.GoalClosed, contract.Review(Person, stopped, new ReviewGoal("goal-1", ReviewOn, ""), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.GoalClosed, contract.Close(Coach, stopped, new CloseGoal("goal-1", true, null), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.GoalClosed, contract.RecordProgress(Person, stopped, new RecordProgress("goal-1", 50, ""), Now).Refusal?.Code);
    }

    [Fact]
    public void ProgressIsRecordedOnAnAgreedGoalOnlyUpToTheMostPerGoal()
    {
        var agreed = Agreed(1);
        var contract = Contract(goals: [agreed], historyCount: 2);

        var progress = contract.RecordProgress(Person, agreed, new RecordProgress("goal-1", 40, "Eerste ochtend was fijn."), Now);
        var notAgreed = contract.RecordProgress(Person, Proposed(1), new RecordProgress("goal-1", 40, ""), Now);
        var full = agreed with { Progress = [.. Enumerable.Repeat(new GoalProgress(10, "", Party.Person, Earlier), ContractRules.MaxProgressPerGoal)] };
        var tooMany = contract.RecordProgress(Person, full, new RecordProgress("goal-1", 40, ""), Now);

        Assert.Equal(new GoalProgress(40, "Eerste ochtend was fijn.", Party.Person, Now), Assert.Single(progress.Item!.Progress));
        Assert.Equal(new ContractEntry(3, Now, Party.Person, Person.Id, ContractChange.GoalProgress, "goal-1", "40%"), progress.Entry);
        Assert.Equal(ContractRefusal.GoalNotAgreed, notAgreed.Refusal?.Code);
        Assert.Equal(ContractRefusal.RecordLimitReached, tooMany.Refusal?.Code);
        Assert.Empty(agreed.Progress);
    }

    [Fact]
    public void AReviewSetsTheNextReviewDateAndIsKeptUpToTheMostPerGoal()
    {
        var goal = Proposed(1);
        var contract = Contract(goals: [goal]);
        var next = ReviewOn.AddDays(30);

        var reviewed = contract.Review(Coach, goal, new ReviewGoal("goal-1", next, "Gaat goed."), Now);
        var full = goal with { Reviews = [.. Enumerable.Repeat(new GoalReview(ReviewOn, "", Party.Coach, Earlier), ContractRules.MaxReviewsPerGoal)] };

        Assert.Equal(next, reviewed.Item!.ReviewOn);
        Assert.Equal(new GoalReview(next, "Gaat goed.", Party.Coach, Now), Assert.Single(reviewed.Item.Reviews));
        Assert.Equal("next review on 2026-05-09", reviewed.Entry?.Detail);
        Assert.Equal(ContractRefusal.RecordLimitReached, contract.Review(Coach, full, new ReviewGoal("goal-1", next, ""), Now).Refusal?.Code);
    }

    [Theory]
    [InlineData(true, GoalStatus.Achieved, "achieved")]
    [InlineData(false, GoalStatus.Stopped, "stopped")]
    public void EitherPartyClosesAnOpenGoalAsAchievedOrStopped(bool achieved, GoalStatus status, string detail)
    {
        var goal = Agreed(1);

        var closed = Contract(goals: [goal]).Close(Person, goal, new CloseGoal("goal-1", achieved, null), Now);

        Assert.Equal((status, (DateTimeOffset?)Now, (Party?)Party.Person, (string?)null), (closed.Item!.Status, closed.Item.ClosedAt, closed.Item.ClosedBy, closed.Item.ClosingNote));
        Assert.Equal((ContractChange.GoalClosed, detail), (closed.Entry?.Change, closed.Entry?.Detail));
    }

    [Fact]
    public void OnlyTheCoachMakesSuggestionsAndTheSameRequestAgainIsAnsweredWithTheSameSuggestion()
    {
        var request = new MakeSuggestion(GoalDomain.Education, "De computercursus in het buurthuis", "app-7");

        var made = Contract().Suggest(Coach, request, Now);
        var contract = Contract(suggestions: [made.Item!], historyCount: 1);

        Assert.Equal(("sug-1", SuggestionStatus.Open, Coach.Id, (string?)null), (made.Item!.SuggestionId, made.Item.Status, made.Item.MadeBy, made.Item.Words));
        Assert.Equal(new ContractEntry(1, Now, Party.Coach, Coach.Id, ContractChange.SuggestionMade, "sug-1", "domain education"), made.Entry);
        Assert.Equal("Education\u001fDe computercursus in het buurthuis\u001fco-sanne", made.Item.RequestFingerprint);
        Assert.Equal((made.Item, false), (contract.Suggest(Coach, request, Now).Item, contract.Suggest(Coach, request, Now).Changed));
        Assert.Equal(("suggestion", "sug-1"), contract.Suggest(Coach, request with { Text = "Iets anders" }, Now).Refusal?.Holder);
        Assert.Equal(ContractRefusal.NotYourPart, contract.Suggest(Person, request with { RequestId = null }, Now).Refusal?.Code);
        var full = Contract(suggestions: [.. Enumerable.Repeat(made.Item, ContractRules.MaxSuggestions)]);
        Assert.Equal(ContractRefusal.RecordLimitReached, full.Suggest(Coach, request with { RequestId = null }, Now).Refusal?.Code);
    }

    [Fact]
    public void OnlyThePersonAnswersASuggestionAndTheHistorySaysThatTheyDeclinedNotWhatTheyWrote()
    {
        var open = new Suggestion("sug-1", GoalDomain.Education, "Een cursus", Coach.Id, Earlier, SuggestionStatus.Open, null, null, null, null);
        var contract = Contract(suggestions: [open], historyCount: 1);
        var answer = new AnswerSuggestion("sug-1", Accept: false, "Nee, ik zorg 's ochtends voor mijn moeder.");

        var declined = contract.Answer(Person, open, answer, Now);
        var byTheCoach = contract.Answer(Coach, open, answer, Now);
        var answeredContract = Contract(suggestions: [declined.Item!], historyCount: 2);
        var again = answeredContract.Answer(Person, declined.Item!, answer, Now.AddHours(1));
        var otherwise = answeredContract.Answer(Person, declined.Item!, new AnswerSuggestion("sug-1", Accept: true, null), Now);

        Assert.Equal((SuggestionStatus.Declined, answer.Words, (DateTimeOffset?)Now), (declined.Item!.Status, declined.Item.Words, declined.Item.AnsweredAt));
        Assert.Equal(new ContractEntry(2, Now, Party.Person, Person.Id, ContractChange.SuggestionDeclined, "sug-1", "declined"), declined.Entry);
        Assert.Equal(ContractRefusal.NotYourPart, byTheCoach.Refusal?.Code);
        Assert.Equal((declined.Item, false), (again.Item, again.Changed));
        Assert.Equal(ContractRefusal.SuggestionAnswered, otherwise.Refusal?.Code);
        Assert.Equal(SuggestionStatus.Accepted, contract.Answer(Person, open, new AnswerSuggestion("sug-1", true, null), Now).Item?.Status);
    }

    [Fact]
    public void TheContractIsLegallyBindingOnceBothSaidSoAndEitherWithdrawsARequest()
    {
        var notBinding = new BindingMark(false, null, null, null);

        var asked = Contract(binding: notBinding).SetBinding(Coach, true, Earlier);
        var askedAgain = Contract(binding: asked.Item!).SetBinding(Coach, true, Now);
        var withdrawn = Contract(binding: asked.Item!).SetBinding(Person, false, Now);
        var agreed = Contract(binding: asked.Item!, historyCount: 1).SetBinding(Person, true, Now);
        var inForceAgain = Contract(binding: agreed.Item!).SetBinding(Coach, true, Now);

        Assert.Equal((new BindingMark(false, null, true, Party.Coach), ContractChange.BindingRequested), (asked.Item, asked.Entry?.Change));
        Assert.Equal((asked.Item, false), (askedAgain.Item, askedAgain.Changed));
        Assert.Equal((notBinding, ContractChange.BindingRequestWithdrawn), (withdrawn.Item, withdrawn.Entry?.Change));
        Assert.Equal(new BindingMark(true, Now, null, null), agreed.Item);
        Assert.Equal(new ContractEntry(2, Now, Party.Person, Person.Id, ContractChange.BindingChanged, "contract", "legally binding"), agreed.Entry);
        Assert.False(inForceAgain.Changed);
        Assert.Equal(ContractRefusal.NotYourPart, Contract().SetBinding(new Actor(Party.Team, "tm-1"), true, Now).Refusal?.Code);
    }

    [Fact]
    public void AGoalOrSuggestionIsFoundByItsPlaceOnTheRecordAndAnIdBeyondItFindsNothing()
    {
        var contract = Contract(goals: [Proposed(1), Proposed(2)]);

        Assert.Equal("goal-2", contract.FindGoal("goal-2")?.GoalId);
        Assert.Null(contract.FindGoal("goal-3"));
        Assert.Null(contract.FindGoal("goal-0"));
        Assert.Null(contract.FindSuggestion("sug-1"));
    }

    private static SocialContract Contract(
        Parties? parties = null,
        IReadOnlyList<Goal>? goals = null,
        IReadOnlyList<Suggestion>? suggestions = null,
        BindingMark? binding = null,
        int historyCount = 0) =>
        new(parties ?? Both, goals ?? [], suggestions ?? [], binding ?? new BindingMark(false, null, null, null), historyCount);

    private static ProposeGoal Proposal(string description) => new(GoalDomain.Volunteering, description, ReviewOn, null);

    private static Goal Proposed(int position) => new(
        $"goal-{position}", GoalDomain.Work, "Werk vinden", GoalStatus.Proposed, Party.Coach, Earlier, null, Earlier, ReviewOn, [], [], null, null, null, null, null);

    private static Goal Agreed(int position) => Proposed(position) with { Status = GoalStatus.Agreed, AgreedByPersonAt = Earlier };
}
