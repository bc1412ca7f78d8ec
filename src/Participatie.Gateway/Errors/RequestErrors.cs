using Participatie.Abstractions.Errors;
using Participatie.Domain;
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
