using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Security;

namespace Participatie.TestSupport;

/// <summary>
/// The keys test hosts are configured with (never the development key, so the same settings work for every profile)
/// and channels that carry a token for a role and the purpose header.
/// </summary>
public static class TestKeys
{
    public const string Issuer = "participatie-tests";
    public const string Audience = "participatie-tests-api";
    public const string KeyId = "test-1";
    public const string Key = "dGVzdCBrZXkgb2YgdGhlIHBhcnRpY2lwYXRpZSB0ZXN0IHN1aXRlLCAzMiBieXRlcyBhdCBsZWFzdA==";
    public const string BsnKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public const string ApiKeySecret = "dGhlIHNlcnZlciBzZWNyZXQgb2YgcGFydG5lciBrZXlzIGluIHRoZSB0ZXN0cyE=";

    /// <summary>Settings every test host gets.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:SigningKeys:0:KeyId"] = KeyId,
        ["Auth:SigningKeys:0:Key"] = Key,
        ["Auth:AllowDevelopmentKey"] = "false",
        ["Auth:ApiKeyCacheDuration"] = "00:00:00",
        ["Auth:ApiKeySecrets:0"] = ApiKeySecret,
        // Tests drive one principal far harder than a person would; the limits have tests of their own (RateLimitTests).
        ["RateLimits:Enabled"] = "false",
        ["Privacy:BsnKeys:0:KeyId"] = "test-bsn",
        ["Privacy:BsnKeys:0:Key"] = BsnKey,
        ["Privacy:AllowDevelopmentKey"] = "false",
    };

    /// <summary>
    /// A partner API key the test hosts accept as issued (its MAC is right) but that no key ring holds: its check
    /// reaches the partner's key ring.
    /// </summary>
    public static string IssuedButUnknownApiKey(string partnerId) =>
        Participatie.Gateway.Security.ApiKey.New(partnerId, Convert.FromBase64String(ApiKeySecret)).ToString();

    public static string Token(string role, string subject, string? neighbourhood = null) =>
        Tokens.Mint(role, subject, neighbourhood, TimeSpan.FromHours(1), Key, KeyId, Issuer, Audience);

    /// <summary>A channel whose calls carry this bearer token (or none) and, when given, an x-purpose header.</summary>
    public static GrpcChannel Channel(string address, string? token, string? purpose = "testing", IDictionary<string, string>? headers = null)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            if (token is not null)
            {
                metadata.Add("authorization", "Bearer " + token);
            }

            if (purpose is not null)
            {
                metadata.Add("x-purpose", purpose);
            }

            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                metadata.Add(name, value);
            }

            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>An admin's channel: what most tests use.</summary>
    public static GrpcChannel AdminChannel(string address) => Channel(address, Token("admin", "test-admin"));
}
