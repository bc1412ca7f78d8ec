using System.Globalization;
using Participatie.Domain.Reintegration;
using Participatie.Domain.Validation;

namespace Participatie.Domain.People;

/// <summary>What is recorded about a person at intake.</summary>
public sealed record Intake(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    HouseholdType HouseholdType,
    string Postcode,
    string NeighbourhoodId,
    ReintegrationFactors Factors);

/// <summary>The rules an intake must meet before a person is registered.</summary>
public static class IntakeRules
{
    /// <summary>The caseload this platform serves starts at 27; younger people follow the youth pathway.</summary>
    public const int MinimumAge = 27;

    /// <summary>State pension age is about 67; nobody older is on social assistance.</summary>
    public const int MaximumAge = 67;

    public const int MaxNameLength = 100;

    /// <summary>Parses an ISO calendar date (yyyy-MM-dd); null when it is not one.</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Checks the form of every field. Age against the youth pathway is a separate rule: see <see cref="YouthPathwayReason"/>.</summary>
    public static Intake? Validate(
        Violations violations,
        string? givenName,
        string? familyName,
        string? dateOfBirth,
        HouseholdType householdType,
        string? postcode,
        string? neighbourhoodId,
        ReintegrationFactors? factors,
        DateOnly today)
    {
        var given = violations.Line(nameof(givenName), givenName, MaxNameLength);
        var family = violations.Line(nameof(familyName), familyName, MaxNameLength);

        DateOnly? birth = null;
        if (string.IsNullOrEmpty(dateOfBirth))
        {
            violations.Add(nameof(dateOfBirth), "is required");
        }
        else
        {
            birth = ParseDate(dateOfBirth);
            if (birth is null)
            {
                violations.Add(nameof(dateOfBirth), "must be an ISO date, e.g. 1971-04-30");
            }
            else if (birth > today)
            {
                violations.Add(nameof(dateOfBirth), "must not be in the future");
                birth = null;
            }
            else if (Age.On(birth.Value, today) > MaximumAge)
            {
                violations.Add(nameof(dateOfBirth), $"gives an age above {MaximumAge}: people past state pension age are not on social assistance");
                birth = null;
            }
        }

        violations.Defined(nameof(householdType), householdType);

        var normalisedPostcode = Postcode.Normalise(postcode);
        if (normalisedPostcode is null)
        {
            violations.Add("postcode", string.IsNullOrEmpty(postcode) ? "is required" : "must be a Dutch postcode, e.g. 3072 AB");
        }

        var neighbourhood = violations.Id(nameof(neighbourhoodId), neighbourhoodId, IdKind.Neighbourhood);

        ReintegrationFactors? checkedFactors = null;
        if (factors is null)
        {
            violations.Add(nameof(factors), "is required");
        }
        else
        {
            checkedFactors = ReintegrationFactorRules.Validate(violations, factors, nameof(factors));
        }

        return violations.Any || birth is null || given is null || family is null || normalisedPostcode is null || neighbourhood is null || checkedFactors is null
            ? null
            : new Intake(given, family, birth.Value, householdType, normalisedPostcode, neighbourhood, checkedFactors);
    }

    /// <summary>The reason a person is refused for this caseload because of age, or null when they are 27 or older.</summary>
    public static string? YouthPathwayReason(DateOnly dateOfBirth, DateOnly today)
    {
        var age = Age.On(dateOfBirth, today);
        return age < MinimumAge
            ? $"this person is {age}; people under {MinimumAge} follow the youth pathway (jongerenloket), not this caseload"
            : null;
    }
}
