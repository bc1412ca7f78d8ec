using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;

namespace Participatie.Cli.Commands;

/// <summary>The gateway a command talks to: the global <c>--gateway</c> option and the channel opened from it.</summary>
internal sealed record Gateway(string Address, GrpcChannel Channel)
{
    public const string EnvironmentVariable = "PARTICIPATIE_GATEWAY";
    public const string DefaultAddress = "http://localhost:5080";

    /// <summary>Global option: every subcommand accepts it.</summary>
    public static Option<string> AddressOption { get; } = new("--gateway")
    {
        Description = $"Address of the gateway (HTTP/2); defaults to ${EnvironmentVariable} or {DefaultAddress}",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } address ? address : DefaultAddress,
        Recursive = true,
    };

    /// <summary>
    /// Wraps a command body: opens the channel and turns gRPC failures that can happen in any command into a message
    /// on standard error and an exit code, so bodies only handle what is specific to them.
    /// </summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(
        Func<ParseResult, Gateway, CancellationToken, Task<int>> body,
        int unreachableExitCode = ExitCodes.Unreachable) =>
        async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var address = parseResult.GetValue(AddressOption) ?? DefaultAddress;
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                error.WriteLine($"--gateway must be an http:// or https:// address, not \"{address}\"");
                return ExitCodes.Failure;
            }

            // Calls are multiplexed over HTTP/2; when one connection's streams are full, another is opened.
            using var channel = GrpcChannel.ForAddress(uri, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            });
            try
            {
                return await body(parseResult, new Gateway(address, channel), cancellationToken);
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested
                && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                error.WriteLine("interrupted");
                return ExitCodes.Interrupted;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable)
            {
                error.WriteLine($"cannot reach the gateway at {address}: start it with `dotnet run --project src/Participatie.Silo`");
                // A connection failure carries the socket error (e.g. "Connection refused") in the debug exception.
                error.WriteLine($"  ({exception.Status.DebugException?.GetBaseException().Message ?? exception.Status.Detail})");
                return unreachableExitCode;
            }
            catch (RpcException exception)
            {
                error.WriteLine($"the gateway at {address} answered {exception.StatusCode}: {exception.Status.Detail}");
                return ExitCodes.Failure;
            }
        };
}
