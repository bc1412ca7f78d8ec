using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

[Collection(PaymentGatewayCollection.Name)]
public sealed class PaymentRunServiceTests(PaymentGatewayFixture gateway)
{
    [Fact]
    public async Task AMonthsRunFreezesEveryStatementAndReportsTotalsPerNeighbourhood()
    {
        var (wijk, people) = await gateway.PeopleAsync(3);
        var before = (await gateway.Admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = "2026-01" })).Run;

        var started = (await gateway.AdminAs("admin-test").StartPaymentRunAsync(new StartPaymentRunRequest { Month = "2026-01" })).Run;
        await gateway.Host.PaymentPassCompletedAsync("2026-01", started.Passes);
        var done = (await gateway.Admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = "2026-01" })).Run;

        var second = (await gateway.AdminAs("admin-again").StartPaymentRunAsync(new StartPaymentRunRequest { Month = "2026-01" })).Run;
        await gateway.Host.PaymentPassCompletedAsync("2026-01", second.Passes);
        var again = (await gateway.Admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = "2026-01" })).Run;

        var statement = (await gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = people[0], Month = "2026-01" })).Statement;

        Assert.Equal(PaymentRunStatus.NotStarted, before.Status);
        Assert.Equal(("pay-2026-01", "2026-01", "admin-test"), (started.RunId, started.Month, started.StartedBy));
        Assert.Equal(PaymentRunStatus.Completed, done.Status);
        Assert.Equal((done.Expected, 0), (done.Paid, done.Failed));
        // Starting it again is a second pass (changed: it used to return the run unchanged); it pays nobody twice.
        Assert.Equal((2, done.Paid, done.TotalCents), (again.Passes, again.Paid, again.TotalCents));
        Assert.Equal(done.Neighbourhoods, again.Neighbourhoods);
        Assert.Equal((2, "admin-again", 0, 0, 0), (again.PassSummaries[1].Number, again.PassSummaries[1].StartedBy, again.PassSummaries[1].Paid, again.PassSummaries[1].Supplementary, again.PassSummaries[1].Recoveries));
        var row = done.Neighbourhoods.Single(n => n.NeighbourhoodId == wijk);
        Assert.Equal((3, 3 * 140150L), (row.Paid, row.TotalCents));
        Assert.Equal((true, "pay-2026-01", 140150L, 1), (statement.Frozen, statement.PaymentRunId, statement.TotalCents, statement.Version));
    }

    [Fact]
    public async Task ABadMonthIsInvalidAndAMonthTooFarAheadIsNotDue()
    {
        await RpcAssert.InvalidAsync(() => gateway.Admin.StartPaymentRunAsync(new StartPaymentRunRequest { Month = "2026-1" }).ResponseAsync, "month");
        await RpcAssert.InvalidAsync(() => gateway.Admin.GetPaymentRunAsync(new GetPaymentRunRequest()).ResponseAsync, "month");
        await RpcAssert.PreconditionAsync(() => gateway.Admin.StartPaymentRunAsync(new StartPaymentRunRequest { Month = SampleRequests.Month(2) }).ResponseAsync, "MONTH_NOT_DUE");
        var untouched = (await gateway.Admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = "2025-12" })).Run;
        Assert.Equal(PaymentRunStatus.NotStarted, untouched.Status);
    }

    [Fact]
    public async Task ARunIsSignedByTheAdminWhoStartedItNotByTheNameInTheRequest()
    {
#pragma warning disable CS0612 // The deprecated field is sent on purpose, as an older client would.
        var request = new StartPaymentRunRequest { Month = "2024-07", StartedBy = Security.ActorTests.Claimed };
#pragma warning restore CS0612

        var run = (await gateway.AdminAs("admin-8").StartPaymentRunAsync(request)).Run;

        Assert.Equal(("admin-8", "admin-8"), (run.StartedBy, run.PassSummaries.Single().StartedBy));
    }
}
