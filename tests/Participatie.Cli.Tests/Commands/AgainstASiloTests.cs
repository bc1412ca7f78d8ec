using System.Text.Json;
using Participatie.TestSupport;

namespace Participatie.Cli.Tests.Commands;

/// <summary>Commands against a running silo: what they print as tables and as JSON, and their exit codes.</summary>
public sealed class AgainstASiloTests(SeededSiloFixture silo) : IClassFixture<SeededSiloFixture>
{
    [Fact]
    public void SeedReportsEveryStepAsATableOnStandardOutput()
    {
        Assert.True(silo.Seed.ExitCode == 0, silo.Seed.ToString());
        var lines = Lines(silo.Seed.Output);

        Assert.StartsWith("Seeded through http://127.0.0.1:", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^  STEP +DONE +OF +SECONDS +PER SECOND$", lines[1]);
        Assert.Matches($@"^  neighbourhoods +{SeededSiloFixture.Neighbourhoods} +{SeededSiloFixture.Neighbourhoods} ", lines[2]);
        Assert.Matches($@"^  coaches +{SeededSiloFixture.Coaches} +{SeededSiloFixture.Coaches} ", lines[3]);
        Assert.Matches($@"^  clients +{SeededSiloFixture.Clients} +{SeededSiloFixture.Clients} ", lines[4]);
        Assert.Matches($@"^  assignments +{SeededSiloFixture.Clients} +{SeededSiloFixture.Clients} ", lines[5]);
        Assert.DoesNotContain('\u001b', silo.Seed.Output + silo.Seed.Error);
    }

    [Fact]
    public async Task StatusPrintsTheTotalsAndOneRowPerNeighbourhood()
    {
        var result = await silo.RunAsync("status");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = Lines(result.Output);
        Assert.Contains("storage profile Memory", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^neighbourhoods +2$", lines[1]);
        var header = Array.FindIndex(lines, line => line.StartsWith("NEIGHBOURHOOD ", StringComparison.Ordinal));
        Assert.Matches("^NEIGHBOURHOOD +NAME +RESIDENTS +WITHIN CUT +BEYOND CUT +WITH COACH +ACTIVE +HOURS THIS MONTH +TO WORK THIS YEAR +ACTIVITIES$", lines[header]);
        Assert.Equal(SeededSiloFixture.Neighbourhoods, lines.Skip(header + 1).Count(line => line.StartsWith("wk-", StringComparison.Ordinal)));
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Fact]
    public async Task StatusAsJsonIsTheContractsJsonMappingWithEveryField()
    {
        var result = await silo.RunAsync("status", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(SeededSiloFixture.Neighbourhoods, json.RootElement.GetProperty("neighbourhoods").GetInt32());
        Assert.Equal("Memory", json.RootElement.GetProperty("storageProfile").GetString());
        Assert.True(json.RootElement.TryGetProperty("clientsNotAssessed", out _), "fields with default values are printed too");
    }

    [Fact]
    public async Task PingPrintsTheRoundTripAndTheServerTime()
    {
        var result = await silo.RunAsync("ping");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = Lines(result.Output);
        Assert.Matches(@"^gateway http://127\.0\.0\.1:\d+ answered in \d+\.\d ms \(first call, with connecting: \d+\.\d ms\)$", lines[0]);
        Assert.StartsWith("server time ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APaymentRunFollowsItsProgressOnStandardErrorAndPrintsItsTotals()
    {
        var month = SampleRequests.Month();

        var result = await silo.RunAsync("payments", "run", month);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Paying {month} through", result.Error, StringComparison.Ordinal);
        var lines = Lines(result.Output);
        Assert.Contains("completed", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("NEIGHBOURHOOD ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("total ", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', result.Output + result.Error);
    }

    [Fact]
    public async Task AMonthTheGatewayRefusesEndsWithItsReasonAndExitCodeOne()
    {
        var result = await silo.RunAsync("payments", "show", "2026-13");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("answered InvalidArgument", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task ARefusedTokenIsExplainedWithHowToGetOne()
    {
        var result = await CliRun.RunAsync("status", "--gateway", silo.Address, "--token", "not-a-token");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused the call (Unauthenticated)", result.Error, StringComparison.Ordinal);
        Assert.Contains("pass --token", result.Error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd())];
}
