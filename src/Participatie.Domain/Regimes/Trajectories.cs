using Participatie.Domain.Benefits;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Regimes;

/// <summary>A period the person is or was on a trajectory.</summary>
public sealed record TrajectoryPeriod(string Name, DateOnly From, DateOnly? Until)
{
    public bool InForceOn(DateOnly day) => From <= day && (Until is null || day <= Until);

    /// <summary>Whether the period shares a day with <paramref name="from"/>..<paramref name="until"/> (open-ended when null).</summary>
    public bool Overlaps(DateOnly from, DateOnly? until) => from <= (Until ?? DateOnly.MaxValue) && From <= (until ?? DateOnly.MaxValue);

    /// <summary>E.g. "from 2026-01-01 to 2026-06-30", or "from 2026-01-01" when open-ended.</summary>
    public string Describe() => $"from {From:yyyy-MM-dd}{(Until is { } end ? $" to {end:yyyy-MM-dd}" : string.Empty)}";
}

/// <summary>A request to put the person on a configured trajectory, as checked: the field names are its members'.</summary>
/// <param name="Trajectory">The configured trajectory.</param>
/// <param name="From">The first day.</param>
/// <param name="Until">The last day; null while open-ended.</param>
/// <param name="Consent">The person's consent: required for a trajectory that lowers the benefit (the opt-in basic benefit).</param>
/// <param name="StartedBy">Who started it.</param>
public sealed record TrajectoryStart(ConfiguredRegime Trajectory, DateOnly From, DateOnly? Until, Consent? Consent, string StartedBy)
{
    /// <summary>Whether the trajectory lowers the benefit, so needs the person's consent.</summary>
    public static bool Lowers(ConfiguredRegime? trajectory) => trajectory?.BenefitLevel == BenefitLevel.OptInBasic;
}

/// <summary>
/// The rules of the person's trajectories: a configured one, started on a day it is available, one at a time (a start
/// that repeats a period already recorded changes nothing), with consent when it lowers the benefit; it ends on a day
/// it is in force.
/// </summary>
public static class Trajectories
{
    /// <summary>
    /// Checks a start request (names, dates within the case, until not before from, consent when the trajectory lowers
    /// the benefit or when given). Returns the start, or null with violations, or with <paramref name="refusal"/> set
    /// when no trajectory of that name is configured (a not-found, reported after the violations).
    /// </summary>
    public static TrajectoryStart? Check(
        Violations violations,
        CaseCalendar calendar,
        RegimePolicy policy,
        (string? Trajectory, string? From, string? Until, (string? Text, string? Version, string? GivenAt)? Consent, string? StartedBy) request,
        DateTimeOffset now,
        Func<DateTimeOffset, DateOnly> dayOf,
        out BenefitRefusal? refusal)
    {
        refusal = null;
        var name = violations.Text(nameof(TrajectoryStart.Trajectory), request.Trajectory, RegimeRules.MaxNameLength);
        var from = calendar.CaseDay(violations, nameof(TrajectoryStart.From), violations.Date(nameof(TrajectoryStart.From), request.From));
        var until = calendar.Day(violations, nameof(TrajectoryStart.Until), violations.Date(nameof(TrajectoryStart.Until), request.Until, required: false));
        if (from is not null && until < from)
        {
            violations.Add(nameof(TrajectoryStart.Until), "must not be before from");
        }

        var definition = name is null ? null : policy.Trajectory(name);
        var agreed = request.Consent is null && !TrajectoryStart.Lowers(definition)
            ? null
            : Consent.Check(violations, nameof(TrajectoryStart.Consent), request.Consent, now, calendar.Today, calendar.Bounds, dayOf);
        var startedBy = violations.Text(nameof(TrajectoryStart.StartedBy), request.StartedBy, IncomeForm.MaxActorLength);
        if (violations.Any)
        {
            return null;
        }

        if (definition is null)
        {
            refusal = new BenefitRefusal(BenefitRefusal.UnknownTrajectory, $"trajectory {name} is not configured", name);
            return null;
        }

        return new TrajectoryStart(definition, from!.Value, until, agreed, startedBy!);
    }

    /// <summary>
    /// Whether the person can start <paramref name="start"/> next to their <paramref name="periods"/>: a refusal, or
    /// null. <paramref name="same"/> is the index of a recorded period with the same name and dates (nothing changes).
    /// </summary>
    public static BenefitRefusal? CanStart(TrajectoryStart start, IReadOnlyList<TrajectoryPeriod> periods, out int? same)
    {
        same = null;
        var trajectory = start.Trajectory;
        if (!trajectory.AvailableOn(start.From))
        {
            return new BenefitRefusal(
                BenefitRefusal.TrajectoryNotAvailable,
                $"trajectory {trajectory.Name} can be started from {trajectory.From:yyyy-MM-dd}{(trajectory.Until is { } last ? $" to {last:yyyy-MM-dd}" : string.Empty)}, not on {start.From:yyyy-MM-dd}");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i] == new TrajectoryPeriod(trajectory.Name, start.From, start.Until))
            {
                same = i;
                return null;
            }
        }

        return periods.FirstOrDefault(p => p.Overlaps(start.From, start.Until)) is { } clash
            ? new BenefitRefusal(
                BenefitRefusal.TrajectoryOverlaps,
                $"the person is on trajectory {clash.Name} {clash.Describe()}; end it first (a person is on one trajectory at a time)")
            : null;
    }

    /// <summary>The index of the period in force on <paramref name="day"/>, or -1.</summary>
    public static int On(IReadOnlyList<TrajectoryPeriod> periods, DateOnly day)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].InForceOn(day))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Ending the trajectory in force on <paramref name="lastDay"/>: its index, or a refusal when none is. Ending it on
    /// the day it already ends changes nothing (<paramref name="changes"/> false).
    /// </summary>
    public static BenefitRefusal? CanEnd(IReadOnlyList<TrajectoryPeriod> periods, DateOnly lastDay, out int index, out bool changes)
    {
        index = On(periods, lastDay);
        changes = index >= 0 && periods[index].Until != lastDay;
        return index >= 0 ? null : new BenefitRefusal(BenefitRefusal.NoTrajectory, $"the person is on no trajectory on {lastDay:yyyy-MM-dd}");
    }

    /// <summary>
    /// The regime on <paramref name="day"/> from the layers that can apply; a refusal when no municipal default is in
    /// force then (configuration, not the person, is missing).
    /// </summary>
    public static BenefitRefusal? RegimeOn(IReadOnlyList<RegimeLayer> layers, DateOnly day, out ResolvedRegime? regime)
    {
        regime = null;
        if (!layers.Any(l => l.Source == RegimeSource.MunicipalDefault && l.InForceOn(day)))
        {
            return new BenefitRefusal(BenefitRefusal.RegimeNotConfigured, $"no municipal default regime is in force on {day:yyyy-MM-dd}; configure Regimes:Defaults");
        }

        regime = RegimeResolver.Resolve(layers, day);
        return null;
    }
}
