using Participatie.Domain.Validation;

namespace Participatie.Domain.Reintegration;

/// <summary>The rules a coach's override of an estimate must meet.</summary>
public static class EstimateOverrideRules
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 2000;
    public const int MaxMonths = 240;

    public static string? Validate(Violations violations, int months, string? reason)
    {
        violations.Range("months", months, 0, MaxMonths);
        return violations.Text("reason", reason, MaxReasonLength, required: true, minLength: MinReasonLength);
    }
}
