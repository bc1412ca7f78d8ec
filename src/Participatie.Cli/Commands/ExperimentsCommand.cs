using System.CommandLine;
using System.Globalization;
using Participatie.Cli.Output;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Commands;

/// <summary><c>participatie experiments results ex-vertrouwen-werkt</c>: every arm against control, as researchers see it.</summary>
internal static class ExperimentsCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<OutcomeMeasure, string> Measures = new()
    {
        [OutcomeMeasure.Work12Hours] = "paid work of at least 12 hours a week (share)",
        [OutcomeMeasure.WorkOver27Hours] = "paid work of over 27 hours a week (share)",
        [OutcomeMeasure.Independent] = "independent of assistance (share)",
        [OutcomeMeasure.ParticipationHours] = "hours of participation in the month (mean)",
        [OutcomeMeasure.WellBeing] = "well-being, 0-10 (mean)",
    };

    public static Command Create()
    {
        var id = new Argument<string>("experiment") { Description = "The experiment's id, e.g. ex-vertrouwen-werkt" };
        var month = new Option<string>("--month") { Description = "The month of outcomes to report, yyyy-MM; by default the latest" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON instead of tables" };
        var results = new Command("results", "Every arm against control: N, estimate, difference, standard error, 95% interval, p-value, effect on the treated")
        {
            id, month, json,
        };
        results.SetAction(Gateway.Action(async (parseResult, gateway, cancellationToken) =>
        {
            var reply = await new ExperimentService.ExperimentServiceClient(gateway.Channel).GetResultsAsync(
                new GetResultsRequest { ExperimentId = parseResult.GetValue(id), Month = parseResult.GetValue(month) ?? string.Empty },
                deadline: DateTime.UtcNow.Add(Deadline),
                cancellationToken: cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonOutput.Formatter.Format(reply));
            }
            else
            {
                Write(output, reply);
            }

            return ExitCodes.Success;
        }));

        return new Command("experiments", "Trust experiments") { results };
    }

    private static void Write(TextWriter output, GetResultsResponse r)
    {
        output.WriteLine($"{r.Title} ({r.ExperimentId}), outcomes of {(r.Month.Length == 0 ? "no month yet" : r.Month)}: {r.Outcomes} people measured");
        if (r.SyntheticNotice.Length > 0)
        {
            output.WriteLine();
            output.WriteLine($"  *** {r.SyntheticNotice} ***");
        }

        output.WriteLine();
        var arms = Tables.Create(
            new Column("ARM"), new Column("KIND"), new Column("ASSIGNED", RightAligned: true), new Column("WITHDRAWN", RightAligned: true),
            new Column("MEASURED", RightAligned: true), new Column("TREATED", RightAligned: true), new Column(""));
        foreach (var arm in r.Arms)
        {
            arms.AddText(
                arm.Arm,
                Kind(arm.Kind),
                arm.Suppressed ? "-" : $"{arm.Assigned}",
                arm.Suppressed ? "-" : $"{arm.Withdrawn}",
                arm.Suppressed ? "-" : $"{arm.WithOutcome}",
                arm.HasTreatedShare ? Percent(arm.TreatedShare) : "-",
                arm.Suppressed ? $"suppressed: {arm.SuppressedReason}" : arm.IsControl ? "comparison group" : string.Empty);
        }

        output.WriteTable(arms);
        var control = r.Arms.FirstOrDefault(a => a.IsControl);
        foreach (var (measure, title) in Measures)
        {
            output.WriteLine();
            var share = measure is OutcomeMeasure.Work12Hours or OutcomeMeasure.WorkOver27Hours or OutcomeMeasure.Independent;
            var own = control?.Outcomes.FirstOrDefault(o => o.Measure == measure);
            output.WriteLine($"{title}{(own is { HasArmEstimate: true } ? $"; control {Estimate(own.ArmEstimate, share)} (N {own.ArmCount})" : string.Empty)}");
            var table = Tables.Create(
                new Column("  ARM"), new Column("N", RightAligned: true), new Column("ESTIMATE", RightAligned: true), new Column("DIFFERENCE", RightAligned: true),
                new Column("SE", RightAligned: true), new Column("95% INTERVAL", RightAligned: true), new Column("P", RightAligned: true),
                new Column("ON TREATED", RightAligned: true), new Column(""));
            foreach (var arm in r.Arms.Where(a => !a.IsControl))
            {
                var c = arm.Outcomes.FirstOrDefault(o => o.Measure == measure);
                if (arm.Suppressed || c is null)
                {
                    table.AddText($"  {arm.Arm}", "-", "-", "-", "-", "-", "-", "-", "suppressed");
                    continue;
                }

                table.AddText(
                    $"  {arm.Arm}",
                    $"{c.ArmCount}",
                    c.HasArmEstimate ? Estimate(c.ArmEstimate, share) : "-",
                    c.HasDifference ? Difference(c.Difference, share) : "-",
                    c.HasStandardError ? Points(c.StandardError, share) : "-",
                    c.HasIntervalLow ? $"[{Difference(c.IntervalLow, share)}, {Difference(c.IntervalHigh, share)}]" : "-",
                    c.HasPValue ? c.PValue.ToString("0.000", CultureInfo.InvariantCulture) : "-",
                    c.HasEffectOnTreated ? Difference(c.EffectOnTreated, share) : "-",
                    c.NotAvailable);
            }

            output.WriteTable(table);
        }

        output.WriteLine();
        output.WriteLine(r.Method);
        output.WriteLine($"Arms with fewer than {r.SuppressionThreshold} people measured are suppressed.");
    }

    /// <summary>E.g. <c>extra_guidance</c>, as the contract's enum names it without its prefix.</summary>
    private static string Kind(ArmKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Estimate(double value, bool share) => share ? Percent(value) : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Points(double value, bool share) =>
        share ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " pp" : value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Differences of shares in percentage points, of means in their unit, always signed.</summary>
    private static string Difference(double value, bool share) =>
        share
            ? (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp"
            : value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
