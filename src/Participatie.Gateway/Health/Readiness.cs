using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Participatie.Gateway.Health;

/// <summary>Whether this host takes work: true once the host (and its silo) has started, false from the moment it stops.</summary>
public sealed class ReadinessState
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void Set(bool ready) => _ready = ready;
}

/// <summary>Reports SERVING through grpc.health.v1 only while the host is ready.</summary>
public sealed class ReadinessCheck(ReadinessState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsReady ? HealthCheckResult.Healthy("ready") : HealthCheckResult.Unhealthy("starting or stopping"));
}

/// <summary>Turns readiness on when the application has started and off as soon as it begins to stop.</summary>
public sealed class ReadinessLifecycle(ReadinessState state, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => state.Set(true));
        lifetime.ApplicationStopping.Register(() => state.Set(false));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
