using System.Globalization;

namespace Participatie.Domain.Contracts;

/// <summary>
/// What a request with an idempotency key asked, to tell a repeat (same fingerprint: answered with the first result)
/// from a key reused for something else. Stored beside the item, so the format never changes: the parts' invariant
/// text joined by the unit separator.
/// </summary>
internal static class Fingerprints
{
    public static string Of(params object?[] parts) =>
        string.Join('\u001f', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
}
