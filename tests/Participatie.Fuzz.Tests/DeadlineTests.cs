using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Fuzz.Tests;

/// <summary>
/// Deadlines: a call must not hold the gateway for ever. A test-only interceptor, innermost, makes a call hang until
/// its CancellationToken fires when the request carries <see cref="HangProbe.Header"/>; nothing else changes.
/// </summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task AClientDeadlineEndsAHangingCallWithDeadlineExceededAndCancelsTheHandler()
    {
        var probe = new HangProbe.State();
        await using var host = await SiloHost.StartAsync("Memory", overrides: services => HangProbe.Install(services, probe));
        var admin = new AdminService.AdminServiceClient(host.Channel);
        await WarmUpAsync(admin);

        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            admin.PingAsync(new PingRequest(), HangProbe.Headers, DateTime.UtcNow.AddSeconds(3)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, failure.StatusCode);
        Assert.True(probe.Started.Task.IsCompleted, "the call never reached the handler");
        Assert.True(await probe.WaitForCancellationAsync(TimeSpan.FromSeconds(30)), "the handler's CancellationToken never fired");
        await WarmUpAsync(admin);
    }

    [Fact]
    public async Task ACallWithoutADeadlineEndsWithDeadlineExceededAtTheGatewaysDefaultDeadline()
    {
        var probe = new HangProbe.State();
        await using var host = await SiloHost.StartAsync(
            "Memory",
            settings: new Dictionary<string, string> { ["Gateway:DefaultDeadline"] = "00:00:02" },
            overrides: services => HangProbe.Install(services, probe));
        var admin = new AdminService.AdminServiceClient(host.Channel);
        await WarmUpAsync(admin);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            admin.PingAsync(new PingRequest(), HangProbe.Headers, deadline: null, cancellationToken: patience.Token).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, failure.StatusCode);
        Assert.True(await probe.WaitForCancellationAsync(TimeSpan.FromSeconds(5)), "the handler's CancellationToken never fired");
    }

    /// <summary>A first call with time to spare: on a busy machine the first call of a new host can take seconds.</summary>
    private static async Task WarmUpAsync(AdminService.AdminServiceClient admin) =>
        Assert.Equal("ping", (await admin.PingAsync(new PingRequest { Payload = "ping" }, deadline: DateTime.UtcNow.AddSeconds(30))).Payload);
}

/// <summary>Hangs a call that asks for it until the call's CancellationToken fires, and tells the test when it did.</summary>
public sealed class HangProbe(HangProbe.State state) : Interceptor
{
    public const string Header = "x-fuzz-hang";

    public static Metadata Headers => new() { { Header, "1" } };

    /// <summary>Adds the probe as the innermost interceptor of the gateway under test.</summary>
    public static void Install(IServiceCollection services, State state)
    {
        services.AddSingleton(state);
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<HangProbe>());
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (context.RequestHeaders.Get(Header) is not null)
        {
            state.Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                state.Cancelled.TrySetResult();
                throw;
            }
        }

        return await continuation(request, context);
    }

    public sealed class State
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<bool> WaitForCancellationAsync(TimeSpan within) =>
            await Task.WhenAny(Cancelled.Task, Task.Delay(within)) == Cancelled.Task;
    }
}
