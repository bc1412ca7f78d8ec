using System.Net;
using System.Net.Http.Headers;
using Participatie.Domain;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>
/// The Orleans Dashboard is there for admins when switched on — with the API's own authentication, on the Web endpoint
/// only — and absent otherwise. Its live trace names people's grains, so nobody else may see it.
/// </summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task OnlyAnAdminSeesTheDashboardAndOnlyOnTheWebEndpoint()
    {
        await using var host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string> { ["Dashboard:Enabled"] = "true" });
        using var http = new HttpClient();
        var page = host.WebAddress + SiloApp.DashboardPath + "/";

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, page, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, page, TestKeys.Token("coach", Ids.NewCoachId()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, page, Participatie.Security.Tokens.Mint("admin", "someone"))).StatusCode);
        var admin = await SendAsync(http, page, TestKeys.Token("admin", "operator"));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("<html", await admin.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The gRPC endpoint (HTTP/2 without TLS) never serves it, whatever the Host header says.
        using var http2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var onGrpcPort = new HttpRequestMessage(HttpMethod.Get, host.Address + SiloApp.DashboardPath + "/") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        onGrpcPort.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Token("admin", "operator"));
        onGrpcPort.Headers.Host = new Uri(host.WebAddress).Authority;
        var reply = await http2.SendAsync(onGrpcPort);
        Assert.True(reply.StatusCode == HttpStatusCode.NotFound, $"{reply.StatusCode} {await reply.Content.ReadAsStringAsync()} {reply.Headers}");
    }

    [Fact]
    public async Task AnAdminsBrowserOpensTheDashboardWithTheCookieItsAppAskedFor()
    {
        await using var host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string> { ["Dashboard:Enabled"] = "true" });
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() });

        var refused = new HttpRequestMessage(HttpMethod.Post, host.WebAddress + "/auth/dashboard-session");
        refused.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Token("coach", Ids.NewCoachId()));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(refused)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(host.WebAddress + SiloApp.DashboardPath + "/")).StatusCode);

        var session = new HttpRequestMessage(HttpMethod.Post, host.WebAddress + "/auth/dashboard-session");
        session.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Token("admin", "operator"));
        var started = await browser.SendAsync(session);
        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        var cookie = Assert.Single(started.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(host.WebAddress + SiloApp.DashboardPath + "/")).StatusCode);
    }

    [Fact]
    public async Task TheDashboardIsAbsentByDefault()
    {
        await using var host = await SiloHost.StartAsync("Memory");
        using var http = new HttpClient();

        var page = await SendAsync(http, host.WebAddress + SiloApp.DashboardPath + "/", TestKeys.Token("admin", "operator"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string url, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }
}
