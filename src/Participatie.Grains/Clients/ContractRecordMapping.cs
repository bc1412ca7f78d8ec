using System.Collections;
using Participatie.Abstractions.Clients;
using Participatie.Domain.Contracts;

namespace Participatie.Grains.Clients;

/// <summary>
/// The social contract and the person's record, from stored records to the domain's items and back, and to messages.
/// Stored records keep their shape (JSON names never change); the domain decides on plain items.
/// </summary>
internal static class ContractRecordMapping
{
    /// <summary>The contract as it stands, for one decision of the domain; the lists are read as the domain reads them.</summary>
    public static SocialContract Contract(this ClientState state, string clientId) => new(
        state.Parties(clientId),
        state.Goals.Reading(ToDomain),
        state.Suggestions.Reading(ToDomain),
        new BindingMark(state.LegallyBinding, state.LegallyBindingSince, state.PendingBinding, state.PendingBindingBy),
        state.ContractHistory.Count);

    /// <summary>The person's record as it stands, for one decision of the domain.</summary>
    public static PersonRecord Record(this ClientState state, string clientId) => new(
        state.Parties(clientId),
        state.WellBeing.Reading(ToDomain),
        state.Journal.Reading(ToDomain),
        state.Outflows.Reading(ToDomain));

    public static Actor ToDomain(this ContractActor actor) => new(actor.Party, actor.Id);

    public static Goal ToDomain(this GoalRecord g) => new(
        g.GoalId,
        g.Domain,
        g.Description,
        g.Status,
        g.ProposedBy,
        g.ProposedAt,
        g.AgreedByPersonAt,
        g.AgreedByCoachAt,
        g.ReviewOn,
        [.. g.Progress.Select(p => new GoalProgress(p.Percent, p.Note, p.By, p.At))],
        [.. g.Reviews.Select(r => new GoalReview(r.NextReviewOn, r.Note, r.By, r.At))],
        g.ClosedAt,
        g.ClosingNote,
        g.ClosedBy,
        g.RequestId,
        g.RequestFingerprint);

    public static GoalRecord ToRecord(this Goal g) => new()
    {
        GoalId = g.GoalId,
        Domain = g.Domain,
        Description = g.Description,
        Status = g.Status,
        ProposedBy = g.ProposedBy,
        ProposedAt = g.ProposedAt,
        AgreedByPersonAt = g.AgreedByPersonAt,
        AgreedByCoachAt = g.AgreedByCoachAt,
        ReviewOn = g.ReviewOn,
        Progress = [.. g.Progress.Select(p => new ProgressRecord { Percent = p.Percent, Note = p.Note, By = p.By, At = p.At })],
        Reviews = [.. g.Reviews.Select(r => new ReviewRecord { NextReviewOn = r.NextReviewOn, Note = r.Note, By = r.By, At = r.At })],
        ClosedAt = g.ClosedAt,
        ClosingNote = g.ClosingNote,
        ClosedBy = g.ClosedBy,
        RequestId = g.RequestId,
        RequestFingerprint = g.RequestFingerprint,
    };

    public static Suggestion ToDomain(this SuggestionRecord s) =>
        new(s.SuggestionId, s.Domain, s.Text, s.MadeBy, s.MadeAt, s.Status, s.Words, s.AnsweredAt, s.RequestId, s.RequestFingerprint);

    public static SuggestionRecord ToRecord(this Suggestion s) => new()
    {
        SuggestionId = s.SuggestionId,
        Domain = s.Domain,
        Text = s.Text,
        MadeBy = s.MadeBy,
        MadeAt = s.MadeAt,
        Status = s.Status,
        Words = s.Words,
        AnsweredAt = s.AnsweredAt,
        RequestId = s.RequestId,
        RequestFingerprint = s.RequestFingerprint,
    };

    public static ContractChangeRecord ToRecord(this ContractEntry e) => new()
    {
        Sequence = e.Sequence,
        At = e.At,
        Party = e.Party,
        ActorId = e.ActorId,
        Change = e.Change,
        SubjectId = e.SubjectId,
        Detail = e.Detail,
    };

    public static WellBeingCheckIn ToDomain(this WellBeingRecord w) => new(w.Sequence, w.Score, w.Note, w.By, w.At, w.RequestId, w.RequestFingerprint);

    public static WellBeingRecord ToRecord(this WellBeingCheckIn w) => new()
    {
        Sequence = w.Sequence,
        Score = w.Score,
        Note = w.Note,
        By = w.By,
        At = w.At,
        RequestId = w.RequestId,
        RequestFingerprint = w.RequestFingerprint,
    };

    public static JournalEntry ToDomain(this JournalEntryRecord j) =>
        new(j.Sequence, j.Type, j.ContactedOn, j.Note, j.By, j.AuthorId, j.RecordedAt, j.RequestId, j.RequestFingerprint);

    public static JournalEntryRecord ToRecord(this JournalEntry j) => new()
    {
        Sequence = j.Sequence,
        Type = j.Type,
        ContactedOn = j.ContactedOn,
        Note = j.Note,
        By = j.By,
        AuthorId = j.AuthorId,
        RecordedAt = j.RecordedAt,
        RequestId = j.RequestId,
        RequestFingerprint = j.RequestFingerprint,
    };

    public static Outflow ToDomain(this OutflowRecord o) => new(o.HoursPerWeek, o.StartOn, o.By, o.ReportedAt);

    public static OutflowRecord ToRecord(this Outflow o) => new() { HoursPerWeek = o.HoursPerWeek, StartOn = o.StartOn, By = o.By, ReportedAt = o.ReportedAt };

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

    /// <summary>Replaces the item that <paramref name="same"/> finds, or adds it at the end.</summary>
    public static void Put<T>(this List<T> items, T item, Predicate<T> same)
    {
        var index = items.FindIndex(same);
        if (index < 0)
        {
            items.Add(item);
        }
        else
        {
            items[index] = item;
        }
    }

    private static Parties Parties(this ClientState state, string clientId) => new(clientId, state.CoachId, state.TeamInvolvement);

    private static IReadOnlyList<T> Reading<TRecord, T>(this List<TRecord> records, Func<TRecord, T> toDomain) => new ReadList<TRecord, T>(records, toDomain);

    /// <summary>A stored list as the domain reads it, each item mapped when read: a decision about one goal maps one goal.</summary>
    private sealed class ReadList<TRecord, T>(List<TRecord> records, Func<TRecord, T> toDomain) : IReadOnlyList<T>
    {
        public int Count => records.Count;

        public T this[int index] => toDomain(records[index]);

        public IEnumerator<T> GetEnumerator() => records.Select(toDomain).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
