using Participatie.Domain.People;
using Participatie.Domain.Regimes;

namespace Participatie.Domain.Experiments;

/// <summary>The kinds of arm the trust experiments used.</summary>
public enum ArmKind
{
    Unspecified = 0,

    /// <summary>Nothing changes: the comparison group every other arm is reported against.</summary>
    Control = 1,

    /// <summary>Exemption from work obligations ("Zelf in actie").</summary>
    Exemption = 2,

    /// <summary>Extra guidance ("Extra hulp"): a smaller caseload, more contact.</summary>
    ExtraGuidance = 3,

    /// <summary>Extra earnings disregard ("Werken loont").</summary>
    ExtraDisregard = 4,

    /// <summary>A combination of the treatments.</summary>
    Combination = 5,

    /// <summary>The person chooses their treatment.</summary>
    Choice = 6,
}

/// <summary>A characteristic the lottery can balance arms on: within each stratum the arms fill in balanced blocks.</summary>
public enum StratumFactor
{
    Unspecified = 0,
    AgeBand = 1,
    Segment = 2,
    HouseholdType = 3,
}

/// <summary>What one permuted block of the lottery holds.</summary>
public enum BlockWeighting
{
    Unspecified = 0,

    /// <summary>One slot per arm: arms fill equally.</summary>
    OneSlotPerArm = 1,

    /// <summary>Slots in proportion to capacity (each capacity divided by their greatest common divisor): arms fill in step.</summary>
    ByCapacity = 2,
}

/// <summary>One arm of an experiment.</summary>
/// <param name="Name">A short lower-case name, unique in the experiment, e.g. <c>control</c> or <c>zelf-in-actie</c>.</param>
/// <param name="Kind">What kind of treatment it is.</param>
/// <param name="Capacity">At most this many people are assigned to it; the rest of the draw goes to the waiting list.</param>
/// <param name="Regime">The regime settings the arm applies on top of the person's other layers; none for the control arm.</param>
public sealed record ExperimentArm(string Name, ArmKind Kind, int Capacity, RegimeOverrides Regime);

/// <summary>Who may take part. Empty lists admit everyone on that characteristic.</summary>
public sealed record EligibilityRules
{
    /// <summary>The youngest age admitted on the draw date; never below 27 (younger people follow the youth pathway).</summary>
    public int MinimumAge { get; init; } = IntakeRules.MinimumAge;

    /// <summary>The oldest age admitted, if any.</summary>
    public int? MaximumAge { get; init; }

    public IReadOnlyList<Segment> Segments { get; init; } = [];

    /// <summary>Neighbourhood ids (<c>wk-…</c>).</summary>
    public IReadOnlyList<string> Neighbourhoods { get; init; } = [];

    public IReadOnlyList<HouseholdType> HouseholdTypes { get; init; } = [];
}

/// <summary>
/// A trust experiment: its period (at most two years: the law allows deviation for no longer), arms, eligibility
/// and how the lottery balances the arms.
/// </summary>
/// <param name="Name">A short lower-case name, e.g. <c>tilburg-2026</c>.</param>
/// <param name="Start">First day of the experiment.</param>
/// <param name="End">Last day of the experiment.</param>
/// <param name="Arms">The arms, exactly one of them the control arm.</param>
/// <param name="Eligibility">Who may sign up.</param>
public sealed record ExperimentDesign(string Name, DateOnly Start, DateOnly End, IReadOnlyList<ExperimentArm> Arms, EligibilityRules Eligibility)
{
    /// <summary>The age bands used when none are given: 27–39, 40–49, 50 and over.</summary>
    public static IReadOnlyList<int> DefaultAgeBandStarts { get; } = [27, 40, 50];

    /// <summary>The characteristics the lottery balances on; none means one stratum for everyone.</summary>
    public IReadOnlyList<StratumFactor> Strata { get; init; } = [];

    /// <summary>The first age of each age band, ascending: a band runs to the next start.</summary>
    public IReadOnlyList<int> AgeBandStarts { get; init; } = DefaultAgeBandStarts;

    /// <summary>What a permuted block holds.</summary>
    public BlockWeighting Blocks { get; init; } = BlockWeighting.OneSlotPerArm;

    /// <summary>The regime layer an arm applies to its members, in force for the experiment's period.</summary>
    public RegimeLayer LayerFor(string armName)
    {
        var arm = Arms.SingleOrDefault(a => a.Name == armName)
            ?? throw new ArgumentException($"The experiment {Name} has no arm {armName}.", nameof(armName));
        return new RegimeLayer(RegimeSource.ExperimentArm, $"{Name}/{arm.Name}", arm.Regime, Start, End);
    }
}
