using System.CommandLine;
using Participatie.Security;

namespace Participatie.Cli.Commands;

/// <summary>
/// <c>participatie token</c>: mints a bearer token signed with the development key, which only a silo in the Local
/// profile accepts — for trying the API as a coach, a team member or a person without an identity provider. With
/// <c>--signing-key</c> it signs with a key of the host's <c>Auth:SigningKeys</c> instead, e.g. for a private
/// PostgreSql silo started by a performance script.
/// </summary>
internal static class TokenCommand
{
    private static readonly string[] Roles = ["admin", "coach", "team", "partner", "researcher", "person"];

    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles)}", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var subject = new Option<string>("--sub") { Description = "Who: a coach id (co-…) for a coach, a client id (cl-…) for a person, a partner id (pt-…) for a partner, any name for admin and researcher", Required = true };
        var neighbourhood = new Option<string?>("--neighbourhood") { Description = "The neighbourhood (wk-…) of a team member" };
        var hours = new Option<int>("--hours") { Description = "Lifetime in hours (1-24)", DefaultValueFactory = _ => 8 };
        hours.MustLieWithin(1, 24, "--hours must be between 1 and 24");
        var signingKey = new Option<string>("--signing-key")
        {
            Description = "Base64 HMAC key to sign with, one of the host's Auth:SigningKeys (default: the development key)",
            DefaultValueFactory = _ => DevelopmentSigningKey.Base64,
        };
        signingKey.Validators.Add(result =>
        {
            var bytes = new byte[1024];
            if (!Convert.TryFromBase64String(result.GetValueOrDefault<string>() ?? "", bytes, out var length) || length < 32)
            {
                result.AddError("--signing-key must be base64 of at least 32 bytes");
            }
        });
        var keyId = new Option<string>("--key-id") { Description = "That key's KeyId", DefaultValueFactory = _ => DevelopmentSigningKey.KeyId };
        var issuer = new Option<string>("--issuer") { Description = "The host's Auth:Issuer", DefaultValueFactory = _ => DevelopmentSigningKey.Issuer };
        var audience = new Option<string>("--audience") { Description = "The host's Auth:Audience", DefaultValueFactory = _ => DevelopmentSigningKey.Audience };
        var command = new Command("token", "Print a bearer token signed with the development key (accepted by a Local silo only) or a given key; use it as --token or $PARTICIPATIE_TOKEN")
        {
            role, subject, neighbourhood, hours, signingKey, keyId, issuer, audience,
        };
        command.SetAction(parseResult =>
        {
            var team = parseResult.GetValue(role) == "team";
            var wijk = parseResult.GetValue(neighbourhood);
            if (team && string.IsNullOrEmpty(wijk))
            {
                parseResult.InvocationConfiguration.Error.WriteLine("a team member's token needs --neighbourhood wk-…");
                return ExitCodes.Failure;
            }

            parseResult.InvocationConfiguration.Output.WriteLine(Tokens.Mint(
                parseResult.GetValue(role)!,
                parseResult.GetValue(subject)!,
                team ? wijk : null,
                TimeSpan.FromHours(parseResult.GetValue(hours)),
                parseResult.GetValue(signingKey)!,
                parseResult.GetValue(keyId)!,
                parseResult.GetValue(issuer)!,
                parseResult.GetValue(audience)!));
            return ExitCodes.Success;
        });
        return command;
    }
}
