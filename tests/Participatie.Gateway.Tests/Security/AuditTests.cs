using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Security;

/// <summary>Every look at and change of a person's data is recorded, and the person can see who looked and why.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuditTests(GatewayFixture gateway)
{
    [Fact]
    public async Task ThePersonSeesWhoLookedAtTheirRecordAndWhy()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var id = (await gateway.Clients.RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
        var coach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = 10 })).Coach.CoachId;
        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = id });

        await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("coach", coach, purpose: "case_work")).GetClientAsync(new GetClientRequest { ClientId = id });
        await new CoachService.CoachServiceClient(gateway.Host.ChannelAs("coach", coach, purpose: "supervision")).GetCaseloadAsync(new GetCaseloadRequest { CoachId = coach });
        // A refused look shows nothing, but it is recorded as refused: someone probing other people's records is visible.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            new ClientService.ClientServiceClient(gateway.Host.ChannelAs("team", "t-1", wijk)).GetClientAsync(new GetClientRequest { ClientId = id }).ResponseAsync);

        var log = (await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", id, purpose: null)).GetAccessLogAsync(new GetAccessLogRequest { ClientId = id })).Entries;

        Assert.Contains(log, e => e.ActorRole == "coach" && e.ActorId == coach && e.Action == "ClientService.GetClient" && e.Purpose == "case_work" && e.Outcome == "OK");
        Assert.Contains(log, e => e.ActorId == coach && e.Action == "CoachService.GetCaseload" && e.Purpose == "supervision");
        Assert.Contains(log, e => e.ActorRole == "admin" && e.Action == "ClientService.RegisterClient" && e.Purpose == "testing");
        Assert.Contains(log, e => e.ActorRole == "admin" && e.Action == "CoachService.AssignClient");
        Assert.Equal(["PermissionDenied"], log.Where(e => e.ActorRole == "team").Select(e => e.Outcome));
        Assert.All(log, e => Assert.Equal(id, e.ClientId));
        Assert.True(log.Zip(log.Skip(1)).All(p => string.CompareOrdinal(p.First.At, p.Second.At) >= 0), "newest first");
    }

    [Fact]
    public async Task FailedCallsOnAPersonAreRecordedWithTheirOutcome()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var id = (await gateway.Clients.RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => gateway.Clients.SetLegalHoldAsync(new SetLegalHoldRequest { ClientId = id, Hold = true, Reason = "short" }).ResponseAsync);

        var log = (await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = id })).Entries;
        Assert.Contains(log, e => e.Action == "ClientService.SetLegalHold" && e.Outcome == "InvalidArgument");
    }

    [Fact]
    public async Task AdminsFilterTheLogByActionAndOutcomeAndAreToldWhenAFilterIsNotOne()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var id = (await gateway.Clients.RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
        await gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = id });
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => gateway.Clients.SetLegalHoldAsync(new SetLegalHoldRequest { ClientId = id, Hold = true, Reason = "short" }).ResponseAsync);

        var reads = (await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = id, Action = "ClientService.GetClient" })).Entries;
        var refused = (await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = id, Outcome = "InvalidArgument" })).Entries;
        var both = (await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = id, Action = "ClientService.GetClient", Outcome = "InvalidArgument" })).Entries;

        Assert.Equal([("ClientService.GetClient", "OK")], reads.Select(e => (e.Action, e.Outcome)));
        Assert.Equal([("ClientService.SetLegalHold", "InvalidArgument")], refused.Select(e => (e.Action, e.Outcome)));
        Assert.Empty(both);
        await RpcAssert.InvalidAsync(() => gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { Action = "GetClient" }).ResponseAsync, "action");
        await RpcAssert.InvalidAsync(() => gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { Outcome = "refused" }).ResponseAsync, "outcome");
    }

    [Fact]
    public async Task AdminsPageThroughTheLogByActorAndPeriod()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var id = (await gateway.Clients.RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
        var reader = gateway.Host.ChannelAs("admin", "auditor-" + Guid.NewGuid().ToString("N")[..6], purpose: "legal_duty");
        for (var i = 0; i < 5; i++)
        {
            await new ClientService.ClientServiceClient(reader).GetClientAsync(new GetClientRequest { ClientId = id });
        }

        var actor = (await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = id, PageSize = 2 })).Entries[0].ActorId;
        var seen = new List<AccessLogEntry>();
        var request = new QueryAuditLogRequest { ActorId = actor, PageSize = 2, From = DateTime.UtcNow.AddHours(-1).ToString("O") };
        do
        {
            var page = await gateway.Admin.QueryAuditLogAsync(request);
            seen.AddRange(page.Entries);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(5, seen.Count);
        Assert.All(seen, e => Assert.Equal("legal_duty", e.Purpose));
        await RpcAssert.InvalidAsync(() => gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { From = "yesterday" }).ResponseAsync, "from");
        await RpcAssert.InvalidAsync(() => gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { PageToken = "p1.bm90LWEtbnVtYmVy" }).ResponseAsync, "page_token");
    }

    [Fact]
    public void WhosePaymentFailedIsAReadOfTheirDataAuditedForThePurposePayment()
    {
        var rule = Participatie.Gateway.Security.AccessRules.ByMethod[$"/{AdminService.Descriptor.FullName}/GetPaymentRun"];
        var reply = new GetPaymentRunResponse { Run = new PaymentRun { Failures = { new PaymentFailure { ClientId = "cl-0000000000000001", Reason = "no payment details" } } } };

        Assert.True(rule.PersonData);
        Assert.Equal(["cl-0000000000000001"], rule.PeopleInReply!(reply));
        Assert.Equal("payment", rule.PurposeWhenUndeclared);

        // Starting a run that is under way answers with the same progress.
        var start = Participatie.Gateway.Security.AccessRules.ByMethod[$"/{AdminService.Descriptor.FullName}/StartPaymentRun"];
        Assert.True(start.PersonData);
        Assert.Equal(["cl-0000000000000001"], start.PeopleInReply!(new StartPaymentRunResponse { Run = reply.Run }));
        Assert.Equal("payment", start.PurposeWhenUndeclared);
    }
}
