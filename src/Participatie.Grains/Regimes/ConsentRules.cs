using Participatie.Abstractions.Regimes;
using Participatie.Domain.Validation;
using Participatie.Grains.Clients;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Regimes;

/// <summary>What recorded consent must hold: the text the person saw, its version, and when they gave it.</summary>
internal static class ConsentRules
{
    public const int MaxTextLength = 4000;
    public const int MaxVersionLength = 50;

    /// <summary>Checks consent given as <paramref name="field"/>; returns it as recorded, or null (with violations).</summary>
    public static ConsentRecord? Check(Violations violations, string field, ConsentData? consent, DateTimeOffset now, DateBounds bounds)
    {
        if (consent is null)
        {
            violations.Add(field, "is required: the text the person agreed to, its version, and when they gave it");
            return null;
        }

        var text = violations.Text($"{field}.text", consent.Text, MaxTextLength);
        var version = violations.Text($"{field}.version", consent.Version, MaxVersionLength);
        if (version is not null && !TextRules.IsSingleLine(version))
        {
            violations.Add($"{field}.version", "must be a single line");
            version = null;
        }

        var givenAt = violations.Moment($"{field}.given_at", consent.GivenAt, now);
        if (givenAt is { } given && bounds.Day(violations, $"{field}.given_at", Today.Of(given), Today.Of(now)) is null)
        {
            givenAt = null;
        }

        return text is null || version is null || givenAt is null
            ? null
            : new ConsentRecord { Text = text, Version = version, GivenAt = givenAt.Value };
    }
}
