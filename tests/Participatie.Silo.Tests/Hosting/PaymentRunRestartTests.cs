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
        var faults = new AlwaysFailing(FaultPoint.PaymentRunAfterFreeze);
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
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (faults.Fired < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.True(faults.Fired >= 2, "the run was not retried by its reminder before the restart");
        }

        await using var second = await SiloHost.StartAsync("Local", _data, FastReminders);
        var statements = new ClientService.ClientServiceClient(second.Channel);

        // Nobody calls the run: only its stored reminder can wake it. Watch the people's statements instead.
        var until = DateTime.UtcNow.AddSeconds(60);
        List<BenefitStatement> frozen;
        do
        {
            await Task.Delay(250);
            frozen = [];
            foreach (var person in people)
            {
                frozen.Add((await statements.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = person, Month = Month })).Statement);
            }
        }
        while (!frozen.All(s => s.Frozen) && DateTime.UtcNow < until);

        Assert.All(frozen, s => Assert.Equal((true, "pay-" + Month), (s.Frozen, s.PaymentRunId)));
        var run = (await new AdminService.AdminServiceClient(second.Channel).GetPaymentRunAsync(new GetPaymentRunRequest { Month = Month })).Run;
        for (var wait = DateTime.UtcNow.AddSeconds(30); run.Status != PaymentRunStatus.Completed && DateTime.UtcNow < wait;)
        {
            await Task.Delay(100);
            run = (await new AdminService.AdminServiceClient(second.Channel).GetPaymentRunAsync(new GetPaymentRunRequest { Month = Month })).Run;
        }

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

    private sealed class AlwaysFailing(string point) : IFaultPoints
    {
        private int _fired;

        public int Fired => Volatile.Read(ref _fired);

        public void Hit(string at)
        {
            if (at == point)
            {
                Interlocked.Increment(ref _fired);
                throw new InvalidOperationException($"fault injected at {at}");
            }
        }
    }
}
