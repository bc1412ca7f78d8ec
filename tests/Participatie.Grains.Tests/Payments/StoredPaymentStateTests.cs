using System.Text.Json;
using System.Text.Json.Serialization;
using Participatie.Abstractions.Payments;
using Participatie.Grains.Clients;
using Participatie.Grains.Payments;

namespace Participatie.Grains.Tests.Payments;

/// <summary>
/// Rows written before payment passes (as d53ae92 stored them, with the silo's JSON options) read with today's classes:
/// a run of two starts as one pass 1, a frozen statement as version 1 of pass 1 that paid its total.
/// </summary>
public sealed class StoredPaymentStateTests
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void ARunStoredBeforePassesReadsAsOneCompletedPass()
    {
        const string row = """
            {"schemaVersion":1,"status":"Completed","startedBy":"admin","startedAt":"2026-02-01T08:00:00+00:00",
             "completedAt":"2026-02-01T08:05:00+00:00","passes":2,"expected":3,"processed":3,"batch":4,
             "cursorNeighbourhood":null,"cursorAfter":null,"paid":3,"totalCents":420450,"zeroTotal":0,"failed":0,
             "failures":[],"neighbourhoods":{"wk-a":{"paid":3,"totalCents":420450}},"current":null}
            """;

        var state = JsonSerializer.Deserialize<PaymentRunState>(row, Stored)!;
        state.ReadLegacyPasses();

        Assert.Equal((PaymentRunStatus.Completed, 1, 3, 420450L), (state.Status, state.Passes, state.Paid, state.TotalCents));
        var pass = Assert.Single(state.PassLog);
        Assert.Equal((1, "admin", 3, 420450L, 0, 0), (pass.Number, pass.StartedBy, pass.Paid, pass.PaidCents, pass.Supplementary, pass.Recoveries));
        Assert.Equal(state.CompletedAt, pass.CompletedAt);
    }

    [Fact]
    public void AStatementFrozenBeforeVersionsReadsAsTheFirstPaymentOfPassOne()
    {
        const string row = """
            {"schemaVersion":1,"registered":true,"statements":[{"month":"2026-01-01","lines":[{"rule":"norm","explanation":"norm",
             "amountCents":140150,"figures":[{"rule":"NormSingle","effectiveFrom":"2026-01-01"}]}],"notes":[],"totalCents":140150,
             "neighbourhoodId":"wk-a","paymentRunId":"pay-2026-01","batch":2,"frozenAt":"2026-01-01T08:00:00+00:00"}]}
            """;

        var state = JsonSerializer.Deserialize<ClientState>(row, Stored)!;

        var statement = Assert.Single(state.Statements);
        Assert.Equal((1, 1, 140150L, 140150L, null), (statement.PassNumber, statement.VersionNumber, statement.Amount, statement.TotalCents, statement.Reason));
        Assert.Equal(Abstractions.Clients.PaymentKind.Payment, statement.Kind());
        Assert.Empty(state.Revisions);
        Assert.Empty(state.RevisionsDue);
    }
}
