using System.Globalization;
using Participatie.Abstractions.Errors;
using Participatie.Domain;
using Participatie.Domain.People;
using Participatie.Domain.Validation;

namespace Participatie.Gateway.Errors;

/// <summary>Checks done in the gateway before any grain is called: ids and paging.</summary>
internal static class RequestErrors
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>Returns the id or throws INVALID_ARGUMENT naming the field.</summary>
    public static string RequireId(string field, string value, IdKind kind)
    {
        var violations = new Violations();
        var id = violations.Id(field, value, kind);
        violations.ThrowIfAny();
        return id!;
    }

    /// <summary>An ISO date (yyyy-MM-dd), or a violation.</summary>
    public static DateOnly? Date(this Violations violations, string field, string value)
    {
        var date = IntakeRules.ParseDate(value);
        if (date is null)
        {
            violations.Add(field, "must be a date as yyyy-MM-dd");
        }

        return date;
    }

    /// <summary>An optional ISO-8601 moment with an offset; null when empty, a violation when malformed.</summary>
    public static DateTimeOffset? Moment(this Violations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length <= 40 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }

        violations.Add(field, "must be an ISO-8601 date and time, e.g. 2026-01-31T23:00:00Z");
        return null;
    }

    /// <summary>Page size and token for logs read newest first, where the token is the last sequence number seen.</summary>
    public static (int Size, long? Before) SequencePage(int pageSize, string pageToken)
    {
        var (size, after) = Page(pageSize, pageToken);
        if (after is null)
        {
            return (size, null);
        }

        if (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var before) && before > 0)
        {
            return (size, before);
        }

        var violations = new Violations();
        violations.Add("page_token", "is not a token returned by this API");
        violations.ThrowIfAny();
        return (size, null);
    }

    /// <summary>Checks page size and token; the token is the last key of the previous page, base64url-encoded.</summary>
    public static (int Size, string? After) Page(int pageSize, string pageToken)
    {
        var violations = new Violations();
        var size = pageSize == 0 ? DefaultPageSize : violations.Range("page_size", pageSize, 1, MaxPageSize);
        string? after = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            after = PageTokens.Decode(pageToken);
            if (after is null)
            {
                violations.Add("page_token", "is not a token returned by this API");
            }
        }

        violations.ThrowIfAny();
        return (size, after);
    }
}

/// <summary>Opaque page tokens.</summary>
internal static class PageTokens
{
    public static string Encode(string? after) =>
        after is null ? string.Empty : "p1." + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(after)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The token of the page after a full page of the audit log (read newest first); empty after the last.</summary>
    public static string AfterSequence(IReadOnlyList<Security.Audit.AuditRecord> page, int size) =>
        page.Count == size ? Encode(page[^1].Sequence.ToString(CultureInfo.InvariantCulture)) : string.Empty;

    /// <summary>The token of the page after a full page of a person's list read newest first (sequence numbers from 1); empty after the last.</summary>
    public static string AfterSequence(IReadOnlyList<long> sequences, int size) =>
        sequences.Count == size && sequences[^1] > 1 ? Encode(sequences[^1].ToString(CultureInfo.InvariantCulture)) : string.Empty;

    public static string? Decode(string token)
    {
        if (!token.StartsWith("p1.", StringComparison.Ordinal) || token.Length > 512)
        {
            return null;
        }

        var body = token[3..].Replace('-', '+').Replace('_', '/');
        body = body.PadRight(body.Length + ((4 - (body.Length % 4)) % 4), '=');
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body));
            return TextRules.IsSingleLine(text) && text.Length > 0 ? text : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
