using System.Globalization;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Cluster.Tests;

/// <summary>
/// Faults as they happen in production, with separate processes: a silo killed with SIGKILL under load, and the
/// database stopped under load. Nothing acknowledged may be lost, and the platform must come back by itself. The
/// times measured are reported (TestResults/figures.md), never asserted against a target.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [PostgresFact]
    public async Task ASiloKilledUnderLoadLosesNoAcknowledgedWriteAndRejoinsWhenRestarted()
    {
        var server = await PostgresServer.Shared;
        await using var cluster = await ProcessCluster.StartAsync(await server.CreateDatabaseAsync("kill"), silos: 3);
        var channels = cluster.Silos.Select(s => s.Channel).ToList();
        await new NeighbourhoodService.NeighbourhoodServiceClient(channels[0]).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-fault", Name = "Hillesluis", Municipality = "Rotterdam" });

        var load = new WriteLoad(channels, "wk-fault");
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 6, stop.Token);

        await load.AcknowledgedAsync(100, "100 registrations before the kill");
        var victim = cluster.Silos[1];
        victim.Kill();
        var killedAt = load.Now;
        load.Skip(1);

        // Keep the load on until the survivors have answered every call for three seconds in a row.
        var recovered = await WaitForStreakAsync(load, killedAt, TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await running;

        var survivors = load.Calls.Where(c => c.Gateway != 1 && c.Start >= killedAt).ToList();
        var failed = survivors.Where(c => c.Status != StatusCode.OK).ToList();
        var serveAgain = failed.Count == 0 ? TimeSpan.Zero : failed.Max(c => c.End) - killedAt;
        Assert.True(recovered, $"The survivors did not answer three seconds in a row within {Bound.TotalSeconds} s of the kill; failures: {Describe(failed)}");
        // Callers may see a call fail while the cluster notices the death, but only as retryable UNAVAILABLE or a
        // deadline, never as INTERNAL or a wrong answer.
        Assert.All(failed, c => Assert.Contains(c.Status, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded }));

        // The killed silo restarts on its old ports and rejoins; the cluster counts three active silos again.
        var restarted = await cluster.AddSiloAsync(new Dictionary<string, string>
        {
            ["Cluster:SiloPort"] = victim.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = victim.GatewayPort.ToString(CultureInfo.InvariantCulture),
        });
        var status = await cluster.WaitForActiveSilosAsync(3, Bound);
        Assert.Contains(status.Silos, s => s.State == SiloState.Active && s.Address.StartsWith($"127.0.0.1:{victim.SiloPort}@", StringComparison.Ordinal));

        // Every write acknowledged before, during and after the kill reads back, through every silo, the restarted one too.
        var acknowledged = load.Acknowledged.ToList();
        var missing = await WriteLoad.MissingAsync(acknowledged, [channels[0], channels[2], restarted.Channel]);
        Assert.Empty(missing);
        // Not a speed check: the load must have written before the kill and through the survivors after it.
        Assert.True(acknowledged.Any(c => c.End < killedAt) && survivors.Any(c => c.Status == StatusCode.OK), "the load did not write on both sides of the kill");

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"3 silos, 6 writers, SIGKILL of one: served again {serveAgain.TotalSeconds:0.0} s after the kill; {failed.Count} of {survivors.Count} calls through survivors failed ({string.Join(", ", failed.GroupBy(f => f.Status).Select(g => $"{g.Key} {g.Count()}"))}); {acknowledged.Count} acknowledged writes read back, {missing.Count} missing; restarted silo rejoined");
        output.WriteLine(figures);
        Figures.Record(nameof(ASiloKilledUnderLoadLosesNoAcknowledgedWriteAndRejoinsWhenRestarted), figures);
    }

    [PostgresFact]
    public async Task WhileTheDatabaseIsDownCallsFailRetryablyAndServiceResumesByItself()
    {
        // A server of its own: stopping the shared one would break the other tests.
        await using var server = await PostgresServer.StartAsync();
        await using var cluster = await ProcessCluster.StartAsync(await server.CreateDatabaseAsync("outage"), silos: 2);
        var channels = cluster.Silos.Select(s => s.Channel).ToList();
        await new NeighbourhoodService.NeighbourhoodServiceClient(channels[0]).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-outage", Name = "Bloemhof", Municipality = "Rotterdam" });

        var load = new WriteLoad(channels, "wk-outage");
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 4, stop.Token);

        await load.AcknowledgedAsync(100, "100 registrations before the database stops");
        await server.StopServerAsync();
        var downAt = load.Now;
        await Task.Delay(TimeSpan.FromSeconds(1));

        // Calls whose access checks need the database: a coach opening a person (the check asks the person's record)
        // and a partner recording hours with an API key (the check asks the partner's key ring). Both must say
        // UNAVAILABLE, never UNKNOWN or HTTP 500, however far the failure is from the service.
        var checks = new List<(string Who, StatusCode Status, bool RetryInfo)>();
        for (var i = 0; i < 5; i++)
        {
            var coach = TestKeys.Channel(cluster.Silos[i % 2].Address, TestKeys.Token("coach", Participatie.Domain.Ids.NewCoachId()), "case_work");
            checks.Add(await StatusAsync("coach GetClient", () => new ClientService.ClientServiceClient(coach).GetClientAsync(new GetClientRequest { ClientId = Participatie.Domain.Ids.NewClientId() }, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync));
            var partner = TestKeys.Channel(cluster.Silos[i % 2].Address, null, purpose: null, new Dictionary<string, string> { ["x-api-key"] = TestKeys.IssuedButUnknownApiKey($"pt-outage-{i}") });
            checks.Add(await StatusAsync("partner RecordHours", () => new PartnerService.PartnerServiceClient(partner).RecordHoursAsync(new RecordHoursRequest { ActivityId = Participatie.Domain.Ids.NewActivityId(), ParticipantRef = "pr-000000000000", Date = SampleRequests.Day(-1), Hours = 2 }, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync));
        }

        var remaining = TimeSpan.FromSeconds(6) - (load.Now - downAt);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        var upAt = load.Now;
        await server.StartServerAsync();

        var recovered = await WaitForStreakAsync(load, upAt, TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await running;

        var whileDown = load.Calls.Where(c => c.Start >= downAt + TimeSpan.FromSeconds(1) && c.End <= upAt).ToList();
        var failedAfterUp = load.Calls.Where(c => c.Start >= upAt && c.Status != StatusCode.OK).ToList();
        var resumedAfter = failedAfterUp.Count == 0 ? TimeSpan.Zero : failedAfterUp.Max(c => c.End) - upAt;
        Assert.True(recovered, $"Service did not resume within {Bound.TotalSeconds} s of the database coming back; failures: {Describe(failedAfterUp)}");

        // While the database is down a write cannot be acknowledged: it fails, and only with a retryable status.
        Assert.NotEmpty(whileDown);
        Assert.All(whileDown, c => Assert.Contains(c.Status, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded }));
        Assert.All(load.Calls.Where(c => c.Status != StatusCode.OK), c => Assert.Contains(c.Status, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded }));

        Assert.All(checks, c => Assert.True(c.Status == StatusCode.Unavailable && c.RetryInfo, $"{c.Who} while the database was down: {c.Status}, RetryInfo {c.RetryInfo}"));

        var acknowledged = load.Acknowledged.ToList();
        var missing = await WriteLoad.MissingAsync(acknowledged, channels);
        Assert.Empty(missing);

        // And after a restart of every silo (nothing left in memory) they are all still there: they were stored.
        foreach (var silo in cluster.Silos)
        {
            silo.Kill();
        }

        await using var fresh = await SiloProcess.StartAsync("fresh", cluster.Settings());
        Assert.Empty(await WriteLoad.MissingAsync(acknowledged, [fresh.Channel]));

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"2 silos, 4 writers, PostgreSQL stopped for {(upAt - downAt).TotalSeconds:0.0} s: {whileDown.Count} calls while down, all UNAVAILABLE/deadline; {checks.Count} coach and partner calls whose access checks needed the database, all UNAVAILABLE with RetryInfo; resumed {resumedAfter.TotalSeconds:0.0} s after it was back ({failedAfterUp.Count} failed calls after); {acknowledged.Count} acknowledged writes read back after a full restart, 0 missing");
        output.WriteLine(figures);
        Figures.Record(nameof(WhileTheDatabaseIsDownCallsFailRetryablyAndServiceResumesByItself), figures);
    }

    private static async Task<(string Who, StatusCode Status, bool RetryInfo)> StatusAsync(string who, Func<Task> call)
    {
        try
        {
            await call();
            return (who, StatusCode.OK, false);
        }
        catch (RpcException failure)
        {
            return (who, failure.StatusCode, failure.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>() is not null);
        }
    }

    /// <summary>Waits until every call that started after <paramref name="from"/> plus some point has succeeded for <paramref name="streak"/>.</summary>
    private static async Task<bool> WaitForStreakAsync(WriteLoad load, TimeSpan from, TimeSpan streak)
    {
        while (load.Now - from < Bound)
        {
            await Task.Delay(250);
            var lastFailure = load.Calls.Where(c => c.End >= from && c.Status != StatusCode.OK).Select(c => c.End).DefaultIfEmpty(from).Max();
            var successesSince = load.Calls.Count(c => c.Start > lastFailure && c.Status == StatusCode.OK);
            if (load.Now - lastFailure >= streak && successesSince > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(IEnumerable<CallRecord> calls) =>
        string.Join("; ", calls.Take(10).Select(c => string.Create(CultureInfo.InvariantCulture, $"gateway {c.Gateway} {c.Status} at {c.End.TotalSeconds:0.0} s")));
}
