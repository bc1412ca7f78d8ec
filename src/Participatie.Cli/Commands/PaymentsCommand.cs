using System.CommandLine;
using System.Globalization;
using Participatie.Cli.Output;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Commands;

/// <summary>
/// <c>participatie payments run 2026-01</c>: starts (or continues) the month's payment run, follows it with a progress
/// bar and prints the totals and the summary per neighbourhood. Running it again pays nobody twice.
/// <c>participatie payments show 2026-01</c> prints where a run stands.
/// </summary>
internal static class PaymentsCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Command Create()
    {
        var month = new Argument<string>("month") { Description = "The month to pay, yyyy-MM (e.g. 2026-01)" };
        var startedBy = new Option<string>("--started-by")
        {
            Description = "Who starts the run, recorded with it",
            DefaultValueFactory = _ => Environment.UserName is { Length: > 0 } user ? user : "cli",
        };
        var json = new Option<bool>("--json") { Description = "Print the run as JSON instead of tables" };

        var run = new Command("run", "Pay a month: freeze every person's statement once, with progress, then print totals per neighbourhood") { month, startedBy, json };
        run.SetAction(Gateway.Action((parseResult, gateway, cancellationToken) =>
            RunAsync(parseResult, gateway, parseResult.GetValue(month)!, parseResult.GetValue(startedBy)!, parseResult.GetValue(json), cancellationToken)));

        var show = new Command("show", "Show where a month's payment run stands, with its totals") { month, json };
        show.SetAction(Gateway.Action(async (parseResult, gateway, cancellationToken) =>
        {
            var reply = await Admin(gateway).GetPaymentRunAsync(new GetPaymentRunRequest { Month = parseResult.GetValue(month) }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
            return Write(parseResult.InvocationConfiguration.Output, reply.Run, parseResult.GetValue(json));
        }));

        return new Command("payments", "Monthly payment runs") { run, show };
    }

    private static async Task<int> RunAsync(ParseResult parseResult, Gateway gateway, string month, string startedBy, bool asJson, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var admin = Admin(gateway);
        var run = (await admin.StartPaymentRunAsync(new StartPaymentRunRequest { Month = month, StartedBy = startedBy }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken)).Run;
        if (run.Status == PaymentRunStatus.Completed)
        {
            error.WriteLine($"{run.RunId} was completed before ({run.CompletedAt}); nobody is paid twice.");
        }
        else
        {
            error.WriteLine($"Paying {run.Month} through {gateway.Address}: {run.Expected} people (pass {run.Passes})");
            var bar = new ProgressBar(error, "people", run.Expected);
            while (run.Status != PaymentRunStatus.Completed)
            {
                bar.Report(run.Processed);
                await Task.Delay(PollInterval, cancellationToken);
                run = (await admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = month }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken)).Run;
            }

            bar.Report(run.Processed);
            bar.Finish();
        }

        return Write(parseResult.InvocationConfiguration.Output, run, asJson);
    }

    /// <summary>Prints the run; the exit code is 0 for a completed run without failures.</summary>
    private static int Write(TextWriter output, PaymentRun run, bool asJson)
    {
        if (asJson)
        {
            output.WriteLine(JsonOutput.Formatter.Format(run));
        }
        else
        {
            WriteTables(output, run);
        }

        return run.Status == PaymentRunStatus.Completed && run.Failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void WriteTables(TextWriter output, PaymentRun run)
    {
        var status = run.Status switch
        {
            PaymentRunStatus.Completed => $"completed {run.CompletedAt}",
            PaymentRunStatus.Running => $"running: {run.Processed} of {run.Expected} people visited",
            _ => "not started",
        };
        output.WriteLine($"{run.RunId}: {status}");
        if (run.Status == PaymentRunStatus.NotStarted)
        {
            return;
        }

        output.WriteLine($"  paid {run.Paid} people {Euro(run.TotalCents)} in total ({run.ZeroTotal} with nothing to pay), {run.Failed} failed; "
            + $"started {run.StartedAt} by {run.StartedBy}, {run.Passes} pass(es)");
        output.WriteLine();

        var table = new TextTable(
            new Column("NEIGHBOURHOOD"),
            new Column("PAID", RightAligned: true),
            new Column("TOTAL", RightAligned: true),
            new Column("AVERAGE", RightAligned: true));
        foreach (var n in run.Neighbourhoods)
        {
            table.AddRow(n.NeighbourhoodId, $"{n.Paid}", Euro(n.TotalCents), n.Paid == 0 ? "-" : Euro(n.TotalCents / n.Paid));
        }

        table.AddRow("total", $"{run.Paid}", Euro(run.TotalCents), run.Paid == 0 ? "-" : Euro(run.TotalCents / run.Paid));
        table.Write(output);
        if (run.Failures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{run.Failed} people could not be paid; the first {run.Failures.Count} (start the run again to retry them):");
            foreach (var failure in run.Failures)
            {
                output.WriteLine($"  {failure.ClientId}: {failure.Reason}");
            }
        }
    }

    private static AdminService.AdminServiceClient Admin(Gateway gateway) => new(gateway.Channel);

    private static string Euro(long cents) => "€" + (cents / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
