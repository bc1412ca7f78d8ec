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
/// A partner's API key: <c>ptk.&lt;partner id&gt;.&lt;key id&gt;.&lt;secret&gt;</c>, sent as the <c>x-api-key</c> header.
/// The partner and key id let the gateway find the key without a scan; only the secret's SHA-256 is stored.
/// </summary>
public sealed record ApiKey(string PartnerId, string KeyId, string Secret)
{
    public const string Header = "x-api-key";
    private const string Prefix = "ptk";

    public static ApiKey New(string partnerId) =>
        new(partnerId, "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), Base64Url(RandomNumberGenerator.GetBytes(32)));

    public byte[] SecretHash() => SHA256.HashData(Encoding.ASCII.GetBytes(Secret));

    public override string ToString() => $"{Prefix}.{PartnerId}.{KeyId}.{Secret}";

    public static ApiKey? Parse(string? text)
    {
        var parts = text?.Split('.');
        return parts is [Prefix, var partner, var key, var secret]
               && PartnerIds.IsValid(partner) && key.Length is > 1 and <= 20 && secret.Length is >= 32 and <= 64
            ? new ApiKey(partner, key, secret)
            : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Authenticates a partner by its API key; a verified key is cached for <see cref="AuthOptions.ApiKeyCacheDuration"/>.
/// When the key ring cannot be asked (its storage is down), the key is neither accepted nor refused: the failure is
/// handed to the call (<see cref="CallContext.CredentialsUncheckable"/>), which answers UNAVAILABLE, not HTTP 500.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IGrainFactory grains,
    IMemoryCache cache,
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

        var hash = key.SecretHash();
        var cacheKey = "apikey:" + Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(key.ToString())));
        if (!cache.TryGetValue(cacheKey, out bool valid))
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
                cache.Set(cacheKey, valid, auth.Value.ApiKeyCacheDuration);
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
