using Microsoft.Extensions.DependencyInjection;
using Participatie.Contracts.V1;
using Participatie.Abstractions.Clients;
using Participatie.Grains.Coaches;
using Participatie.Grains.Infrastructure;
using Xunit;

namespace Participatie.TestSupport;

/// <summary>
/// What every durable storage profile must keep across a restart of the silo: grain state, and reminders that wake a
/// grain nobody calls. Each profile's test class starts its hosts its own way and runs these steps from its facts.
/// </summary>
public abstract class RestartContract
{
    // Reminders may tick every second in these tests, so the reminder that checks a coach's caseload fires quickly.
    private static readonly Dictionary<string, string> FastReminders = new()
    {
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["Reminders:RefreshReminderListPeriod"] = "00:00:01",
        ["Caseload:ReconcileInterval"] = "00:00:02",
    };

    /// <summary>Starts a host on the profile's store; the second start must see what the first stored.</summary>
    protected abstract Task<SiloHost> StartAsync(IDictionary<string, string> settings, Action<IServiceCollection>? overrides = null);

    protected async Task StateWrittenBeforeARestartIsReadBackAfterItAsync()
    {
        string clientId, coachId, wijk = "wk-restart";
        await using (var first = await StartAsync(FastReminders))
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(first.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Bloemhof", Municipality = "Rotterdam" });
            clientId = (await new ClientService.ClientServiceClient(first.Channel).RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
            coachId = (await new CoachService.CoachServiceClient(first.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen" })).Coach.CoachId;
            await new CoachService.CoachServiceClient(first.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });
        }

        await using var second = await StartAsync(FastReminders);

        var client = (await new ClientService.ClientServiceClient(second.Channel).GetClientAsync(new GetClientRequest { ClientId = clientId })).Client;
        Assert.Equal(coachId, client.CoachId);
        Assert.Equal("Bloemhof", (await new NeighbourhoodService.NeighbourhoodServiceClient(second.Channel).GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood.Name);
        Assert.Equal(clientId, Assert.Single((await new CoachService.CoachServiceClient(second.Channel).GetCaseloadAsync(new GetCaseloadRequest { CoachId = coachId })).Entries).ClientId);
    }

    protected async Task AReminderRegisteredBeforeARestartFiresAfterItWithoutAnyCallAsync()
    {
        string clientId, coachId, wijk = "wk-reminder";
        var faults = new OneShotFault(FaultPoint.AssignAfterReserve);
        // Before the restart a reservation only counts as abandoned after an hour; after it, at once.
        var before = new Dictionary<string, string>(FastReminders) { ["Caseload:ReservationTimeout"] = "01:00:00" };
        var after = new Dictionary<string, string>(FastReminders) { ["Caseload:ReservationTimeout"] = "00:00:00" };
        await using (var first = await StartAsync(before, services => services.AddSingleton<IFaultPoints>(faults)))
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(first.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Tarwewijk", Municipality = "Rotterdam" });
            clientId = (await new ClientService.ClientServiceClient(first.Channel).RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
            // The coach's caseload-check reminder is registered at creation and stored.
            coachId = (await new CoachService.CoachServiceClient(first.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen" })).Coach.CoachId;

            // The assignment breaks off after the coach reserved a place: the place is held but never confirmed.
            await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => new CoachService.CoachServiceClient(first.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId }).ResponseAsync);
        }

        var ticks = new ReminderTicks();
        await using var second = await StartAsync(after, ticks.AddTo);

        // Nobody calls the coach; only its stored reminder can wake it and release the unconfirmed place.
        var table = second.Services.GetRequiredService<IReminderTable>();
        var all = await table.ReadRows(0u, 0u);
        Assert.Contains(all.Reminders, r => r.ReminderName == CoachGrain.ReconcileReminder && r.GrainId.Key.ToString() == coachId);
        var fired = ticks.Next(coachId, CoachGrain.ReconcileReminder);
        await fired.WaitAsync(TimeSpan.FromSeconds(60));

        // The first tick after the restart released it (the test reads once, after the tick, without calling before it).
        Assert.Equal(0, (await new CoachService.CoachServiceClient(second.Channel).GetCoachAsync(new GetCoachRequest { CoachId = coachId })).Coach.CaseloadSize);
    }

    /// <summary>
    /// A coach's change is stored by the person's record but breaks off before the coach is told; the silo restarts.
    /// The coach's agenda, caseload and details must then answer at once: the coach reads what it holds, and the person
    /// delivers the pending change in a turn of its own after activation, not inside it, where it would wait on the
    /// coach that is waiting on it. The pending change still arrives.
    /// </summary>
    protected async Task ACoachAnswersAtOnceAfterARestartWithAChangeStillOnItsWayToItAsync()
    {
        string clientId, coachId, wijk = "wk-pending-" + Guid.NewGuid().ToString("N")[..6];
        var faults = new ArmedFault(FaultPoint.BeforeDelivery);
        await using (var first = await StartAsync(new Dictionary<string, string>(), services => services.AddSingleton<IFaultPoints>(faults)))
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(first.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Hillesluis", Municipality = "Rotterdam" });
            clientId = (await new ClientService.ClientServiceClient(first.Channel).RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
            coachId = (await new CoachService.CoachServiceClient(first.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen" })).Coach.CoachId;
            await new CoachService.CoachServiceClient(first.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });

            faults.Arm();
            var records = new RecordService.RecordServiceClient(first.ChannelAs("coach", coachId, purpose: "case_work"));
            await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => records.AddJournalEntryAsync(SampleRequests.JournalEntry(clientId, days: -1)).ResponseAsync);
        }

        var deliveries = new OutboxWatch();
        await using var second = await StartAsync(new Dictionary<string, string>(), services => services.AddSingleton<IOutboxMonitor>(deliveries));
        var coach = new CoachService.CoachServiceClient(second.ChannelAs("coach", coachId, purpose: "case_work"));

        // Each answer within seconds; before, each took the 30-second call timeout, again and again.
        var answering = System.Diagnostics.Stopwatch.StartNew();
        var agenda = await coach.ListFollowUpsAsync(new ListFollowUpsRequest { CoachId = coachId, WithinDays = 365 }, deadline: DateTime.UtcNow.AddSeconds(10));
        var caseload = await coach.GetCaseloadAsync(new GetCaseloadRequest { CoachId = coachId }, deadline: DateTime.UtcNow.AddSeconds(10));
        var details = await coach.GetCoachAsync(new GetCoachRequest { CoachId = coachId }, deadline: DateTime.UtcNow.AddSeconds(10));
        var answered = answering.Elapsed;
        Assert.Equal(clientId, Assert.Single(caseload.Entries).ClientId);
        Assert.Equal(1, details.Coach.CaseloadSize);
        Assert.All(agenda.FollowUps, f => Assert.Equal(clientId, f.ClientId));

        // The change that was on its way arrives once the person's record is active again (any read of it, or the
        // coach's periodic check): the agenda comes to show the journal entry's contact.
        await new ClientService.ClientServiceClient(second.ChannelAs("coach", coachId, purpose: "case_work")).GetClientAsync(new GetClientRequest { ClientId = clientId }, deadline: DateTime.UtcNow.AddSeconds(10));
        await deliveries.Delivered(second.Services.GetRequiredService<IGrainFactory>().GetGrain<IClientGrain>(clientId).GetGrainId()).WaitAsync(TimeSpan.FromSeconds(60));
        var lastContact = (await coach.ListFollowUpsAsync(new ListFollowUpsRequest { CoachId = coachId, WithinDays = 365 }, deadline: DateTime.UtcNow.AddSeconds(10))).FollowUps.SingleOrDefault()?.LastContactOn;
        Assert.Equal(SampleRequests.Day(-1), lastContact);
        Figures.Record(GetType().Name + ".ACoachAnswersAtOnceAfterARestartWithAChangeStillOnItsWayToIt", string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"agenda, caseload and details of the coach answered {answered.TotalMilliseconds:0} ms after the restart, with a change pending towards the coach (not asserted; the bound is the 10 s deadline of each call)"));
    }

    /// <summary>Throws once at its point after the test arms it.</summary>
    private sealed class ArmedFault(string point) : IFaultPoints
    {
        private int _armed;

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public void Hit(string at)
        {
            if (at == point && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                throw new InvalidOperationException($"fault injected at {at}");
            }
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
