using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Domain;
using Participatie.Domain.Contracts;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Clients;

/// <summary>The social contract on the person's record: goals agreed by both, suggestions answered in the person's words, the binding mark, its history.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SocialContractTests(ClusterFixture fixture)
{
    private static readonly DateOnly Day = Today.In(TimeProvider.System);

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AGoalTheCoachProposesIsAgreedOnceThePersonAgreesAndEveryStepIsInTheHistory()
    {
        var (grain, person, coach) = await PersonWithCoachAsync();

        var proposed = await grain.Contract.ProposeGoalAsync(coach, Goal("Twee ochtenden per week vrijwilligerswerk bij de kinderboerderij"));
        var agreed = await grain.Contract.AgreeGoalAsync(person, proposed.GoalId);
        await grain.Contract.RecordGoalProgressAsync(person, new GoalProgressCommand(proposed.GoalId, 40, "Eerste ochtend was fijn."));
        await grain.Contract.ReviewGoalAsync(coach, new ReviewGoalCommand(proposed.GoalId, Iso(Day.AddDays(60)), "Gaat goed, volgende keer over een derde ochtend."));
        var closed = await grain.Contract.CloseGoalAsync(person, new CloseGoalCommand(proposed.GoalId, Achieved: true, "Gelukt!"));

        Assert.Equal(("goal-1", GoalStatus.Proposed, Party.Coach), (proposed.GoalId, proposed.Status, proposed.ProposedBy));
        Assert.NotNull(proposed.AgreedByCoachAt);
        Assert.Null(proposed.AgreedByPersonAt);
        Assert.Equal(GoalStatus.Agreed, agreed.Status);
        Assert.Equal(GoalStatus.Achieved, closed.Status);
        Assert.Equal((40, Day.AddDays(60), "Gelukt!"), (closed.Percent, closed.ReviewOn, closed.ClosingNote));
        Assert.Equal("Eerste ochtend was fijn.", Assert.Single(closed.Progress).Note);

        var history = await grain.Contract.ListContractHistoryAsync(null, 100);
        Assert.Equal(
            [ContractChange.GoalClosed, ContractChange.GoalReviewed, ContractChange.GoalProgress, ContractChange.GoalAgreed, ContractChange.GoalProposed],
            history.Select(h => h.Change));
        Assert.Equal([Party.Person, Party.Coach, Party.Person, Party.Person, Party.Coach], history.Select(h => h.Party));
        Assert.Equal("40%", history[2].Detail);
        Assert.All(history, h => Assert.Equal("goal-1", h.SubjectId));

        // Paged newest first: two, then the two before them, then the first.
        var first = await grain.Contract.ListContractHistoryAsync(null, 2);
        var second = await grain.Contract.ListContractHistoryAsync(first[^1].Sequence, 2);
        var last = await grain.Contract.ListContractHistoryAsync(second[^1].Sequence, 2);
        Assert.Equal([5L, 4L, 3L, 2L, 1L], first.Concat(second).Concat(last).Select(h => h.Sequence));
        Assert.Equal(5, (await grain.Contract.GetSocialContractAsync()).HistoryCount);
    }

    [Fact]
    public async Task ProgressNeedsAnAgreedGoalAClosedGoalNoLongerChangesAndRefusalsChangeNothing()
    {
        var (grain, person, coach) = await PersonWithCoachAsync();
        var goal = await grain.Contract.ProposeGoalAsync(person, Goal("Elke week Nederlandse les volgen"));

        var notAgreed = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.RecordGoalProgressAsync(person, new GoalProgressCommand(goal.GoalId, 10, "")));
        await grain.Contract.CloseGoalAsync(coach, new CloseGoalCommand(goal.GoalId, Achieved: false, "Past nu niet."));
        var closed = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.AgreeGoalAsync(coach, goal.GoalId));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => grain.Contract.AgreeGoalAsync(coach, "goal-9"));
        var malformed = await Assert.ThrowsAsync<InvalidInputException>(() => grain.Contract.AgreeGoalAsync(coach, "goal-01"));

        Assert.Equal(Reasons.GoalNotAgreed, notAgreed.Reason);
        Assert.Equal(Reasons.GoalClosed, closed.Reason);
        Assert.Equal("goal", missing.Kind);
        Assert.Equal(nameof(GoalProgressCommand.GoalId), Assert.Single(malformed.Errors).Field);
        var contract = await grain.Contract.GetSocialContractAsync();
        Assert.Equal(GoalStatus.Stopped, Assert.Single(contract.Goals).Status);
        Assert.Equal(2, contract.HistoryCount);
    }

    [Fact]
    public async Task OnlyThePersonsOwnCoachAndThePersonThemselvesActOnTheContract()
    {
        var (grain, person, _) = await PersonWithCoachAsync();
        var stranger = new ContractActor(Party.Coach, await CoachesFixture.NewCoachAsync(_grains));
        var someoneElse = new ContractActor(Party.Person, Ids.NewClientId());
        var team = new ContractActor(Party.Team, "team-member");

        Assert.Equal(Reasons.NotInCaseload, (await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.ProposeGoalAsync(stranger, Goal("Schulden in kaart brengen")))).Reason);
        Assert.Equal(Reasons.NotYourPart, (await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.ProposeGoalAsync(someoneElse, Goal("Schulden in kaart brengen")))).Reason);
        Assert.Equal(Reasons.NotYourPart, (await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.ProposeGoalAsync(team, Goal("Schulden in kaart brengen")))).Reason);
        Assert.Equal(Reasons.NotYourPart, (await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.MakeSuggestionAsync(person, Suggestion("Een cursus")))).Reason);
        Assert.Empty((await grain.Contract.GetSocialContractAsync()).Goals);
    }

    [Fact]
    public async Task APersonDeclinesASuggestionInTheirOwnWordsWhichAreKeptAsWrittenAndOnlyTheyCanAnswer()
    {
        var (grain, person, coach) = await PersonWithCoachAsync();
        var suggestion = await grain.Contract.MakeSuggestionAsync(coach, Suggestion("Meedoen met de computercursus in het buurthuis"));
        const string words = "Nee, dank je — ik zorg 's ochtends voor mijn moeder\nen de cursus is dan.";

        var forThePerson = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.RespondToSuggestionAsync(coach, new SuggestionAnswerCommand(suggestion.SuggestionId, false, "Wil niet")));
        var withoutWords = await Assert.ThrowsAsync<InvalidInputException>(() => grain.Contract.RespondToSuggestionAsync(person, new SuggestionAnswerCommand(suggestion.SuggestionId, false, "  ")));
        var declined = await grain.Contract.RespondToSuggestionAsync(person, new SuggestionAnswerCommand(suggestion.SuggestionId, false, "  " + words + " "));
        var again = await grain.Contract.RespondToSuggestionAsync(person, new SuggestionAnswerCommand(suggestion.SuggestionId, false, words));
        var changed = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.RespondToSuggestionAsync(person, new SuggestionAnswerCommand(suggestion.SuggestionId, true, "")));

        Assert.Equal(Reasons.NotYourPart, forThePerson.Reason);
        Assert.Equal(nameof(SuggestionAnswerCommand.Words), Assert.Single(withoutWords.Errors).Field);
        Assert.Equal((SuggestionStatus.Declined, words), (declined.Status, declined.Words));
        Assert.Equal(declined, again);
        Assert.Equal(Reasons.SuggestionAnswered, changed.Reason);
        var history = await grain.Contract.ListContractHistoryAsync(null, 10);
        Assert.Equal([ContractChange.SuggestionDeclined, ContractChange.SuggestionMade], history.Select(h => h.Change));
        Assert.DoesNotContain(history, h => h.Detail.Contains("moeder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeclineNeverLeadsToASanctionOrAWorseFigureInATrustRegimeOrElsewhere()
    {
        var (trusted, trustedPerson, trustedCoach) = await PersonWithCoachAsync();
        var (regular, regularPerson, regularCoach) = await PersonWithCoachAsync();
        // The month's regime is that of its first day: the trajectory (sanctions excluded) starts before it.
        await trusted.Benefits.StartTrajectoryAsync(new StartTrajectoryCommand("50-plus", Iso(new DateOnly(Day.Year, Day.Month, 1).AddDays(-10)), null, null, "coach-test"));
        var month = Day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var before = (await trusted.Benefits.GetBenefitStatementAsync(month), await regular.Benefits.GetBenefitStatementAsync(month));
        var regimes = (await trusted.Benefits.GetRegimeAsync(null), await regular.Benefits.GetRegimeAsync(null));

        foreach (var (grain, person, coach) in new[] { (trusted, trustedPerson, trustedCoach), (regular, regularPerson, regularCoach) })
        {
            for (var i = 0; i < 3; i++)
            {
                var suggestion = await grain.Contract.MakeSuggestionAsync(coach, Suggestion($"Sollicitatietraining, ronde {i + 1}"));
                await grain.Contract.RespondToSuggestionAsync(person, new SuggestionAnswerCommand(suggestion.SuggestionId, false, "Daar ben ik nog niet aan toe."));
            }
        }

        var after = (await trusted.Benefits.GetBenefitStatementAsync(month), await regular.Benefits.GetBenefitStatementAsync(month));
        foreach (var (was, now) in new[] { (before.Item1, after.Item1), (before.Item2, after.Item2) })
        {
            Assert.Equal(was.TotalCents, now.TotalCents);
            Assert.Equal(was.Lines.Select(l => (l.Rule, l.AmountCents)), now.Lines.Select(l => (l.Rule, l.AmountCents)));
            Assert.DoesNotContain(now.Lines, l => l.Rule == "sanction");
        }

        Assert.Equal(regimes.Item1.Regime, (await trusted.Benefits.GetRegimeAsync(null)).Regime);
        Assert.Equal(regimes.Item2.Regime, (await regular.Benefits.GetRegimeAsync(null)).Regime);
        var excluded = await Assert.ThrowsAsync<PreconditionFailedException>(() => trusted.Benefits.RecordSanctionAsync(new RecordSanctionCommand("declined-suggestion", month, 100, 1, false, "coach-test")));
        Assert.Equal(Reasons.SanctionsExcluded, excluded.Reason);
    }

    [Fact]
    public async Task TheContractIsLegallyBindingOnlyOnceBothPartiesSaidSoAndEitherCanWithdrawARequest()
    {
        var (grain, person, coach) = await PersonWithCoachAsync();

        var asked = await grain.Contract.SetLegallyBindingAsync(coach, true);
        var withdrawn = await grain.Contract.SetLegallyBindingAsync(person, false);
        await grain.Contract.SetLegallyBindingAsync(person, true);
        var binding = await grain.Contract.SetLegallyBindingAsync(coach, true);

        Assert.Equal((false, true, Party.Coach), (asked.LegallyBinding, asked.PendingBinding, asked.PendingBindingBy));
        Assert.Equal((false, (bool?)null), (withdrawn.LegallyBinding, withdrawn.PendingBinding));
        Assert.True(binding.LegallyBinding);
        Assert.NotNull(binding.LegallyBindingSince);
        Assert.Null(binding.PendingBinding);
        Assert.Equal(
            [ContractChange.BindingChanged, ContractChange.BindingRequested, ContractChange.BindingRequestWithdrawn, ContractChange.BindingRequested],
            (await grain.Contract.ListContractHistoryAsync(null, 10)).Select(h => h.Change));
    }

    [Fact]
    public async Task ARepeatedRequestReturnsTheSameGoalAndAKeyReusedForAnotherGoalIsRefused()
    {
        var (grain, person, _) = await PersonWithCoachAsync();
        var request = Goal("Naar de huisarts voor mijn rug") with { RequestId = "app-42" };

        var first = await grain.Contract.ProposeGoalAsync(person, request);
        var repeat = await grain.Contract.ProposeGoalAsync(person, request);
        var reused = await Assert.ThrowsAsync<AlreadyExistsException>(() => grain.Contract.ProposeGoalAsync(person, request with { Description = "Iets anders" }));

        Assert.Equal((first.GoalId, first.Description, first.ProposedAt), (repeat.GoalId, repeat.Description, repeat.ProposedAt));
        Assert.Equal("goal-1", reused.ResourceId);
        Assert.Single((await grain.Contract.GetSocialContractAsync()).Goals);
    }

    [Fact]
    public async Task AnInvalidProposalNamesEveryBadFieldAndStoresNothing()
    {
        var (grain, person, _) = await PersonWithCoachAsync();

        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => grain.Contract.ProposeGoalAsync(person, new ProposeGoalCommand(
            (GoalDomain)42, "Werk \u202Evinden", Iso(Day), new string('k', 101))));

        Assert.Equal(
            [nameof(ProposeGoalCommand.Description), nameof(ProposeGoalCommand.Domain), nameof(ProposeGoalCommand.RequestId), nameof(ProposeGoalCommand.ReviewOn)],
            invalid.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await grain.Contract.GetSocialContractAsync()).HistoryCount);
    }

    private static ProposeGoalCommand Goal(string description) => new(GoalDomain.Volunteering, description, Iso(Day.AddDays(30)), null);

    private static SuggestionCommand Suggestion(string text) => new(GoalDomain.Education, text, null);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(PersonGrains Grain, ContractActor Person, ContractActor Coach)> PersonWithCoachAsync()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 1);
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        var grain = new PersonGrains(_grains, people[0]);
        await grain.Case.AssignCoachAsync(coach);
        return (grain, new ContractActor(Party.Person, people[0]), new ContractActor(Party.Coach, coach));
    }
}
