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
    /// <summary>The longest wait for a pass: within Orleans' response timeout of 30 s.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(25);
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task ARunPaysEveryoneOnceAndStartingItAgainPaysNobodyTwice()
    {
        var (north, northPeople) = await PeopleAsync(4);
        var (south, southPeople) = await PeopleAsync(3);
        await _grains.GetGrain<IClientBenefitsGrain>(southPeople[0]).ReportEarningsAsync(new ReportEarningsCommand("2025-02", 50000, 12, 0, false, "person"));
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(new DateOnly(2025, 2, 1)));

        await run.StartAsync("admin-test");
        var done = await CompletedAsync(run);
        var again = await CompletedAsync(run, await run.StartAsync("admin-test"));

        Assert.Equal((done.Expected, done.Expected, 0, 1), (done.Paid, done.Processed, done.Failed, done.Passes));
        Assert.Equal(done.TotalCents, done.Neighbourhoods.Sum(n => n.TotalCents));
        await AssertPaidAsync(done, north, northPeople);
        await AssertPaidAsync(done, south, southPeople);
        Assert.Equal((2 * 134545) + (134545 - 50000 + 12500), done.Neighbourhoods.Single(n => n.NeighbourhoodId == south).TotalCents);

        // Starting it again is a second pass (changed: it used to return the run unchanged): with nobody new and nothing
        // corrected it pays nothing, and the run's totals stay as they were.
        Assert.Equal((2, done.Paid, done.TotalCents), (again.Passes, again.Paid, again.TotalCents));
        Assert.Equal(JsonSerializer.Serialize(done.Neighbourhoods), JsonSerializer.Serialize(again.Neighbourhoods));
        var second = again.PassSummaries![1];
        Assert.Equal((2, again.Expected, 0, 0, 0, 0), (second.Number, second.Processed, second.Paid, second.Supplementary, second.Recoveries, second.Failed));
        Assert.Empty((await run.ExportAsync(0, null, 1000)).Lines);
    }

    [Fact]
    public async Task APersonRegisteredAfterTheRunIsPaidOnceByTheNextPassAndOnlyInItsExport()
    {
        var (wijk, people) = await PeopleAsync(2);
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(new DateOnly(2025, 6, 1)));
        await run.StartAsync("admin-first");
        var first = await CompletedAsync(run);

        var (_, late) = await PeopleAsync(1);
        var unpaid = await _grains.GetGrain<IClientBenefitsGrain>(late[0]).GetBenefitStatementAsync("2025-06");
        var second = await CompletedAsync(run, await run.StartAsync("admin-second"));
        var third = await CompletedAsync(run, await run.StartAsync("admin-third"));

        Assert.False(unpaid.Frozen);
        var passes = third.PassSummaries!;
        Assert.Equal([1, 2, 3], passes.Select(p => p.Number));
        Assert.Equal(["admin-first", "admin-second", "admin-third"], passes.Select(p => p.StartedBy));
        Assert.All(passes, p => Assert.Equal(PaymentRunStatus.Completed, p.Status));
        Assert.Equal((first.Paid, first.TotalCents), (passes[0].Paid, passes[0].PaidCents));
        Assert.Equal((1, 134545L, 0), (passes[1].Paid, passes[1].PaidCents, passes[1].Supplementary));
        Assert.Equal((0, 0L), (passes[2].Paid, passes[2].PaidCents));
        Assert.Equal((first.Paid + 1, first.TotalCents + 134545), (second.Paid, second.TotalCents));
        Assert.Equal((second.Paid, second.TotalCents), (third.Paid, third.TotalCents));

        var statement = await _grains.GetGrain<IClientBenefitsGrain>(late[0]).GetBenefitStatementAsync("2025-06");
        Assert.Equal((true, 1, 134545L), (statement.Frozen, statement.Version, statement.TotalCents));
        Assert.Equal((PaymentKind.Payment, 2, 134545L), (statement.Payments![0].Kind, statement.Payments[0].Pass, statement.Payments[0].AmountCents));

        var one = (await run.ExportAsync(1, null, 1000)).Lines.Select(l => l.ClientId).ToList();
        var two = await run.ExportAsync(2, null, 1000);
        var newest = await run.ExportAsync(0, null, 1000);
        Assert.Contains(people[0], one);
        Assert.DoesNotContain(late[0], one);
        Assert.Equal((late[0], 2, PaymentKind.Payment, 134545L), (two.Lines.Single().ClientId, two.Lines.Single().Pass, two.Lines.Single().Kind, two.Lines.Single().AmountCents));
        Assert.Equal((3, 0), (newest.Pass, newest.Lines.Count));
        await AssertPaidAsync(first, wijk, people);
        var outOfRange = await Assert.ThrowsAsync<InvalidInputException>(() => run.ExportAsync(4, null, 10));
        Assert.Contains(outOfRange.Errors, e => e.Field == "pass");
    }

    [Fact]
    public async Task ALateIncomeFormOrMeasureIsPaidByTheNextPassAsItsOwnLineAndThePaidStatementStays()
    {
        var (_, people) = await PeopleAsync(2);
        var (earner, sanctioned) = (_grains.GetGrain<IClientBenefitsGrain>(people[0]), _grains.GetGrain<IClientBenefitsGrain>(people[1]));
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(new DateOnly(2025, 7, 1)));
        await run.StartAsync("admin-test");
        await CompletedAsync(run);
        var paid = await earner.GetBenefitStatementAsync("2025-07");

        // A late income form: recorded, the month reopened, the paid statement as it was.
        await earner.ReportEarningsAsync(new ReportEarningsCommand("2025-07", 40000, 12, 0, false, "person"));
        await sanctioned.RecordSanctionAsync(new RecordSanctionCommand("MR-LATE", "2025-07", 100, 1, false, "coach-test"));
        var pending = await earner.GetBenefitStatementAsync("2025-07");
        var second = await CompletedAsync(run, await run.StartAsync("admin-test"));
        var revised = await earner.GetBenefitStatementAsync("2025-07");

        // A corrected income form: less earned after all, so part of the amount owed back is paid again.
        await earner.ReportEarningsAsync(new ReportEarningsCommand("2025-07", 20000, 12, 0, false, "person"));
        var third = await CompletedAsync(run, await run.StartAsync("admin-test"));
        var final = await earner.GetBenefitStatementAsync("2025-07");
        var zero = await sanctioned.GetBenefitStatementAsync("2025-07");

        Assert.Equal((true, 1, true, 136906L), (pending.Frozen, pending.Version, pending.RevisionPending, pending.TotalCents));
        Assert.Equal(JsonSerializer.Serialize(paid.Lines), JsonSerializer.Serialize(pending.Lines));
        Assert.Equal((2, 136906L - 40000 + 10000, false), (revised.Version, revised.TotalCents, revised.RevisionPending));
        Assert.Equal((3, 136906L - 20000 + 5000), (final.Version, final.TotalCents));
        Assert.Equal(
            [(1, PaymentKind.Payment, 136906L, 1), (2, PaymentKind.Recovery, -30000L, 2), (3, PaymentKind.Supplementary, 15000L, 3)],
            final.Payments!.Select(x => (x.Version, x.Kind, x.AmountCents, x.Pass)));
        Assert.Equal(final.TotalCents, final.Payments!.Sum(x => x.AmountCents));
        Assert.StartsWith("income form of 2025-07 reported on ", final.Payments![2].Reason, StringComparison.Ordinal);
        Assert.Equal((2, 0L), (zero.Version, zero.TotalCents));
        Assert.Equal((PaymentKind.Recovery, -136906L), (zero.Payments![1].Kind, zero.Payments![1].AmountCents));
        Assert.StartsWith("measure MR-LATE recorded on ", zero.Payments![1].Reason, StringComparison.Ordinal);

        var pass2 = second.PassSummaries![1];
        var pass3 = third.PassSummaries![2];
        Assert.Equal((0, 0, 2, 30000L + 136906), (pass2.Paid, pass2.Supplementary, pass2.Recoveries, pass2.RecoveryCents));
        Assert.Equal((0, 1, 15000L, 0), (pass3.Paid, pass3.Supplementary, pass3.SupplementaryCents, pass3.Recoveries));
        Assert.Equal(third.TotalCents, third.Neighbourhoods.Sum(n => n.TotalCents));
        var lines = (await run.ExportAsync(2, null, 1000)).Lines;
        Assert.Equal([(people[0], -30000L, PaymentKind.Recovery), (people[1], -136906L, PaymentKind.Recovery)], lines.OrderBy(l => l.ClientId == people[1]).Select(l => (l.ClientId, l.AmountCents, l.Kind)));
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

            // Nobody starts the run again: the wait only listens for its completion, so only its reminder can wake it.
            Assert.Equal(PaymentRunStatus.Completed, (await run.WaitUntilCompletedAsync(1, Wait)).Status);
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
        var paid = await _grains.GetGrain<IClientBenefitsGrain>(people[0]).GetBenefitStatementAsync("2025-04");

        ClusterFixture.Benefits.Change(table => table.Entries.AddRange(
        [
            new BenefitFigure { Rule = BenefitRule.NormSingle, EffectiveFrom = new DateOnly(2025, 4, 1), Cents = 150000 },
            new BenefitFigure { Rule = BenefitRule.NormSingle, EffectiveFrom = new DateOnly(2025, 5, 1), Cents = 134545 },
        ]));
        try
        {
            var (_, newcomer) = await PeopleAsync(1);
            var computed = await _grains.GetGrain<IClientBenefitsGrain>(newcomer[0]).GetBenefitStatementAsync("2025-04");
            var frozen = await _grains.GetGrain<IClientBenefitsGrain>(people[0]).GetBenefitStatementAsync("2025-04");

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
        var statements = await Task.WhenAll(people.Select(p => _grains.GetGrain<IClientBenefitsGrain>(p).GetBenefitStatementAsync(month)));
        Assert.All(statements, s => Assert.Equal((true, run.RunId), (s.Frozen, s.PaymentRunId)));
        var row = run.Neighbourhoods.Single(n => n.NeighbourhoodId == neighbourhood);
        Assert.Equal((people.Count, statements.Sum(s => s.TotalCents)), (row.Paid, row.TotalCents));
    }

    /// <summary>Awaits the completion of the run's latest pass (or the pass <paramref name="started"/> says).</summary>
    private static async Task<PaymentRunView> CompletedAsync(IPaymentRunGrain run, PaymentRunView? started = null)
    {
        var view = await run.WaitUntilCompletedAsync(started?.Passes ?? 0, Wait);
        Assert.Equal(PaymentRunStatus.Completed, view.Status);
        return view;
    }
}
