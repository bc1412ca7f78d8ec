using Microsoft.Extensions.DependencyInjection;
using Participatie.Abstractions.Coaches;
using Participatie.Contracts.V1;
using Participatie.Grains.Infrastructure;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>A caseload hand-over broken off on one host is finished after a restart, woken by its stored reminder alone.</summary>
public sealed class HandOverRestartTests : IDisposable
{
    private static readonly Dictionary<string, string> FastReminders = new()
    {
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["Reminders:RefreshReminderListPeriod"] = "00:00:01",
        ["Caseload:HandOverResumeInterval"] = "00:00:02",
    };

    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-hand-over-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AHandOverBrokenOffBeforeARestartIsFinishedAfterItWithoutAnyCall()
    {
        var people = new List<string>();
        string leaving, colleague;
        int number;
        var faults = new AlwaysFailingFault(FaultPoint.HandOverAfterMove);
        await using (var first = await SiloHost.StartAsync("Local", _data, FastReminders, services => services.AddSingleton<IFaultPoints>(faults)))
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(first.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-overdracht", Name = "Feijenoord", Municipality = "Rotterdam" });
            var coaches = new CoachService.CoachServiceClient(first.Channel);
            leaving = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Joost Bakker", CaseloadLimit = 20 })).Coach.CoachId;
            colleague = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk de Boer", CaseloadLimit = 20 })).Coach.CoachId;
            for (var i = 0; i < 10; i++)
            {
                people.Add((await new ClientService.ClientServiceClient(first.Channel).RegisterClientAsync(SampleRequests.Intake("wk-overdracht", 30 + i))).Client.ClientId);
                await coaches.AssignClientAsync(new AssignClientRequest { CoachId = leaving, ClientId = people[^1] });
            }

            // The job itself, as the gateway drives it: every few moves break off before they are stored.
            var handOver = first.Services.GetRequiredService<IGrainFactory>().GetGrain<ICaseloadHandOverGrain>(leaving);
            number = (await handOver.PlanAsync([colleague])).Number;
            await handOver.StartAsync(number);
            await faults.FiredTwice.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // Nobody calls the hand-over: only its stored reminder can wake it. The restarted host's fault points throw
        // nothing and tell when the job moved people again, which nothing but the reminder can have started.
        var woken = new WatchedFault(FaultPoint.HandOverAfterMove);
        await using var second = await SiloHost.StartAsync("Local", _data, FastReminders, services => services.AddSingleton<IFaultPoints>(woken));
        await woken.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        var done = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<ICaseloadHandOverGrain>(leaving).WaitUntilCompletedAsync(number, TimeSpan.FromSeconds(25));

        Assert.Equal((HandOverStatus.Completed, 0), (done.Status, done.Remaining));
        Assert.Equal(people.Order(), Assert.Single(done.Transfers).ClientIds.Order());
        var caseloads = new CoachService.CoachServiceClient(second.Channel);
        Assert.Empty((await caseloads.GetCaseloadAsync(new GetCaseloadRequest { CoachId = leaving })).Entries);
        Assert.Equal(people.Order(), (await caseloads.GetCaseloadAsync(new GetCaseloadRequest { CoachId = colleague, PageSize = 100 })).Entries.Select(e => e.ClientId).Order());
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
