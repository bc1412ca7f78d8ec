using Microsoft.Extensions.Options;
using Participatie.Gateway;
using Participatie.Silo.Hosting;
using Participatie.Silo.WebApp;

namespace Participatie.Silo;

/// <summary>Builds the host; <c>Program</c> runs it, tests start it in-process with their own settings.</summary>
public static class SiloApp
{
    /// <summary>Where admins find the Orleans Dashboard when <c>Dashboard:Enabled</c> is true.</summary>
    public const string DashboardPath = DashboardHosting.Path;

    /// <param name="args">Command-line arguments; <c>--Section:Key=value</c> overrides configuration.</param>
    /// <param name="overrides">Lets tests replace services (fault points, clocks) after the defaults are registered.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddParticipatieHost();
        builder.AddParticipatieWebApp();
        builder.AddParticipatieDashboardAccess();
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseParticipatieWebApp();
        app.MapParticipatieGateway();
        if (app.Services.GetRequiredService<IOptions<GatewayInfo>>().Value.DashboardEnabled)
        {
            app.MapParticipatieDashboard();
        }

        // Last: the app's page answers any other path of the app (never the API's, the probes' or the dashboard's).
        app.MapParticipatieWebApp();

        return app;
    }
}
