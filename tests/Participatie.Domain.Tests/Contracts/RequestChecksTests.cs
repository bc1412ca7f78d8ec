using Participatie.Domain.Contracts;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Contracts;

/// <summary>Requests for the contract and the record are checked with every problem named by the domain's own field names.</summary>
public sealed class RequestChecksTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void AnInvalidProposalNamesEveryBadFieldInTheDomainsWords()
    {
        var violations = new Violations();

        var request = ProposeGoal.Check(violations, (GoalDomain)42, "Werk \u202Evinden", "2026-03-10", new string('k', 101), Today);

        Assert.Null(request);
        Assert.Equal(
            [nameof(ProposeGoal.Description), nameof(ProposeGoal.Domain), nameof(ProposeGoal.RequestId), nameof(ProposeGoal.ReviewOn)],
            Fields(violations));
    }

    [Fact]
    public void AValidProposalIsReadTrimmedWithItsDate()
    {
        var request = ProposeGoal.Check(new Violations(), GoalDomain.Work, "  Werk vinden ", "2026-04-09", " app-1 ", Today);

        Assert.Equal(new ProposeGoal(GoalDomain.Work, "Werk vinden", new DateOnly(2026, 4, 9), "app-1"), request);
        Assert.Null(ProposeGoal.Check(new Violations(), GoalDomain.Work, "Werk", "2026-04-09", "  ", Today)!.RequestId);
    }

    [Theory]
    [InlineData("goal-1", true)]
    [InlineData("goal-12", true)]
    [InlineData("goal-0", false)]
    [InlineData("goal-01", false)]
    [InlineData("goal-+1", false)]
    [InlineData("sug-1", false)]
    [InlineData("goal-99999999999", false)]
    [InlineData("", false)]
    public void AGoalIsNamedByGoalAndItsPlaceFromOne(string id, bool valid)
    {
        var violations = new Violations();

        Assert.Equal(valid, AgreeGoal.Check(violations, id) is not null);
        Assert.Equal(valid ? [] : new[] { nameof(AgreeGoal.GoalId) }, Fields(violations));
    }

    [Fact]
    public void ProgressReviewAndCloseNameTheirFieldsAndTakeAnAbsentNoteAsNone()
    {
        var progress = new Violations();
        var review = new Violations();

        Assert.Null(RecordProgress.Check(progress, "goal-x", 101, new string('n', 501)));
        Assert.Null(ReviewGoal.Check(review, "goal-1", "2030-01-01", null, Today));
        Assert.Equal([nameof(RecordProgress.GoalId), nameof(RecordProgress.Note), nameof(RecordProgress.Percent)], Fields(progress));
        Assert.Equal([nameof(ReviewGoal.NextReviewOn)], Fields(review));
        Assert.Equal(new RecordProgress("goal-1", 100, string.Empty), RecordProgress.Check(new Violations(), "goal-1", 100, null));
        Assert.Equal(new ReviewGoal("goal-1", Today.AddDays(1), string.Empty), ReviewGoal.Check(new Violations(), "goal-1", "2026-03-11", " ", Today));
        Assert.Equal(new CloseGoal("goal-1", true, null), CloseGoal.Check(new Violations(), "goal-1", true, ""));
    }

    [Fact]
    public void ADeclineNeedsThePersonsOwnWordsAndAnAcceptanceDoesNot()
    {
        var decline = new Violations();

        Assert.Null(AnswerSuggestion.Check(decline, "sug-1", accept: false, "  "));
        Assert.Equal([nameof(AnswerSuggestion.Words)], Fields(decline));
        Assert.Equal(new AnswerSuggestion("sug-1", true, null), AnswerSuggestion.Check(new Violations(), "sug-1", accept: true, ""));
        var badId = new Violations();
        Assert.Null(AnswerSuggestion.Check(badId, "goal-1", accept: true, null));
        Assert.Equal([nameof(AnswerSuggestion.SuggestionId)], Fields(badId));
    }

    [Fact]
    public void ASuggestionNamesItsDomainTextAndKey()
    {
        var violations = new Violations();

        Assert.Null(MakeSuggestion.Check(violations, GoalDomain.Unspecified, "", new string('k', 101)));
        Assert.Equal([nameof(MakeSuggestion.Domain), nameof(MakeSuggestion.RequestId), nameof(MakeSuggestion.Text)], Fields(violations));
    }

    [Fact]
    public void TheRecordsRequestsNameTheirFieldsInTheDomainsWords()
    {
        var wellBeing = new Violations();
        var journal = new Violations();
        var outflow = new Violations();

        Assert.Null(RecordWellBeing.Check(wellBeing, 11, new string('n', 281), null));
        Assert.Null(AddJournalEntry.Check(journal, ContactType.Unspecified, "2026-03-11", " ", null, Today));
        Assert.Null(ReportOutflow.Check(outflow, 0, "volgende week", Today));

        Assert.Equal([nameof(RecordWellBeing.Note), nameof(RecordWellBeing.Score)], Fields(wellBeing));
        Assert.Equal([nameof(AddJournalEntry.ContactedOn), nameof(AddJournalEntry.Note), nameof(AddJournalEntry.Type)], Fields(journal));
        Assert.Equal([nameof(ReportOutflow.HoursPerWeek), nameof(ReportOutflow.StartOn)], Fields(outflow));
        Assert.Equal(new RecordWellBeing(0, null, null), RecordWellBeing.Check(new Violations(), 0, "", null));
        Assert.Equal(new ReportOutflow(168, Today), ReportOutflow.Check(new Violations(), 168, "2026-03-10", Today));
    }

    private static string[] Fields(Violations violations) => [.. violations.Items.Select(v => v.Field).Order(StringComparer.Ordinal)];
}
