using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Security;

/// <summary>
/// Who did it is who called: every stored act names the token's subject. The request fields that used to name the
/// actor are deprecated; an older client that still sends them (here with another person's name, and with a
/// bidirectional control that would make a log line read differently) is heard, and its claim is ignored.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ActorTests(GatewayFixture gateway)
{
    /// <summary>A name a caller might claim to be: another user, with a right-to-left override in it.</summary>
    public const string Claimed = "co-the-coach\u202E";

#pragma warning disable CS0612 // The deprecated actor fields are sent on purpose, as an older client would.
    [Fact]
    public async Task APersonsOwnIncomeFormNamesHerNotTheCoachSheClaimsToBe()
    {
        var (_, people) = await gateway.PeopleAsync(1);
        var person = people[0];
        var asPerson = new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", person, purpose: null));
        await gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = person, Trajectory = "50-plus", From = SampleRequests.Day(-1) });

        var report = (await asPerson.ReportEarningsAsync(new ReportEarningsRequest
        {
            ClientId = person, Month = SampleRequests.Month(-1), NetEarningsCents = 42_000, WorkHoursPerWeek = 8, ReportedBy = Claimed,
        })).Report;
        var ended = (await asPerson.EndTrajectoryAsync(new EndTrajectoryRequest { ClientId = person, LastDay = SampleRequests.Day(), EndedBy = Claimed })).Trajectory;

        Assert.Equal(person, report.ReportedBy);
        Assert.Equal(person, ended.EndedBy);
    }

    [Fact]
    public async Task EveryActOfStaffNamesTheCallerAndNeverTheNameInTheRequest()
    {
        const string admin = "admin-7";
        var asAdmin = gateway.Host.ChannelAs("admin", admin);
        var clients = new ClientService.ClientServiceClient(asAdmin);
        var neighbourhoods = new NeighbourhoodService.NeighbourhoodServiceClient(asAdmin);
        var experiments = new ExperimentService.ExperimentServiceClient(asAdmin);
        var wijk = await gateway.NewNeighbourhoodAsync();

        var intake = GatewayFixture.Intake(wijk);
        intake.RegisteredBy = Claimed;
        var registered = (await clients.RegisterClientAsync(intake)).Client;
        var person = registered.ClientId;
        var sanction = (await clients.RecordSanctionAsync(new RecordSanctionRequest
        {
            ClientId = person, Reference = "MR-actor-1", FirstMonth = SampleRequests.Month(), Percent = 20, Months = 1, DecidedBy = Claimed,
        })).Sanction;
        var coach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen" })).Coach.CoachId;
        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = person });
        var asCoach = new ClientService.ClientServiceClient(gateway.Host.ChannelAs("coach", coach, purpose: "case_work"));
        var reassessed = (await asCoach.AssessReintegrationAsync(new AssessReintegrationRequest { ClientId = person, AssessedBy = Claimed })).Estimate;
        var trajectory = (await clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = person, Trajectory = "50-plus", From = SampleRequests.Day(-1), StartedBy = Claimed })).Trajectory;
        var trial = (await neighbourhoods.StartTrialAsync(new StartTrialRequest
        {
            NeighbourhoodId = wijk, Name = "wie-deed-het", Settings = new RegimeSettings { ContactIntervalDays = 30 }, From = SampleRequests.Day(), StartedBy = Claimed,
        })).Neighbourhood.Trials.Single();
        var design = new ExperimentDesign
        {
            ExperimentId = "ex-actor-" + Guid.NewGuid().ToString("N")[..12],
            Title = "Wie deed het",
            Start = SampleRequests.Day(-30),
            End = SampleRequests.Day(300),
            Arms =
            {
                new ExperimentArm { Name = "control", Kind = ArmKind.Control, Capacity = 5 },
                new ExperimentArm { Name = "vrij", Kind = ArmKind.Exemption, Capacity = 5, Regime = new RegimeSettings { SanctionsAllowed = false } },
            },
        };
        var created = (await experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = design, CreatedBy = Claimed })).Experiment;
        await experiments.SignUpAsync(new SignUpRequest { ExperimentId = design.ExperimentId, ClientId = person, Consent = SampleRequests.Consent(), RecordedBy = Claimed });
        var drawn = (await experiments.DrawAsync(new DrawRequest { ExperimentId = design.ExperimentId, Seed = 7, DrawnBy = Claimed })).Experiment;

        Assert.Equal((admin, coach), (registered.CurrentEstimate.AssessedBy, reassessed.AssessedBy));
        Assert.Equal(admin, trajectory.StartedBy);
        Assert.Equal(admin, sanction.DecidedBy);
        Assert.Equal(admin, trial.StartedBy);
        Assert.Equal((admin, admin), (created.CreatedBy, drawn.Draw.DrawnBy));
        var reread = (await gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = person })).Client;
        Assert.Equal([admin, coach], reread.EstimateHistory.Select(e => e.AssessedBy));
    }
#pragma warning restore CS0612

    [Fact]
    public async Task AnAdminWhoActsForAPersonIsTheActorAndTheAuditNamesBoth()
    {
        var (_, people) = await gateway.PeopleAsync(1);
        var person = people[0];
        var forHer = new Dictionary<string, string> { ["x-on-behalf-of"] = person };
        var desk = new ClientService.ClientServiceClient(TestKeys.Channel(gateway.Host.Address, TestKeys.Token("admin", "admin-desk"), "payment", forHer));

        var report = (await desk.ReportEarningsAsync(new ReportEarningsRequest { ClientId = person, Month = SampleRequests.Month(-1), NetEarningsCents = 30_000, WorkHoursPerWeek = 6 })).Report;
        var log = (await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = person, Action = "ClientService.ReportEarnings" })).Entries;

        Assert.Equal("admin-desk", report.ReportedBy);
        Assert.NotEmpty(log);
        Assert.All(log, e => Assert.Equal(("admin-desk", person), (e.ActorId, e.OnBehalfOf)));
    }

    [Fact]
    public async Task OnlyAnAdminActsForSomeoneElseAndOnlyForAPersonCoachOrPartner()
    {
        var (_, people) = await gateway.PeopleAsync(1);
        var person = people[0];
        var coach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen" })).Coach.CoachId;
        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = person });
        var request = new ReportEarningsRequest { ClientId = person, Month = SampleRequests.Month(-1), NetEarningsCents = 10_000, WorkHoursPerWeek = 2 };
        ClientService.ClientServiceClient As(string role, string subject, string onBehalfOf) =>
            new(TestKeys.Channel(gateway.Host.Address, TestKeys.Token(role, subject), "case_work", new Dictionary<string, string> { ["x-on-behalf-of"] = onBehalfOf }));

        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, () => As("coach", coach, "co-someone-else1").ReportEarningsAsync(request).ResponseAsync);
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, () => As("person", person, coach).ReportEarningsAsync(request).ResponseAsync);
        await RpcAssert.InvalidAsync(() => As("admin", "admin-desk", "de wethouder").ReportEarningsAsync(request).ResponseAsync, "x-on-behalf-of");

        var statement = (await gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = person, Month = SampleRequests.Month(-1) })).Statement;
        Assert.DoesNotContain(statement.Lines, l => l.Rule == "earnings");
    }
}
