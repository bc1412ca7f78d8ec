using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Contracts.V1;
using Participatie.Gateway.Security;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Gateway.Tests.Security;

/// <summary>
/// Every RPC of the contract, called by every role, through a real gRPC channel. The table below is the specification
/// of who may call what (written here, independently of the gateway's rule table): an RPC missing from it fails the
/// test, so a new RPC cannot ship without a decision on its access.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AccessMatrixTests(GatewayFixture gateway, ITestOutputHelper output)
{
    private const string Anonymous = "anonymous", Admin = "admin", Coach = "coach", Team = "team", Partner = "partner", Researcher = "researcher", Person = "person";
    private static readonly string[] Roles = [Anonymous, Admin, Coach, Team, Partner, Researcher, Person];

    /// <summary>Who may call each RPC on their own records (a coach on their own caseload, a person on themselves, …).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["ClientService.RegisterClient"] = [Admin, Coach],
        ["ClientService.GetClient"] = [Admin, Coach, Team, Person],
        ["ClientService.AssessReintegration"] = [Coach],
        ["ClientService.OverrideEstimate"] = [Coach],
        ["ClientService.SetTeamInvolvement"] = [Coach, Person],
        ["ClientService.GetAccessLog"] = [Admin, Person],
        ["ClientService.ExportPersonData"] = [Admin, Person],
        ["ClientService.EndCase"] = [Admin, Coach],
        ["ClientService.SetLegalHold"] = [Admin],
        ["ClientService.SetPaymentDetails"] = [Admin, Coach, Person],
        ["CoachService.CreateCoach"] = [Admin],
        ["CoachService.GetCoach"] = [Admin, Coach],
        ["CoachService.AssignClient"] = [Admin],
        ["CoachService.ReleaseClient"] = [Admin, Coach],
        ["CoachService.GetCaseload"] = [Admin, Coach],
        ["CoachService.ListFollowUps"] = [Admin, Coach],
        ["CoachService.WatchInbox"] = [Coach],
        ["CoachService.ReassignCaseload"] = [Admin],
        ["CoachService.ListCoaches"] = [Admin],
        ["NeighbourhoodService.CreateNeighbourhood"] = [Admin],
        ["NeighbourhoodService.GetNeighbourhood"] = [Admin, Coach, Team],
        ["NeighbourhoodService.WatchNeighbourhood"] = [Admin, Coach, Team],
        ["NeighbourhoodService.ListNeighbourhoods"] = [Admin, Coach, Team],
        ["AdminService.Ping"] = [Admin, Coach, Team, Partner, Researcher, Person],
        ["AdminService.GetPlatformStatus"] = [Admin],
        ["AdminService.GetClusterStatus"] = [Admin],
        ["AdminService.QueryAuditLog"] = [Admin],
        ["AdminService.CreatePartnerApiKey"] = [Admin],
        ["AdminService.RevokePartnerApiKey"] = [Admin],
        ["AdminService.ListPartnerApiKeys"] = [Admin, Partner],
        ["AdminService.StartPaymentRun"] = [Admin],
        ["AdminService.GetPaymentRun"] = [Admin],
        ["AdminService.ExportPayments"] = [Admin],
        ["ClientService.GetRegime"] = [Admin, Coach, Team, Person],
        ["ClientService.StartTrajectory"] = [Admin, Coach],
        ["ClientService.EndTrajectory"] = [Admin, Coach, Person],
        ["ClientService.ReportEarnings"] = [Admin, Coach, Person],
        ["ClientService.RecordSanction"] = [Admin, Coach],
        ["ClientService.GetBenefitStatement"] = [Admin, Coach, Person],
        ["ClientService.ListClients"] = [Admin, Coach, Team],
        ["NeighbourhoodService.StartTrial"] = [Admin, Team],
        ["NeighbourhoodService.EndTrial"] = [Admin, Team],
        ["NeighbourhoodService.RebuildFigures"] = [Admin],
        ["ExperimentService.CreateExperiment"] = [Admin],
        ["ExperimentService.GetExperiment"] = [Admin, Researcher],
        ["ExperimentService.SignUp"] = [Admin, Coach, Person],
        ["ExperimentService.Withdraw"] = [Admin, Coach, Person],
        ["ExperimentService.Draw"] = [Admin],
        ["ExperimentService.VerifyDraw"] = [Admin, Researcher],
        ["ExperimentService.GetAssignment"] = [Admin, Coach, Person],
        ["ExperimentService.RecordOutcomes"] = [Admin],
        ["ExperimentService.GetResults"] = [Admin, Researcher],
        ["ExperimentService.ListExperiments"] = [Admin, Researcher],
        ["ContractService.GetSocialContract"] = [Admin, Coach, Person],
        ["ContractService.ListContractHistory"] = [Admin, Coach, Person],
        ["ContractService.ProposeGoal"] = [Coach, Person],
        ["ContractService.AgreeGoal"] = [Coach, Person],
        ["ContractService.RecordGoalProgress"] = [Coach, Person],
        ["ContractService.ReviewGoal"] = [Coach, Person],
        ["ContractService.CloseGoal"] = [Coach, Person],
        ["ContractService.MakeSuggestion"] = [Coach],
        ["ContractService.RespondToSuggestion"] = [Person],
        ["ContractService.SetLegallyBinding"] = [Coach, Person],
        ["RecordService.GetPersonRecord"] = [Admin, Coach, Person],
        ["RecordService.RecordWellBeing"] = [Coach, Person],
        ["RecordService.ListWellBeing"] = [Coach, Person],
        ["RecordService.AddJournalEntry"] = [Coach, Team],
        ["RecordService.ListJournal"] = [Admin, Coach, Team, Person],
        ["RecordService.ReportOutflow"] = [Coach, Person],
        ["ClientService.EnrolInActivity"] = [Admin, Coach, Person],
        ["ClientService.GetParticipation"] = [Admin, Coach, Person],
        ["PartnerService.RegisterPartner"] = [Admin],
        ["PartnerService.GetPartner"] = [Admin, Partner],
        ["PartnerService.CreateActivity"] = [Admin, Partner],
        ["PartnerService.ListActivities"] = [Admin, Partner],
        ["PartnerService.UpdateActivity"] = [Admin, Partner],
        ["PartnerService.CloseActivity"] = [Admin, Partner],
        ["PartnerService.GetActivity"] = [Admin, Partner, Coach, Team, Person],
        ["PartnerService.EnrolParticipant"] = [Admin, Partner],
        ["PartnerService.ListParticipants"] = [Admin, Partner],
        ["PartnerService.RecordHours"] = [Admin, Partner],
        ["PartnerService.ListHours"] = [Admin, Partner],
        ["PartnerService.ListActivitiesOnOffer"] = [Admin, Coach, Team, Person],
    };

    /// <summary>
    /// RPCs whose sample request cannot succeed in this small world (an experiment to sign up for, a trajectory to end,
    /// a month to pay): for them an admitted role must get past access control (any status but UNAUTHENTICATED and
    /// PERMISSION_DENIED), the others exactly OK.
    /// </summary>
    private static readonly HashSet<string> AdmittedOnly =
    [
        "AdminService.StartPaymentRun", "AdminService.GetPaymentRun", "AdminService.ExportPayments", "ClientService.StartTrajectory", "ClientService.EndTrajectory",
        "ClientService.ReportEarnings", "ClientService.RecordSanction", "ClientService.GetBenefitStatement", "ClientService.GetRegime",
        "NeighbourhoodService.StartTrial", "NeighbourhoodService.EndTrial", "ExperimentService.CreateExperiment", "ExperimentService.GetExperiment",
        "ExperimentService.SignUp", "ExperimentService.Withdraw", "ExperimentService.Draw", "ExperimentService.VerifyDraw",
        "ExperimentService.GetAssignment", "ExperimentService.RecordOutcomes", "ExperimentService.GetResults",
    ];

    [Fact]
    public async Task EveryRpcAnswersEveryRoleAsTheTableSays()
    {
        var world = await World.CreateAsync(gateway);
        var methods = AccessRules.PublicMethods.Where(m => !m.IsClientStreaming).ToList();
        Assert.All(methods, m => Assert.True(Allowed.ContainsKey(Key(m)), $"{Key(m)} has no row in the access table of this test: decide who may call it"));
        Assert.All(methods, m => Assert.True(AccessRules.ByMethod.ContainsKey(AccessRules.PathOf(m)), $"{Key(m)} has no access rule in the gateway"));

        var failures = new List<string>();
        var pairs = 0;
        foreach (var method in methods)
        {
            foreach (var role in Roles)
            {
                var request = await world.RequestAsync(Key(method));
                var status = await RawCalls.StatusOfAsync(world.ChannelOf(role, PurposeOf(Key(method))), method, request);
                var expected = role == Anonymous ? StatusCode.Unauthenticated : Allowed[Key(method)].Contains(role) ? StatusCode.OK : StatusCode.PermissionDenied;
                pairs++;
                var admitted = expected == StatusCode.OK && AdmittedOnly.Contains(Key(method)) && status is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied);
                if (status != expected && !admitted)
                {
                    failures.Add($"{Key(method)} as {role}: {status}, expected {expected}");
                }
            }
        }

        output.WriteLine($"{pairs} RPC x role pairs checked ({methods.Count} RPCs, {Roles.Length} roles)");
        Figures.Record(nameof(EveryRpcAnswersEveryRoleAsTheTableSays), $"{pairs} RPC x role pairs checked ({methods.Count} RPCs x {Roles.Length} roles incl. anonymous), {failures.Count} wrong");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task ScopedRoleSeesOnlyItsOwnRecords()
    {
        var world = await World.CreateAsync(gateway);
        var other = await world.PersonAsync(world.OtherCoach, world.OtherNeighbourhood, teamInvolvement: true);
        var noConsent = await world.PersonAsync(world.CoachId, world.NeighbourhoodId, teamInvolvement: false);
        var read = ClientService.Descriptor.FindMethodByName("GetClient");

        // A coach reads only their own caseload; a team member only residents of their neighbourhood who agreed; a
        // person only themselves; an admin anyone.
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Coach), read, new GetClientRequest { ClientId = other }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Team), read, new GetClientRequest { ClientId = other }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Team), read, new GetClientRequest { ClientId = noConsent }));
        Assert.Equal(StatusCode.OK, await RawCalls.StatusOfAsync(world.ChannelOf(Coach), read, new GetClientRequest { ClientId = noConsent }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Person), read, new GetClientRequest { ClientId = other }));
        Assert.Equal(StatusCode.OK, await RawCalls.StatusOfAsync(world.ChannelOf(Admin), read, new GetClientRequest { ClientId = other }));

        // Someone else's caseload, neighbourhood and keys; a person who does not exist looks like someone else's.
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Coach), CoachService.Descriptor.FindMethodByName("GetCaseload"), new GetCaseloadRequest { CoachId = world.OtherCoach }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Team), NeighbourhoodService.Descriptor.FindMethodByName("GetNeighbourhood"), new GetNeighbourhoodRequest { NeighbourhoodId = world.OtherNeighbourhood }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Team), NeighbourhoodService.Descriptor.FindMethodByName("WatchNeighbourhood"), new WatchNeighbourhoodRequest { NeighbourhoodId = world.OtherNeighbourhood }));
        Assert.Equal(StatusCode.OK, await RawCalls.StatusOfAsync(world.ChannelOf(Coach), NeighbourhoodService.Descriptor.FindMethodByName("WatchNeighbourhood"), new WatchNeighbourhoodRequest { NeighbourhoodId = world.OtherNeighbourhood }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Team), PartnerService.Descriptor.FindMethodByName("ListActivitiesOnOffer"), new ListActivitiesOnOfferRequest { NeighbourhoodId = world.OtherNeighbourhood }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Partner), AdminService.Descriptor.FindMethodByName("ListPartnerApiKeys"), new ListPartnerApiKeysRequest { PartnerId = "pt-someone-else" }));
        var list = ClientService.Descriptor.FindMethodByName("ListClients");
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Coach), list, new ListClientsRequest { CoachId = world.OtherCoach }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Team), list, new ListClientsRequest { NeighbourhoodId = world.OtherNeighbourhood }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Coach), read, new GetClientRequest { ClientId = "cl-0000000000000000" }));
        Assert.Equal(StatusCode.NotFound, await RawCalls.StatusOfAsync(world.ChannelOf(Admin), read, new GetClientRequest { ClientId = "cl-0000000000000000" }));
    }

    /// <summary>The purpose staff declare for an RPC: the one its rule requires, else "testing".</summary>
    private static string PurposeOf(string rpc) => rpc == "AdminService.ExportPayments" ? Purposes.Payment : "testing";

    private static string Key(Google.Protobuf.Reflection.MethodDescriptor method) => $"{method.Service.Name}.{method.Name}";

    /// <summary>A small city: two neighbourhoods, two coaches, people in both, one partner.</summary>
    private sealed class World
    {
        private readonly GatewayFixture _gateway;
        private readonly Dictionary<string, GrpcChannel> _channels = [];

        private World(GatewayFixture gateway) => _gateway = gateway;

        public string NeighbourhoodId { get; private set; } = "";

        public string OtherNeighbourhood { get; private set; } = "";

        public string CoachId { get; private set; } = "";

        public string OtherCoach { get; private set; } = "";

        /// <summary>In <see cref="NeighbourhoodId"/>, with <see cref="CoachId"/>, agreed to team involvement.</summary>
        public string PersonId { get; private set; } = "";

        public string PartnerId { get; } = "pt-matrix-" + Guid.NewGuid().ToString("N")[..6];

        /// <summary>An activity of <see cref="PartnerId"/> with <see cref="PersonId"/> enrolled under <see cref="ParticipantRef"/>.</summary>
        public string ActivityId { get; private set; } = "";

        public string ParticipantRef { get; private set; } = "";

        public static async Task<World> CreateAsync(GatewayFixture gateway)
        {
            var world = new World(gateway)
            {
                NeighbourhoodId = await gateway.NewNeighbourhoodAsync(),
                OtherNeighbourhood = await gateway.NewNeighbourhoodAsync(),
            };
            world.CoachId = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = 500 })).Coach.CoachId;
            world.OtherCoach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Ruud de Vries", CaseloadLimit = 500 })).Coach.CoachId;
            world.PersonId = await world.PersonAsync(world.CoachId, world.NeighbourhoodId, teamInvolvement: true);
            await world.Partners.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = world.PartnerId, Name = "Huis van de Wijk", Contact = "Anouk" });
            world.ActivityId = await world.ActivityAsync();
            world.ParticipantRef = (await gateway.Clients.EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = world.PersonId, ActivityId = world.ActivityId })).ParticipantRef;
            return world;
        }

        public GrpcChannel ChannelOf(string role, string purpose = "testing")
        {
            if (!_channels.TryGetValue(role + "/" + purpose, out var channel))
            {
                channel = role switch
                {
                    Anonymous => _gateway.Host.ChannelAs(null, purpose: purpose),
                    Coach => _gateway.Host.ChannelAs(Coach, CoachId, purpose: purpose),
                    Team => _gateway.Host.ChannelAs(Team, "team-member-1", NeighbourhoodId, purpose),
                    Partner => _gateway.Host.ChannelAs(Partner, PartnerId, purpose: purpose),
                    Person => _gateway.Host.ChannelAs(Person, PersonId, purpose: purpose),
                    _ => _gateway.Host.ChannelAs(role, role + "-1", purpose: purpose),
                };
                _channels[role + "/" + purpose] = channel;
            }

            return channel;
        }

        /// <summary>A new coach with one person, to hand over.</summary>
        public async Task<string> LeavingCoachAsync()
        {
            var coachId = (await _gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Leaving Coach", CaseloadLimit = 5 })).Coach.CoachId;
            await PersonAsync(coachId, NeighbourhoodId, teamInvolvement: false);
            return coachId;
        }
        private PartnerService.PartnerServiceClient Partners => new(_gateway.Host.Channel);

        private ActivityDetails Activity => new()
        {
            Title = "Koffieochtend",
            Type = ActivityType.SocialMeeting,
            NeighbourhoodId = NeighbourhoodId,
            Capacity = 10,
            Schedule = "Tuesdays 10:00",
            ContactPerson = "Anouk",
        };

        /// <summary>A new activity of the world's partner.</summary>
        public async Task<string> ActivityAsync() =>
            (await Partners.CreateActivityAsync(new CreateActivityRequest { PartnerId = PartnerId, Activity = Activity })).Activity.ActivityId;

        public async Task<string> PersonAsync(string coachId, string neighbourhoodId, bool teamInvolvement)
        {
            var id = (await _gateway.Clients.RegisterClientAsync(SampleRequests.Intake(neighbourhoodId))).Client.ClientId;
            await _gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = id });
            if (teamInvolvement)
            {
                await new ClientService.ClientServiceClient(_gateway.Host.ChannelAs(Person, id)).SetTeamInvolvementAsync(new SetTeamInvolvementRequest { ClientId = id, Agreed = true });
            }

            return id;
        }

        /// <summary>A well-formed request for the RPC, on the world's own records; fresh records for calls that change them for good.</summary>
        public async Task<IMessage> RequestAsync(string rpc) => rpc switch
        {
            "ClientService.RegisterClient" => SampleRequests.Intake(NeighbourhoodId),
            "ClientService.GetClient" => new GetClientRequest { ClientId = PersonId },
            "ClientService.AssessReintegration" => new AssessReintegrationRequest { ClientId = PersonId },
            "ClientService.OverrideEstimate" => new OverrideEstimateRequest { ClientId = PersonId, Months = 12, Reason = "Starts a paid job at the market next month.", CoachId = CoachId },
            "ClientService.SetTeamInvolvement" => new SetTeamInvolvementRequest { ClientId = PersonId, Agreed = true },
            "ClientService.GetAccessLog" => new GetAccessLogRequest { ClientId = PersonId },
            "ClientService.ExportPersonData" => new ExportPersonDataRequest { ClientId = PersonId },
            "ClientService.EndCase" => new EndCaseRequest
            {
                ClientId = await PersonAsync(CoachId, NeighbourhoodId, teamInvolvement: true),
                EndedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Reason = "Found work",
            },
            "ClientService.SetLegalHold" => new SetLegalHoldRequest { ClientId = PersonId, Hold = false },
            "ClientService.SetPaymentDetails" => new SetPaymentDetailsRequest { ClientId = PersonId, Bsn = "111222333" },
            "CoachService.CreateCoach" => new CreateCoachRequest { DisplayName = "Fatima Yilmaz" },
            "CoachService.GetCoach" => new GetCoachRequest { CoachId = CoachId },
            "CoachService.AssignClient" => new AssignClientRequest { CoachId = CoachId, ClientId = (await _gateway.Clients.RegisterClientAsync(SampleRequests.Intake(NeighbourhoodId))).Client.ClientId },
            "CoachService.ReleaseClient" => new ReleaseClientRequest { CoachId = CoachId, ClientId = await PersonAsync(CoachId, NeighbourhoodId, teamInvolvement: true) },
            "CoachService.GetCaseload" => new GetCaseloadRequest { CoachId = CoachId },
            "CoachService.ListFollowUps" => new ListFollowUpsRequest { CoachId = CoachId, WithinDays = 365 },
            "CoachService.WatchInbox" => new WatchInboxRequest { CoachId = CoachId },
            "CoachService.ReassignCaseload" => new ReassignCaseloadRequest { FromCoachId = await LeavingCoachAsync(), ToCoachIds = { OtherCoach } },
            "NeighbourhoodService.CreateNeighbourhood" => new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-m-" + Guid.NewGuid().ToString("N")[..10], Name = "Pendrecht", Municipality = "Rotterdam" },
            "NeighbourhoodService.GetNeighbourhood" => new GetNeighbourhoodRequest { NeighbourhoodId = NeighbourhoodId },
            "NeighbourhoodService.WatchNeighbourhood" => new WatchNeighbourhoodRequest { NeighbourhoodId = NeighbourhoodId },
            "CoachService.ListCoaches" => new ListCoachesRequest(),
            "NeighbourhoodService.ListNeighbourhoods" => new ListNeighbourhoodsRequest(),
            "AdminService.Ping" => new PingRequest { Payload = "matrix" },
            "AdminService.GetPlatformStatus" => new GetPlatformStatusRequest(),
            "AdminService.GetClusterStatus" => new GetClusterStatusRequest(),
            "AdminService.QueryAuditLog" => new QueryAuditLogRequest { ClientId = PersonId },
            "AdminService.CreatePartnerApiKey" => new CreatePartnerApiKeyRequest { PartnerId = PartnerId, Description = "matrix" },
            "AdminService.RevokePartnerApiKey" => new RevokePartnerApiKeyRequest
            {
                KeyId = (await new AdminService.AdminServiceClient(_gateway.Host.Channel).CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = PartnerId, Description = "to revoke" })).Key.KeyId,
            },
            "AdminService.ListPartnerApiKeys" => new ListPartnerApiKeysRequest { PartnerId = PartnerId },
            "AdminService.StartPaymentRun" => new StartPaymentRunRequest { Month = "2020-01" },
            "AdminService.GetPaymentRun" => new GetPaymentRunRequest { Month = "2020-01" },
            "AdminService.ExportPayments" => new ExportPaymentsRequest { Month = "2020-01" },
            "ClientService.GetRegime" => new GetRegimeRequest { ClientId = PersonId },
            "ClientService.StartTrajectory" => new StartTrajectoryRequest { ClientId = PersonId },
            "ClientService.EndTrajectory" => new EndTrajectoryRequest { ClientId = PersonId },
            "ClientService.ReportEarnings" => new ReportEarningsRequest { ClientId = PersonId, Month = "2020-01" },
            "ClientService.RecordSanction" => new RecordSanctionRequest { ClientId = PersonId },
            "ClientService.GetBenefitStatement" => new GetBenefitStatementRequest { ClientId = PersonId, Month = "2020-01" },
            "ClientService.ListClients" => new ListClientsRequest(),
            "NeighbourhoodService.StartTrial" => new StartTrialRequest { NeighbourhoodId = NeighbourhoodId },
            "NeighbourhoodService.EndTrial" => new EndTrialRequest { NeighbourhoodId = NeighbourhoodId },
            "NeighbourhoodService.RebuildFigures" => new RebuildFiguresRequest { NeighbourhoodId = NeighbourhoodId },
            "ExperimentService.CreateExperiment" => new CreateExperimentRequest(),
            "ExperimentService.GetExperiment" => new GetExperimentRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.SignUp" => new SignUpRequest { ExperimentId = "ex-matrix", ClientId = PersonId },
            "ExperimentService.Withdraw" => new WithdrawRequest { ExperimentId = "ex-matrix", ClientId = PersonId },
            "ExperimentService.Draw" => new DrawRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.VerifyDraw" => new VerifyDrawRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.GetAssignment" => new GetAssignmentRequest { ExperimentId = "ex-matrix", ClientId = PersonId },
            "ExperimentService.RecordOutcomes" => new RecordOutcomesRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.GetResults" => new GetResultsRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.ListExperiments" => new ListExperimentsRequest(),
            "ContractService.GetSocialContract" => new GetSocialContractRequest { ClientId = PersonId },
            "ContractService.ListContractHistory" => new ListContractHistoryRequest { ClientId = PersonId },
            "ContractService.ProposeGoal" => SampleRequests.Goal(PersonId),
            "ContractService.AgreeGoal" => new AgreeGoalRequest { ClientId = PersonId, GoalId = await GoalAsync(agreed: false) },
            "ContractService.RecordGoalProgress" => new RecordGoalProgressRequest { ClientId = PersonId, GoalId = await GoalAsync(agreed: true), Percent = 30 },
            "ContractService.ReviewGoal" => new ReviewGoalRequest { ClientId = PersonId, GoalId = await GoalAsync(agreed: false), NextReviewOn = SampleRequests.Day(60) },
            "ContractService.CloseGoal" => new CloseGoalRequest { ClientId = PersonId, GoalId = await GoalAsync(agreed: false), Achieved = true },
            "ContractService.MakeSuggestion" => SampleRequests.Suggestion(PersonId),
            "ContractService.RespondToSuggestion" => new RespondToSuggestionRequest
            {
                ClientId = PersonId,
                SuggestionId = (await Contracts(Coach).MakeSuggestionAsync(SampleRequests.Suggestion(PersonId))).Suggestion.SuggestionId,
                Words = "Liever niet, ik heb al genoeg op mijn bord.",
            },
            "ContractService.SetLegallyBinding" => new SetLegallyBindingRequest { ClientId = PersonId, LegallyBinding = true },
            "RecordService.GetPersonRecord" => new GetPersonRecordRequest { ClientId = PersonId },
            "RecordService.RecordWellBeing" => new RecordWellBeingRequest { ClientId = PersonId, Score = 7 },
            "RecordService.ListWellBeing" => new ListWellBeingRequest { ClientId = PersonId },
            "RecordService.AddJournalEntry" => SampleRequests.JournalEntry(PersonId),
            "RecordService.ListJournal" => new ListJournalRequest { ClientId = PersonId },
            "RecordService.ReportOutflow" => new ReportOutflowRequest { ClientId = PersonId, HoursPerWeek = 12, StartOn = SampleRequests.Day(7) },
            "ClientService.EnrolInActivity" => new EnrolInActivityRequest { ClientId = PersonId, ActivityId = ActivityId },
            "PartnerService.RegisterPartner" => new RegisterPartnerRequest { PartnerId = "pt-m-" + Guid.NewGuid().ToString("N")[..10], Name = "Sportclub Zuid", Contact = "bestuur" },
            "PartnerService.GetPartner" => new GetPartnerRequest { PartnerId = PartnerId },
            "PartnerService.CreateActivity" => new CreateActivityRequest { PartnerId = PartnerId, Activity = Activity },
            "PartnerService.ListActivities" => new ListActivitiesRequest { PartnerId = PartnerId },
            "PartnerService.UpdateActivity" => new UpdateActivityRequest { ActivityId = ActivityId, Activity = Activity },
            "PartnerService.CloseActivity" => new CloseActivityRequest { ActivityId = await ActivityAsync(), Reason = "matrix" },
            "PartnerService.GetActivity" => new GetActivityRequest { ActivityId = ActivityId },
            "ClientService.GetParticipation" => new GetParticipationRequest { ClientId = PersonId },
            "PartnerService.ListActivitiesOnOffer" => new ListActivitiesOnOfferRequest { NeighbourhoodId = NeighbourhoodId },
            "PartnerService.EnrolParticipant" => new EnrolParticipantRequest { ActivityId = ActivityId, ParticipantRef = ParticipantRef },
            "PartnerService.ListParticipants" => new ListParticipantsRequest { ActivityId = ActivityId },
            "PartnerService.RecordHours" => new RecordHoursRequest { ActivityId = ActivityId, ParticipantRef = ParticipantRef, Date = SampleRequests.Day(), Hours = 1 },
            "PartnerService.ListHours" => new ListHoursRequest { ActivityId = ActivityId, FirstDay = SampleRequests.Day(-6), LastDay = SampleRequests.Day() },
            _ => throw new InvalidOperationException($"No sample request for {rpc}: add one with its row in the access table"),
        };

        private ContractService.ContractServiceClient Contracts(string role) => new(ChannelOf(role));

        /// <summary>A new goal of the world's person, proposed by their coach and, when asked, agreed by the person.</summary>
        private async Task<string> GoalAsync(bool agreed)
        {
            var goal = (await Contracts(Coach).ProposeGoalAsync(SampleRequests.Goal(PersonId))).Goal.GoalId;
            if (agreed)
            {
                await Contracts(Person).AgreeGoalAsync(new AgreeGoalRequest { ClientId = PersonId, GoalId = goal });
            }

            return goal;
        }
    }
}
