using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Security;

namespace Participatie.Cli.Commands;

/// <summary>The gateway a command talks to: the global <c>--gateway</c> option and the channel opened from it.</summary>
internal sealed record Gateway(string Address, GrpcChannel Channel)
{
    public const string EnvironmentVariable = "PARTICIPATIE_GATEWAY";
    public const string DefaultAddress = "http://localhost:5080";
    public const string TokenVariable = "PARTICIPATIE_TOKEN";

    /// <summary>Global option: the bearer token every call carries.</summary>
    public static Option<string> TokenOption { get; } = new("--token")
    {
        Description = $"Bearer token for the gateway; defaults to ${TokenVariable}, else a development admin token that only a Local silo accepts (see `participatie token`)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable) ?? "",
        Recursive = true,
    };

    /// <summary>Global option: why this command reads or changes people's data (the audit log records it).</summary>
    public static Option<string> PurposeOption { get; } = new("--purpose")
    {
        Description = "The purpose sent with every call (x-purpose), e.g. administration, case_work, testing",
        DefaultValueFactory = _ => "administration",
        Recursive = true,
    };

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

            var token = parseResult.GetValue(TokenOption) is { Length: > 0 } given ? given : Tokens.Mint("admin", "cli-admin");
            var purpose = parseResult.GetValue(PurposeOption) ?? "administration";
            var credentials = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + token);
                metadata.Add("x-purpose", purpose);
                return Task.CompletedTask;
            });

            // Calls are multiplexed over HTTP/2; when one connection's streams are full, another is opened.
            using var channel = GrpcChannel.ForAddress(uri, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
                Credentials = ChannelCredentials.Create(uri.Scheme == "https" ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, credentials),
                // The Local quick start runs without TLS on localhost; anywhere else use https.
                UnsafeUseInsecureChannelCallCredentials = uri.Scheme == "http",
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
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
            {
                error.WriteLine($"the gateway at {address} refused the call ({exception.StatusCode}): {exception.Status.Detail}");
                error.WriteLine($"  pass --token (or set {TokenVariable}); against a Local silo the development token works: `participatie token --role admin --sub me`");
                return ExitCodes.Failure;
            }
            catch (RpcException exception)
            {
                error.WriteLine($"the gateway at {address} answered {exception.StatusCode}: {exception.Status.Detail}");
                return ExitCodes.Failure;
            }
        };
}
