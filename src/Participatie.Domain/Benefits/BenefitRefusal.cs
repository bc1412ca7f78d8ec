namespace Participatie.Domain.Benefits;

/// <summary>
/// Why a rule of the person's benefit, regime or trajectories refuses a change; <see cref="Code"/> is stable (the grain
/// passes it on as the reason of a failed precondition, or as not found / already exists where the code says so).
/// </summary>
/// <param name="Code">Stable, one of the constants below.</param>
/// <param name="Message">Why, in words a caller can act on.</param>
/// <param name="Subject">What is refused where a code names a thing: the trajectory not configured, the measure's reference.</param>
public sealed record BenefitRefusal(string Code, string Message, string? Subject = null)
{
    /// <summary>The person's regime excludes sanctions in the measure's first month.</summary>
    public const string SanctionsExcluded = "SANCTIONS_EXCLUDED";

    /// <summary>No municipal default regime (Regimes:Defaults) is in force on that day.</summary>
    public const string RegimeNotConfigured = "REGIME_NOT_CONFIGURED";

    /// <summary>A figure the calculation needs is not in the benefit table (Benefits:Entries).</summary>
    public const string FigureNotConfigured = "FIGURE_NOT_CONFIGURED";

    /// <summary>The configured trajectory cannot be started on that day.</summary>
    public const string TrajectoryNotAvailable = "TRAJECTORY_NOT_AVAILABLE";

    /// <summary>The person's trajectories would overlap: a person is on one trajectory at a time.</summary>
    public const string TrajectoryOverlaps = "TRAJECTORY_OVERLAPS";

    /// <summary>No trajectory of the person is in force on that day.</summary>
    public const string NoTrajectory = "NO_TRAJECTORY";

    /// <summary>No trajectory of that name is configured (a not-found, not a precondition).</summary>
    public const string UnknownTrajectory = "UNKNOWN_TRAJECTORY";

    /// <summary>A measure with that reference was recorded before with other terms (an already-exists).</summary>
    public const string MeasureRecordedOtherwise = "MEASURE_RECORDED_OTHERWISE";
}
