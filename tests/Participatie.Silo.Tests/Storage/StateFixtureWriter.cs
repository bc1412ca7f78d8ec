using Microsoft.Extensions.DependencyInjection;
using Participatie.Grains.Infrastructure;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Storage;

/// <summary>
/// Writes a set of state fixtures (see <c>Fixtures/State/README.md</c>): a <c>Local</c> host in a fresh folder is
/// given a small world through the public contract, stopped, and the richest stored row of every state name is copied
/// out of its SQLite file. It writes into the repository only when <c>PARTICIPATIE_WRITE_STATE_FIXTURES</c> names the set
/// to write (e.g. <c>v2</c>); an existing set is never overwritten.
/// </summary>
public sealed class StateFixtureWriter : IDisposable
{
    public const string Variable = "PARTICIPATIE_WRITE_STATE_FIXTURES";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-fixtures-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Without <see cref="Variable"/> it writes the set into a temporary folder, so every run proves that the world
    /// still stores a row of every state type (a new set can then always be written); with it, into the named set.
    /// </summary>
    [Fact]
    public async Task WritesTheStoredStateOfEveryGrainTypeAsASetOfFixtures()
    {
        var version = Environment.GetEnvironmentVariable(Variable);
        var target = string.IsNullOrWhiteSpace(version) ? Path.Combine(_data, "fixtures") : Path.Combine(StateFixtures.Folder, version);
        Assert.False(Directory.Exists(target), $"{target} exists: a released set is never rewritten");

        var deliveries = new OutboxWatch();
        await using (var host = await SiloHost.StartAsync("Local", _data, new Dictionary<string, string>
        {
            ["PaymentRuns:BatchSize"] = "3",
            ["PaymentRuns:Concurrency"] = "2",
        }, services => services.AddSingleton<IOutboxMonitor>(deliveries)))
        {
            await new World(host).BuildAsync();

            // The outboxes deliver to the coach and the neighbourhood before the host stops.
            await deliveries.IdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(target);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "participatie.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, payload FROM grain_state ORDER BY length(payload) DESC";
        await using var reader = await command.ExecuteReaderAsync();
        var written = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var stateName = reader.GetString(0);
            if (written.Add(stateName))
            {
                // The row exactly as stored, indented so that a reviewer can read it; values are not touched.
                var row = JsonNode.Parse((byte[])reader.GetValue(1))!;
                await File.WriteAllTextAsync(Path.Combine(target, stateName + ".json"), row.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            }
        }

        Assert.Equal(StateFixtures.StateNames().Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>A small world that fills every collection a state class has.</summary>
    private sealed class World(SiloHost host)
    {
        private const string Wijk = "wk-tarwewijk";
        private const string PartnerId = "pt-huis-van-de-wijk";

        private readonly ClientService.ClientServiceClient _clients = new(host.Channel);
        private readonly AdminService.AdminServiceClient _admin = new(host.Channel);
        private readonly ExperimentService.ExperimentServiceClient _experiments = new(host.Channel);

        public async Task BuildAsync()
        {
            var neighbourhoods = new NeighbourhoodService.NeighbourhoodServiceClient(host.Channel);
            await neighbourhoods.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = Wijk, Name = "Tarwewijk", Municipality = "Rotterdam" });
            await neighbourhoods.StartTrialAsync(new StartTrialRequest
            {
                NeighbourhoodId = Wijk,
                Name = "samen-aan-de-slag",
                Settings = new RegimeSettings { ContactIntervalDays = 30, JobFoundBonus = true },
                From = "2026-01-01",
                Until = "2027-12-31",
            });
            var coach = (await new CoachService.CoachServiceClient(host.Channel).CreateCoachAsync(new CreateCoachRequest
            {
                RequestId = "fixture-coach", DisplayName = "Fatima Yilmaz", CaseloadLimit = 60, NeighbourhoodId = Wijk,
            })).Coach.CoachId;

            var people = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                var intake = SampleRequests.Intake(Wijk, 28 + (i * 4));
                intake.RequestId = $"fixture-intake-{i}";
                people.Add((await _clients.RegisterClientAsync(intake)).Client.ClientId);
                if (i < 4)
                {
                    await new CoachService.CoachServiceClient(host.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = people[i] });
                }
            }

            var person = people[0];
            await PersonRecordAsync(person, coach);
            await PartnerAsync(people[..2]);
            await ExperimentAsync(people[..6]);
            await _clients.EndCaseAsync(new EndCaseRequest { ClientId = people[7], EndedOn = SampleRequests.Day(), Reason = "Found work" });
            await _clients.SetLegalHoldAsync(new SetLegalHoldRequest { ClientId = people[7], Hold = true, Reason = "Bezwaar tegen het besluit" });
            await PaymentRunAsync(SampleRequests.Month(-1));
            await HandOversAsync(people[4], people[5]);
        }

        private async Task PersonRecordAsync(string person, string coach)
        {
            var asCoach = host.ChannelAs("coach", coach, purpose: "case_work");
            var asPerson = host.ChannelAs("person", person, purpose: null);
            await new ClientService.ClientServiceClient(asCoach).AssessReintegrationAsync(new AssessReintegrationRequest { ClientId = person });
            await new ClientService.ClientServiceClient(asCoach).OverrideEstimateAsync(new OverrideEstimateRequest { ClientId = person, Months = 12, Reason = "Begint volgende maand op de markt.", CoachId = coach });
            await new ClientService.ClientServiceClient(asPerson).SetTeamInvolvementAsync(new SetTeamInvolvementRequest { ClientId = person, Agreed = true });
            await _clients.SetPaymentDetailsAsync(new SetPaymentDetailsRequest { ClientId = person, Bsn = "111222333" });

            await _clients.RecordSanctionAsync(new RecordSanctionRequest { ClientId = person, Reference = "MR-2026-17", FirstMonth = SampleRequests.Month(-2), Percent = 100, Months = 1, SpreadOverThreeMonths = true });
            await _clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = person, Month = SampleRequests.Month(-3), NetEarningsCents = 120000, WorkHoursPerWeek = 20 });
            await _clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = person, Month = SampleRequests.Month(-1), NetEarningsCents = 45050, WorkHoursPerWeek = 8, AdultsInHome = 2 });
            await _clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = person, Trajectory = "self-employed", From = SampleRequests.Day() });
            await _clients.EndTrajectoryAsync(new EndTrajectoryRequest { ClientId = person, LastDay = SampleRequests.Day(90) });

            var contracts = new ContractService.ContractServiceClient(asCoach);
            var mine = new ContractService.ContractServiceClient(asPerson);
            var goal = (await contracts.ProposeGoalAsync(SampleRequests.Goal(person))).Goal.GoalId;
            await mine.AgreeGoalAsync(new AgreeGoalRequest { ClientId = person, GoalId = goal });
            await contracts.AgreeGoalAsync(new AgreeGoalRequest { ClientId = person, GoalId = goal });
            await mine.RecordGoalProgressAsync(new RecordGoalProgressRequest { ClientId = person, GoalId = goal, Percent = 40, Note = "Twee ochtenden gedaan." });
            await contracts.ReviewGoalAsync(new ReviewGoalRequest { ClientId = person, GoalId = goal, NextReviewOn = SampleRequests.Day(60), Note = "Gaat goed." });
            var second = (await mine.ProposeGoalAsync(SampleRequests.Goal(person, "Schulden op een rij met de schuldhulp"))).Goal.GoalId;
            await mine.CloseGoalAsync(new CloseGoalRequest { ClientId = person, GoalId = second, Achieved = false, Note = "Toch niet nodig." });
            var suggestion = (await contracts.MakeSuggestionAsync(SampleRequests.Suggestion(person))).Suggestion.SuggestionId;
            await mine.RespondToSuggestionAsync(new RespondToSuggestionRequest { ClientId = person, SuggestionId = suggestion, Accept = false, Words = "Nee, dank je — ik zorg 's ochtends voor mijn moeder." });
            await contracts.SetLegallyBindingAsync(new SetLegallyBindingRequest { ClientId = person, LegallyBinding = true });

            var records = new RecordService.RecordServiceClient(asCoach);
            await new RecordService.RecordServiceClient(asPerson).RecordWellBeingAsync(new RecordWellBeingRequest { ClientId = person, Score = 7, Note = "Beter geslapen.", RequestId = "fixture-wb-1" });
            await records.AddJournalEntryAsync(SampleRequests.JournalEntry(person, ContactType.Phone, -14));
            await records.AddJournalEntryAsync(SampleRequests.JournalEntry(person, ContactType.HomeVisit, -2));
            await records.ReportOutflowAsync(new ReportOutflowRequest { ClientId = person, HoursPerWeek = 12, StartOn = SampleRequests.Day(7) });
        }

        private async Task PartnerAsync(IReadOnlyList<string> people)
        {
            await new PartnerService.PartnerServiceClient(host.Channel).RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = PartnerId, Name = "Huis van de Wijk Tarwewijk", Contact = "Anouk, 010-1234567" });
            var keys = new List<string>();
            foreach (var description in new[] { "Roosterprogramma", "Oude koppeling" })
            {
                keys.Add((await _admin.CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = PartnerId, Description = description })).Key.KeyId);
            }

            await _admin.RevokePartnerApiKeyAsync(new RevokePartnerApiKeyRequest { KeyId = keys[1] });

            var partner = new PartnerService.PartnerServiceClient(host.ChannelAs("partner", PartnerId, purpose: null));
            var details = new ActivityDetails
            {
                Title = "Moestuin aan de Maas",
                Type = ActivityType.Gardening,
                NeighbourhoodId = Wijk,
                Capacity = 12,
                Schedule = "Dinsdag en donderdag 10:00-12:00",
                ContactPerson = "Anouk, 010-1234567",
            };
            var activity = (await partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = PartnerId, RequestId = "moestuin-2026", Activity = details })).Activity.ActivityId;
            await partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = PartnerId, Activity = new ActivityDetails(details) { Title = "Koffieochtend", Type = ActivityType.SocialMeeting } });
            foreach (var person in people)
            {
                var enrolment = await new ClientService.ClientServiceClient(host.ChannelAs("person", person, purpose: null)).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = activity });
                await partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = activity, ParticipantRef = enrolment.ParticipantRef, Date = SampleRequests.Day(-8), Hours = 2.5 });
                await partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = activity, ParticipantRef = enrolment.ParticipantRef, Date = SampleRequests.Day(-1), Hours = 2 });
                await partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = activity, ParticipantRef = enrolment.ParticipantRef, Date = SampleRequests.Day(-1), Hours = 3 });
            }
        }

        private async Task ExperimentAsync(IReadOnlyList<string> people)
        {
            const string id = "ex-vertrouwen-werkt";
            await _experiments.CreateExperimentAsync(new CreateExperimentRequest
            {
                Design = new ExperimentDesign
                {
                    ExperimentId = id,
                    Title = "Vertrouwen werkt",
                    Start = SampleRequests.Day(-30),
                    End = SampleRequests.Day(300),
                    Arms =
                    {
                        new ExperimentArm { Name = "control", Kind = ArmKind.Control, Capacity = 10 },
                        new ExperimentArm
                        {
                            Name = "zelf-in-actie",
                            Kind = ArmKind.Exemption,
                            Capacity = 10,
                            Regime = new RegimeSettings { JobSearchObligation = JobSearchObligation.Exempt, SanctionsAllowed = false },
                        },
                    },
                    Strata = { StratumFactor.AgeBand },
                },
            });
            foreach (var person in people)
            {
                await _experiments.SignUpAsync(new SignUpRequest { ExperimentId = id, ClientId = person, Consent = SampleRequests.Consent("vw-1") });
            }

            await _experiments.DrawAsync(new DrawRequest { ExperimentId = id, Seed = 2026 });
            await _experiments.WithdrawAsync(new WithdrawRequest { ExperimentId = id, ClientId = people[^1] });
            var outcomes = new RecordOutcomesRequest { ExperimentId = id };
            outcomes.Outcomes.AddRange(people.Select((p, i) => new Outcome
            {
                ClientId = p,
                Month = SampleRequests.Month(),
                HoursWorkedPerWeek = i * 6,
                IndependentOfAssistance = i == 4,
                ParticipationHours = i + 2,
                WellBeing = 5 + (i % 4),
            }));
            await _experiments.RecordOutcomesAsync(outcomes);
        }

        /// <summary>
        /// Two hand-overs of one small caseload: the second finds the first colleague full and keeps the first's outcome.
        /// </summary>
        private async Task HandOversAsync(string first, string second)
        {
            var coaches = new CoachService.CoachServiceClient(host.Channel);
            async Task<string> CoachAsync(string key, string name, int limit) => (await coaches.CreateCoachAsync(new CreateCoachRequest
            {
                RequestId = key, DisplayName = name, CaseloadLimit = limit, NeighbourhoodId = Wijk,
            })).Coach.CoachId;
            var leaving = await CoachAsync("fixture-leaving-coach", "Joost Bakker", 10);
            var colleague = await CoachAsync("fixture-colleague", "Anouk de Boer", 1);
            var other = await CoachAsync("fixture-other-colleague", "Rachid Amrani", 10);

            await coaches.AssignClientAsync(new AssignClientRequest { CoachId = leaving, ClientId = first });
            await coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { colleague } });
            await coaches.AssignClientAsync(new AssignClientRequest { CoachId = leaving, ClientId = second });
            await coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { colleague, other } });
        }

        private async Task PaymentRunAsync(string month)
        {
            var started = (await _admin.StartPaymentRunAsync(new StartPaymentRunRequest { Month = month })).Run;
            await host.PaymentPassCompletedAsync(month, started.Passes);
            Assert.Equal(PaymentRunStatus.Completed, (await _admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = month })).Run.Status);
        }
    }
}
