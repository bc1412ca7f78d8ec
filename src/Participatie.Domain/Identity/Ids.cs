using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Participatie.Domain;

/// <summary>
/// Identifiers. Every id starts with a prefix that is not hexadecimal (Orleans reads a hex string key as an
/// integer, so "020235" and "20235" would be the same grain) and is opaque: no BSN, name or date is ever in it.
/// </summary>
public static partial class Ids
{
    public const string ClientPrefix = "cl-";
    public const string CoachPrefix = "co-";
    public const string NeighbourhoodPrefix = "wk-";
    public const string ExperimentPrefix = "ex-";
    public const string PartnerPrefix = "pt-";
    public const string ActivityPrefix = "ac-";

    // Crockford's base32 alphabet in lower case: no i, l, o or u, so ids read aloud well.
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int GeneratedLength = 16;

    /// <summary>A new random client id.</summary>
    public static string NewClientId() => ClientPrefix + RandomPart();

    /// <summary>A new random coach id.</summary>
    public static string NewCoachId() => CoachPrefix + RandomPart();

    /// <summary>
    /// The id that a caller's idempotency key always leads to, so a repeated request reaches the same grain.
    /// The key is hashed with the kind, so no part of it can be read back from the id.
    /// </summary>
    public static string FromRequestKey(IdKind kind, string requestKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{requestKey}"));
        return Prefix(kind) + Encode(hash.AsSpan(0, 10));
    }

    public static string Prefix(IdKind kind) => kind switch
    {
        IdKind.Client => ClientPrefix,
        IdKind.Coach => CoachPrefix,
        IdKind.Neighbourhood => NeighbourhoodPrefix,
        IdKind.Experiment => ExperimentPrefix,
        IdKind.Partner => PartnerPrefix,
        IdKind.Activity => ActivityPrefix,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool IsValid(IdKind kind, string? value) => value is not null && kind switch
    {
        IdKind.Client => GeneratedId().IsMatch(value) && value.StartsWith(ClientPrefix, StringComparison.Ordinal),
        IdKind.Coach => GeneratedId().IsMatch(value) && value.StartsWith(CoachPrefix, StringComparison.Ordinal),
        IdKind.Neighbourhood => NeighbourhoodId().IsMatch(value),
        IdKind.Experiment => ExperimentId().IsMatch(value),
        IdKind.Partner => PartnerId().IsMatch(value),
        IdKind.Activity => ActivityId().IsMatch(value),
        _ => false,
    };

    /// <summary>The format rule of an id kind, as a field violation states it.</summary>
    public static string Describe(IdKind kind) => kind switch
    {
        IdKind.Neighbourhood or IdKind.Experiment or IdKind.Partner => $"must be \"{Prefix(kind)}\" followed by 1-60 lower-case letters, digits or hyphens",
        _ => $"must be \"{Prefix(kind)}\" followed by 16 characters of [0-9a-z] as issued by the platform",
    };

    /// <summary>A new random activity id.</summary>
    public static string NewActivityId() => ActivityPrefix + RandomPart();

    private static string RandomPart()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        return Encode(bytes);
    }

    private static string Encode(ReadOnlySpan<byte> tenBytes)
    {
        // 10 bytes = 80 bits = 16 base32 characters.
        Span<char> chars = stackalloc char[GeneratedLength];
        ulong buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in tenBytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = Alphabet[(int)((buffer >> bits) & 31)];
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"^(cl|co)-[0-9a-z]{16}\z", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedId();

    [GeneratedRegex(@"^wk-[a-z0-9][a-z0-9-]{0,59}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NeighbourhoodId();

    [GeneratedRegex(@"^ex-[a-z0-9][a-z0-9-]{0,59}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExperimentId();

    [GeneratedRegex(@"^pt-[a-z0-9][a-z0-9-]{0,59}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PartnerId();

    [GeneratedRegex(@"^ac-[0-9a-z]{16}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActivityId();
}
