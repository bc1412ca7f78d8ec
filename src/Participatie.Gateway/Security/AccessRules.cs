using Google.Protobuf.Reflection;
using Participatie.Contracts.V1;

namespace Participatie.Gateway.Security;

/// <summary>
/// The access rule of every RPC, by its gRPC path. An RPC without a rule is refused for everyone, and a test fails
/// for it: adding an RPC means deciding here who may call it, and (or the rule does not compile) whom it audits.
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
            rules.Add(PathOf(service.FindMethodByName(method) ?? throw new InvalidOperationException($"{service.Name} has no {method}")), rule.Of(method));

        var client = ClientService.Descriptor;
        Add(client, "RegisterClient", AccessRule.For(Admin, Coach).Audits<RegisterClientResponse>(r => [r.Client.ClientId]).AlsoNamedByService(NamedByService.NewPerson));
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
        Add(client, "GetParticipation", AccessRule.Person<GetParticipationRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(client, "EnrolInActivity", AccessRule.Person<EnrolInActivityRequest>(r => r.ClientId, Admin, Coach, Person));

        // The social contract is between the person and their own coach; admins read it. The caller is the party that
        // acts, so only the person can answer a suggestion, and only the coach can make one.
        var contract = ContractService.Descriptor;
        Add(contract, "GetSocialContract", AccessRule.Person<GetSocialContractRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(contract, "ListContractHistory", AccessRule.Person<ListContractHistoryRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(contract, "ProposeGoal", AccessRule.Person<ProposeGoalRequest>(r => r.ClientId, Coach, Person));
        Add(contract, "AgreeGoal", AccessRule.Person<AgreeGoalRequest>(r => r.ClientId, Coach, Person));
        Add(contract, "RecordGoalProgress", AccessRule.Person<RecordGoalProgressRequest>(r => r.ClientId, Coach, Person));
        Add(contract, "ReviewGoal", AccessRule.Person<ReviewGoalRequest>(r => r.ClientId, Coach, Person));
        Add(contract, "CloseGoal", AccessRule.Person<CloseGoalRequest>(r => r.ClientId, Coach, Person));
        Add(contract, "MakeSuggestion", AccessRule.Person<MakeSuggestionRequest>(r => r.ClientId, Coach));
        Add(contract, "RespondToSuggestion", AccessRule.Person<RespondToSuggestionRequest>(r => r.ClientId, Person));
        Add(contract, "SetLegallyBinding", AccessRule.Person<SetLegallyBindingRequest>(r => r.ClientId, Coach, Person));

        // The record: well-being only for the person and their coach (admins see that it is withheld); the journal also
        // for the team of the person's neighbourhood when the person agreed to team involvement.
        var record = RecordService.Descriptor;
        Add(record, "GetPersonRecord", AccessRule.Person<GetPersonRecordRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(record, "RecordWellBeing", AccessRule.Person<RecordWellBeingRequest>(r => r.ClientId, Coach, Person));
        Add(record, "ListWellBeing", AccessRule.Person<ListWellBeingRequest>(r => r.ClientId, Coach, Person));
        Add(record, "AddJournalEntry", AccessRule.Person<AddJournalEntryRequest>(r => r.ClientId, Coach, Team));
        Add(record, "ListJournal", AccessRule.Person<ListJournalRequest>(r => r.ClientId, Admin, Coach, Team, Person));
        Add(record, "ReportOutflow", AccessRule.Person<ReportOutflowRequest>(r => r.ClientId, Coach, Person));

        // Lists are scoped to the caller by the service (a coach's own caseload, a team's consenting residents); every
        // person on the page is audited.
        Add(client, "ListClients", AccessRule.For(Admin, Coach, Team).Audits<ListClientsResponse>(r => r.Clients.Select(c => c.ClientId)));

        var coach = CoachService.Descriptor;
        Add(coach, "CreateCoach", AccessRule.For(Admin).AuditsNobody());
        Add(coach, "GetCoach", AccessRule.Coach<GetCoachRequest>(r => r.CoachId, Admin, Coach).AuditsNobody());
        Add(coach, "AssignClient", AccessRule.Person<AssignClientRequest>(r => r.ClientId, Admin));
        Add(coach, "ReleaseClient", AccessRule.Person<ReleaseClientRequest>(r => r.ClientId, Admin, Coach));
        Add(coach, "GetCaseload", AccessRule.Coach<GetCaseloadRequest>(r => r.CoachId, Admin, Coach).Audits<GetCaseloadResponse>(r => r.Entries.Select(e => e.ClientId)));
        Add(coach, "ListFollowUps", AccessRule.Coach<ListFollowUpsRequest>(r => r.CoachId, Admin, Coach).Audits<ListFollowUpsResponse>(r => r.FollowUps.Select(f => f.ClientId)));
        Add(coach, "WatchInbox", AccessRule.Coach<WatchInboxRequest>(r => r.CoachId, Coach).Audits<InboxItem>(i => [i.ClientId]));
        Add(coach, "ReassignCaseload", AccessRule.For(Admin).Audits<ReassignCaseloadResponse>(r => r.Transfers.SelectMany(t => t.ClientIds)).AlsoNamedByService(NamedByService.HandedOver));
        Add(coach, "ListCoaches", AccessRule.For(Admin).AuditsNobody());

        var neighbourhood = NeighbourhoodService.Descriptor;
        Add(neighbourhood, "CreateNeighbourhood", AccessRule.For(Admin).AuditsNobody());
        Add(neighbourhood, "GetNeighbourhood", AccessRule.Neighbourhood<GetNeighbourhoodRequest>(r => r.NeighbourhoodId, Admin, Coach, Team).AuditsNobody());
        Add(neighbourhood, "WatchNeighbourhood", AccessRule.Neighbourhood<WatchNeighbourhoodRequest>(r => r.NeighbourhoodId, Admin, Coach, Team).AuditsNobody());
        Add(neighbourhood, "ListNeighbourhoods", AccessRule.For(Admin, Coach, Team).AuditsNobody());
        Add(neighbourhood, "StartTrial", AccessRule.Neighbourhood<StartTrialRequest>(r => r.NeighbourhoodId, Admin, Team).AuditsNobody());
        Add(neighbourhood, "EndTrial", AccessRule.Neighbourhood<EndTrialRequest>(r => r.NeighbourhoodId, Admin, Team).AuditsNobody());
        Add(neighbourhood, "RebuildFigures", AccessRule.For(Admin).AuditsNobody());

        // Experiments: researchers see designs, draws and results (counts and means, cells under 10 suppressed),
        // never a person; sign-ups and assignments are the person's own data.
        var experiment = ExperimentService.Descriptor;
        Add(experiment, "CreateExperiment", AccessRule.For(Admin).AuditsNobody());
        Add(experiment, "GetExperiment", AccessRule.For(Admin, Researcher).AuditsNobody());
        Add(experiment, "SignUp", AccessRule.Person<SignUpRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(experiment, "Withdraw", AccessRule.Person<WithdrawRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(experiment, "Draw", AccessRule.For(Admin).AuditsNobody());
        Add(experiment, "VerifyDraw", AccessRule.For(Admin, Researcher).AuditsNobody());
        Add(experiment, "GetAssignment", AccessRule.Person<GetAssignmentRequest>(r => r.ClientId, Admin, Coach, Person));
        Add(experiment, "RecordOutcomes", AccessRule.For(Admin).AuditsRequest<RecordOutcomesRequest>(r => r.Outcomes.Select(o => o.ClientId)));
        Add(experiment, "GetResults", AccessRule.For(Admin, Researcher).AuditsNobody());
        Add(experiment, "ListExperiments", AccessRule.For(Admin, Researcher).AuditsNobody());

        // Partners: their own organisation and the activities they offer; participants only by first name and
        // reference. The people a partner call reaches are audited all the same (purpose "participation"), never named
        // in the reply: a participant a request names by reference is found through the activity, and those a list
        // reaches are named to the audit by the service.
        var partner = PartnerService.Descriptor;
        Add(partner, "RegisterPartner", AccessRule.For(Admin).AuditsNobody());
        Add(partner, "GetPartner", AccessRule.Partner<GetPartnerRequest>(r => r.PartnerId, Admin, Partner).AuditsNobody());
        Add(partner, "CreateActivity", AccessRule.Partner<CreateActivityRequest>(r => r.PartnerId, Admin, Partner).AuditsNobody());
        Add(partner, "ListActivities", AccessRule.Partner<ListActivitiesRequest>(r => r.PartnerId, Admin, Partner).AuditsNobody());
        Add(partner, "UpdateActivity", AccessRule.Activity<UpdateActivityRequest>(r => r.ActivityId, Admin, Partner).AuditsNobody());
        Add(partner, "CloseActivity", AccessRule.Activity<CloseActivityRequest>(r => r.ActivityId, Admin, Partner).AuditsNobody());
        Add(partner, "GetActivity", AccessRule.Activity<GetActivityRequest>(r => r.ActivityId, Admin, Partner, Coach, Team, Person).AuditsNobody());
        Add(partner, "EnrolParticipant", AccessRule.Activity<EnrolParticipantRequest>(r => r.ActivityId, Admin, Partner).AuditsParticipant<EnrolParticipantRequest>(r => r.ParticipantRef));
        Add(partner, "ListParticipants", AccessRule.Activity<ListParticipantsRequest>(r => r.ActivityId, Admin, Partner).AuditsNamedByService(NamedByService.Participants));
        // Finding activities shows no one; a person who names no neighbourhood has their own read from their record,
        // which the service audits. A team searches its own neighbourhood only.
        Add(partner, "ListActivitiesOnOffer", AccessRule.Neighbourhood<ListActivitiesOnOfferRequest>(r => r.NeighbourhoodId, Admin, Coach, Team, Person).AuditsNamedByService(NamedByService.CallersOwnRecord));
        Add(partner, "RecordHours", AccessRule.Activity<RecordHoursRequest>(r => r.ActivityId, Admin, Partner).AuditsParticipant<RecordHoursRequest>(r => r.ParticipantRef));
        Add(partner, "ListHours", AccessRule.Activity<ListHoursRequest>(r => r.ActivityId, Admin, Partner).AuditsNamedByService(NamedByService.Participants));

        var admin = AdminService.Descriptor;
        Add(admin, "Ping", AccessRule.For(Admin, Coach, Team, Partner, Researcher, Person).AuditsNobody());
        Add(admin, "GetPlatformStatus", AccessRule.For(Admin).AuditsNobody());
        Add(admin, "GetClusterStatus", AccessRule.For(Admin).AuditsNobody());
        Add(admin, "QueryAuditLog", AccessRule.For(Admin).AuditsNobody());
        Add(admin, "CreatePartnerApiKey", AccessRule.For(Admin).AuditsNobody());
        Add(admin, "RevokePartnerApiKey", AccessRule.For(Admin).AuditsNobody());
        Add(admin, "ListPartnerApiKeys", AccessRule.Partner<ListPartnerApiKeysRequest>(r => r.PartnerId, Admin, Partner).AuditsNobody());
        // Whose payments failed is a person's data: each is audited, for the purpose payment unless another is declared
        // (starting a run that is under way answers with its progress, failures included).
        Add(admin, "StartPaymentRun", AccessRule.For(Admin).Audits<StartPaymentRunResponse>(r => r.Run.Failures.Select(f => f.ClientId)).ImpliesPurpose(Purposes.Payment));
        Add(admin, "GetPaymentRun", AccessRule.For(Admin).Audits<GetPaymentRunResponse>(r => r.Run.Failures.Select(f => f.ClientId)).ImpliesPurpose(Purposes.Payment));
        Add(admin, "ExportPayments", AccessRule.For(Admin).Audits<ExportPaymentsResponse>(r => r.Instructions.Select(i => i.ClientId).Concat(r.Recoveries.Select(c => c.ClientId))).OnlyFor(Purposes.Payment));
        return rules;
    }
}
