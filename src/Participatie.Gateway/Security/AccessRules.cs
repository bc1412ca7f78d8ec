using Google.Protobuf.Reflection;
using Participatie.Contracts.V1;

namespace Participatie.Gateway.Security;

/// <summary>
/// The access rule of every RPC, by its gRPC path. An RPC without a rule is refused for everyone, and a test fails
/// for it: adding an RPC means deciding here who may call it.
/// </summary>
public static class AccessRules
{
    public static IReadOnlyDictionary<string, AccessRule> ByMethod { get; } = Build();

    /// <summary>Every service of the public contract (health and reflection are not part of it), found in the generated code.</summary>
    public static IEnumerable<ServiceDescriptor> PublicServices =>
        typeof(ClientService).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ClientService).Namespace && t.IsAbstract && t.IsSealed)
            .Select(t => t.GetProperty("Descriptor", typeof(ServiceDescriptor))?.GetValue(null) as ServiceDescriptor)
            .OfType<ServiceDescriptor>()
            .OrderBy(s => s.FullName, StringComparer.Ordinal);

    /// <summary>Every RPC of the public contract.</summary>
    public static IEnumerable<MethodDescriptor> PublicMethods => PublicServices.SelectMany(s => s.Methods);

    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    private static Dictionary<string, AccessRule> Build()
    {
        const Role Admin = Role.Admin, Coach = Role.Coach, Team = Role.Team, Partner = Role.Partner, Researcher = Role.Researcher, Person = Role.Person;
        var rules = new Dictionary<string, AccessRule>(StringComparer.Ordinal);
        void Add(ServiceDescriptor service, string method, AccessRule rule) =>
            rules.Add(PathOf(service.FindMethodByName(method) ?? throw new InvalidOperationException($"{service.Name} has no {method}")), rule);

        var client = ClientService.Descriptor;
        Add(client, "RegisterClient", AccessRule.For(Admin, Coach).Audits<RegisterClientResponse>(r => [r.Client.ClientId]));
        Add(client, "GetClient", AccessRule.Person<GetClientRequest>(r => r.ClientId, Admin, Coach, Team, Person));
        Add(client, "AssessReintegration", AccessRule.Person<AssessReintegrationRequest>(r => r.ClientId, Coach));
        Add(client, "OverrideEstimate", AccessRule.Person<OverrideEstimateRequest>(r => r.ClientId, Coach));
        Add(client, "SetTeamInvolvement", AccessRule.Person<SetTeamInvolvementRequest>(r => r.ClientId, Coach, Person));
        Add(client, "GetAccessLog", AccessRule.Person<GetAccessLogRequest>(r => r.ClientId, Admin, Person));
        Add(client, "ExportPersonData", AccessRule.Person<ExportPersonDataRequest>(r => r.ClientId, Admin, Person));
        Add(client, "EndCase", AccessRule.Person<EndCaseRequest>(r => r.ClientId, Admin, Coach));
        Add(client, "SetLegalHold", AccessRule.Person<SetLegalHoldRequest>(r => r.ClientId, Admin));
        Add(client, "SetPaymentDetails", AccessRule.Person<SetPaymentDetailsRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(client, "GetRegime", AccessRule.Person<GetRegimeRequest>(r => r.ClientId, Admin, Coach, Team, Person));
        Add(client, "StartTrajectory", AccessRule.Person<StartTrajectoryRequest>(r => r.ClientId, Admin, Coach));
        Add(client, "EndTrajectory", AccessRule.Person<EndTrajectoryRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(client, "ReportEarnings", AccessRule.Person<ReportEarningsRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(client, "RecordSanction", AccessRule.Person<RecordSanctionRequest>(r => r.ClientId, Admin, Coach));
        Add(client, "GetBenefitStatement", AccessRule.Person<GetBenefitStatementRequest>(r => r.ClientId, Admin, Coach, Person));
        // Lists are scoped to the caller by the service (a coach's own caseload, a team's consenting residents); every
        // person on the page is audited.
        Add(client, "ListClients", AccessRule.For(Admin, Coach, Team).Audits<ListClientsResponse>(r => r.Clients.Select(c => c.ClientId)));

        var coach = CoachService.Descriptor;
        Add(coach, "CreateCoach", AccessRule.For(Admin));
        Add(coach, "GetCoach", AccessRule.Coach<GetCoachRequest>(r => r.CoachId, Admin, Coach));
        Add(coach, "AssignClient", AccessRule.Person<AssignClientRequest>(r => r.ClientId, Admin));
        Add(coach, "ReleaseClient", AccessRule.Person<ReleaseClientRequest>(r => r.ClientId, Admin, Coach));
        Add(coach, "GetCaseload", AccessRule.Coach<GetCaseloadRequest>(r => r.CoachId, Admin, Coach).Audits<GetCaseloadResponse>(r => r.Entries.Select(e => e.ClientId)));

        var neighbourhood = NeighbourhoodService.Descriptor;
        Add(neighbourhood, "CreateNeighbourhood", AccessRule.For(Admin));
        Add(neighbourhood, "GetNeighbourhood", AccessRule.Neighbourhood<GetNeighbourhoodRequest>(r => r.NeighbourhoodId, Admin, Coach, Team));
        Add(neighbourhood, "ListNeighbourhoods", AccessRule.For(Admin, Coach, Team));
        Add(neighbourhood, "StartTrial", AccessRule.Neighbourhood<StartTrialRequest>(r => r.NeighbourhoodId, Admin, Team));
        Add(neighbourhood, "EndTrial", AccessRule.Neighbourhood<EndTrialRequest>(r => r.NeighbourhoodId, Admin, Team));

        // Experiments: researchers see designs, draws and results (counts and means, cells under 10 suppressed),
        // never a person; sign-ups and assignments are the person's own data.
        var experiment = ExperimentService.Descriptor;
        Add(experiment, "CreateExperiment", AccessRule.For(Admin));
        Add(experiment, "GetExperiment", AccessRule.For(Admin, Researcher));
        Add(experiment, "SignUp", AccessRule.Person<SignUpRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(experiment, "Withdraw", AccessRule.Person<WithdrawRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(experiment, "Draw", AccessRule.For(Admin));
        Add(experiment, "VerifyDraw", AccessRule.For(Admin, Researcher));
        Add(experiment, "GetAssignment", AccessRule.Person<GetAssignmentRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(experiment, "RecordOutcomes", AccessRule.For(Admin).Audits<RecordOutcomesResponse>(_ => []));
        Add(experiment, "GetResults", AccessRule.For(Admin, Researcher));

        var admin = AdminService.Descriptor;
        Add(admin, "Ping", AccessRule.For(Admin, Coach, Team, Partner, Researcher, Person));
        Add(admin, "GetPlatformStatus", AccessRule.For(Admin));
        Add(admin, "GetClusterStatus", AccessRule.For(Admin));
        Add(admin, "QueryAuditLog", AccessRule.For(Admin));
        Add(admin, "CreatePartnerApiKey", AccessRule.For(Admin));
        Add(admin, "RevokePartnerApiKey", AccessRule.For(Admin));
        Add(admin, "ListPartnerApiKeys", AccessRule.Partner<ListPartnerApiKeysRequest>(r => r.PartnerId, Admin, Partner));
        Add(admin, "StartPaymentRun", AccessRule.For(Admin));
        Add(admin, "GetPaymentRun", AccessRule.For(Admin));
        return rules;
    }
}
