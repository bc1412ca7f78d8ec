using Participatie.Abstractions.Clients;
using D = Participatie.Domain.Contracts;
using V1 = Participatie.Contracts.V1;

namespace Participatie.Gateway.Mapping;

/// <summary>The social contract and the person's record, between the grains' messages and the public contract. Enum numbers match one-to-one.</summary>
internal static class RecordMapping
{
    public static V1.ContractParty ToContract(this D.Party party) => (V1.ContractParty)(int)party;

    public static D.GoalDomain ToDomain(this V1.GoalDomain domain) => (D.GoalDomain)(int)domain;

    public static D.ContactType ToDomain(this V1.ContactType type) => (D.ContactType)(int)type;

    public static V1.Goal ToContract(this GoalView goal) => new()
    {
        GoalId = goal.GoalId,
        Domain = (V1.GoalDomain)(int)goal.Domain,
        Description = goal.Description,
        Status = (V1.GoalStatus)(int)goal.Status,
        ProposedBy = goal.ProposedBy.ToContract(),
        ProposedAt = ContractMapping.Iso(goal.ProposedAt),
        AgreedByPersonAt = Iso(goal.AgreedByPersonAt),
        AgreedByCoachAt = Iso(goal.AgreedByCoachAt),
        ReviewOn = ContractMapping.Iso(goal.ReviewOn),
        Percent = goal.Percent,
        Progress = { goal.Progress.Select(p => new V1.GoalProgress { Percent = p.Percent, Note = p.Note, By = p.By.ToContract(), At = ContractMapping.Iso(p.At) }) },
        Reviews = { goal.Reviews.Select(r => new V1.GoalReview { NextReviewOn = ContractMapping.Iso(r.NextReviewOn), Note = r.Note, By = r.By.ToContract(), At = ContractMapping.Iso(r.At) }) },
        ClosedAt = Iso(goal.ClosedAt),
        ClosingNote = goal.ClosingNote ?? string.Empty,
        ClosedBy = (goal.ClosedBy ?? D.Party.Unspecified).ToContract(),
    };

    public static V1.Suggestion ToContract(this SuggestionView s) => new()
    {
        SuggestionId = s.SuggestionId,
        Domain = (V1.GoalDomain)(int)s.Domain,
        Text = s.Text,
        MadeBy = s.MadeBy,
        MadeAt = ContractMapping.Iso(s.MadeAt),
        Status = (V1.SuggestionStatus)(int)s.Status,
        Words = s.Words ?? string.Empty,
        AnsweredAt = Iso(s.AnsweredAt),
    };

    public static V1.SocialContract ToContract(this SocialContractView c) => new()
    {
        Goals = { c.Goals.Select(g => g.ToContract()) },
        Suggestions = { c.Suggestions.Select(s => s.ToContract()) },
        LegallyBinding = c.LegallyBinding,
        LegallyBindingSince = Iso(c.LegallyBindingSince),
        BindingChangePending = c.PendingBinding is not null,
        PendingBindingValue = c.PendingBinding ?? false,
        PendingBindingBy = (c.PendingBindingBy ?? D.Party.Unspecified).ToContract(),
        HistoryCount = c.HistoryCount,
    };

    public static V1.ContractChange ToContract(this ContractChangeView c) => new()
    {
        Sequence = c.Sequence,
        At = ContractMapping.Iso(c.At),
        Party = c.Party.ToContract(),
        ActorId = c.ActorId,
        Kind = (V1.ContractChangeKind)(int)c.Change,
        SubjectId = c.SubjectId,
        Detail = c.Detail,
    };

    public static V1.WellBeingCheckIn ToContract(this WellBeingView w) => new()
    {
        Sequence = w.Sequence,
        Score = w.Score,
        Note = w.Note ?? string.Empty,
        By = w.By.ToContract(),
        At = ContractMapping.Iso(w.At),
    };

    public static V1.JournalEntry ToContract(this JournalEntryView j) => new()
    {
        Sequence = j.Sequence,
        Type = (V1.ContactType)(int)j.Type,
        ContactedOn = ContractMapping.Iso(j.ContactedOn),
        Note = j.Note,
        By = j.By.ToContract(),
        AuthorId = j.AuthorId,
        RecordedAt = ContractMapping.Iso(j.RecordedAt),
    };

    public static V1.Outflow ToContract(this OutflowView o) => new()
    {
        HoursPerWeek = o.HoursPerWeek,
        StartOn = ContractMapping.Iso(o.StartOn),
        By = o.By.ToContract(),
        ReportedAt = ContractMapping.Iso(o.ReportedAt),
    };

    public static V1.PersonRecord ToContract(this PersonRecordView r)
    {
        var record = new V1.PersonRecord
        {
            WellBeingCheckIns = r.WellBeingCheckIns,
            LastContactOn = Iso(r.LastContactOn),
            JournalEntries = r.JournalEntries,
            Outflows = { r.Outflows.Select(o => o.ToContract()) },
            RecentEarnings = { r.RecentEarnings.Select(m => m.ToContract()) },
        };
        if (r.LatestWellBeing is not null)
        {
            record.LatestWellBeing = r.LatestWellBeing.ToContract();
        }

        return record;
    }

    /// <summary>Well-being is for the person and their coach: leaves it out for anyone else and says so in <c>withheld</c>.</summary>
    public static V1.PersonRecord WithoutWellBeing(this V1.PersonRecord record)
    {
        record.LatestWellBeing = null;
        record.WellBeingCheckIns = 0;
        record.Withheld.Add("latest_well_being");
        record.Withheld.Add("well_being_check_ins");
        return record;
    }

    public static string Iso(DateTimeOffset? moment) => moment is { } at ? ContractMapping.Iso(at) : string.Empty;

    public static string Iso(DateOnly? date) => date is { } day ? ContractMapping.Iso(day) : string.Empty;
}
