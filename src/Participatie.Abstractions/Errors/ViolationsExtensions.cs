using Participatie.Domain.Validation;

namespace Participatie.Abstractions.Errors;

public static class ViolationsExtensions
{
    /// <summary>Throws <see cref="InvalidInputException"/> when any violation was collected.</summary>
    public static void ThrowIfAny(this Violations violations)
    {
        if (violations.Any)
        {
            throw new InvalidInputException([.. violations.Items.Select(v => new FieldError(v.Field, v.Description))]);
        }
    }
}
