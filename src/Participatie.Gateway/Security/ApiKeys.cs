using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Partners;

namespace Participatie.Gateway.Security;

/// <summary>
/// A partner's API key: <c>ptk.&lt;partner id&gt;.&lt;key id&gt;.&lt;secret&gt;.&lt;mac&gt;</c>, sent as the
/// <c>x-api-key</c> header. The partner and key id let the gateway find the key without a scan; only the secret's
/// SHA-256 is stored. The MAC (HMAC-SHA256 under a server secret of <see cref="AuthOptions.ApiKeySecrets"/>, 128 bits)
/// proves the platform issued the key, so a made-up key is refused before any partner's key ring is asked.
/// </summary>
public sealed record ApiKey(string PartnerId, string KeyId, string Secret, string Mac)
{
    public const string Header = "x-api-key";
    private const string Prefix = "ptk";
    private const int MacBytes = 16;

    /// <summary>A new key for the partner, with its MAC under <paramref name="serverSecret"/>.</summary>
    public static ApiKey New(string partnerId, byte[] serverSecret) =>
        Signed(partnerId, "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), Base64Url(RandomNumberGenerator.GetBytes(32)), serverSecret);

    /// <summary>The key of these parts with its MAC under <paramref name="serverSecret"/>.</summary>
    public static ApiKey Signed(string partnerId, string keyId, string secret, byte[] serverSecret) =>
        new(partnerId, keyId, secret, Base64Url(MacOf(partnerId, keyId, secret, serverSecret)));

    public byte[] SecretHash() => SHA256.HashData(Encoding.ASCII.GetBytes(Secret));

    /// <summary>Whether the key carries a MAC under one of the server secrets (compared in constant time).</summary>
    public bool IsIssuedUnder(IEnumerable<byte[]> serverSecrets)
    {
        var given = FromBase64Url(Mac);
        return given is { Length: MacBytes }
               && serverSecrets.Any(secret => CryptographicOperations.FixedTimeEquals(given, MacOf(PartnerId, KeyId, Secret, secret)));
    }

    public override string ToString() => $"{Prefix}.{PartnerId}.{KeyId}.{Secret}.{Mac}";

    public static ApiKey? Parse(string? text)
    {
        var parts = text?.Split('.');
        return parts is [Prefix, var partner, var key, var secret, var mac]
               && PartnerIds.IsValid(partner) && key.Length is > 1 and <= 20 && secret.Length is >= 32 and <= 64 && mac.Length is > 0 and <= 32
            ? new ApiKey(partner, key, secret, mac)
            : null;
    }

    private static byte[] MacOf(string partnerId, string keyId, string secret, byte[] serverSecret) =>
        HMACSHA256.HashData(serverSecret, Encoding.ASCII.GetBytes($"{Prefix}.{partnerId}.{keyId}.{secret}"))[..MacBytes];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The gateway's memory of checked API keys: bounded (<see cref="AuthOptions.ApiKeyCacheEntries"/>), apart from any other cache.</summary>
public sealed class ApiKeyCache(IOptions<AuthOptions> auth) : IDisposable
{
    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = auth.Value.ApiKeyCacheEntries });

    public void Dispose() => Entries.Dispose();
}

/// <summary>
/// Authenticates a partner by its API key: first its MAC (no state is touched for a key the platform did not issue),
/// then the partner's key ring; the outcome for an issued key is cached for <see cref="AuthOptions.ApiKeyCacheDuration"/>.
/// When the key ring cannot be asked (its storage is down), the key is neither accepted nor refused: the failure is
/// handed to the call (<see cref="CallContext.CredentialsUncheckable"/>), which answers UNAVAILABLE, not HTTP 500.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IGrainFactory grains,
    ApiKeyCache cache,
    IOptions<AuthOptions> auth) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKey.Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = ApiKey.Parse(values.ToString());
        if (key is null)
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        if (!key.IsIssuedUnder(auth.Value.EffectiveApiKeySecrets()))
        {
            return AuthenticateResult.Fail("an API key this platform did not issue");
        }

        var hash = key.SecretHash();
        var cacheKey = "apikey:" + Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(key.ToString())));
        if (!cache.Entries.TryGetValue(cacheKey, out bool valid))
        {
            try
            {
                valid = await grains.GetGrain<IPartnerKeyRingGrain>(key.PartnerId).VerifyAsync(key.KeyId, hash);
            }
            catch (Exception unavailable) when (unavailable is not OperationCanceledException)
            {
                Context.RequestServices.GetRequiredService<CallContext>().CredentialsUncheckable = unavailable;
                return AuthenticateResult.NoResult();
            }

            if (auth.Value.ApiKeyCacheDuration > TimeSpan.Zero)
            {
                cache.Entries.Set(cacheKey, valid, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = auth.Value.ApiKeyCacheDuration });
            }
        }

        if (!valid)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        var identity = new ClaimsIdentity([new Claim(Caller.RoleClaim, "partner"), new Claim(Caller.SubjectClaim, key.PartnerId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
