using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>
/// The payment export: the only reply that carries a BSN, only for a completed run, only for the purpose payment,
/// and every person in it audited before their page leaves.
/// </summary>
[Collection(PaymentGatewayCollection.Name)]
public sealed class PaymentExportTests(PaymentGatewayFixture gateway)
{
    private const string Month = "2025-09";
    private const long NormSingleSeptember2025 = 136906;

    [Fact]
    public async Task ACompletedRunExportsEachPaidPersonWithTheirBsnAndAuditsThemForPayment()
    {
        var (_, people) = await gateway.PeopleAsync(3);
        await gateway.Clients.SetPaymentDetailsAsync(new SetPaymentDetailsRequest { ClientId = people[0], Bsn = "111222333" });
        await gateway.Clients.SetPaymentDetailsAsync(new SetPaymentDetailsRequest { ClientId = people[1], Bsn = "123456782" });
        var payment = new AdminService.AdminServiceClient(gateway.Host.ChannelAs("admin", "payments-officer", purpose: "payment"));
        var run = await CompletedRunAsync();

        var messages = await ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = Month }));

        var instructions = messages.SelectMany(m => m.Instructions).ToList();
        var byPerson = instructions.Where(i => people.Contains(i.ClientId)).ToDictionary(i => i.ClientId);
        Assert.Equal(3, byPerson.Count);
        Assert.Equal(("111222333", PaymentDetailsState.Present), (byPerson[people[0]].Bsn, byPerson[people[0]].PaymentDetails));
        Assert.Equal(("123456782", PaymentDetailsState.Present), (byPerson[people[1]].Bsn, byPerson[people[1]].PaymentDetails));
        Assert.Equal(("", PaymentDetailsState.Missing), (byPerson[people[2]].Bsn, byPerson[people[2]].PaymentDetails));
        Assert.All(byPerson.Values, i => Assert.Equal((NormSingleSeptember2025, "pay-" + Month), (i.TotalCents, i.RunId)));
        Assert.Equal(instructions.Count, instructions.Select(i => i.ClientId).Distinct().Count());

        // The summary comes last and reconciles with the run.
        Assert.All(messages.SkipLast(1), m => Assert.Null(m.Summary));
        var summary = messages[^1].Summary;
        Assert.Equal((instructions.Count, instructions.Sum(i => i.TotalCents)), (summary.Instructions, summary.TotalCents));
        Assert.Equal((run.Paid, run.TotalCents), (summary.RunPaid, summary.RunTotalCents));
        Assert.Equal(instructions.Count(i => i.PaymentDetails == PaymentDetailsState.Missing), summary.MissingPaymentDetails);

        foreach (var person in people)
        {
            var log = (await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = person })).Entries;
            Assert.Contains(log, e => e.Action == "AdminService.ExportPayments" && e.Purpose == "payment" && e.ActorId == "payments-officer" && e.Outcome == "OK");
        }
    }

    [Fact]
    public async Task TheExportIsOnlyForThePurposePaymentAndOnlyForACompletedRun()
    {
        var payment = new AdminService.AdminServiceClient(gateway.Host.ChannelAs("admin", "payments-officer", purpose: "payment"));
        var casework = new AdminService.AdminServiceClient(gateway.Host.ChannelAs("admin", "payments-officer", purpose: "case_work"));
        var undeclared = new AdminService.AdminServiceClient(gateway.Host.ChannelAs("admin", "payments-officer", purpose: null));
        var coach = new AdminService.AdminServiceClient(gateway.Host.ChannelAs("coach", "co-0000000000000001", purpose: "payment"));

        await RpcAssert.PreconditionAsync(() => ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = "2025-08" })), "PAYMENT_RUN_NOT_COMPLETED");
        await RpcAssert.InvalidAsync(() => ReadAllAsync(payment.ExportPayments(new ExportPaymentsRequest { Month = "2025-8" })), "month");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ReadAllAsync(casework.ExportPayments(new ExportPaymentsRequest { Month = Month })));
        await RpcAssert.InvalidAsync(() => ReadAllAsync(undeclared.ExportPayments(new ExportPaymentsRequest { Month = Month })), "x-purpose");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ReadAllAsync(coach.ExportPayments(new ExportPaymentsRequest { Month = Month })));
        var untouched = (await gateway.Admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = "2025-08" })).Run;
        Assert.Equal(PaymentRunStatus.NotStarted, untouched.Status);
    }

    private async Task<PaymentRun> CompletedRunAsync()
    {
        var started = (await gateway.Admin.StartPaymentRunAsync(new StartPaymentRunRequest { Month = Month })).Run;
        await gateway.Host.PaymentPassCompletedAsync(Month, started.Passes);
        var run = (await gateway.Admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = Month })).Run;

        Assert.Equal(PaymentRunStatus.Completed, run.Status);
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
