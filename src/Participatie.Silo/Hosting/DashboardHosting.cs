using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Orleans.Dashboard;
using Participatie.Gateway.Security;

namespace Participatie.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard, when switched on: only for admins (the API's own authentication), only on the Web endpoint
/// (HTTP/1.1, the management port), never on the gRPC port. Its live trace names grains, client ids among them, so it
/// is a read of people's data like any other and is not for anyone who can reach a port. A browser cannot put a bearer
/// token on a page it opens, so an admin's app first hands its token over (<see cref="SessionPath"/>); it comes back as
/// an HTTP-only, same-site cookie scoped to the dashboard's path and expiring with the token.
/// </summary>
public static partial class DashboardHosting
{
    public const string Path = "/dashboard";

    /// <summary>POST with an admin's bearer token: sets the dashboard's cookie (204).</summary>
    public const string SessionPath = "/auth/dashboard-session";

    public const string CookieName = "participatie-dashboard";

    private const string AdminPolicy = "participatie-admin";

    public static WebApplicationBuilder AddParticipatieDashboardAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization(options => options.AddPolicy(AdminPolicy, policy =>
            policy.RequireAssertion(context => Caller.From(context.User)?.Role == Role.Admin)));
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var earlier = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await earlier(context);
                if (context.Token is null && !context.Request.Headers.ContainsKey("authorization")
                    && context.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal)
                    && context.Request.Cookies.TryGetValue(CookieName, out var token))
                {
                    context.Token = token;
                }
            };
        });
        return builder;
    }

    public static WebApplication MapParticipatieDashboard(this WebApplication app)
    {
        var webPort = PortOf(app.Configuration["Kestrel:Endpoints:Web:Url"]);
        app.UseAuthorization();
        OnWebPortOnly(app.MapOrleansDashboard(Path).RequireAuthorization(AdminPolicy), webPort);
        OnWebPortOnly(app.MapPost(SessionPath, StartSession).RequireAuthorization(AdminPolicy), webPort);
        return app;
    }

    private static IResult StartSession(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Results.BadRequest("Send the admin's bearer token in the Authorization header.");
        }

        var token = header["Bearer ".Length..].Trim();
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = Path,
            Expires = new JsonWebToken(token).ValidTo,
        });
        return Results.NoContent();
    }

    /// <summary>Answers 404 on any endpoint but the Web one (the port the connection came in on, not the Host header).</summary>
    private static void OnWebPortOnly(IEndpointConventionBuilder endpoints, int? webPort) =>
        endpoints.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (webPort is { } port && context.Connection.LocalPort != port)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return inner(context);
            };
        });

    private static int? PortOf(string? url) =>
        url is not null && PortPattern().Match(url) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@":(\d{1,5})/?$")]
    private static partial Regex PortPattern();
}
