using Participatie.Domain.People;

namespace Participatie.Domain.Experiments;

/// <summary>A person who signed up for an experiment, with the characteristics eligibility and strata look at.</summary>
/// <param name="ParticipantId">The person's opaque id; the lottery orders people by it, never by sign-up order.</param>
/// <param name="DateOfBirth">For the age on the draw date.</param>
/// <param name="Segment">Where the person stands against the municipality's cut.</param>
/// <param name="NeighbourhoodId">The person's neighbourhood.</param>
/// <param name="HouseholdType">The person's household type.</param>
public sealed record Candidate(string ParticipantId, DateOnly DateOfBirth, Segment Segment, string NeighbourhoodId, HouseholdType HouseholdType);

/// <summary>Decides whether a candidate may take part, and says why not.</summary>
public static class Eligibility
{
    /// <summary>Every reason the candidate may not take part on <paramref name="day"/>; empty when they may.</summary>
    public static IReadOnlyList<string> Reasons(EligibilityRules rules, Candidate candidate, DateOnly day)
    {
        var reasons = new List<string>();
        var age = Age.On(candidate.DateOfBirth, day);
        if (age < rules.MinimumAge)
        {
            reasons.Add($"is {age} on {day:yyyy-MM-dd}; the experiment admits people from {rules.MinimumAge}");
        }

        if (rules.MaximumAge is { } maximum && age > maximum)
        {
            reasons.Add($"is {age} on {day:yyyy-MM-dd}; the experiment admits people up to {maximum}");
        }

        Among(reasons, "segment", candidate.Segment, rules.Segments, Names.Snake);
        Among(reasons, "neighbourhood", candidate.NeighbourhoodId, rules.Neighbourhoods, id => id);
        Among(reasons, "household type", candidate.HouseholdType, rules.HouseholdTypes, Names.Snake);
        return reasons;
    }

    private static void Among<T>(List<string> reasons, string what, T value, IReadOnlyList<T> admitted, Func<T, string> show)
    {
        if (admitted.Count > 0 && !admitted.Contains(value))
        {
            reasons.Add($"{what} {show(value)} is not among the experiment's ({string.Join(", ", admitted.Select(show))})");
        }
    }
}
