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
    public const string YouthPathway = "YOUTH_PATHWAY";
    public const string NotInCaseload = "NOT_IN_CASELOAD";
    public const string NotAssessed = "NOT_ASSESSED";
    public const string CaseEnded = "CASE_ENDED";
    public const string Anonymised = "ANONYMISED";
}
