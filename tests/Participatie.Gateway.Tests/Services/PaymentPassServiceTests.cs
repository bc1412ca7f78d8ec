using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>
/// Supplementary passes (nabetalingen) through the gateway: a month's run started again after it completed pays a
/// latecomer once, a late income form as its own line (owed back or paid), each pass's export holds only its own lines,
/// and the run shows every pass.
/// </summary>
[Collection(PaymentGatewayCollection.Name)]
public sealed class PaymentPassServiceTests(PaymentGatewayFixture gateway)
{
    private const string Month = "2025-10";
    private const long Norm = 136906;

    [Fact]
    public async Task LaterPassesPayALatecomerOnceAndALateIncomeFormAsItsOwnLineEachInItsOwnExport()
    {
        var payment = new AdminService.AdminServiceClient(gateway.Host.ChannelAs("admin", "payments-officer", purpose: "payment"));
        var (_, people) = await gateway.PeopleAsync(2);
        await gateway.Clients.SetPaymentDetailsAsync(new SetPaymentDetailsRequest { ClientId = people[0], Bsn = "111222333" });
        await PassAsync("admin-first");

        // After the first pass: someone registers, and a paid month gets a late income form.
        var (_, late) = await gateway.PeopleAsync(1);
        await gateway.Clients.SetPaymentDetailsAsync(new SetPaymentDetailsRequest { ClientId = late[0], Bsn = "123456782" });
        await gateway.Clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = people[0], Month = Month, NetEarningsCents = 40000, WorkHoursPerWeek = 12 });
        var pending = await StatementAsync(people[0]);
        var second = await PassAsync("admin-second");
        var exportTwo = await ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = Month }));

        // A corrected form: less was earned, so part of what is owed back is paid again, by a third pass.
        await gateway.Clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = people[0], Month = Month, NetEarningsCents = 20000, WorkHoursPerWeek = 12 });
        var third = await PassAsync("admin-third");
        var exportOne = await ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = Month, Pass = 1 }));
        var exportThree = await ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = Month, Pass = 3 }));
        var final = await StatementAsync(people[0]);

        // The paid statement stays as it was while the revision waits for the next pass.
        Assert.Equal((true, 1, true, Norm), (pending.Frozen, pending.Version, pending.RevisionPending, pending.TotalCents));

        // Pass 2: the latecomer's first payment, and what the first person owes back — not a payment.
        var two = exportTwo.SelectMany(m => m.Instructions).ToList();
        var newcomer = Assert.Single(two);
        Assert.Equal((late[0], "123456782", PaymentKind.Payment, Norm, 2, 1), (newcomer.ClientId, newcomer.Bsn, newcomer.Kind, newcomer.TotalCents, newcomer.Pass, newcomer.StatementVersion));
        var owed = Assert.Single(exportTwo.SelectMany(m => m.Recoveries));
        Assert.Equal((people[0], 30000L, 2, Norm - 30000, 2), (owed.ClientId, owed.AmountCents, owed.StatementVersion, owed.StatementTotalCents, owed.Pass));
        Assert.StartsWith("income form of 2025-10 reported on ", owed.Reason, StringComparison.Ordinal);
        var summaryTwo = exportTwo[^1].Summary;
        Assert.Equal((2, 1, Norm, 1, Norm, 1, 30000L, 1, 30000L), (summaryTwo.Pass, summaryTwo.Instructions, summaryTwo.TotalCents, summaryTwo.RunPaid, summaryTwo.RunTotalCents, summaryTwo.Recoveries, summaryTwo.RecoveryCents, summaryTwo.RunRecoveries, summaryTwo.RunRecoveryCents));

        // Pass 1 still exports as it paid; pass 3 only the supplementary payment.
        var one = exportOne.SelectMany(m => m.Instructions).Where(i => people.Contains(i.ClientId) || late.Contains(i.ClientId)).ToList();
        Assert.Equal([(people[0], Norm), (people[1], Norm)], one.OrderBy(i => i.ClientId == people[1]).Select(i => (i.ClientId, i.TotalCents)));
        Assert.All(exportOne.SelectMany(m => m.Instructions), i => Assert.Equal((1, PaymentKind.Payment), (i.Pass, i.Kind)));
        Assert.Empty(exportOne.SelectMany(m => m.Recoveries));
        var extra = Assert.Single(exportThree.SelectMany(m => m.Instructions));
        Assert.Equal((people[0], "111222333", PaymentKind.Supplementary, 15000L, 3, Norm - 15000), (extra.ClientId, extra.Bsn, extra.Kind, extra.TotalCents, extra.StatementVersion, extra.StatementTotalCents));

        // The statement: three versions, the lines adding up to the last.
        Assert.Equal((3, Norm - 20000 + 5000, false), (final.Version, final.TotalCents, final.RevisionPending));
        Assert.Equal(
            [(1, PaymentKind.Payment, Norm, 1), (2, PaymentKind.Recovery, -30000L, 2), (3, PaymentKind.Supplementary, 15000L, 3)],
            final.Payments.Select(p => (p.Version, p.Kind, p.AmountCents, p.Pass)));

        // The run: every pass, dated and signed; its total what the latest versions come to.
        Assert.Equal([1, 2, 3], third.PassSummaries.Select(p => p.Number));
        Assert.Equal(["admin-first", "admin-second", "admin-third"], third.PassSummaries.Select(p => p.StartedBy));
        Assert.All(third.PassSummaries, p => Assert.NotEmpty(p.CompletedAt));
        Assert.Equal((1, Norm, 0, 1, 30000L), (second.PassSummaries[1].Paid, second.PassSummaries[1].PaidCents, second.PassSummaries[1].Supplementary, second.PassSummaries[1].Recoveries, second.PassSummaries[1].RecoveryCents));
        Assert.Equal((0, 1, 15000L, 0), (third.PassSummaries[2].Paid, third.PassSummaries[2].Supplementary, third.PassSummaries[2].SupplementaryCents, third.PassSummaries[2].Recoveries));
        Assert.Equal(third.PassSummaries.Sum(p => p.PaidCents + p.SupplementaryCents - p.RecoveryCents), third.TotalCents);
        Assert.Equal(third.TotalCents, third.Neighbourhoods.Sum(n => n.TotalCents));
    }

    [Fact]
    public async Task APassTheRunDoesNotHaveIsInvalidAndOneUnderWayCannotBeExported()
    {
        var payment = new AdminService.AdminServiceClient(gateway.Host.ChannelAs("admin", "payments-officer", purpose: "payment"));
        await gateway.PeopleAsync(1);
        await PassAsync("admin-test", "2025-11");

        await RpcAssert.InvalidAsync(() => ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = "2025-11", Pass = 2 })), "pass");
        await RpcAssert.InvalidAsync(() => ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = "2025-11", Pass = -1 })), "pass");
        var exported = await ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = "2025-11", Pass = 1 }));
        Assert.Equal(1, exported[^1].Summary.Pass);
    }

    private async Task<BenefitStatement> StatementAsync(string client) =>
        (await gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = client, Month = Month })).Statement;

    /// <summary>Starts the month's run (the next pass once one completed) and waits until that pass completed.</summary>
    private async Task<PaymentRun> PassAsync(string startedBy, string month = Month)
    {
        var run = await gateway.CompletedPassAsync(month, startedBy);
        Assert.Equal(0, run.Failed);
        return run;
    }

    private static async Task<List<ExportPaymentsResponse>> ReadAllAsync(AsyncServerStreamingCall<ExportPaymentsResponse> call)
    {
        using (call)
        {
            var messages = new List<ExportPaymentsResponse>();
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                messages.Add(message);
            }

            return messages;
        }
    }
}
