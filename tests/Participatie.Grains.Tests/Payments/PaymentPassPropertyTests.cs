using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Payments;
using Participatie.Domain.Benefits;
using Participatie.Domain;
using Participatie.Grains.Tests.Fixtures;
using Xunit.Abstractions;

namespace Participatie.Grains.Tests.Payments;

/// <summary>
/// Payment passes as a property: random sequences of registrations, income forms (late ones are corrections of a paid
/// month), measures and payment runs over two months, then a last pass of every month that was run. Whatever the order,
/// each person's lines over all passes' exports add up to their final statement, which is the statement of their final
/// facts; nobody has two lines in one pass or two first payments of a month. Seeded: a failure names its case and seed.
/// </summary>
public sealed class PaymentPassPropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20261206;
    private const int Cases = 200;
    private const int CasesPerCluster = 10;
    private const long NormSingle = 140150;
    private const long DisregardCap = 26900;
    private static readonly long[] Earnings = [0, 10000, 34000, 80000, 150000];

    private IGrainFactory _grains = null!;

    [Fact]
    public async Task AcrossPassesEveryoneIsPaidExactlyWhatTheirFinalStatementSays()
    {
        var seeds = new Random(Seed);
        var totals = new Totals();
        for (var block = 0; block < Cases / CasesPerCluster; block++)
        {
            var cluster = await PaymentPassesCluster.StartAsync();
            _grains = cluster.GrainFactory;
            try
            {
                for (var i = block * CasesPerCluster; i < (block + 1) * CasesPerCluster; i++)
                {
                    var seed = seeds.Next();
                    try
                    {
                        await RunCaseAsync(i, new Random(seed), totals);
                    }
                    catch (Exception failure) when (failure is not OutOfMemoryException)
                    {
                        throw new InvalidOperationException($"case {i} (seed {seed}) failed: {failure.Message}", failure);
                    }

                    totals.Cases++;
                }
            }
            finally
            {
                await PaymentPassesCluster.StopAsync(cluster);
            }
        }

        output.WriteLine(
            $"{totals.Cases} cases (seed {Seed}): {totals.People} people, {totals.Steps} steps, {totals.Passes} passes, "
            + $"{totals.LatePeople} paid in a later pass, {totals.Supplementary} supplementary lines, {totals.Recoveries} recoveries");
        Assert.Equal(Cases, totals.Cases);
        Assert.True(totals.LatePeople > 0 && totals.Supplementary > 0 && totals.Recoveries > 0, "the cases reached every kind of line");
    }

    private async Task RunCaseAsync(int index, Random random, Totals totals)
    {
        // Each case on months of its own: the clock on the 15th of its first month, two months after the case before.
        var first = new DateOnly(2027, 1, 1).AddMonths(2 * index);
        PaymentPassesCluster.Clock.Set(new DateTimeOffset(first.Year, first.Month, 15, 12, 0, 0, TimeSpan.Zero));
        DateOnly[] months = [first, first.AddMonths(1)];
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var people = new List<string>();
        var facts = new Dictionary<(string, DateOnly), (long Earnings, bool Sanctioned)>();
        var ran = new HashSet<DateOnly>();

        await RegisterAsync(wijk, people, first);
        var steps = random.Next(6, 14);
        for (var step = 0; step < steps; step++)
        {
            var month = months[random.Next(months.Length)];
            switch (random.Next(10))
            {
                case 0 or 1 when people.Count < 5:
                    await RegisterAsync(wijk, people, first);
                    break;
                case 2 or 3 or 4 or 5:
                    {
                        var person = people[random.Next(people.Count)];
                        var earnings = Earnings[random.Next(Earnings.Length)];
                        await _grains.GetGrain<IClientBenefitsGrain>(person).ReportEarningsAsync(new ReportEarningsCommand(Months.Format(month), earnings, earnings == 0 ? 0 : 12, 0, false, "person"));
                        facts[(person, month)] = (earnings, facts.GetValueOrDefault((person, month)).Sanctioned);
                        break;
                    }

                case 6:
                    {
                        var person = people[random.Next(people.Count)];
                        var reference = $"MR-{index}-{step}";
                        await _grains.GetGrain<IClientBenefitsGrain>(person).RecordSanctionAsync(new RecordSanctionCommand(reference, Months.Format(month), 100, 1, false, "coach-test"));
                        facts[(person, month)] = (facts.GetValueOrDefault((person, month)).Earnings, true);
                        break;
                    }

                default:
                    await PassAsync(month);
                    ran.Add(month);
                    totals.Passes++;
                    break;
            }
        }

        totals.Steps += steps;
        totals.People += people.Count;
        foreach (var month in ran)
        {
            await PassAsync(month);
            totals.Passes++;
            await CheckAsync(month, people, facts, totals);
        }
    }

    /// <summary>Every line of every pass, by person, the amount each paid (negative: owed back), and the final statement.</summary>
    private async Task CheckAsync(DateOnly month, List<string> people, Dictionary<(string, DateOnly), (long Earnings, bool Sanctioned)> facts, Totals totals)
    {
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(month));
        var view = await run.GetAsync();
        var lines = new List<PaymentLine>();
        for (var pass = 1; pass <= view.Passes; pass++)
        {
            var found = (await ExportAsync(run, pass)).Where(l => people.Contains(l.ClientId)).ToList();
            Assert.All(found, l => Assert.Equal((run.GetPrimaryKeyString(), pass), (l.PaymentRunId, l.Pass)));
            Assert.Equal(found.Count, found.Select(l => l.ClientId).Distinct().Count()); // one line a person and pass
            lines.AddRange(found);
        }

        foreach (var person in people)
        {
            var mine = lines.Where(l => l.ClientId == person).OrderBy(l => l.Pass).ToList();
            var statement = await _grains.GetGrain<IClientBenefitsGrain>(person).GetBenefitStatementAsync(Months.Format(month));
            var (earnings, sanctioned) = facts.GetValueOrDefault((person, month));
            var expected = sanctioned ? 0 : Math.Max(0, NormSingle - earnings + Math.Min(earnings / 4, DisregardCap));

            Assert.Equal(1, mine.Count(l => l.Kind == PaymentKind.Payment));
            Assert.Equal(PaymentKind.Payment, mine[0].Kind);
            Assert.Equal((true, false), (statement.Frozen, statement.RevisionPending));
            Assert.Equal(expected, statement.TotalCents);
            Assert.Equal(statement.TotalCents, mine.Sum(l => l.AmountCents));
            Assert.Equal(statement.TotalCents, mine[^1].TotalCents);
            Assert.Equal(mine.Select(l => l.Version), Enumerable.Range(1, mine.Count));
            Assert.All(mine.Skip(1), l => Assert.Equal(l.AmountCents > 0 ? PaymentKind.Supplementary : PaymentKind.Recovery, l.Kind));
            totals.LatePeople += mine[0].Pass > 1 ? 1 : 0;
            totals.Supplementary += mine.Count(l => l.Kind == PaymentKind.Supplementary);
            totals.Recoveries += mine.Count(l => l.Kind == PaymentKind.Recovery);
        }
    }

    private async Task RegisterAsync(string wijk, List<string> people, DateOnly month)
    {
        var id = Ids.NewClientId();
        var born = month.AddYears(-40).AddDays(-100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await _grains.GetGrain<IClientGrain>(id).RegisterAsync(TestModels.Intake(wijk) with { DateOfBirth = born });
        people.Add(id);
    }

    /// <summary>Starts the month's run (a new pass once one completed) and awaits that pass's completion.</summary>
    private async Task PassAsync(DateOnly month)
    {
        var run = _grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(month));
        var started = await run.StartAsync("admin-test");
        var view = await run.WaitUntilCompletedAsync(started.Passes, TimeSpan.FromSeconds(25));

        Assert.Equal((PaymentRunStatus.Completed, started.Passes, 0), (view.Status, view.Passes, view.Failed));
    }

    private static async Task<List<PaymentLine>> ExportAsync(IPaymentRunGrain run, int pass)
    {
        var lines = new List<PaymentLine>();
        PaymentExportCursor? cursor = null;
        do
        {
            var page = await run.ExportAsync(pass, cursor, 500);
            lines.AddRange(page.Lines);
            cursor = page.Next;
        }
        while (cursor is not null);
        return lines;
    }

    private sealed class Totals
    {
        public int Cases { get; set; }

        public int People { get; set; }

        public int Steps { get; set; }

        public int Passes { get; set; }

        public int LatePeople { get; set; }

        public int Supplementary { get; set; }

        public int Recoveries { get; set; }
    }
}
