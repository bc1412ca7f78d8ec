using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Health;
using Participatie.Gateway.Services;

namespace Participatie.Gateway;

/// <summary>Wires the gRPC gateway into an ASP.NET Core host, whether it co-hosts a silo or is a cluster client.</summary>
public static class GatewayExtensions
{
    /// <summary>Largest request or response message, in bytes.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddParticipatieGateway(this IServiceCollection services, string storageProfile)
    {
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorInterceptor>();
            options.MaxReceiveMessageSize = MaxMessageBytes;
            options.MaxSendMessageSize = MaxMessageBytes;
            options.EnableDetailedErrors = false;
        });
        services.AddGrpcReflection();
        services.AddSingleton<ReadinessState>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster", tags: ["ready"]);
        services.AddGrpcHealthChecks();
        services.Configure<GatewayInfo>(info => info.StorageProfile = storageProfile);
        services.AddHostedService<ReadinessLifecycle>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapParticipatieGateway(this WebApplication app)
    {
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<ClientApi>();
        app.MapGrpcService<CoachApi>();
        app.MapGrpcService<NeighbourhoodApi>();
        app.MapGrpcService<AdminApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
