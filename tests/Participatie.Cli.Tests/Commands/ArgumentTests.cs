using System.Net;
using System.Net.Sockets;

namespace Participatie.Cli.Tests.Commands;

/// <summary>What the command line refuses before it calls anything, and how it fails when the gateway is not there.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public async Task AnUnknownCommandIsRefusedByNameWithExitCodeOne()
    {
        var result = await CliRun.RunAsync("frobnicate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unrecognized command or argument 'frobnicate'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACountBelowItsMinimumIsRefusedBeforeTheGatewayIsCalled()
    {
        // The gateway does not exist: had the command run, it would have exited with 2 (unreachable).
        var result = await CliRun.RunAsync("seed", "--clients", "-1", "--gateway", ClosedAddress());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--clients must be at least 0", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--coaches", "seed --coaches many")]
    [InlineData("--concurrency", "load --concurrency many")]
    [InlineData("--hours", "token --role admin --sub x --hours many")]
    public async Task AValueThatIsNotAWholeNumberIsRefusedNamingTheValue(string option, string commandLine)
    {
        // The range checks of these options once read the value before the parser had refused it, and crashed.
        var result = await CliRun.RunAsync([.. commandLine.Split(' '), "--gateway", ClosedAddress()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Cannot parse argument 'many' for option '{option}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGatewayThatIsNotAnHttpAddressIsRefused()
    {
        var result = await CliRun.RunAsync("status", "--gateway", "ftp://example.org");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("--gateway must be an http:// or https:// address, not \"ftp://example.org\"", result.Error.Trim());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task AnUnreachableGatewayExitsWithTwoAndSaysHowToStartOne()
    {
        var address = ClosedAddress();

        var result = await CliRun.RunAsync("status", "--gateway", address);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"cannot reach the gateway at {address}: start it with `dotnet run --project src/Participatie.Silo`", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task PingCountsAnUnreachableGatewayAsAFailedHealthCheck()
    {
        var result = await CliRun.RunAsync("ping", "--gateway", ClosedAddress());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach the gateway", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenIsASignedJwtOnOneLine()
    {
        var result = await CliRun.RunAsync("token", "--role", "coach", "--sub", "co-1", "--hours", "2");

        Assert.Equal(0, result.ExitCode);
        var token = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, token.Split('.').Length);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("--role", "mayor", "--sub", "x")]
    [InlineData("--role", "admin", "--sub", "x", "--hours", "25")]
    [InlineData("--role", "admin", "--sub", "x", "--signing-key", "c2hvcnQ=")]
    public async Task ATokenWithAnImpossibleSettingIsRefused(params string[] arguments)
    {
        var result = await CliRun.RunAsync(["token", .. arguments]);

        Assert.Equal(1, result.ExitCode);
        // A token's header ({"alg":…) starts "eyJ" in base64.
        Assert.DoesNotContain("eyJ", result.Output, StringComparison.Ordinal);
        Assert.NotEmpty(result.Error.Trim());
    }

    [Fact]
    public async Task ATeamMembersTokenNeedsANeighbourhood()
    {
        var result = await CliRun.RunAsync("token", "--role", "team", "--sub", "tm-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("a team member's token needs --neighbourhood wk-…", result.Error.Trim());
        Assert.Empty(result.Output);
    }

    /// <summary>A loopback address nothing listens on: a port that was free a moment ago.</summary>
    private static string ClosedAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
