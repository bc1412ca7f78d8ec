using System.Security.Claims;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Participatie.Gateway;
using Participatie.Gateway.Security;
using Participatie.Security;

namespace Participatie.Silo.WebApp;

/// <summary>
/// Serves the web app (src/Participatie.Web, built by the silo's build) on the host's endpoints: its static files, the
/// app's page for every other path of the app, the sign-in settings it asks for, the development sign-in of the Local
/// profile, and CORS for the configured origins of other front ends.
/// </summary>
public static partial class WebAppHosting
{
    /// <summary>The sign-in settings the app reads when it starts.</summary>
    public const string ConfigPath = "/auth/config";

    /// <summary>Mints a short-lived token for a chosen role and id; mapped only where the development key is accepted.</summary>
    public const string DevelopmentTokenPath = "/auth/dev-token";

    private const string CorsPolicy = "participatie-origins";

    /// <summary>Paths that belong to the API and the operators, never to the app: an unknown one is a 404, not the app's page.</summary>
    private static readonly string[] ReservedPrefixes = ["/participatie.", "/grpc.", "/google.", "/health", "/dashboard", "/auth/", "/v1/"];

    /// <summary>The headers a browser may read from a gRPC-Web reply of another origin.</summary>
    public static readonly string[] ExposedHeaders = ["grpc-status", "grpc-message", "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding"];

    public static WebApplicationBuilder AddParticipatieWebApp(this WebApplicationBuilder builder)
    {
        var options = new WebAppOptions();
        builder.Configuration.GetSection(WebAppOptions.Section).Bind(options);
        var origins = builder.Configuration.GetSection(AllowedOrigins.Key).Get<string[]>() ?? [];
        var problems = options.Problems().Concat(AllowedOrigins.Problems(origins)).ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(WebAppOptions.Section, typeof(WebAppOptions), problems);
        }

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            // gRPC-Web sends its own headers (x-grpc-web, x-user-agent, grpc-timeout) and ours (authorization, x-purpose).
            policy.WithOrigins(origins).AllowAnyHeader().WithMethods("POST", "GET", "OPTIONS").WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return builder;
    }

    /// <summary>Before the gateway: CORS (so that a preflight is answered before anything else) and the app's files.</summary>
    public static WebApplication UseParticipatieWebApp(this WebApplication app)
    {
        app.UseCors(CorsPolicy);
        var bundle = Bundle(app);
        if (bundle is not null)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = bundle,
                OnPrepareResponse = context =>
                {
                    // Vite names its assets by their content: they may be cached for good; index.html never is.
                    var immutable = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal);
                    context.Context.Response.Headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
                    context.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                },
            });
        }

        return app;
    }

    /// <summary>After the gateway: the sign-in endpoints and, for any other path of the app, its page.</summary>
    public static WebApplication MapParticipatieWebApp(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebAppOptions>>().Value;
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var dashboard = app.Services.GetRequiredService<IOptions<GatewayInfo>>().Value.DashboardEnabled;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebAppHosting).FullName!);
        var bundle = Bundle(app);

        app.MapGet(ConfigPath, () => Results.Json(new SignInConfig(auth.AllowDevelopmentKey, auth.Authority, options.ClientId, options.Scope, dashboard)))
            .AllowAnonymous();
        if (auth.AllowDevelopmentKey)
        {
            app.MapPost(DevelopmentTokenPath, (DevelopmentTokenRequest request) => DevelopmentToken(request, options.DevelopmentTokenLifetime));
            LogDevelopmentSignIn(logger, DevelopmentTokenPath);
        }

        var index = bundle?.GetFileInfo("index.html");
        if (index is { Exists: true })
        {
            app.MapFallback(async context =>
            {
                var path = context.Request.Path.Value ?? "/";
                if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                    || ReservedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || Path.HasExtension(path))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                await context.Response.SendFileAsync(bundle!.GetFileInfo("index.html"));
            });
            LogServing(logger, RootPath(app, options));
        }
        else
        {
            var root = RootPath(app, options);
            LogNotBuilt(logger, root);
            app.MapGet("/", () => Results.Text(NotBuiltText(root), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
        }

        return app;
    }

    /// <summary>What the log and the start page say when the bundle is missing.</summary>
    public static string NotBuiltText(string root) =>
        $"The web app is not built, so this host serves only the API. Install Node.js (20.19 or later) with npm and build again " +
        $"(dotnet build src/Participatie.Silo builds it), or run 'npm ci' and 'npm run build' in src/Participatie.Web and set " +
        $"{WebAppOptions.Section}:Root to its dist folder. Looked for index.html in {root}.";

    private static IResult DevelopmentToken(DevelopmentTokenRequest request, TimeSpan lifetime)
    {
        var role = request.Role ?? "";
        var subject = (request.Subject ?? "").Trim();
        var neighbourhood = string.IsNullOrWhiteSpace(request.Neighbourhood) ? null : request.Neighbourhood.Trim();
        var claims = new List<Claim> { new(Caller.RoleClaim, role), new(Caller.SubjectClaim, subject) };
        if (neighbourhood is not null)
        {
            claims.Add(new Claim(Caller.NeighbourhoodClaim, neighbourhood));
        }

        // The same check the gateway makes of every token: a coach's id must be a coach id, a person's a client id, …
        if (!Caller.RoleNames.ContainsKey(role) || Caller.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "development"))) is null)
        {
            return Results.BadRequest(new DevelopmentTokenProblem(
                "subject", "Kies een rol en een geldig id: een klantmanager co-…, een persoon cl-…, een wijkteam met zijn wijk wk-…, een partner pt-…."));
        }

        var token = Tokens.Mint(role, subject, neighbourhood, lifetime);
        return Results.Json(new DevelopmentTokenResponse(token, DateTimeOffset.UtcNow.Add(lifetime).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static PhysicalFileProvider? Bundle(WebApplication app)
    {
        var root = RootPath(app, app.Services.GetRequiredService<IOptions<WebAppOptions>>().Value);
        return Directory.Exists(root) ? new PhysicalFileProvider(root) : null;
    }

    private static string RootPath(WebApplication app, WebAppOptions options) =>
        Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.Root));

    [LoggerMessage(Level = LogLevel.Information, Message = "The web app is served from {Root}")]
    private static partial void LogServing(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web app is not built, so this host serves only the API. Install Node.js (20.19 or later) with npm and build again (dotnet build src/Participatie.Silo builds it), or run 'npm ci' and 'npm run build' in src/Participatie.Web. Looked for index.html in {Root}")]
    private static partial void LogNotBuilt(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development sign-in is on at {Path}: anyone who reaches this host can sign in with any role (Local profile only)")]
    private static partial void LogDevelopmentSignIn(ILogger logger, string path);
}

/// <summary>What the app needs to know to sign someone in.</summary>
/// <param name="DevelopmentSignIn">True where the development key is accepted (Local profile): the app offers a choice of role and id.</param>
/// <param name="Authority">The OpenID Connect issuer to sign in at otherwise.</param>
/// <param name="ClientId">The app's client id at that issuer.</param>
/// <param name="Scope">The scopes the app asks for.</param>
/// <param name="Dashboard">True where this host serves the Orleans Dashboard (to admins, on this endpoint): the admin's app offers it.</param>
public sealed record SignInConfig(bool DevelopmentSignIn, string Authority, string ClientId, string Scope, bool Dashboard);

/// <param name="Role">admin, coach, team, partner, researcher or person.</param>
/// <param name="Subject">The id: a coach id for a coach, a client id for a person, a partner id for a partner.</param>
/// <param name="Neighbourhood">A team member's neighbourhood.</param>
public sealed record DevelopmentTokenRequest(string? Role, string? Subject, string? Neighbourhood);

public sealed record DevelopmentTokenResponse(string Token, string ExpiresAt);

public sealed record DevelopmentTokenProblem(string Field, string Message);
