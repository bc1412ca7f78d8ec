using System.CommandLine;
using System.Diagnostics;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Commands;

/// <summary><c>participatie ping</c>: does the gateway answer, and how fast.</summary>
internal static class PingCommand
{
    private const string Payload = "participatie ping";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var command = new Command("ping", "Call AdminService.Ping and print the round-trip time and the server time");
        // A health check: any way of not answering is exit code 1.
        command.SetAction(Gateway.Action(RunAsync, unreachableExitCode: ExitCodes.Failure));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, Gateway gateway, CancellationToken cancellationToken)
    {
        var admin = new AdminService.AdminServiceClient(gateway.Channel);

        // The first call also opens the HTTP/2 connection; the second shows the round trip on its own.
        var (connectAndCall, _) = await TimedPingAsync(admin, cancellationToken);
        var (roundTrip, reply) = await TimedPingAsync(admin, cancellationToken);

        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine($"gateway {gateway.Address} answered in {roundTrip.TotalMilliseconds:0.0} ms (first call, with connecting: {connectAndCall.TotalMilliseconds:0.0} ms)");
        output.WriteLine($"server time {reply.ServerTime}");
        return ExitCodes.Success;
    }

    private static async Task<(TimeSpan Elapsed, PingResponse Reply)> TimedPingAsync(AdminService.AdminServiceClient admin, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reply = await admin.PingAsync(new PingRequest { Payload = Payload }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
        return (clock.Elapsed, reply);
    }
}
