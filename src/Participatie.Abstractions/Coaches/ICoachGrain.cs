using Participatie.Abstractions.Clients;

namespace Participatie.Abstractions.Coaches;

/// <summary>A case manager: caseload and its limit. Key: a coach id ("co-…").</summary>
[Alias("participatie.ICoachGrain")]
public interface ICoachGrain : IGrainWithStringKey
{
    /// <summary>Creates the coach; repeating the same request returns the same coach.</summary>
    [Alias("Create")]
    Task<CoachView> CreateAsync(CreateCoachCommand command);

    /// <summary>Reads the coach without the caseload.</summary>
    [Alias("Get")]
    Task<CoachView> GetAsync();

    /// <summary>The caseload figures as the platform's status keeps them (null for an undefined coach): what a rebuild asks.</summary>
    [Alias("GetFigures")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<Platform.CoachFigures?> GetFiguresAsync();

    /// <summary>Reads a page of the caseload, entries after the given client id.</summary>
    [Alias("GetCaseload")]
    Task<CaseloadPage> GetCaseloadAsync(string? after, int pageSize);

    /// <summary>
    /// Holds a place for a person before their record commits to this coach; fails when the caseload is full.
    /// Unconfirmed places are checked against the person's record and dropped when it never committed.
    /// </summary>
    [Alias("Reserve")]
    Task ReserveAsync(string clientId, long version, CaseloadSummary summary);

    /// <summary>Applies a person's contribution to the caseload if it is newer than what the coach holds.</summary>
    [Alias("Apply")]
    Task ApplyAsync(CaseloadContribution contribution);

    /// <summary>Checks the caseload against the people's records and repairs any difference.</summary>
    [Alias("Reconcile")]
    Task<ReconcileResult> ReconcileAsync(bool includeConfirmed);

    /// <summary>
    /// The people of the caseload whose contact is due on or before today (in the Netherlands) plus
    /// <paramref name="withinDays"/>, most overdue first, paged after a token of a previous page.
    /// </summary>
    [Alias("ListFollowUps")]
    Task<FollowUpPage> ListFollowUpsAsync(int withinDays, string? after, int pageSize);

    /// <summary>Asks every person in the caseload for their contact facts and raises an inbox item for each newly overdue one.</summary>
    [Alias("CheckFollowUps")]
    Task<FollowUpCheck> CheckFollowUpsAsync();

    /// <summary>Adds an item to the inbox (for a person in the caseload; others are dropped) and wakes its watchers.</summary>
    [Alias("Notify")]
    Task NotifyAsync(InboxNotice notice);

    /// <summary>
    /// The inbox items after <paramref name="after"/>; when there are none yet, waits up to <paramref name="maxWait"/>
    /// for one (a long poll, answered while the coach does other work).
    /// </summary>
    [Alias("WaitForInbox")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<InboxPage> WaitForInboxAsync(long after, TimeSpan maxWait);
}
