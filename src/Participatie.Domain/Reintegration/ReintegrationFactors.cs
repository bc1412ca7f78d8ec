using Participatie.Domain.People;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Reintegration;

/// <summary>The facts a reintegration estimate is computed from.</summary>
public sealed record ReintegrationFactors(
    EducationLevel Education,
    int WorkExperienceYears,
    LanguageProficiency Language,
    HealthLimitation Health,
    IReadOnlyList<SocialCircumstance> SocialCircumstances,
    int YearsOnAssistance)
{
    public bool Equals(ReintegrationFactors? other) =>
        other is not null
        && Education == other.Education
        && WorkExperienceYears == other.WorkExperienceYears
        && Language == other.Language
        && Health == other.Health
        && YearsOnAssistance == other.YearsOnAssistance
        && SocialCircumstances.SequenceEqual(other.SocialCircumstances);

    public override int GetHashCode() => HashCode.Combine(Education, WorkExperienceYears, Language, Health, YearsOnAssistance, SocialCircumstances.Count);
}

/// <summary>Checks reintegration factors.</summary>
public static class ReintegrationFactorRules
{
    public const int MaxYears = 60;

    /// <summary>
    /// A list reports at most this many bad elements: a million unknown values must not become a million violations
    /// (and a reply whose error details no client can read).
    /// </summary>
    public const int MaxReportedElements = 10;

    /// <summary>Returns the factors with social circumstances de-duplicated and sorted, or null when a field is wrong.</summary>
    public static ReintegrationFactors? Validate(Violations violations, ReintegrationFactors factors, string prefix)
    {
        var before = violations.Items.Count;
        violations.Defined($"{prefix}.{nameof(factors.Education)}", factors.Education);
        violations.Range($"{prefix}.{nameof(factors.WorkExperienceYears)}", factors.WorkExperienceYears, 0, MaxYears);
        violations.Defined($"{prefix}.{nameof(factors.Language)}", factors.Language);
        violations.Defined($"{prefix}.{nameof(factors.Health)}", factors.Health);
        violations.Range($"{prefix}.{nameof(factors.YearsOnAssistance)}", factors.YearsOnAssistance, 0, MaxYears);
        var listStart = violations.Items.Count;
        for (var i = 0; i < factors.SocialCircumstances.Count && violations.Items.Count - listStart < MaxReportedElements; i++)
        {
            violations.Defined($"{prefix}.{nameof(factors.SocialCircumstances)}[{i}]", factors.SocialCircumstances[i]);
        }

        return violations.Items.Count > before
            ? null
            : factors with { SocialCircumstances = [.. factors.SocialCircumstances.Distinct().Order()] };
    }
}
