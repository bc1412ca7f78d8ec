using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

[Collection(GatewayCollection.Name)]
public sealed class CoachServiceTests(GatewayFixture gateway)
{
    [Fact]
    public async Task AssignReassignAndReleaseKeepCaseloadsAndRecordsInAgreement()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var client = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        var first = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk Bakker" })).Coach.CoachId;
        var second = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Youssef Ait" })).Coach.CoachId;

        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = first, ClientId = client });
        var moved = await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = second, ClientId = client });

        Assert.Equal(first, moved.PreviousCoachId);
        Assert.Equal(1, moved.Coach.CaseloadSize);
        var caseload = await gateway.Coaches.GetCaseloadAsync(new GetCaseloadRequest { CoachId = second });
        Assert.Equal("Mohamed El Amrani", Assert.Single(caseload.Entries).DisplayName);
        Assert.Empty((await gateway.Coaches.GetCaseloadAsync(new GetCaseloadRequest { CoachId = first })).Entries);

        await RpcAssert.PreconditionAsync(() => gateway.Coaches.ReleaseClientAsync(new ReleaseClientRequest { CoachId = first, ClientId = client }).ResponseAsync, "NOT_IN_CASELOAD");
        var released = await gateway.Coaches.ReleaseClientAsync(new ReleaseClientRequest { CoachId = second, ClientId = client });

        Assert.Equal(0, released.Coach.CaseloadSize);
        Assert.Equal(string.Empty, (await gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = client })).Client.CoachId);
    }

    [Fact]
    public async Task ListCoachesGivesEveryCoachWithTheirCaseloadPageByPage()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var fatima = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Fatima Yilmaz", CaseloadLimit = 12 })).Coach.CoachId;
        var client = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = fatima, ClientId = client });

        var whole = await gateway.Coaches.ListCoachesAsync(new ListCoachesRequest { PageSize = 1000 });
        var paged = new List<Coach>();
        var request = new ListCoachesRequest { PageSize = 2 };
        do
        {
            var page = await gateway.Coaches.ListCoachesAsync(request);
            Assert.InRange(page.Coaches.Count, 0, 2);
            paged.AddRange(page.Coaches);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != string.Empty);

        var listed = Assert.Single(whole.Coaches, c => c.CoachId == fatima);
        Assert.Equal(("Fatima Yilmaz", 12, 1), (listed.DisplayName, listed.CaseloadLimit, listed.CaseloadSize));
        Assert.Empty(whole.NextPageToken);
        Assert.Equal(whole.Coaches.Select(c => c.CoachId).Order(StringComparer.Ordinal), whole.Coaches.Select(c => c.CoachId));
        Assert.Equal(whole.Coaches, paged);
        await RpcAssert.InvalidAsync(() => gateway.Coaches.ListCoachesAsync(new ListCoachesRequest { PageSize = 1001 }).ResponseAsync, "page_size");
        await RpcAssert.InvalidAsync(() => gateway.Coaches.ListCoachesAsync(new ListCoachesRequest { PageToken = "not-a-token" }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task AFullCaseloadGetsFailedPreconditionCaseloadFull()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var coach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk Bakker", CaseloadLimit = 1 })).Coach.CoachId;
        var clients = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            clients.Add((await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId);
        }

        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = clients[0] });

        await RpcAssert.PreconditionAsync(() => gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = clients[1] }).ResponseAsync, "CASELOAD_FULL");
        Assert.Equal(string.Empty, (await gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = clients[1] })).Client.CoachId);
    }

    [Fact]
    public async Task BadCoachRequestsAreInvalidOrNotFoundAndChangeNothing()
    {
        await RpcAssert.InvalidAsync(() => gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "", CaseloadLimit = -5 }).ResponseAsync, "display_name", "caseload_limit");
        // Names others read in lists and logs are one line, without bidirectional controls that make them read otherwise.
        await RpcAssert.InvalidAsync(() => gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne\nJansen" }).ResponseAsync, "display_name");
        await RpcAssert.InvalidAsync(() => gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne \u202Enesnaj" }).ResponseAsync, "display_name");
        await RpcAssert.InvalidAsync(() => gateway.Neighbourhoods.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-bidi", Name = "Char\u2066lois", Municipality = "Rotter\rdam" }).ResponseAsync, "name", "municipality");
        var intake = GatewayFixture.Intake(await gateway.NewNeighbourhoodAsync());
        intake.FamilyName = "Jansen \u202Edrofnav";
        await RpcAssert.InvalidAsync(() => gateway.Clients.RegisterClientAsync(intake).ResponseAsync, "family_name");
        await RpcAssert.InvalidAsync(() => gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = "co-x", ClientId = "nobody" }).ResponseAsync, "coach_id", "client_id");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = "co-0000000000000000", ClientId = "cl-0000000000000000" }).ResponseAsync);
        await RpcAssert.InvalidAsync(() => gateway.Coaches.GetCaseloadAsync(new GetCaseloadRequest { CoachId = "co-0000000000000000", PageToken = "not-a-token" }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => gateway.Coaches.GetCaseloadAsync(new GetCaseloadRequest { CoachId = "co-0000000000000000", PageSize = 100_000 }).ResponseAsync, "page_size");
    }

    [Fact]
    public async Task CaseloadPagesWithTokensCoverEveryoneOnce()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var coach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk Bakker", CaseloadLimit = 5 })).Coach.CoachId;
        var clients = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
            await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = id });
            clients.Add(id);
        }

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await gateway.Coaches.GetCaseloadAsync(new GetCaseloadRequest { CoachId = coach, PageSize = 2, PageToken = token });
            seen.AddRange(page.Entries.Select(e => e.ClientId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(clients.Order(StringComparer.Ordinal), seen);
    }
}
