using Microsoft.Extensions.DependencyInjection;
using Participatie.Contracts.V1;
using Participatie.Grains.Infrastructure;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>The Local profile keeps everything in its SQLite file: state and reminders survive a restart.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-restart-" + Guid.NewGuid().ToString("N"));

    // Reminders may tick every second in this test, so the reminder that checks a coach's caseload fires quickly.
    private readonly Dictionary<string, string> _fastReminders = new()
    {
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["Reminders:RefreshReminderListPeriod"] = "00:00:01",
        ["Caseload:ReconcileInterval"] = "00:00:02",
    };

    [Fact]
    public async Task StateWrittenBeforeARestartIsReadBackAfterIt()
    {
        string clientId, coachId, wijk = "wk-restart";
        await using (var first = await SiloHost.StartAsync("Local", _data))
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(first.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Bloemhof", Municipality = "Rotterdam" });
            clientId = (await new ClientService.ClientServiceClient(first.Channel).RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
            coachId = (await new CoachService.CoachServiceClient(first.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen" })).Coach.CoachId;
            await new CoachService.CoachServiceClient(first.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });
        }

        await using var second = await SiloHost.StartAsync("Local", _data);

        var client = (await new ClientService.ClientServiceClient(second.Channel).GetClientAsync(new GetClientRequest { ClientId = clientId })).Client;
        Assert.Equal(coachId, client.CoachId);
        Assert.Equal("Bloemhof", (await new NeighbourhoodService.NeighbourhoodServiceClient(second.Channel).GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood.Name);
        Assert.Equal(clientId, Assert.Single((await new CoachService.CoachServiceClient(second.Channel).GetCaseloadAsync(new GetCaseloadRequest { CoachId = coachId })).Entries).ClientId);
        Assert.True(File.Exists(Path.Combine(_data, "participatie.db")));
    }

    [Fact]
    public async Task AReminderRegisteredBeforeARestartFiresAfterItWithoutAnyCall()
    {
        string clientId, coachId, wijk = "wk-reminder";
        var faults = new OneShotFault(FaultPoint.AssignAfterReserve);
        // Before the restart a reservation only counts as abandoned after an hour; after it, at once.
        var before = new Dictionary<string, string>(_fastReminders) { ["Caseload:ReservationTimeout"] = "01:00:00" };
        var after = new Dictionary<string, string>(_fastReminders) { ["Caseload:ReservationTimeout"] = "00:00:00" };
        await using (var first = await SiloHost.StartAsync("Local", _data, before, services => services.AddSingleton<IFaultPoints>(faults)))
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(first.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Tarwewijk", Municipality = "Rotterdam" });
            clientId = (await new ClientService.ClientServiceClient(first.Channel).RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
            // The coach's caseload-check reminder is registered at creation and stored in the SQLite file.
            coachId = (await new CoachService.CoachServiceClient(first.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen" })).Coach.CoachId;

            // The assignment breaks off after the coach reserved a place: the place is held but never confirmed.
            await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => new CoachService.CoachServiceClient(first.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId }).ResponseAsync);
        }

        await using var second = await SiloHost.StartAsync("Local", _data, after);

        // Nobody calls the coach; only its stored reminder can wake it and release the unconfirmed place.
        var table = second.Services.GetRequiredService<IReminderTable>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var all = await table.ReadRows(0u, 0u);
        Assert.Contains(all.Reminders, r => r.ReminderName == "caseload-check" && r.GrainId.Key.ToString() == coachId);
        int size;
        do
        {
            await Task.Delay(500);
            size = (await new CoachService.CoachServiceClient(second.Channel).GetCoachAsync(new GetCoachRequest { CoachId = coachId })).Coach.CaseloadSize;
        }
        while (size != 0 && DateTime.UtcNow < deadline);

        Assert.Equal(0, size);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private sealed class OneShotFault(string point) : IFaultPoints
    {
        private int _left = 1;

        public void Hit(string at)
        {
            if (at == point && Interlocked.Exchange(ref _left, 0) == 1)
            {
                throw new InvalidOperationException($"fault injected at {at}");
            }
        }
    }
}
