namespace Participatie.Domain.Participation;

/// <summary>A dated active window: from this day on, a person counts as active with participation in the last <see cref="Days"/> days.</summary>
public sealed class ActiveWindow
{
    public DateOnly From { get; set; }

    public int Days { get; set; }
}

/// <summary>
/// The participation settings of the municipality (configuration section <c>Participation</c>): the most hours one
/// person can be credited for one activity on one day, and the dated window within which participation makes a person
/// active (four weeks unless configured otherwise).
/// </summary>
public sealed class ParticipationPolicy
{
    public const string Section = "Participation";
    public const int DefaultWindowDays = 28;

    /// <summary>Hours per participant per activity per day, at most 24.</summary>
    public double MaxHoursPerDay { get; set; } = 12;

    /// <summary>Windows by start date; before the first (or with none) the window is <see cref="DefaultWindowDays"/>.</summary>
    public List<ActiveWindow> ActiveWindows { get; set; } = [];

    /// <summary>The window in force on <paramref name="day"/>, in days.</summary>
    public int WindowOn(DateOnly day) =>
        ActiveWindows.Where(w => w.From <= day).MaxBy(w => w.From)?.Days ?? DefaultWindowDays;

    /// <summary>The first day of the window that ends <paramref name="today"/>: who took part on or after it is active.</summary>
    public DateOnly ActiveSince(DateOnly today) => today.AddDays(1 - WindowOn(today));

    /// <summary>Active on <paramref name="today"/>: participation on one of the last window's days, today included.</summary>
    public bool IsActive(DateOnly? lastParticipation, DateOnly today) =>
        lastParticipation is { } last && last <= today && last > today.AddDays(-WindowOn(today));

    public IEnumerable<string> Problems()
    {
        if (MaxHoursPerDay is <= 0 or > 24 || !ParticipationRules.IsQuarterHours(MaxHoursPerDay))
        {
            yield return $"{Section}:MaxHoursPerDay must be more than 0 and at most 24, in quarter hours";
        }

        foreach (var (window, index) in ActiveWindows.Select((w, i) => (w, i)))
        {
            if (window.Days is < 1 or > 366)
            {
                yield return $"{Section}:ActiveWindows:{index}:Days must be between 1 and 366";
            }
        }

        if (ActiveWindows.GroupBy(w => w.From).Any(g => g.Count() > 1))
        {
            yield return $"{Section}:ActiveWindows has two windows from the same day";
        }
    }
}
