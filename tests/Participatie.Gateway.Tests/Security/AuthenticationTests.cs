using Google.Rpc;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.Gateway.Security;
using Participatie.Security;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Security;

/// <summary>Who the caller is: valid tokens only, the purpose of every look at a person's data, partners' API keys.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthenticationTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("expired")]
    [InlineData("wrong key")]
    [InlineData("development key")]
    [InlineData("wrong audience")]
    [InlineData("coach without a coach id")]
    [InlineData("team without a neighbourhood")]
    [InlineData("unknown role")]
    [InlineData("garbage")]
    [InlineData("crit header")]
    [InlineData("lives too long")]
    [InlineData("unknown kid")]
    [InlineData("subject with a bidirectional control")]
    [InlineData("subject on two lines")]
    [InlineData("subject with white space around it")]
    public async Task ATokenThatDoesNotProveWhoIsCallingGetsUnauthenticated(string kind)
    {
        var token = kind switch
        {
            "expired" => Tokens.Mint("admin", "a", lifetime: TimeSpan.FromMinutes(-5), base64Key: TestKeys.Key, keyId: TestKeys.KeyId, issuer: TestKeys.Issuer, audience: TestKeys.Audience),
            "wrong key" => Tokens.Mint("admin", "a", base64Key: Convert.ToBase64String(new byte[32]), keyId: TestKeys.KeyId, issuer: TestKeys.Issuer, audience: TestKeys.Audience),
            "development key" => Tokens.Mint("admin", "a"),
            "wrong audience" => Tokens.Mint("admin", "a", base64Key: TestKeys.Key, keyId: TestKeys.KeyId, issuer: TestKeys.Issuer, audience: "someone-else"),
            "coach without a coach id" => TestKeys.Token("coach", "jansen"),
            "team without a neighbourhood" => TestKeys.Token("team", "t1"),
            "unknown role" => TestKeys.Token("superuser", "root"),
            "crit header" => CriticalHeaderToken(),
            "lives too long" => Tokens.Mint("admin", "a", lifetime: TimeSpan.FromDays(30), base64Key: TestKeys.Key, keyId: TestKeys.KeyId, issuer: TestKeys.Issuer, audience: TestKeys.Audience),
            "unknown kid" => Tokens.Mint("admin", "a", base64Key: TestKeys.Key, keyId: "not-a-configured-kid", issuer: TestKeys.Issuer, audience: TestKeys.Audience),
            "subject with a bidirectional control" => TestKeys.Token("admin", "admin-\u202Eeveloc"),
            "subject on two lines" => TestKeys.Token("admin", "admin-1\nco-the-coach"),
            "subject with white space around it" => TestKeys.Token("admin", " admin-1"),
            _ => "not.a.token",
        };
        var admin = new AdminService.AdminServiceClient(TestKeys.Channel(gateway.Host.Address, token));

        var failure = await Assert.ThrowsAsync<RpcException>(() => admin.PingAsync(new PingRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
    }

    /// <summary>A validly signed token whose crit header asks the receiver to understand an extension we do not.</summary>
    private static string CriticalHeaderToken() =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["role"] = "admin", ["sub"] = "a" },
            Issuer = TestKeys.Issuer,
            Audience = TestKeys.Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            AdditionalHeaderClaims = new Dictionary<string, object> { ["crit"] = new[] { "b64" }, ["b64"] = false },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Convert.FromBase64String(TestKeys.Key)) { KeyId = TestKeys.KeyId },
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });

    [Fact]
    public async Task AValidTokenOfTheRightLifetimeAndKidIsAccepted()
    {
        var token = Tokens.Mint("admin", "a", lifetime: TimeSpan.FromHours(23), base64Key: TestKeys.Key, keyId: TestKeys.KeyId, issuer: TestKeys.Issuer, audience: TestKeys.Audience);

        Assert.NotNull(await new AdminService.AdminServiceClient(TestKeys.Channel(gateway.Host.Address, token)).PingAsync(new PingRequest()));
    }

    [Theory]
    [InlineData("own_record")]
    [InlineData("participation")]
    public async Task StaffCannotDeclareThePurposeOfThePersonOrOfAPartner(string purpose)
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var id = (await gateway.Clients.RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
        await RpcAssert.InvalidAsync(() => new ClientService.ClientServiceClient(gateway.Host.ChannelAs("admin", purpose: purpose)).GetClientAsync(new GetClientRequest { ClientId = id }).ResponseAsync, "x-purpose");

        // Nothing was read, so her log shows no look at her record.
        Assert.DoesNotContain((await gateway.Clients.GetAccessLogAsync(new GetAccessLogRequest { ClientId = id })).Entries, e => e.Action == "ClientService.GetClient");
    }

    [Fact]
    public async Task StaffMustSayWhyTheyLookAtAPersonButNotWhyTheyLookAtFigures()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var id = (await gateway.Clients.RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
        var withoutPurpose = gateway.Host.ChannelAs("admin", purpose: null);
        var unknownPurpose = gateway.Host.ChannelAs("admin", purpose: "curiosity");

        await RpcAssert.InvalidAsync(() => new ClientService.ClientServiceClient(withoutPurpose).GetClientAsync(new GetClientRequest { ClientId = id }).ResponseAsync, "x-purpose");
        await RpcAssert.InvalidAsync(() => new ClientService.ClientServiceClient(unknownPurpose).GetClientAsync(new GetClientRequest { ClientId = id }).ResponseAsync, "x-purpose");
        Assert.Equal(1, (await new NeighbourhoodService.NeighbourhoodServiceClient(withoutPurpose).GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood.Residents);
        // The person needs no purpose for their own record.
        Assert.Equal(id, (await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", id, purpose: null)).GetClientAsync(new GetClientRequest { ClientId = id })).Client.ClientId);
    }

    [Fact]
    public async Task APartnerAuthenticatesWithItsApiKeyUntilItIsRevoked()
    {
        var partner = "pt-buurtwerk-" + Guid.NewGuid().ToString("N")[..6];
        var created = await gateway.Admin.CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = partner, Description = "attendance import" });
        var withKey = new AdminService.AdminServiceClient(TestKeys.Channel(gateway.Host.Address, token: null, headers: new Dictionary<string, string> { ["x-api-key"] = created.ApiKey }));
        var parts = created.ApiKey.Split('.');
        var issuer = Convert.FromBase64String(TestKeys.ApiKeySecret);
        var wrongSecret = new AdminService.AdminServiceClient(TestKeys.Channel(gateway.Host.Address, token: null, headers: new Dictionary<string, string>
        {
            // Issued under the platform's secret (its MAC is right), but not the secret the key ring holds.
            ["x-api-key"] = ApiKey.Signed(parts[1], parts[2], new string('x', 43), issuer).ToString(),
        }));

        var listed = await withKey.ListPartnerApiKeysAsync(new ListPartnerApiKeysRequest { PartnerId = partner });
        Assert.Equal(created.Key.KeyId, Assert.Single(listed.Keys).KeyId);
        Assert.DoesNotContain(parts[3], listed.ToString());
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => withKey.ListPartnerApiKeysAsync(new ListPartnerApiKeysRequest { PartnerId = "pt-someone-else" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => withKey.GetPlatformStatusAsync(new GetPlatformStatusRequest()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => wrongSecret.PingAsync(new PingRequest()).ResponseAsync);

        // Rotation: a second key works next to the first; revoking the first leaves the second working.
        var second = await gateway.Admin.CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = partner, Description = "attendance import 2027" });
        var revoked = await gateway.Admin.RevokePartnerApiKeyAsync(new RevokePartnerApiKeyRequest { KeyId = created.Key.KeyId });
        Assert.NotEmpty(revoked.Key.RevokedAt);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => withKey.PingAsync(new PingRequest()).ResponseAsync);
        var withSecond = new AdminService.AdminServiceClient(TestKeys.Channel(gateway.Host.Address, token: null, headers: new Dictionary<string, string> { ["x-api-key"] = second.ApiKey }));
        Assert.Equal(2, (await withSecond.ListPartnerApiKeysAsync(new ListPartnerApiKeysRequest { PartnerId = partner })).Keys.Count);
    }

    [Theory]
    [InlineData("made-up MAC")]
    [InlineData("MAC under another secret")]
    [InlineData("format without a MAC")]
    [InlineData("MAC that is not base64")]
    public async Task AnApiKeyThePlatformDidNotIssueIsRefused(string kind)
    {
        var partner = "pt-forged-" + Guid.NewGuid().ToString("N")[..6];
        var created = await gateway.Admin.CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = partner, Description = "real key" });
        var parts = created.ApiKey.Split('.');
        var forged = kind switch
        {
            "made-up MAC" => string.Join('.', parts[..4]) + ".AAAAAAAAAAAAAAAAAAAAAA",
            "MAC under another secret" => ApiKey.Signed(parts[1], parts[2], parts[3], new byte[32]).ToString(),
            "format without a MAC" => string.Join('.', parts[..4]),
            _ => string.Join('.', parts[..4]) + ".!!",
        };

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
            new AdminService.AdminServiceClient(TestKeys.Channel(gateway.Host.Address, token: null, headers: new Dictionary<string, string> { ["x-api-key"] = forged }))
                .PingAsync(new PingRequest()).ResponseAsync);
    }

    [Fact]
    public async Task BadKeyRequestsChangeNothing()
    {
        await RpcAssert.InvalidAsync(() => gateway.Admin.CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = "Buurtwerk", Description = "x" }).ResponseAsync, "partner_id");
        await RpcAssert.InvalidAsync(() => gateway.Admin.CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = "pt-ok", Description = "" }).ResponseAsync, "description");
        await RpcAssert.InvalidAsync(() => gateway.Admin.RevokePartnerApiKeyAsync(new RevokePartnerApiKeyRequest { KeyId = "k123" }).ResponseAsync, "key_id");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Admin.RevokePartnerApiKeyAsync(new RevokePartnerApiKeyRequest { KeyId = "pt-nobody/k000000000000" }).ResponseAsync);
        Assert.Empty((await gateway.Admin.ListPartnerApiKeysAsync(new ListPartnerApiKeysRequest { PartnerId = "pt-ok" })).Keys);
    }

    [Fact]
    public async Task ADeniedCallSaysWhyInTheRichErrorModel()
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            new AdminService.AdminServiceClient(gateway.Host.ChannelAs("researcher", "r1")).GetPlatformStatusAsync(new GetPlatformStatusRequest()).ResponseAsync);

        Assert.Equal("ACCESS_DENIED", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }
}
