using Participatie.TestSupport;

namespace Participatie.Cli.Tests.Commands;

/// <summary>
/// A silo host (Memory profile) on loopback ports with a small city that <c>participatie seed</c> built, as an admin
/// builds one: the commands under test read it over a real HTTP/2 channel.
/// </summary>
public sealed class SeededSiloFixture : IAsyncLifetime
{
    public const int Neighbourhoods = 2;
    public const int Coaches = 2;
    public const int Clients = 8;

    private SiloHost _host = null!;

    /// <summary>The gateway's HTTP/2 address.</summary>
    public string Address => _host.Address;

    /// <summary>What the seed printed and its exit code.</summary>
    public CliResult Seed { get; private set; } = null!;

    /// <summary>Runs <c>participatie</c> against this silo as an admin.</summary>
    public Task<CliResult> RunAsync(params string[] arguments) =>
        CliRun.RunAsync([.. arguments, "--gateway", Address, "--token", TestKeys.Token("admin", "cli-tests")]);

    public async Task InitializeAsync()
    {
        _host = await SiloHost.StartAsync("Memory");
        Seed = await RunAsync(
            "seed", "--neighbourhoods", $"{Neighbourhoods}", "--coaches", $"{Coaches}", "--clients", $"{Clients}", "--experiment-arm-size", "0", "--concurrency", "4");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
