namespace Participatie.Domain.Validation;

/// <summary>One thing wrong with one field of a request, in words a caller can act on.</summary>
/// <param name="Field">The field's path as the caller sent it, e.g. <c>factors.work_experience_years</c>.</param>
/// <param name="Description">What is wrong and what is allowed.</param>
public sealed record FieldViolation(string Field, string Description);
