using System.Text;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>ClientService.ListClients through a real channel: scoped to the caller, audited, filtered, paged, validated.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ClientListServiceTests(GatewayFixture gateway)
{
    [Fact]
    public async Task ACoachListsOnlyTheirCaseloadAndATeamOnlyTheResidentsWhoAgreed()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var otherWijk = await gateway.NewNeighbourhoodAsync();
        var coach = await CoachAsync();
        var otherCoach = await CoachAsync();
        var agreed = await PersonAsync(wijk, coach, teamInvolvement: true);
        var notAgreed = await PersonAsync(wijk, otherCoach, teamInvolvement: false);
        var elsewhere = await PersonAsync(otherWijk, coach, teamInvolvement: true);
        var asCoach = new ClientService.ClientServiceClient(gateway.Host.ChannelAs("coach", coach));
        var asTeam = new ClientService.ClientServiceClient(gateway.Host.ChannelAs("team", "team-member-1", wijk));

        Assert.Equal(Sorted(agreed, elsewhere), Ids(await asCoach.ListClientsAsync(new ListClientsRequest())));
        Assert.Equal(Sorted(agreed, elsewhere), Ids(await asCoach.ListClientsAsync(new ListClientsRequest { CoachId = coach })));
        Assert.Equal([agreed], Ids(await asTeam.ListClientsAsync(new ListClientsRequest())));
        Assert.Equal(Sorted(agreed, notAgreed), Ids(await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk })));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => asCoach.ListClientsAsync(new ListClientsRequest { CoachId = otherCoach }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => asTeam.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = otherWijk }).ResponseAsync);
        var asPerson = new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", agreed, purpose: null));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => asPerson.ListClientsAsync(new ListClientsRequest()).ResponseAsync);

        // The list showed these people to the coach: each of them has it in their access log.
        foreach (var shown in new[] { agreed, elsewhere })
        {
            var log = await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = shown, ActorId = coach });
            Assert.Contains(log.Entries, e => e is { Action: "ClientService.ListClients", ActorRole: "coach", Purpose: "testing", Outcome: "OK" });
        }

        Assert.DoesNotContain((await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = notAgreed, ActorId = "team-member-1" })).Entries, e => e.Action == "ClientService.ListClients");
    }

    [Fact]
    public async Task ANamePrefixFindsPeopleWhateverTheCaseAccentsOrHyphensAndPagesCoverThemOnce()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var names = new[] { ("Ayşe", "Çelik"), ("Sanne", "Jansen"), ("Kees", "Janssen"), ("Piet", "Jansen"), ("Mohamed", "El Amrani") };
        var ids = new Dictionary<string, string>();
        foreach (var (given, family) in names)
        {
            var intake = GatewayFixture.Intake(wijk);
            intake.GivenName = given;
            intake.FamilyName = family;
            ids[$"{given} {family}"] = (await gateway.Clients.RegisterClientAsync(intake)).Client.ClientId;
        }

        var celik = await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk, NamePrefix = "CELIK" });
        Assert.Equal(("Ayşe", "Çelik", Segment.BeyondCut), (celik.Clients[0].GivenName, celik.Clients[0].FamilyName, celik.Clients[0].Segment));
        Assert.Empty((await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk, Segment = Segment.WithinCut })).Clients);
        Assert.Equal([ids["Mohamed El Amrani"]], Ids(await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk, NamePrefix = "el-amr" })));
        Assert.Equal([ids["Piet Jansen"], ids["Sanne Jansen"], ids["Kees Janssen"]], Ids(await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk, NamePrefix = "jans" })));
        Assert.Equal([ids["Sanne Jansen"]], Ids(await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk, NamePrefix = "Jansen, S" })));
        Assert.Equal(5, (await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk, Participation = ParticipationFilter.Inactive })).Clients.Count);
        Assert.Empty((await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk, Participation = ParticipationFilter.Active })).Clients);

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await gateway.Clients.ListClientsAsync(new ListClientsRequest { NeighbourhoodId = wijk, PageSize = 2, PageToken = token });
            seen.AddRange(Ids(page));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(["Ayşe Çelik", "Mohamed El Amrani", "Piet Jansen", "Sanne Jansen", "Kees Janssen"], seen.Select(id => ids.Single(p => p.Value == id).Key));
    }

    [Fact]
    public async Task BadListRequestsAreInvalidArgumentNamingEachField()
    {
        await RpcAssert.InvalidAsync(
            () => gateway.Clients.ListClientsAsync(new ListClientsRequest { CoachId = "co-x", NeighbourhoodId = "Feijenoord", Segment = (Segment)99, Participation = (ParticipationFilter)7, NamePrefix = "a\u0001b" }).ResponseAsync,
            "coach_id", "neighbourhood_id", "segment", "participation", "name_prefix");
        await RpcAssert.InvalidAsync(() => gateway.Clients.ListClientsAsync(new ListClientsRequest { NamePrefix = "- ' -" }).ResponseAsync, "name_prefix");
        await RpcAssert.InvalidAsync(() => gateway.Clients.ListClientsAsync(new ListClientsRequest { NamePrefix = new string('a', 101) }).ResponseAsync, "name_prefix");
        await RpcAssert.InvalidAsync(() => gateway.Clients.ListClientsAsync(new ListClientsRequest { PageSize = 1001 }).ResponseAsync, "page_size");
        await RpcAssert.InvalidAsync(() => gateway.Clients.ListClientsAsync(new ListClientsRequest { PageToken = "not-a-token" }).ResponseAsync, "page_token");
        var forged = "p1." + Convert.ToBase64String(Encoding.UTF8.GetBytes("cl-0000000000000000 Jansen")).TrimEnd('=');
        await RpcAssert.InvalidAsync(() => gateway.Clients.ListClientsAsync(new ListClientsRequest { PageToken = forged }).ResponseAsync, "page_token");
    }

    private static List<string> Ids(ListClientsResponse response) => [.. response.Clients.Select(c => c.ClientId)];

    private static List<string> Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    private async Task<string> CoachAsync() =>
        (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk Bakker", CaseloadLimit = 10 })).Coach.CoachId;

    private async Task<string> PersonAsync(string wijk, string coach, bool teamInvolvement)
    {
        var id = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = id });
        var own = new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", id, purpose: null));
        await own.SetTeamInvolvementAsync(new SetTeamInvolvementRequest { ClientId = id, Agreed = teamInvolvement });
        return id;
    }
}
