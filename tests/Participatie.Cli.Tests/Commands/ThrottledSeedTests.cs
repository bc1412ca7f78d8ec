using Participatie.TestSupport;

namespace Participatie.Cli.Tests.Commands;

/// <summary>
/// A seed against a platform whose rate limits hold the admin back: refused calls (RESOURCE_EXHAUSTED with RetryInfo)
/// are sent again after the delay the gateway names, so the seed goes at the allowed pace and completes.
/// </summary>
public sealed class ThrottledSeedTests
{
    [Fact]
    public async Task ASeedOverTheCallersWriteLimitWaitsWhereTheGatewaySaysAndCompletes()
    {
        await using var host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:WritesPerSecond"] = "4",
            ["RateLimits:WriteBurst"] = "4",
            ["RateLimits:AdminWritesPerSecond"] = "4",
            ["RateLimits:AdminWriteBurst"] = "4",
            ["RateLimits:ReadsPerSecond"] = "20",
            ["RateLimits:ReadBurst"] = "20",
            ["RateLimits:AddressCallsPerSecond"] = "1000",
            ["RateLimits:AddressBurst"] = "1000",
            ["RateLimits:RefusalHold"] = "00:00:00.1",
        });

        var seed = await CliRun.RunAsync(
            "seed", "--neighbourhoods", "2", "--coaches", "2", "--clients", "12", "--experiment-arm-size", "0", "--concurrency", "4",
            "--gateway", host.Address, "--token", TestKeys.Token("admin", "cli-throttled"));

        Assert.True(seed.ExitCode == 0, seed.ToString());
        var lines = seed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^  clients +12 +12 "));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^  assignments +12 +12 "));
    }
}
