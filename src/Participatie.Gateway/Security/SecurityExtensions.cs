using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Participatie.Gateway.Security.Audit;

namespace Participatie.Gateway.Security;

/// <summary>Authentication (JWT bearer, partner API keys), the BSN key and the audit log of the gateway.</summary>
public static class SecurityExtensions
{
    /// <summary>The scheme that picks JWT bearer or API key by the headers of the request.</summary>
    public const string Scheme = "participatie";

    public static IServiceCollection AddParticipatieSecurity(this IServiceCollection services, IConfiguration configuration, string storageProfile)
    {
        var developmentAllowed = storageProfile is "Local" or "Memory";
        var auth = Bind<AuthOptions>(configuration, AuthOptions.Section, developmentAllowed, a => a.AllowDevelopmentKey = developmentAllowed, a => a.Problems(storageProfile));
        var privacy = Bind<PrivacyOptions>(configuration, PrivacyOptions.Section, developmentAllowed, p => p.AllowDevelopmentKey = developmentAllowed, p => p.Problems(storageProfile));
        services.AddSingleton(Options.Create(auth));
        services.AddSingleton(Options.Create(privacy));
        services.AddSingleton<BsnProtector>();
        var limits = new RateLimitOptions();
        configuration.GetSection(RateLimitOptions.Section).Bind(limits);
        if (limits.Problems().ToList() is { Count: > 0 } wrongLimits)
        {
            throw new OptionsValidationException(RateLimitOptions.Section, typeof(RateLimitOptions), wrongLimits);
        }

        services.AddSingleton(Options.Create(limits));
        services.AddParticipatieRateLimits(limits);
        services.AddSingleton<ApiKeyCache>();

        // Stores of the host's profile are registered before this; without one (Memory) the log is kept in memory.
        services.TryAddSingleton<IAuditStore, MemoryAuditStore>();

        // The audit chain's checkpoints (off without Audit:CheckpointFolder; a folder without a key stops the start).
        var checkpoints = new AuditCheckpointOptions();
        configuration.GetSection(AuditCheckpointOptions.Section).Bind(checkpoints);
        if (checkpoints.Problems().ToList() is { Count: > 0 } wrongCheckpoints)
        {
            throw new OptionsValidationException(AuditCheckpointOptions.Section, typeof(AuditCheckpointOptions), wrongCheckpoints);
        }

        // Before the audit log: hosted services stop in reverse order, so the last checkpoint follows its last batch.
        if (checkpoints.Enabled)
        {
            services.AddSingleton(Options.Create(checkpoints));
            services.AddHostedService<AuditCheckpointExporter>();
        }

        services.AddSingleton<AuditLog>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditLog>());

        var (issuers, audiences, keys) = auth.Effective();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or partner API key", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(ApiKey.Header) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = RememberExpiredCaller,
                    OnTokenValidated = context => RefuseWhatWeDoNotUnderstand(context, auth.MaxTokenLifetime),
                };
                if (auth.Authority.Length > 0)
                {
                    options.Authority = auth.Authority;
                }

                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = issuers,
                    ValidAudiences = audiences,
                    IssuerSigningKeys = keys.Select(k => new SymmetricSecurityKey(k.Bytes()) { KeyId = k.KeyId }).ToList(),

                    // A token is checked against the key its kid names, never against every key in turn.
                    TryAllIssuerSigningKeys = false,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                    NameClaimType = Caller.SubjectClaim,
                    RoleClaimType = Caller.RoleClaim,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        return services;
    }

    /// <summary>
    /// A token that was validly signed but has expired names a known caller: their refused attempt on a person's data
    /// is audited. A token with a bad signature names nobody (anyone can write a subject into one).
    /// </summary>
    private static Task RememberExpiredCaller(AuthenticationFailedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (context.Exception is SecurityTokenExpiredException && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = new JsonWebToken(header["Bearer ".Length..].Trim());
            var principal = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "expired", Caller.SubjectClaim, Caller.RoleClaim));
            context.HttpContext.RequestServices.GetRequiredService<CallContext>().RefusedCaller = Caller.From(principal);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A validly signed token is still refused when it asks for what this gateway does not do: a <c>crit</c> header
    /// names extensions the receiver must understand (RFC 7515, 4.1.11) and we understand none; and a token may live at
    /// most <see cref="AuthOptions.MaxTokenLifetime"/>, from when it was issued and from now.
    /// </summary>
    private static Task RefuseWhatWeDoNotUnderstand(TokenValidatedContext context, TimeSpan maxLifetime)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            return Task.CompletedTask;
        }

        var slack = TimeSpan.FromMinutes(1);
        if (token.TryGetHeaderValue<object>("crit", out _))
        {
            context.Fail("the token has a crit header, whose extensions this gateway does not understand");
        }
        else if (token.ValidTo - (token.IssuedAt == DateTime.MinValue ? DateTime.UtcNow : token.IssuedAt) > maxLifetime + slack
                 || token.ValidTo - DateTime.UtcNow > maxLifetime + slack)
        {
            context.Fail($"the token lives longer than {AuthOptions.Section}:MaxTokenLifetime ({maxLifetime})");
        }

        return Task.CompletedTask;
    }

    /// <summary>Binds a section (with a default for a key that is absent) and stops with every problem named by its key.</summary>
    private static T Bind<T>(IConfiguration configuration, string section, bool developmentAllowed, Action<T> whenDevelopmentUnset, Func<T, IEnumerable<string>> problems)
        where T : new()
    {
        var value = new T();
        if (configuration[$"{section}:AllowDevelopmentKey"] is null && developmentAllowed)
        {
            whenDevelopmentUnset(value);
        }

        configuration.GetSection(section).Bind(value);
        var found = problems(value).ToList();
        return found.Count == 0 ? value : throw new OptionsValidationException(section, typeof(T), found);
    }
}
