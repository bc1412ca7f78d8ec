using Participatie.Domain.Validation;

namespace Participatie.Domain.Regimes;

/// <summary>Consent as recorded: the text the person saw, its version, and when they gave it.</summary>
public sealed record Consent(string Text, string Version, DateTimeOffset GivenAt)
{
    public const int MaxTextLength = 4000;
    public const int MaxVersionLength = 50;

    /// <summary>
    /// Checks consent given as <paramref name="field"/> (absent: null): each part required, the version a single line,
    /// the moment not in the future and not before the platform's first day. Returns it as recorded, or null with
    /// violations named <c>field.Text</c>, <c>field.Version</c>, <c>field.GivenAt</c>.
    /// </summary>
    /// <remarks><paramref name="today"/> and <paramref name="dayOf"/> give calendar days in the Netherlands.</remarks>
    public static Consent? Check(
        Violations violations, string field, (string? Text, string? Version, string? GivenAt)? given, DateTimeOffset now, DateOnly today, DateBounds bounds, Func<DateTimeOffset, DateOnly> dayOf)
    {
        if (given is not { } consent)
        {
            violations.Add(field, "is required: the text the person agreed to, its version, and when they gave it");
            return null;
        }

        var text = violations.Text($"{field}.{nameof(Text)}", consent.Text, MaxTextLength);
        var version = violations.Text($"{field}.{nameof(Version)}", consent.Version, MaxVersionLength);
        if (version is not null && !TextRules.IsSingleLine(version))
        {
            violations.Add($"{field}.{nameof(Version)}", "must be a single line");
            version = null;
        }

        var givenAt = violations.Moment($"{field}.{nameof(GivenAt)}", consent.GivenAt, now);
        if (givenAt is { } moment && bounds.Day(violations, $"{field}.{nameof(GivenAt)}", dayOf(moment), today) is null)
        {
            givenAt = null;
        }

        return text is null || version is null || givenAt is null ? null : new Consent(text, version, givenAt.Value);
    }
}
