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
        ["NeighbourhoodService.CreateNeighbourhood"] = [Admin],
        ["NeighbourhoodService.GetNeighbourhood"] = [Admin, Coach, Team],
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
        ["ClientService.GetRegime"] = [Admin, Coach, Team, Person],
        ["ClientService.StartTrajectory"] = [Admin, Coach],
        ["ClientService.EndTrajectory"] = [Admin, Coach, Person],
        ["ClientService.ReportEarnings"] = [Admin, Coach, Person],
        ["ClientService.RecordSanction"] = [Admin, Coach],
        ["ClientService.GetBenefitStatement"] = [Admin, Coach, Person],
        ["ClientService.ListClients"] = [Admin, Coach, Team],
        ["NeighbourhoodService.StartTrial"] = [Admin, Team],
        ["NeighbourhoodService.EndTrial"] = [Admin, Team],
        ["ExperimentService.CreateExperiment"] = [Admin],
        ["ExperimentService.GetExperiment"] = [Admin, Researcher],
        ["ExperimentService.SignUp"] = [Admin, Coach, Person],
        ["ExperimentService.Withdraw"] = [Admin, Coach, Person],
        ["ExperimentService.Draw"] = [Admin],
        ["ExperimentService.VerifyDraw"] = [Admin, Researcher],
        ["ExperimentService.GetAssignment"] = [Admin, Coach, Person],
        ["ExperimentService.RecordOutcomes"] = [Admin],
        ["ExperimentService.GetResults"] = [Admin, Researcher],
    };

    /// <summary>
    /// RPCs whose sample request cannot succeed in this small world (an experiment to sign up for, a trajectory to end,
    /// a month to pay): for them an admitted role must get past access control (any status but UNAUTHENTICATED and
    /// PERMISSION_DENIED), the others exactly OK.
    /// </summary>
    private static readonly HashSet<string> AdmittedOnly =
    [
        "AdminService.StartPaymentRun", "AdminService.GetPaymentRun", "ClientService.StartTrajectory", "ClientService.EndTrajectory",
        "ClientService.ReportEarnings", "ClientService.RecordSanction", "ClientService.GetBenefitStatement", "ClientService.GetRegime",
        "NeighbourhoodService.StartTrial", "NeighbourhoodService.EndTrial", "ExperimentService.CreateExperiment", "ExperimentService.GetExperiment",
        "ExperimentService.SignUp", "ExperimentService.Withdraw", "ExperimentService.Draw", "ExperimentService.VerifyDraw",
        "ExperimentService.GetAssignment", "ExperimentService.RecordOutcomes", "ExperimentService.GetResults",
    ];

    [Fact]
    public async Task EveryRpcAnswersEveryRoleAsTheTableSays()
    {
        var world = await World.CreateAsync(gateway);
        var methods = AccessRules.PublicMethods.Where(m => !m.IsServerStreaming && !m.IsClientStreaming).ToList();
        Assert.All(methods, m => Assert.True(Allowed.ContainsKey(Key(m)), $"{Key(m)} has no row in the access table of this test: decide who may call it"));
        Assert.All(methods, m => Assert.True(AccessRules.ByMethod.ContainsKey(AccessRules.PathOf(m)), $"{Key(m)} has no access rule in the gateway"));

        var failures = new List<string>();
        var pairs = 0;
        foreach (var method in methods)
        {
            foreach (var role in Roles)
            {
                var request = await world.RequestAsync(Key(method));
                var status = await RawCalls.StatusOfAsync(world.ChannelOf(role), method, request);
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
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Partner), AdminService.Descriptor.FindMethodByName("ListPartnerApiKeys"), new ListPartnerApiKeysRequest { PartnerId = "pt-someone-else" }));
        var list = ClientService.Descriptor.FindMethodByName("ListClients");
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Coach), list, new ListClientsRequest { CoachId = world.OtherCoach }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Team), list, new ListClientsRequest { NeighbourhoodId = world.OtherNeighbourhood }));
        Assert.Equal(StatusCode.PermissionDenied, await RawCalls.StatusOfAsync(world.ChannelOf(Coach), read, new GetClientRequest { ClientId = "cl-0000000000000000" }));
        Assert.Equal(StatusCode.NotFound, await RawCalls.StatusOfAsync(world.ChannelOf(Admin), read, new GetClientRequest { ClientId = "cl-0000000000000000" }));
    }

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
            return world;
        }

        public GrpcChannel ChannelOf(string role)
        {
            if (!_channels.TryGetValue(role, out var channel))
            {
                channel = role switch
                {
                    Anonymous => _gateway.Host.ChannelAs(null),
                    Coach => _gateway.Host.ChannelAs(Coach, CoachId),
                    Team => _gateway.Host.ChannelAs(Team, "team-member-1", NeighbourhoodId),
                    Partner => _gateway.Host.ChannelAs(Partner, PartnerId),
                    Person => _gateway.Host.ChannelAs(Person, PersonId),
                    _ => _gateway.Host.ChannelAs(role, role + "-1"),
                };
                _channels[role] = channel;
            }

            return channel;
        }

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
            "ClientService.AssessReintegration" => new AssessReintegrationRequest { ClientId = PersonId, AssessedBy = CoachId },
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
            "NeighbourhoodService.CreateNeighbourhood" => new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-m-" + Guid.NewGuid().ToString("N")[..10], Name = "Pendrecht", Municipality = "Rotterdam" },
            "NeighbourhoodService.GetNeighbourhood" => new GetNeighbourhoodRequest { NeighbourhoodId = NeighbourhoodId },
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
            "AdminService.StartPaymentRun" => new StartPaymentRunRequest { Month = "2020-01", StartedBy = "matrix" },
            "AdminService.GetPaymentRun" => new GetPaymentRunRequest { Month = "2020-01" },
            "ClientService.GetRegime" => new GetRegimeRequest { ClientId = PersonId },
            "ClientService.StartTrajectory" => new StartTrajectoryRequest { ClientId = PersonId },
            "ClientService.EndTrajectory" => new EndTrajectoryRequest { ClientId = PersonId },
            "ClientService.ReportEarnings" => new ReportEarningsRequest { ClientId = PersonId, Month = "2020-01" },
            "ClientService.RecordSanction" => new RecordSanctionRequest { ClientId = PersonId },
            "ClientService.GetBenefitStatement" => new GetBenefitStatementRequest { ClientId = PersonId, Month = "2020-01" },
            "ClientService.ListClients" => new ListClientsRequest(),
            "NeighbourhoodService.StartTrial" => new StartTrialRequest { NeighbourhoodId = NeighbourhoodId },
            "NeighbourhoodService.EndTrial" => new EndTrialRequest { NeighbourhoodId = NeighbourhoodId },
            "ExperimentService.CreateExperiment" => new CreateExperimentRequest(),
            "ExperimentService.GetExperiment" => new GetExperimentRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.SignUp" => new SignUpRequest { ExperimentId = "ex-matrix", ClientId = PersonId },
            "ExperimentService.Withdraw" => new WithdrawRequest { ExperimentId = "ex-matrix", ClientId = PersonId },
            "ExperimentService.Draw" => new DrawRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.VerifyDraw" => new VerifyDrawRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.GetAssignment" => new GetAssignmentRequest { ExperimentId = "ex-matrix", ClientId = PersonId },
            "ExperimentService.RecordOutcomes" => new RecordOutcomesRequest { ExperimentId = "ex-matrix" },
            "ExperimentService.GetResults" => new GetResultsRequest { ExperimentId = "ex-matrix" },
            _ => throw new InvalidOperationException($"No sample request for {rpc}: add one with its row in the access table"),
        };
    }
}
