using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Platform;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Coaches;

/// <summary>
/// The coach's contact agenda and inbox. Each person's record reports their last contact with every change; the
/// contact interval follows the person's regime and is asked of them by a periodic check (and at once for anyone new
/// to the list). The inbox keeps the newest items with growing sequence numbers, so a watcher that reconnects asks
/// for what it missed; a long poll answers as soon as an item arrives.
/// </summary>
public sealed partial class CoachGrain
{
    /// <summary>People asked at once by a follow-up check.</summary>
    private const int FollowUpConcurrency = 16;

    private TaskCompletionSource? _inboxChanged;

    private IGrainTimer? _unknownIntervals;

    /// <summary>
    /// The agenda from what this coach holds: the people's contributions carry their last contact and contact
    /// interval. It never waits on the people themselves — one of them may, at this moment, be waiting on this coach.
    /// People whose interval is not known yet are asked in a turn of their own, and appear once they answered.
    /// </summary>
    public Task<FollowUpPage> ListFollowUpsAsync(int withinDays, string? after, int pageSize)
    {
        EnsureCreated();
        var on = Today.In(time);
        if (_unknownIntervals is null && State.Entries.Any(e => e.Value.Counts && e.Value.ContactIntervalDays is null))
        {
            _unknownIntervals = this.RegisterGrainTimer(AskUnknownIntervalsAsync, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        var (afterDue, afterClient) = ParseFollowUpToken(after);
        var due = DueEntries(on)
            .Where(f => f.DueOn <= on.AddDays(withinDays))
            .OrderBy(f => f.DueOn)
            .ThenBy(f => f.ClientId, StringComparer.Ordinal)
            .ToList();
        var page = due
            .Where(f => afterClient is null || f.DueOn > afterDue || (f.DueOn == afterDue && string.CompareOrdinal(f.ClientId, afterClient) > 0))
            .Take(pageSize + 1)
            .ToList();
        var next = page.Count > pageSize ? FollowUpToken(page[pageSize - 1]) : null;
        return Task.FromResult(new FollowUpPage(on, page.Take(pageSize).ToList(), due.Count(f => f.DaysOverdue > 0), next));
    }

    private async Task AskUnknownIntervalsAsync()
    {
        try
        {
            var unknown = State.Entries.Where(e => e.Value.Counts && e.Value.ContactIntervalDays is null).Select(e => e.Key).ToList();
            if (await AskFollowUpFactsAsync(unknown) > 0)
            {
                await record.WriteStateAsync();
            }
        }
        finally
        {
            _unknownIntervals?.Dispose();
            _unknownIntervals = null;
        }
    }

    public async Task<FollowUpCheck> CheckFollowUpsAsync()
    {
        EnsureCreated();
        var people = State.Entries.Where(e => e.Value.Status == EntryStatus.Active).Select(e => e.Key).ToList();
        await AskFollowUpFactsAsync(people);

        var today = Today.In(time);
        var newlyOverdue = 0;
        foreach (var followUp in DueEntries(today).Where(f => f.DaysOverdue > 0))
        {
            var entry = State.Entries[followUp.ClientId];
            if (entry.OverdueRaisedFor != followUp.DueOn)
            {
                entry.OverdueRaisedFor = followUp.DueOn;
                AddToInbox(InboxItemKind.OverdueContact, followUp.ClientId, followUp.LastContactOn is { } last
                    ? $"no contact since {last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; due {followUp.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (every {followUp.ContactIntervalDays} days)"
                    : $"no contact yet; due {followUp.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (every {followUp.ContactIntervalDays} days)");
                newlyOverdue++;
            }
        }

        State.LastFollowUpCheck = time.GetUtcNow();
        await record.WriteStateAsync();
        if (newlyOverdue > 0)
        {
            WakeWatchers();
        }

        return new FollowUpCheck(people.Count, newlyOverdue);
    }

    public async Task NotifyAsync(InboxNotice notice)
    {
        // Only about people in this caseload: a late notice about someone who left is not this coach's business.
        if (!State.Created || !State.Entries.TryGetValue(notice.ClientId, out var entry) || !entry.Counts)
        {
            return;
        }

        AddToInbox(notice.Kind, notice.ClientId, notice.Text);
        await record.WriteStateAsync();
        WakeWatchers();
    }

    public async Task<InboxPage> WaitForInboxAsync(long after, TimeSpan maxWait)
    {
        EnsureCreated();
        if (State.InboxSequence <= after && maxWait > TimeSpan.Zero)
        {
            _inboxChanged ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await Task.WhenAny(_inboxChanged.Task, Task.Delay(maxWait < options.Value.InboxPollWait ? maxWait : options.Value.InboxPollWait));
        }

        var items = State.Inbox
            .Where(i => i.Sequence > after)
            .Select(i => new InboxItem(i.Sequence, i.Kind, i.ClientId, State.Entries.TryGetValue(i.ClientId, out var e) ? e.DisplayName : string.Empty, i.At, i.Text))
            .ToList();
        return new InboxPage(items, State.InboxSequence);
    }

    /// <summary>The contact agenda of the people whose contact interval is known, as of <paramref name="on"/>.</summary>
    private IEnumerable<FollowUpView> DueEntries(DateOnly on) =>
        State.Entries
            .Where(e => e.Value.Counts && e.Value.ContactIntervalDays is not null)
            .Select(e =>
            {
                var since = e.Value.LastContactOn ?? Today.Of(e.Value.AssignedAt);
                var dueOn = since.AddDays(e.Value.ContactIntervalDays!.Value);
                return new FollowUpView(e.Key, e.Value.DisplayName, e.Value.NeighbourhoodId, e.Value.LastContactOn, e.Value.ContactIntervalDays.Value, dueOn, on.DayNumber - dueOn.DayNumber);
            });

    /// <summary>Asks the people for their last contact and contact interval; returns how many entries changed.</summary>
    private async Task<int> AskFollowUpFactsAsync(List<string> people)
    {
        var today = Today.In(time);
        var changed = 0;
        foreach (var chunk in people.Chunk(FollowUpConcurrency))
        {
            var facts = await Task.WhenAll(chunk.Select(async id =>
            {
                try
                {
                    return (id, Facts: (FollowUpFacts?)await GrainFactory.GetGrain<IClientCaseGrain>(id).GetFollowUpFactsAsync(today));
                }
                catch (Abstractions.Errors.PlatformException)
                {
                    return (id, Facts: null); // no regime configured for today, or the person is gone: the check tries again
                }
            }));
            foreach (var (id, fact) in facts)
            {
                if (fact is not null && State.Entries.TryGetValue(id, out var entry) && entry.Counts
                    && (entry.ContactIntervalDays != fact.ContactIntervalDays || entry.LastContactOn != fact.LastContactOn))
                {
                    (entry.ContactIntervalDays, entry.LastContactOn) = (fact.ContactIntervalDays, fact.LastContactOn);
                    changed++;
                }
            }
        }

        return changed;
    }

    private void AddToInbox(InboxItemKind kind, string clientId, string text)
    {
        State.InboxSequence++;
        State.Inbox.Add(new InboxItemRecord { Sequence = State.InboxSequence, Kind = kind, ClientId = clientId, At = time.GetUtcNow(), Text = text });
        if (State.Inbox.Count > CoachState.MaxInboxItems)
        {
            State.Inbox.RemoveRange(0, State.Inbox.Count - CoachState.MaxInboxItems);
        }
    }

    /// <summary>After a stored change that added inbox items: wakes long polls here and notifies watchers anywhere in the cluster.</summary>
    private void WakeWatchers()
    {
        var changed = _inboxChanged;
        _inboxChanged = null;
        changed?.TrySetResult();
        LiveNotices.Publish(this, LiveStreams.Inbox, CoachId, State.InboxSequence, logger);
    }

    private static string FollowUpToken(FollowUpView last) =>
        last.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + last.ClientId;

    /// <summary>The due date and client id a page ended with; (default, null) for the first page or a token that is not ours.</summary>
    private static (DateOnly Due, string? ClientId) ParseFollowUpToken(string? token) =>
        token?.Split('/') is [var day, var clientId]
        && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? (due, clientId)
            : (default, null);
}
