using System.Net;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>The Orleans Dashboard is there for admins when switched on, and absent otherwise.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task TheDashboardIsServedOnTheWebEndpointWhenEnabled()
    {
        await using var host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string> { ["Dashboard:Enabled"] = "true" });
        using var http = new HttpClient();

        var page = await http.GetAsync(host.WebAddress + SiloApp.DashboardPath + "/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheDashboardIsAbsentByDefault()
    {
        await using var host = await SiloHost.StartAsync("Memory");
        using var http = new HttpClient();

        var page = await http.GetAsync(host.WebAddress + SiloApp.DashboardPath + "/");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
