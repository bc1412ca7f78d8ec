namespace Participatie.Domain.Validation;

/// <summary>Collects field violations while a request is checked, so a caller hears of every problem at once.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public IReadOnlyList<FieldViolation> Items => _items;

    public bool Any => _items.Count > 0;

    public void Add(string field, string description) => _items.Add(new FieldViolation(field, description));

    /// <summary>Every violation on one line, "field description; field description", e.g. for an exception message.</summary>
    public string Describe() => string.Join("; ", _items.Select(v => $"{v.Field} {v.Description}"));

    /// <summary>Checks a free-text field: required or optional, bounded length, no control characters.</summary>
    /// <returns>The trimmed text, or null when absent or invalid.</returns>
    public string? Text(string field, string? value, int maxLength, bool required = true, int minLength = 1)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
            return null;
        }

        if (trimmed.Length < minLength)
        {
            Add(field, $"must be at least {minLength} characters");
            return null;
        }

        if (!TextRules.IsPrintable(trimmed))
        {
            Add(field, "must not contain control characters or invalid Unicode");
            return null;
        }

        return trimmed;
    }

    /// <summary>Checks that a number lies within an inclusive range.</summary>
    public int Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"must be between {min} and {max}");
        }

        return value;
    }

    /// <summary>Checks that an enum value is one of the defined, non-default members.</summary>
    public T Defined<T>(string field, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value) || Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Add(field, $"must be one of {string.Join(", ", Enum.GetNames<T>().Skip(1))}");
        }

        return value;
    }

    /// <summary>Checks an identifier against its kind's format.</summary>
    public string? Id(string field, string? value, IdKind kind, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (!Ids.IsValid(kind, value))
        {
            Add(field, Ids.Describe(kind));
            return null;
        }

        return value;
    }
}
