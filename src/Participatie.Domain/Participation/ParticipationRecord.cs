namespace Participatie.Domain.Participation;

/// <summary>What one activity told the person's record: its version, the person's status there, and the minutes of each day.</summary>
public sealed record ActivityContribution(long Version, ParticipantStatus Status, IReadOnlyList<(DateOnly Day, int Minutes)> Days);

/// <summary>What applying a contribution changed: whether it was taken, and whether it gave the person a new place.</summary>
/// <param name="Taken">False for a repeat or a late delivery (a version not newer than the one kept): nothing changes.</param>
/// <param name="NewPlace">The person has a place in the activity now and had none before (their coach hears of it).</param>
public sealed record ContributionOutcome(bool Taken, bool NewPlace);

/// <summary>
/// The person's participation as their record keeps it. Each activity is the truth about the person's place and hours
/// there; the record keeps the newest contribution each activity sent — versioned, so repeats and late deliveries change
/// nothing — and from them the last day the person took part, which makes them active or not
/// (<see cref="ParticipationPolicy"/>).
/// </summary>
public static class ParticipationRecord
{
    /// <summary>Whether <paramref name="contribution"/> replaces the <paramref name="kept"/> one (null when none): only a newer version does.</summary>
    public static ContributionOutcome Apply(ActivityContribution? kept, ActivityContribution contribution) =>
        kept is not null && kept.Version >= contribution.Version
            ? new ContributionOutcome(false, false)
            : new ContributionOutcome(true, contribution.Status == ParticipantStatus.Enrolled && kept?.Status != ParticipantStatus.Enrolled);

    /// <summary>The last day with minutes in any activity; null when the person never took part.</summary>
    public static DateOnly? LastDay(IEnumerable<(DateOnly Day, int Minutes)> days) =>
        days.Where(d => d.Minutes > 0).Select(d => (DateOnly?)d.Day).Max();

    /// <summary>Minutes per month of this month and the one before (the neighbourhood's figures), in month order; months without days are left out.</summary>
    public static IReadOnlyList<(DateOnly Month, int Minutes)> RecentMonths(IEnumerable<(DateOnly Day, int Minutes)> days, DateOnly today)
    {
        var since = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return [.. days
            .Where(d => d.Day >= since)
            .GroupBy(d => new DateOnly(d.Day.Year, d.Day.Month, 1))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(d => d.Minutes)))];
    }
}
