using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Participatie.Security;

/// <summary>
/// The signing key of the Local profile, known to the silo and to <c>participatie token</c> so that the quick start
/// works without any key management. It is public (it is in the source), so a host refuses it in any other profile.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string KeyId = "participatie-development";

    public const string Issuer = "participatie-local";

    public const string Audience = "participatie-api";

    /// <summary>256 bits and more for HMAC-SHA256, base64.</summary>
    public const string Base64 = "UGFydGljaXBhdGllIGxvY2FsIGRldmVsb3BtZW50IGtleSAtIG5vdCBzZWNyZXQ=";
}

/// <summary>Mints HMAC-SHA256 signed tokens with the platform's claims: for development, tests and the CLI.</summary>
public static class Tokens
{
    public static string Mint(
        string role,
        string subject,
        string? neighbourhood = null,
        TimeSpan? lifetime = null,
        string base64Key = DevelopmentSigningKey.Base64,
        string keyId = DevelopmentSigningKey.KeyId,
        string issuer = DevelopmentSigningKey.Issuer,
        string audience = DevelopmentSigningKey.Audience)
    {
        var claims = new List<Claim> { new("role", role), new("sub", subject) };
        if (neighbourhood is not null)
        {
            claims.Add(new Claim("nbh", neighbourhood));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(base64Key)) { KeyId = keyId },
                SecurityAlgorithms.HmacSha256),
        });
    }
}
