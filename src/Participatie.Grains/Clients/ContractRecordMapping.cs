using Participatie.Abstractions.Clients;

namespace Participatie.Grains.Clients;

/// <summary>The social contract and the person's record, from stored records to messages.</summary>
internal static class ContractRecordMapping
{
    public static GoalView ToView(this GoalRecord goal) => new(
        goal.GoalId,
        goal.Domain,
        goal.Description,
        goal.Status,
        goal.ProposedBy,
        goal.ProposedAt,
        goal.AgreedByPersonAt,
        goal.AgreedByCoachAt,
        goal.ReviewOn,
        goal.Progress.Count == 0 ? 0 : goal.Progress[^1].Percent,
        [.. goal.Progress.Select(p => new GoalProgressView(p.Percent, p.Note, p.By, p.At))],
        [.. goal.Reviews.Select(r => new GoalReviewView(r.NextReviewOn, r.Note, r.By, r.At))],
        goal.ClosedAt,
        goal.ClosingNote,
        goal.ClosedBy);

    public static SuggestionView ToView(this SuggestionRecord s) =>
        new(s.SuggestionId, s.Domain, s.Text, s.MadeBy, s.MadeAt, s.Status, s.Words, s.AnsweredAt);

    public static ContractChangeView ToView(this ContractChangeRecord c) =>
        new(c.Sequence, c.At, c.Party, c.ActorId, c.Change, c.SubjectId, c.Detail);

    public static SocialContractView ContractView(this ClientState state) => new(
        [.. state.Goals.Select(g => g.ToView())],
        [.. state.Suggestions.Select(s => s.ToView())],
        state.LegallyBinding,
        state.LegallyBindingSince,
        state.PendingBinding,
        state.PendingBindingBy,
        state.ContractHistory.Count);

    public static WellBeingView ToView(this WellBeingRecord w) => new(w.Sequence, w.Score, w.Note, w.By, w.At);

    public static JournalEntryView ToView(this JournalEntryRecord j) => new(j.Sequence, j.Type, j.ContactedOn, j.Note, j.By, j.AuthorId, j.RecordedAt);

    public static OutflowView ToView(this OutflowRecord o) => new(o.HoursPerWeek, o.StartOn, o.By, o.ReportedAt);

    /// <summary>
    /// A page of a list whose sequence numbers are the positions from 1 (oldest first): newest first, before
    /// <paramref name="before"/> (null: from the newest), at most <paramref name="size"/>.
    /// </summary>
    public static List<TView> NewestFirst<TRecord, TView>(this List<TRecord> items, long? before, int size, Func<TRecord, TView> view)
    {
        var end = (int)Math.Min(items.Count, before is { } b ? Math.Max(0, b - 1) : items.Count);
        var start = Math.Max(0, end - size);
        var page = new List<TView>(end - start);
        for (var i = end - 1; i >= start; i--)
        {
            page.Add(view(items[i]));
        }

        return page;
    }
}
