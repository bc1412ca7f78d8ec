using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Participatie.Gateway.Health;

/// <summary>Whether this host takes work: true once the host (and its silo) has started, false from the moment it stops.</summary>
public sealed class ReadinessState
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void Set(bool ready) => _ready = ready;
}

/// <summary>Reports SERVING through grpc.health.v1 and 200 on /health/ready only while the host is ready.</summary>
public sealed class ReadinessCheck(ReadinessState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsReady ? HealthCheckResult.Healthy("ready") : HealthCheckResult.Unhealthy("starting or stopping"));
}

/// <summary>
/// Turns readiness on when the application has started, and off before any part of the host stops; then waits the
/// drain delay (new calls are refused meanwhile) so that load balancers stop sending work before the ports close.
/// </summary>
public sealed class ReadinessLifecycle(ReadinessState state, IHostApplicationLifetime lifetime, IOptions<GatewayInfo> info) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => state.Set(true));
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.Set(false);
        if (info.Value.DrainDelay > TimeSpan.Zero)
        {
            await Task.Delay(info.Value.DrainDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Refuses new calls with UNAVAILABLE (retryable) while the host is not ready; health checks always answer.</summary>
public sealed class ReadinessInterceptor(ReadinessState state) : Interceptor
{
    private const string HealthService = "/grpc.health.v1.Health/";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        if (state.IsReady || context.Method.StartsWith(HealthService, StringComparison.Ordinal) || context.Method.StartsWith("/grpc.reflection.", StringComparison.Ordinal))
        {
            return;
        }

        throw new Google.Rpc.Status
        {
            Code = (int)Code.Unavailable,
            Message = "This host is starting or shutting down; retry, another host will take the call.",
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }) },
        }.ToRpcException();
    }
}
