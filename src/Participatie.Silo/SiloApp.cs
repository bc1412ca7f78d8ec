using Participatie.Gateway;
using Participatie.Silo.Hosting;

namespace Participatie.Silo;

/// <summary>Builds the silo host; <c>Program</c> runs it, tests start it in-process with their own settings.</summary>
public static class SiloApp
{
    /// <param name="args">Command-line arguments; <c>--Section:Key=value</c> overrides configuration.</param>
    /// <param name="overrides">Lets tests replace services (fault points, clocks) after the defaults are registered.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddParticipatieSilo();
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapParticipatieGateway();
        return app;
    }
}
