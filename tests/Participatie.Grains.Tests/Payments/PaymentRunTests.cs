using System.Text.Json;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Payments;
using Participatie.Domain.Benefits;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Payments;

/// <summary>
/// Monthly payment runs, in a cluster of their own (batches of 3, a resume reminder every 2 s). Every test pays a month
/// of its own; a run pays everyone registered in this cluster, so figures are checked per neighbourhood of the test and
/// as invariants of the whole run (everyone expected is paid once).
/// </summary>
[Collection(PaymentsCollection.Name)]
public sealed class PaymentRunTests(PaymentsFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task ARunPaysEveryoneOnceAndStartingItAgainPaysNobodyTwice()
    {
        var (north, northPeople) = await PeopleAsync(4);
        var (south, southPeople) = await PeopleAsync(3);
        await _grains.GetGrain<IClientGrain>(southPeople[0]).ReportEarningsAsync(new ReportEarningsCommand("2025-02", 50000, 12, 0, false, "person"));
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(new DateOnly(2025, 2, 1)));

        await run.StartAsync("admin-test");
        var done = await CompletedAsync(run);
        var again = await run.StartAsync("admin-test");

        Assert.Equal((done.Expected, done.Expected, 0, 1), (done.Paid, done.Processed, done.Failed, done.Passes));
        Assert.Equal(done.TotalCents, done.Neighbourhoods.Sum(n => n.TotalCents));
        await AssertPaidAsync(done, north, northPeople);
        await AssertPaidAsync(done, south, southPeople);
        Assert.Equal((2 * 134545) + (134545 - 50000 + 12500), done.Neighbourhoods.Single(n => n.NeighbourhoodId == south).TotalCents);
        Assert.Equal(JsonSerializer.Serialize(done), JsonSerializer.Serialize(again));

        var person = _grains.GetGrain<IClientGrain>(northPeople[0]);
        var paid = await Assert.ThrowsAsync<PreconditionFailedException>(() => person.ReportEarningsAsync(new ReportEarningsCommand("2025-02", 1, 1, 0, false, "person")));
        var sanction = await Assert.ThrowsAsync<PreconditionFailedException>(() => person.RecordSanctionAsync(new RecordSanctionCommand("MR-LATE", "2025-02", 100, 1, false, "coach-test")));
        Assert.Equal((Reasons.MonthPaid, Reasons.MonthPaid), (paid.Reason, sanction.Reason));
    }

    [Fact]
    public async Task ARunBrokenOffAfterFreezingABatchRepeatsThatBatchAndCountsEveryoneOnce()
    {
        var (wijk, people) = await PeopleAsync(5);
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(new DateOnly(2025, 3, 1)));
        var fired = ClusterFixture.Faults.Fired(FaultPoint.PaymentRunAfterFreeze);
        ClusterFixture.Faults.Arm(FaultPoint.PaymentRunAfterFreeze);
        PaymentRunView done;
        try
        {
            await run.StartAsync("admin-test");
            done = await CompletedAsync(run);
        }
        finally
        {
            ClusterFixture.Faults.DisarmAll();
        }

        // The first batch's statements were frozen, its progress never stored: the run repeated it and counted it once.
        Assert.Equal(fired + 1, ClusterFixture.Faults.Fired(FaultPoint.PaymentRunAfterFreeze));
        Assert.Equal((done.Expected, done.Expected, 0), (done.Paid, done.Processed, done.Failed));
        await AssertPaidAsync(done, wijk, people);
    }

    [Fact]
    public async Task ARunBrokenOffIsContinuedByItsReminderWithoutAnyCall()
    {
        var (wijk, people) = await PeopleAsync(4);
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(new DateOnly(2025, 5, 1)));
        ClusterFixture.Faults.Arm(FaultPoint.PaymentRunAfterFreeze);
        try
        {
            await run.StartAsync("admin-test");

            // Nobody calls the run: only its reminder can wake it. Watch the people's statements instead.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !(await Task.WhenAll(people.Select(p => _grains.GetGrain<IClientGrain>(p).GetBenefitStatementAsync("2025-05")))).All(s => s.Frozen))
            {
                await Task.Delay(250);
            }
        }
        finally
        {
            ClusterFixture.Faults.DisarmAll();
        }

        var done = await CompletedAsync(run);
        Assert.Equal((done.Expected, 0), (done.Paid, done.Failed));
        await AssertPaidAsync(done, wijk, people);
    }

    [Fact]
    public async Task AStatementPaidBeforeARuleChangeStaysAsPaid()
    {
        var (wijk, people) = await PeopleAsync(2);
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(new DateOnly(2025, 4, 1)));
        await run.StartAsync("admin-test");
        await AssertPaidAsync(await CompletedAsync(run), wijk, people);
        var paid = await _grains.GetGrain<IClientGrain>(people[0]).GetBenefitStatementAsync("2025-04");

        ClusterFixture.Benefits.Change(table => table.Entries.AddRange(
        [
            new BenefitFigure { Rule = BenefitRule.NormSingle, EffectiveFrom = new DateOnly(2025, 4, 1), Cents = 150000 },
            new BenefitFigure { Rule = BenefitRule.NormSingle, EffectiveFrom = new DateOnly(2025, 5, 1), Cents = 134545 },
        ]));
        try
        {
            var (_, newcomer) = await PeopleAsync(1);
            var computed = await _grains.GetGrain<IClientGrain>(newcomer[0]).GetBenefitStatementAsync("2025-04");
            var frozen = await _grains.GetGrain<IClientGrain>(people[0]).GetBenefitStatementAsync("2025-04");

            // The change is in force (an unpaid statement shows it), and the paid one is returned as stored.
            Assert.Equal((150000L, new DateOnly(2025, 4, 1)), (computed.TotalCents, computed.Lines[0].Figures[0].EffectiveFrom));
            Assert.Equal(JsonSerializer.Serialize(paid), JsonSerializer.Serialize(frozen));
            Assert.Equal((134545L, new DateOnly(2025, 1, 1), true), (frozen.TotalCents, frozen.Lines[0].Figures[0].EffectiveFrom, frozen.Frozen));
        }
        finally
        {
            ClusterFixture.Benefits.Reset();
        }
    }

    [Fact]
    public async Task PeopleWhoseStatementCannotBeComputedAreListedAndAnotherStartTriesThemAgain()
    {
        var (_, people) = await PeopleAsync(2);
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(new DateOnly(2023, 6, 1)));

        await run.StartAsync("admin-test");
        var first = await CompletedAsync(run);
        await run.StartAsync("admin-test");
        var second = await CompletedAsync(run);

        Assert.Equal((0, first.Expected), (first.Paid, first.Failed));
        Assert.Contains(first.Failures, f => f.ClientId == people[0] && f.Reason.StartsWith(Reasons.FigureNotConfigured + ": No figure for NormSingle", StringComparison.Ordinal));
        Assert.Equal((2, 0, second.Expected), (second.Passes, second.Paid, second.Failed));
    }

    [Fact]
    public async Task AMonthMoreThanOneAheadCannotBePaidYet()
    {
        var month = Domain.Benefits.Months.Of(Today.In(TimeProvider.System)).AddMonths(3);
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(month));

        var early = await Assert.ThrowsAsync<PreconditionFailedException>(() => run.StartAsync("admin-test"));

        Assert.Equal(Reasons.MonthNotDue, early.Reason);
        Assert.Equal(PaymentRunStatus.NotStarted, (await run.GetAsync()).Status);
    }

    private async Task<(string Neighbourhood, List<string> People)> PeopleAsync(int count) => await TestExperiments.PeopleAsync(_grains, count);

    /// <summary>Each person's statement is frozen by this run, and the neighbourhood's row adds them up exactly.</summary>
    private async Task AssertPaidAsync(PaymentRunView run, string neighbourhood, List<string> people)
    {
        var month = Months.Format(run.Month);
        var statements = await Task.WhenAll(people.Select(p => _grains.GetGrain<IClientGrain>(p).GetBenefitStatementAsync(month)));
        Assert.All(statements, s => Assert.Equal((true, run.RunId), (s.Frozen, s.PaymentRunId)));
        var row = run.Neighbourhoods.Single(n => n.NeighbourhoodId == neighbourhood);
        Assert.Equal((people.Count, statements.Sum(s => s.TotalCents)), (row.Paid, row.TotalCents));
    }

    private static async Task<PaymentRunView> CompletedAsync(IPaymentRunGrain run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var view = await run.GetAsync();
        while (view.Status != PaymentRunStatus.Completed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            view = await run.GetAsync();
        }

        Assert.Equal(PaymentRunStatus.Completed, view.Status);
        return view;
    }
}
