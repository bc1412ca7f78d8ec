using Orleans.Concurrency;

namespace Participatie.Abstractions.Coaches;

/// <summary>
/// The hand-over of one coach's caseload to colleagues, as a resumable job: the plan is stored before anyone moves,
/// progress is stored as people move, and a reminder finishes a hand-over that a crash broke off. The person's record
/// stays the truth about their coach, so a hand-over run again moves whoever is still left. Key: the leaving coach's
/// id.
/// </summary>
[Alias("participatie.ICaseloadHandOverGrain")]
public interface ICaseloadHandOverGrain : IGrainWithStringKey
{
    /// <summary>
    /// Plans and stores the hand-over to <paramref name="toCoachIds"/> (filled in that order) and returns whom it will
    /// move; nobody moves yet. NOT_FOUND for an unknown colleague, CASELOAD_FULL when the colleagues lack room for
    /// everyone. A hand-over under way to the same colleagues is returned as it is (the caller joins it); one under way
    /// to other colleagues gives FAILED_PRECONDITION HAND_OVER_UNDER_WAY (the caller waits for it and asks again).
    /// </summary>
    [Alias("Plan")]
    Task<HandOverPlan> PlanAsync(IReadOnlyList<string> toCoachIds);

    /// <summary>Starts the planned hand-over <paramref name="number"/> (again: nothing); it runs on after this call returns.</summary>
    [Alias("Start")]
    Task StartAsync(int number);

    /// <summary>
    /// Waits at most <paramref name="maxWait"/> for hand-over <paramref name="number"/> (0: the newest) to complete, and
    /// returns where it stands: a long poll, so that a caller awaits the outcome itself rather than asking again and again.
    /// </summary>
    [Alias("WaitUntilCompleted")]
    [AlwaysInterleave]
    Task<HandOverView> WaitUntilCompletedAsync(int number, TimeSpan maxWait);
}
