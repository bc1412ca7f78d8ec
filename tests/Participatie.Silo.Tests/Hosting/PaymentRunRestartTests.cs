using Microsoft.Extensions.DependencyInjection;
using Participatie.Contracts.V1;
using Participatie.Grains.Infrastructure;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>A payment run broken off on one host goes on after a restart, woken by its stored reminder alone.</summary>
public sealed class PaymentRunRestartTests : IDisposable
{
    private static readonly Dictionary<string, string> FastReminders = new()
    {
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["Reminders:RefreshReminderListPeriod"] = "00:00:01",
        ["PaymentRuns:ResumeInterval"] = "00:00:02",
        ["PaymentRuns:BatchSize"] = "2",
        ["PaymentRuns:Concurrency"] = "2",
    };

    /// <summary>Last month: within the case of people registered today (Dates:BackdatingMonths).</summary>
    private static readonly string Month = SampleRequests.Month(-1);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-payments-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ARunBrokenOffBeforeARestartCompletesAfterItWithoutAnyCall()
    {
        var people = new List<string>();
        var faults = new AlwaysFailingFault(FaultPoint.PaymentRunAfterFreeze);
        await using (var first = await SiloHost.StartAsync("Local", _data, FastReminders, services => services.AddSingleton<IFaultPoints>(faults)))
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(first.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-betalen", Name = "Charlois", Municipality = "Rotterdam" });
            var clients = new ClientService.ClientServiceClient(first.Channel);
            for (var i = 0; i < 5; i++)
            {
                people.Add((await clients.RegisterClientAsync(SampleRequests.Intake("wk-betalen", 30 + i))).Client.ClientId);
            }

            var started = (await new AdminService.AdminServiceClient(first.Channel).StartPaymentRunAsync(new StartPaymentRunRequest { Month = Month })).Run;
            Assert.Equal((PaymentRunStatus.Running, 5), (started.Status, started.Expected));

            // Every batch breaks off after freezing its statements, so the run cannot get past its first batch here.
            await faults.FiredTwice.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // Nobody calls the run: only its stored reminder can wake it. The restarted host's fault points throw nothing
        // and tell when a batch of the run went through, which nothing but the reminder can have started.
        var woken = new WatchedFault(FaultPoint.PaymentRunAfterFreeze);
        await using var second = await SiloHost.StartAsync("Local", _data, FastReminders, services => services.AddSingleton<IFaultPoints>(woken));
        await woken.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        await second.PaymentPassCompletedAsync(Month, 1);

        var statements = new ClientService.ClientServiceClient(second.Channel);
        var frozen = new List<BenefitStatement>();
        foreach (var person in people)
        {
            frozen.Add((await statements.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = person, Month = Month })).Statement);
        }

        Assert.All(frozen, s => Assert.Equal((true, "pay-" + Month), (s.Frozen, s.PaymentRunId)));
        var run = (await new AdminService.AdminServiceClient(second.Channel).GetPaymentRunAsync(new GetPaymentRunRequest { Month = Month })).Run;
        Assert.Equal((PaymentRunStatus.Completed, 5, 0, 5 * 140150L), (run.Status, run.Paid, run.Failed, run.TotalCents));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
