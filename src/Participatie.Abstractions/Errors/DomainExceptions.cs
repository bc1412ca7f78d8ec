namespace Participatie.Abstractions.Errors;

/// <summary>A field and what is wrong with it; the serializable twin of the domain's field violation.</summary>
[GenerateSerializer, Immutable, Alias("participatie.FieldError")]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Description);

/// <summary>
/// The small set of failures a grain reports to its caller. The gateway maps each to one gRPC status, so callers
/// get the same answer for the same problem wherever it is found.
/// </summary>
[GenerateSerializer, Alias("participatie.PlatformException")]
public abstract class PlatformException : Exception
{
    protected PlatformException(string message)
        : base(message)
    {
    }
}

/// <summary>The thing asked for does not exist (gRPC NOT_FOUND).</summary>
[GenerateSerializer, Alias("participatie.NotFoundException")]
public sealed class NotFoundException(string kind, string id)
    : PlatformException($"{kind} {id} does not exist")
{
    [Id(0)]
    public string Kind { get; } = kind;

    [Id(1)]
    public string ResourceId { get; } = id;
}

/// <summary>The request is malformed; nothing was changed (gRPC INVALID_ARGUMENT with field violations).</summary>
[GenerateSerializer, Alias("participatie.InvalidInputException")]
public sealed class InvalidInputException(IReadOnlyList<FieldError> errors)
    : PlatformException("the request has invalid fields: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Description}")))
{
    [Id(0)]
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static InvalidInputException For(string field, string description) => new([new FieldError(field, description)]);
}

/// <summary>
/// The request is well-formed but the current state does not allow it (gRPC FAILED_PRECONDITION), e.g. a full
/// caseload or a person under 27. <see cref="Reason"/> is a stable upper-case code a program can branch on.
/// </summary>
[GenerateSerializer, Alias("participatie.PreconditionFailedException")]
public sealed class PreconditionFailedException(string reason, string message)
    : PlatformException(message)
{
    [Id(0)]
    public string Reason { get; } = reason;
}

/// <summary>Something with this id or idempotency key exists already, with other content (gRPC ALREADY_EXISTS).</summary>
[GenerateSerializer, Alias("participatie.AlreadyExistsException")]
public sealed class AlreadyExistsException(string kind, string id, string message)
    : PlatformException(message)
{
    [Id(0)]
    public string Kind { get; } = kind;

    [Id(1)]
    public string ResourceId { get; } = id;
}

/// <summary>Stable reason codes of <see cref="PreconditionFailedException"/>.</summary>
public static class Reasons
{
    public const string CaseloadFull = "CASELOAD_FULL";

    /// <summary>The caseload is being handed over to other colleagues; ask again once that hand-over completed.</summary>
    public const string HandOverUnderWay = "HAND_OVER_UNDER_WAY";
    public const string YouthPathway = "YOUTH_PATHWAY";
    public const string NotInCaseload = "NOT_IN_CASELOAD";
    public const string NotAssessed = "NOT_ASSESSED";
    public const string CaseEnded = "CASE_ENDED";
    public const string Anonymised = "ANONYMISED";

    /// <summary>The person does not meet the experiment's eligibility rules; the message gives every reason.</summary>
    public const string NotEligible = "NOT_ELIGIBLE";

    /// <summary>The person is signed up for, or drawn into, another experiment whose period overlaps.</summary>
    public const string InOtherExperiment = "IN_OTHER_EXPERIMENT";

    /// <summary>The lottery was drawn already: it is drawn once, and nobody can sign up after it.</summary>
    public const string AlreadyDrawn = "ALREADY_DRAWN";

    /// <summary>The lottery has not been drawn yet.</summary>
    public const string NotDrawn = "NOT_DRAWN";

    /// <summary>Nobody signed up (or everyone withdrew): there is nobody to draw.</summary>
    public const string NoSignUps = "NO_SIGN_UPS";

    /// <summary>The experiment's last day has passed.</summary>
    public const string ExperimentEnded = "EXPERIMENT_ENDED";

    /// <summary>The person withdrew from the experiment and cannot sign up again.</summary>
    public const string Withdrawn = "WITHDRAWN";

    /// <summary>The person was not drawn into an arm, so has no outcomes to record.</summary>
    public const string NotAssigned = "NOT_ASSIGNED";

    /// <summary>The person's trajectories would overlap.</summary>
    public const string TrajectoryOverlaps = "TRAJECTORY_OVERLAPS";

    /// <summary>The configured trajectory cannot be started on that date.</summary>
    public const string TrajectoryNotAvailable = "TRAJECTORY_NOT_AVAILABLE";

    /// <summary>No trajectory of the person is in force on that day.</summary>
    public const string NoTrajectory = "NO_TRAJECTORY";

    /// <summary>The neighbourhood's trials would overlap.</summary>
    public const string TrialOverlaps = "TRIAL_OVERLAPS";

    /// <summary>The month is paid: its statement is frozen and its facts can no longer change.</summary>
    public const string MonthPaid = "MONTH_PAID";

    /// <summary>The person's regime excludes sanctions.</summary>
    public const string SanctionsExcluded = "SANCTIONS_EXCLUDED";

    /// <summary>A figure the calculation needs is not in the benefit table (Benefits:Entries) for that date.</summary>
    public const string FigureNotConfigured = "FIGURE_NOT_CONFIGURED";

    /// <summary>No municipal default regime (Regimes:Defaults) is in force on that date.</summary>
    public const string RegimeNotConfigured = "REGIME_NOT_CONFIGURED";

    /// <summary>The month cannot be paid yet: a payment run runs at most one month ahead.</summary>
    public const string MonthNotDue = "MONTH_NOT_DUE";

    /// <summary>A payment export asked for a month whose run has not completed.</summary>
    public const string PaymentRunNotCompleted = "PAYMENT_RUN_NOT_COMPLETED";

    /// <summary>The goal is achieved or stopped and no longer changes.</summary>
    public const string GoalClosed = Domain.Contracts.ContractRefusal.GoalClosed;

    /// <summary>Progress needs a goal that both the person and the coach agreed.</summary>
    public const string GoalNotAgreed = Domain.Contracts.ContractRefusal.GoalNotAgreed;

    /// <summary>The person answered the suggestion already, differently.</summary>
    public const string SuggestionAnswered = Domain.Contracts.ContractRefusal.SuggestionAnswered;

    /// <summary>The caller's party has no part in this change of the contract or record.</summary>
    public const string NotYourPart = Domain.Contracts.ContractRefusal.NotYourPart;

    /// <summary>The record holds the most items of this kind it keeps.</summary>
    public const string RecordLimitReached = Domain.Contracts.ContractRefusal.RecordLimitReached;

    /// <summary>Every place of the activity is taken.</summary>
    public const string ActivityFull = "ACTIVITY_FULL";

    /// <summary>The activity is closed: no new participants, no hours after its closing day.</summary>
    public const string ActivityClosed = "ACTIVITY_CLOSED";

    /// <summary>No agreement of the person to take part in this activity is recorded under that reference.</summary>
    public const string NoAgreement = "NO_AGREEMENT";

    /// <summary>The participant agreed but has no place: hours are recorded for enrolled participants only.</summary>
    public const string NotEnrolled = "NOT_ENROLLED";

    /// <summary>The new capacity is below the places already taken.</summary>
    public const string CapacityBelowEnrolled = "CAPACITY_BELOW_ENROLLED";

    /// <summary>The partner has as many working API keys as it may have.</summary>
    public const string TooManyKeys = "TOO_MANY_KEYS";

    /// <summary>The partner has as many activities as one organisation may have.</summary>
    public const string TooManyActivities = "TOO_MANY_ACTIVITIES";
}
