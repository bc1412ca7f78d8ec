using System.Text.RegularExpressions;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Experiments;

/// <summary>The rules an experiment design must meet before anyone can sign up.</summary>
public static partial class ExperimentRules
{
    /// <summary>The law allows deviation from the Participatiewet for at most two years.</summary>
    public const int MaxYears = 2;

    public const int MaxArms = 10;
    public const int MaxCapacity = 100_000;

    /// <summary>A block larger than this barely balances anything.</summary>
    public const int MaxBlockSize = 100;

    /// <summary>Checks every part of the design, field by field. True when it is valid.</summary>
    public static bool Validate(Violations violations, ExperimentDesign design)
    {
        var before = violations.Items.Count;
        CheckName(violations, "name", design.Name);
        if (design.End < design.Start)
        {
            violations.Add("end", "must not be before start");
        }
        else if (design.End >= design.Start.AddYears(MaxYears))
        {
            violations.Add("end", $"must be within {MaxYears} years of start: the law allows deviation for at most {MaxYears} years");
        }

        CheckArms(violations, design.Arms, design.Blocks);
        CheckEligibility(violations, design.Eligibility);
        CheckStrata(violations, design);
        return violations.Items.Count == before;
    }

    private static void CheckArms(Violations violations, IReadOnlyList<ExperimentArm> arms, BlockWeighting blocks)
    {
        if (arms.Count is < 2 or > MaxArms)
        {
            violations.Add("arms", $"must hold between 2 and {MaxArms} arms");
        }

        if (arms.Count(a => a.Kind == ArmKind.Control) != 1)
        {
            violations.Add("arms", "must hold exactly one control arm: every arm is reported against it");
        }

        for (var i = 0; i < arms.Count; i++)
        {
            var arm = arms[i];
            CheckName(violations, $"arms[{i}].name", arm.Name);
            if (arms.Take(i).Any(a => a.Name == arm.Name))
            {
                violations.Add($"arms[{i}].name", "must be unique in the experiment");
            }

            violations.Defined($"arms[{i}].kind", arm.Kind);
            violations.Range($"arms[{i}].capacity", arm.Capacity, 1, MaxCapacity);
            RegimeRules.ValidateSettingsFrom(violations, RegimeSource.ExperimentArm, arm.Regime, $"arms[{i}].regime");
            if (arm.Kind == ArmKind.Control && !arm.Regime.IsEmpty)
            {
                violations.Add($"arms[{i}].regime", "must be empty for the control arm: nothing changes for the control group");
            }
        }

        violations.Defined("blocks", blocks);
        if (blocks == BlockWeighting.ByCapacity && arms.Count > 0 && arms.All(a => a.Capacity >= 1))
        {
            var size = Lottery.BlockTemplate(arms, blocks).Count;
            if (size > MaxBlockSize)
            {
                violations.Add("blocks", $"by capacity gives blocks of {size} slots, more than {MaxBlockSize}: choose capacities with a larger common divisor");
            }
        }
    }

    private static void CheckEligibility(Violations violations, EligibilityRules rules)
    {
        violations.Range($"{nameof(ExperimentDesign.Eligibility)}.{nameof(rules.MinimumAge)}", rules.MinimumAge, IntakeRules.MinimumAge, IntakeRules.MaximumAge);
        if (rules.MaximumAge is { } maximum)
        {
            violations.Range($"{nameof(ExperimentDesign.Eligibility)}.{nameof(rules.MaximumAge)}", maximum, rules.MinimumAge, IntakeRules.MaximumAge);
        }

        for (var i = 0; i < rules.Segments.Count; i++)
        {
            violations.Defined($"eligibility.segments[{i}]", rules.Segments[i]);
        }

        for (var i = 0; i < rules.Neighbourhoods.Count; i++)
        {
            violations.Id($"eligibility.neighbourhoods[{i}]", rules.Neighbourhoods[i], IdKind.Neighbourhood);
        }

        for (var i = 0; i < rules.HouseholdTypes.Count; i++)
        {
            violations.Defined($"eligibility.household_types[{i}]", rules.HouseholdTypes[i]);
        }
    }

    private static void CheckStrata(Violations violations, ExperimentDesign design)
    {
        for (var i = 0; i < design.Strata.Count; i++)
        {
            violations.Defined($"strata[{i}]", design.Strata[i]);
            if (design.Strata.Take(i).Contains(design.Strata[i]))
            {
                violations.Add($"strata[{i}]", "must not repeat a factor");
            }
        }

        var starts = design.AgeBandStarts;
        if (design.Strata.Contains(StratumFactor.AgeBand) && starts.Count == 0)
        {
            violations.Add(nameof(design.AgeBandStarts), "must hold at least one age when the lottery balances on age band");
        }

        for (var i = 0; i < starts.Count; i++)
        {
            violations.Range($"{nameof(design.AgeBandStarts)}[{i}]", starts[i], IntakeRules.MinimumAge, IntakeRules.MaximumAge);
            if (i > 0 && starts[i] <= starts[i - 1])
            {
                violations.Add($"{nameof(design.AgeBandStarts)}[{i}]", "must be above the previous age: bands run in ascending order");
            }
        }
    }

    /// <summary>True for a short lower-case name: 1-60 letters, digits or hyphens, starting with a letter or digit.</summary>
    public static bool IsSlug(string? name) => name is not null && Slug().IsMatch(name);

    private static void CheckName(Violations violations, string field, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, "is required");
        }
        else if (!Slug().IsMatch(name))
        {
            violations.Add(field, "must be 1-60 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,59}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
