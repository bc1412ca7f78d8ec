using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Web.Tests;

/// <summary>
/// How the silo serves the web app over HTTP/1.1: its page for the app's own paths (never for the API's), the sign-in
/// settings, the development sign-in only where the development key is accepted, and CORS for configured origins.
/// </summary>
public sealed class ServingTests : IAsyncLifetime
{
    private const string Origin = "https://app.gemeente.example";
    private string _bundle = "";
    private SiloHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        // A bundle of our own, so that these tests need no Node.js: what is served is what is in the folder.
        _bundle = Directory.CreateTempSubdirectory("participatie-web-").FullName;
        Directory.CreateDirectory(Path.Combine(_bundle, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_bundle, "index.html"), "<!doctype html><html lang=\"nl\"><title>Participatie</title><div id=\"root\"></div></html>");
        await File.WriteAllTextAsync(Path.Combine(_bundle, "assets", "app-abc123.js"), "console.log('app');");
        _host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>
        {
            ["Auth:AllowDevelopmentKey"] = "true",
            ["WebApp:Root"] = _bundle,
            ["Gateway:AllowedOrigins:0"] = Origin,
        });
        _http = new HttpClient { BaseAddress = new Uri(_host.WebAddress) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        Directory.Delete(_bundle, recursive: true);
    }

    [Fact]
    public async Task TheAppsPageIsServedAtTheRootAndAtItsOwnDeepLinks()
    {
        foreach (var path in new[] { "/", "/agenda", "/personen/cl-abc?doel=case_work", "/aanmelden/terug" })
        {
            var response = await _http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task AssetsAreServedAsTheyAreAndCachedForGood()
    {
        var response = await _http.GetAsync("/assets/app-abc123.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('app');", await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/assets/missing-0000.js")).StatusCode);
    }

    [Fact]
    public async Task TheApisProbesAndDashboardsPathsNeverGetTheAppsPage()
    {
        foreach (var path in new[] { "/participatie.v1.ClientService/NoSuchMethod", "/participatie.v1.NoSuchService/Get", "/grpc.health.v1.Health/Nothing", "/health/none", "/dashboard/x", "/auth/none" })
        {
            var response = await _http.GetAsync(path);
            Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task TheSignInSettingsSayThatDevelopmentSignInIsOffered()
    {
        var config = await _http.GetFromJsonAsync<JsonElement>("/auth/config");
        Assert.True(config.GetProperty("developmentSignIn").GetBoolean());
        Assert.Equal("participatie-web", config.GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task ADevelopmentTokenIsAcceptedByTheGatewayForTheRoleAndIdChosen()
    {
        var coachId = (await new CoachService.CoachServiceClient(_host.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk", CaseloadLimit = 5 })).Coach.CoachId;
        var response = await _http.PostAsJsonAsync("/auth/dev-token", new { role = "coach", subject = coachId });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        using var channel = TestKeys.Channel(_host.Address, token, purpose: "case_work");
        var coach = await new CoachService.CoachServiceClient(channel).GetCoachAsync(new GetCoachRequest { CoachId = coachId });
        Assert.Equal(coachId, coach.Coach.CoachId);

        // The token names that coach and nobody else: another coach's caseload stays closed.
        var other = await Assert.ThrowsAsync<RpcException>(async () =>
            await new CoachService.CoachServiceClient(channel).GetCaseloadAsync(new GetCaseloadRequest { CoachId = "co-0000000000000000" }));
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
    }

    [Theory]
    [InlineData("coach", "not-a-coach-id")]
    [InlineData("person", "co-0000000000000000")]
    [InlineData("superuser", "someone")]
    [InlineData("coach", "")]
    public async Task ADevelopmentTokenIsRefusedForAnIdThatDoesNotFitTheRole(string role, string subject)
    {
        var response = await _http.PostAsJsonAsync("/auth/dev-token", new { role, subject });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("subject", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task AConfiguredOriginMayCallGrpcWebAndReadItsStatusHeaders()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/participatie.v1.CoachService/GetCoach");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-grpc-web,x-purpose,x-user-agent");
        var answer = await _http.SendAsync(preflight);
        Assert.True(answer.IsSuccessStatusCode, $"preflight answered {answer.StatusCode}");
        Assert.Equal(Origin, answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "authorization", "x-purpose", "x-grpc-web" })
        {
            Assert.Contains(header, allowed, StringComparison.Ordinal);
        }

        // The call itself: the browser may read grpc-status and grpc-status-details-bin of the reply.
        using var call = new HttpRequestMessage(HttpMethod.Post, "/participatie.v1.CoachService/GetCoach")
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        call.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc-web+proto");
        call.Headers.Add("Origin", Origin);
        call.Headers.Add("x-grpc-web", "1");
        var reply = await _http.SendAsync(call);
        Assert.Equal(Origin, reply.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = string.Join(",", reply.Headers.GetValues("Access-Control-Expose-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "grpc-status", "grpc-message", "grpc-status-details-bin" })
        {
            Assert.Contains(header, exposed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnOriginThatIsNotConfiguredGetsNoCorsHeaders()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/participatie.v1.CoachService/GetCoach");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var answer = await _http.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

/// <summary>A host where the development key is not accepted, and one without a built app.</summary>
public sealed class ServingWithoutDevelopmentKeyTests
{
    [Fact]
    public async Task WithoutTheDevelopmentKeyThereIsNoDevelopmentSignIn()
    {
        await using var host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>
        {
            ["Auth:AllowDevelopmentKey"] = "false",
            ["WebApp:Root"] = Path.Combine(Path.GetTempPath(), $"no-bundle-{Guid.NewGuid():N}"),
        });
        using var http = new HttpClient { BaseAddress = new Uri(host.WebAddress) };

        var config = await http.GetFromJsonAsync<JsonElement>("/auth/config");
        Assert.False(config.GetProperty("developmentSignIn").GetBoolean());
        var minted = await http.PostAsJsonAsync("/auth/dev-token", new { role = "admin", subject = "me" });
        Assert.False(minted.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, minted.StatusCode);

        // No bundle: the start page says how to get the app instead of a blank page.
        var start = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Contains("npm", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAllowedOriginWithAPathStopsTheHostWithTheKeyNamed()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>
        {
            ["Gateway:AllowedOrigins:0"] = "https://app.example/path",
        }));
        Assert.Contains("Gateway:AllowedOrigins:0", failure.Message, StringComparison.Ordinal);
    }
}
