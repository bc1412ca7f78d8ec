using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Health;
using Participatie.Gateway.Security;
using Participatie.Gateway.Services;

namespace Participatie.Gateway;

/// <summary>Wires the gRPC gateway into an ASP.NET Core host, whether it co-hosts a silo or is a cluster client.</summary>
public static class GatewayExtensions
{
    /// <summary>Largest request or response message, in bytes.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddParticipatieGateway(this IServiceCollection services, GatewayInfo info)
    {
        services.AddGrpc(options =>
        {
            // Outermost first: error translation (so that a failure anywhere, the access checks' own grain calls
            // included, becomes a deliberate status), then refuse while not ready, then who may do what (and the audit).
            options.Interceptors.Add<ErrorInterceptor>();
            options.Interceptors.Add<ReadinessInterceptor>();
            options.Interceptors.Add<AccessInterceptor>();
            options.MaxReceiveMessageSize = MaxMessageBytes;
            options.MaxSendMessageSize = MaxMessageBytes;
            options.EnableDetailedErrors = false;
        }).AddJsonTranscoding(options =>
        {
            // PartnerService as JSON over HTTP (google.api.http paths); error details are written as JSON too.
            options.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, ResourceInfo.Descriptor, RetryInfo.Descriptor);
        });
        services.AddGrpcReflection();
        services.AddScoped<CallContext>();
        services.AddSingleton<ReadinessState>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster", tags: ["ready"]);
        services.AddGrpcHealthChecks();
        // Last, after every AddGrpc…() call that could register grpc-dotnet's default binder again.
        services.UseParsingMethodProvider();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(info));
        services.AddHostedService<ReadinessLifecycle>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapParticipatieGateway(this WebApplication app)
    {
        // A call without a deadline gets the default one, as if the client had sent it: gRPC then cancels the handler
        // and answers DEADLINE_EXCEEDED when it passes. Streams are exempt: a coach's inbox stays open for hours, and
        // an export lasts as long as the city is large; their callers end them.
        var deadline = $"{(long)app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayInfo>>().Value.DefaultDeadline.TotalMilliseconds}m";
        var streams = AccessRules.PublicMethods.Where(m => m.IsServerStreaming).Select(AccessRules.PathOf).ToHashSet(StringComparer.Ordinal);
        app.Use((context, next) =>
        {
            if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true && !context.Request.Headers.ContainsKey("grpc-timeout")
                && !streams.Contains(context.Request.Path.Value ?? ""))
            {
                context.Request.Headers["grpc-timeout"] = deadline;
            }

            return next(context);
        });
        app.UseMiddleware<GrpcFraming>();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseAuthentication();
        // After authentication (limits are per principal), before any service, audit or grain sees the call.
        app.UseRateLimiter();
        app.MapGrpcService<ClientApi>();
        app.MapGrpcService<CoachApi>();
        app.MapGrpcService<NeighbourhoodApi>();
        app.MapGrpcService<AdminApi>();
        app.MapGrpcService<ExperimentApi>();
        app.MapGrpcService<ContractApi>();
        app.MapGrpcService<RecordApi>();
        app.MapGrpcService<PartnerApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();

        // For HTTP probes (Kubernetes, load balancers): live while the process runs, ready while it takes work.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
