using System.Text.Json;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>
/// The social contract and the person's record through the public contract: the caller is the party that acts, the
/// person's own words come back as written, each role sees only its part, and the export holds all of it.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ContractServiceTests(GatewayFixture gateway)
{
    private const string OwnWords = "Nee, dank je — ik zorg 's ochtends voor mijn moeder 👵\nDe cursus is juist dan.";

    [Fact]
    public async Task ThePersonDeclinesTheCoachsSuggestionInTheirOwnWordsAndTheCoachReadsThemAsWritten()
    {
        var world = await WorldAsync();
        var suggestion = (await world.Contracts("coach").MakeSuggestionAsync(SampleRequests.Suggestion(world.Person))).Suggestion;
        var answer = new RespondToSuggestionRequest { ClientId = world.Person, SuggestionId = suggestion.SuggestionId, Accept = false, Words = OwnWords };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => world.Contracts("coach").RespondToSuggestionAsync(answer).ResponseAsync);
        var declined = (await world.Contracts("person").RespondToSuggestionAsync(answer)).Suggestion;
        var read = (await world.Contracts("coach").GetSocialContractAsync(new GetSocialContractRequest { ClientId = world.Person })).Contract;
        var history = await world.Contracts("person").ListContractHistoryAsync(new ListContractHistoryRequest { ClientId = world.Person });

        Assert.Equal((SuggestionStatus.Declined, OwnWords), (declined.Status, declined.Words));
        Assert.Equal(declined, Assert.Single(read.Suggestions));
        Assert.Equal(suggestion.MadeBy, world.Coach);
        var decline = history.Changes[0];
        Assert.Equal((ContractChangeKind.SuggestionDeclined, ContractParty.Person, world.Person), (decline.Kind, decline.Party, decline.ActorId));
        Assert.DoesNotContain("moeder", decline.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclineWithoutWordsOrWithBidiControlsIsInvalidAndChangesNothing()
    {
        var world = await WorldAsync();
        var suggestion = (await world.Contracts("coach").MakeSuggestionAsync(SampleRequests.Suggestion(world.Person))).Suggestion;

        await RpcAssert.InvalidAsync(() => world.Contracts("person").RespondToSuggestionAsync(new RespondToSuggestionRequest { ClientId = world.Person, SuggestionId = suggestion.SuggestionId, Words = " " }).ResponseAsync, "words");
        await RpcAssert.InvalidAsync(() => world.Contracts("person").RespondToSuggestionAsync(new RespondToSuggestionRequest { ClientId = world.Person, SuggestionId = suggestion.SuggestionId, Words = "nee \u202Ewel" }).ResponseAsync, "words");
        await RpcAssert.InvalidAsync(() => world.Contracts("person").RespondToSuggestionAsync(new RespondToSuggestionRequest { ClientId = world.Person, SuggestionId = "sug-x", Words = "nee" }).ResponseAsync, "suggestion_id");
        var invalidGoal = SampleRequests.Goal(world.Person);
        invalidGoal.Domain = GoalDomain.Unspecified;
        invalidGoal.ReviewOn = SampleRequests.Day(-1);
        invalidGoal.Description = new string('x', 1001);
        await RpcAssert.InvalidAsync(() => world.Contracts("person").ProposeGoalAsync(invalidGoal).ResponseAsync, "domain", "review_on", "description");

        var contract = (await world.Contracts("person").GetSocialContractAsync(new GetSocialContractRequest { ClientId = world.Person })).Contract;
        Assert.Equal(SuggestionStatus.Open, Assert.Single(contract.Suggestions).Status);
        Assert.Empty(contract.Goals);
        Assert.Equal(1, contract.HistoryCount);
    }

    [Fact]
    public async Task AGoalIsAgreedByTheCallerSoTheCoachCannotAgreeForThePerson()
    {
        var world = await WorldAsync();

        var proposed = (await world.Contracts("coach").ProposeGoalAsync(SampleRequests.Goal(world.Person))).Goal;
        var coachAgain = (await world.Contracts("coach").AgreeGoalAsync(new AgreeGoalRequest { ClientId = world.Person, GoalId = proposed.GoalId })).Goal;
        await RpcAssert.PreconditionAsync(
            () => world.Contracts("coach").RecordGoalProgressAsync(new RecordGoalProgressRequest { ClientId = world.Person, GoalId = proposed.GoalId, Percent = 20 }).ResponseAsync,
            "GOAL_NOT_AGREED");
        var agreed = (await world.Contracts("person").AgreeGoalAsync(new AgreeGoalRequest { ClientId = world.Person, GoalId = proposed.GoalId })).Goal;
        var progress = (await world.Contracts("person").RecordGoalProgressAsync(new RecordGoalProgressRequest { ClientId = world.Person, GoalId = proposed.GoalId, Percent = 20, Note = "Eerste ochtend gedaan." })).Goal;

        Assert.Equal((GoalStatus.Proposed, ContractParty.Coach, ""), (proposed.Status, proposed.ProposedBy, proposed.AgreedByPersonAt));
        Assert.Equal(GoalStatus.Proposed, coachAgain.Status);
        Assert.Equal(GoalStatus.Agreed, agreed.Status);
        Assert.NotEqual("", agreed.AgreedByPersonAt);
        Assert.Equal((20, "Eerste ochtend gedaan."), (progress.Percent, progress.Progress[0].Note));
    }

    [Fact]
    public async Task TheTeamWritesAndReadsTheJournalWithConsentButSeesNeitherWellBeingNorTheContract()
    {
        var world = await WorldAsync();
        await world.Records("person").RecordWellBeingAsync(new RecordWellBeingRequest { ClientId = world.Person, Score = 6, Note = "Redelijk." });

        var visit = await world.Records("team").AddJournalEntryAsync(SampleRequests.JournalEntry(world.Person, ContactType.HomeVisit, days: -2));
        await world.Records("coach").AddJournalEntryAsync(SampleRequests.JournalEntry(world.Person, ContactType.Attempt));
        var journal = await world.Records("team").ListJournalAsync(new ListJournalRequest { ClientId = world.Person, PageSize = 1 });
        var rest = await world.Records("team").ListJournalAsync(new ListJournalRequest { ClientId = world.Person, PageSize = 1, PageToken = journal.NextPageToken });

        Assert.Equal((ContractParty.Team, "team-member-1", SampleRequests.Day(-2)), (visit.Entry.By, visit.Entry.AuthorId, visit.LastContactOn));
        Assert.Equal(ContactType.Attempt, Assert.Single(journal.Entries).Type);
        Assert.Equal(ContactType.HomeVisit, Assert.Single(rest.Entries).Type);
        Assert.Equal("", rest.NextPageToken);
        Assert.Equal(SampleRequests.Day(-2), (await gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = world.Person })).Client.LastContactOn);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => world.Records("team").ListWellBeingAsync(new ListWellBeingRequest { ClientId = world.Person }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => world.Records("team").GetPersonRecordAsync(new GetPersonRecordRequest { ClientId = world.Person }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => world.Contracts("team").GetSocialContractAsync(new GetSocialContractRequest { ClientId = world.Person }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => world.Records("person").AddJournalEntryAsync(SampleRequests.JournalEntry(world.Person)).ResponseAsync);

        // Without the person's agreement the team cannot write or read the journal.
        await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", world.Person)).SetTeamInvolvementAsync(new SetTeamInvolvementRequest { ClientId = world.Person, Agreed = false });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => world.Records("team").ListJournalAsync(new ListJournalRequest { ClientId = world.Person }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => world.Records("team").AddJournalEntryAsync(SampleRequests.JournalEntry(world.Person)).ResponseAsync);
    }

    [Fact]
    public async Task TheRecordShowsWellBeingToThePersonAndTheirCoachOnlyWithOutflowAndEarnings()
    {
        var world = await WorldAsync();
        await world.Records("coach").RecordWellBeingAsync(new RecordWellBeingRequest { ClientId = world.Person, Score = 8 });
        await world.Records("person").ReportOutflowAsync(new ReportOutflowRequest { ClientId = world.Person, HoursPerWeek = 20, StartOn = SampleRequests.Day(7) });
        await gateway.Clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = world.Person, Month = SampleRequests.Month(-1), NetEarningsCents = 52000, WorkHoursPerWeek = 12 });

        var own = (await world.Records("person").GetPersonRecordAsync(new GetPersonRecordRequest { ClientId = world.Person })).Record;
        var adminRecord = (await new RecordService.RecordServiceClient(gateway.Host.ChannelAs("admin", "admin-1"))
            .GetPersonRecordAsync(new GetPersonRecordRequest { ClientId = world.Person })).Record;

        Assert.Equal((8, 1), (own.LatestWellBeing.Score, own.WellBeingCheckIns));
        Assert.Empty(own.Withheld);
        Assert.Equal((20, SampleRequests.Day(7), ContractParty.Person), (Assert.Single(own.Outflows).HoursPerWeek, own.Outflows[0].StartOn, own.Outflows[0].By));
        Assert.Equal((SampleRequests.Month(-1), 52000L), (Assert.Single(own.RecentEarnings).Month, own.RecentEarnings[0].NetEarningsCents));
        Assert.Null(adminRecord.LatestWellBeing);
        Assert.Contains("latest_well_being", adminRecord.Withheld);
        Assert.Equal(own.Outflows, adminRecord.Outflows);
    }

    [Fact]
    public async Task ThePersonsExportHoldsTheContractItsHistoryWellBeingTheJournalOutflowAndEarnings()
    {
        var world = await WorldAsync();
        var goal = (await world.Contracts("person").ProposeGoalAsync(SampleRequests.Goal(world.Person, "Mijn eigen doel: weer fietsen"))).Goal;
        var suggestion = (await world.Contracts("coach").MakeSuggestionAsync(SampleRequests.Suggestion(world.Person))).Suggestion;
        await world.Contracts("person").RespondToSuggestionAsync(new RespondToSuggestionRequest { ClientId = world.Person, SuggestionId = suggestion.SuggestionId, Words = OwnWords });
        await world.Records("person").RecordWellBeingAsync(new RecordWellBeingRequest { ClientId = world.Person, Score = 5, Note = "Moe vandaag." });
        await world.Records("coach").AddJournalEntryAsync(SampleRequests.JournalEntry(world.Person));
        await world.Records("coach").ReportOutflowAsync(new ReportOutflowRequest { ClientId = world.Person, HoursPerWeek = 14, StartOn = SampleRequests.Day(3) });

        var export = await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", world.Person)).ExportPersonDataAsync(new ExportPersonDataRequest { ClientId = world.Person });

        using var json = JsonDocument.Parse(export.Json);
        var root = json.RootElement;
        Assert.Equal(goal.Description, root.GetProperty("socialContract").GetProperty("goals")[0].GetProperty("description").GetString());
        Assert.Equal(OwnWords, root.GetProperty("socialContract").GetProperty("suggestions")[0].GetProperty("words").GetString());
        Assert.Equal(3, root.GetProperty("contractHistory").GetArrayLength());
        Assert.Equal("Moe vandaag.", root.GetProperty("wellBeing")[0].GetProperty("note").GetString());
        Assert.Equal(SampleRequests.JournalEntry(world.Person).Note, root.GetProperty("contactJournal")[0].GetProperty("note").GetString());
        Assert.Equal(14, root.GetProperty("outflows")[0].GetProperty("hoursPerWeek").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("earnings").ValueKind);
        Assert.Equal(SampleRequests.Day(), root.GetProperty("record").GetProperty("lastContactOn").GetString());
    }

    private async Task<World> WorldAsync()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var coach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = 50 })).Coach.CoachId;
        var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = person });
        await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", person)).SetTeamInvolvementAsync(new SetTeamInvolvementRequest { ClientId = person, Agreed = true });
        return new World(gateway.Host, wijk, coach, person);
    }

    /// <summary>A person with a coach, who agreed to team involvement, and a channel for each of the three parties.</summary>
    private sealed class World(SiloHost host, string neighbourhood, string coach, string person)
    {
        private readonly Dictionary<string, Grpc.Net.Client.GrpcChannel> _channels = [];

        public string Coach { get; } = coach;

        public string Person { get; } = person;

        public ContractService.ContractServiceClient Contracts(string role) => new(Channel(role));

        public RecordService.RecordServiceClient Records(string role) => new(Channel(role));

        private Grpc.Net.Client.GrpcChannel Channel(string role)
        {
            if (!_channels.TryGetValue(role, out var channel))
            {
                channel = role switch
                {
                    "coach" => host.ChannelAs("coach", Coach),
                    "person" => host.ChannelAs("person", Person),
                    "team" => host.ChannelAs("team", "team-member-1", neighbourhood),
                    _ => throw new ArgumentOutOfRangeException(nameof(role), role, "coach, person or team"),
                };
                _channels[role] = channel;
            }

            return channel;
        }
    }
}
