using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Participatie.Cli.Output;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Commands;

/// <summary>
/// <c>participatie payments run 2026-01</c>: starts (or continues) the month's payment run, follows it with a progress
/// bar and prints the totals, each pass and the summary per neighbourhood. Running it again once a pass completed starts
/// the next pass (nabetaling): it pays only those not paid yet and the corrections since; nobody is paid twice.
/// <c>participatie payments show 2026-01</c> prints where a run stands, pass by pass.
/// <c>participatie payments export 2026-01 --out betaling-2026-01.csv --purpose payment</c> writes the payment file of
/// the newest completed pass (<c>--pass N</c> for another; with the BSNs, so readable by its owner only); amounts owed
/// back go to a file of their own beside it (<c>.terugvordering.csv</c>), never into the payment file.
/// </summary>
internal static class PaymentsCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Command Create()
    {
        var month = new Argument<string>("month") { Description = "The month to pay, yyyy-MM (e.g. 2026-01)" };
        var json = new Option<bool>("--json") { Description = "Print the run as JSON instead of tables" };

        var run = new Command("run", "Pay a month: freeze every person's statement once, with progress, then print totals per neighbourhood") { month, json };
        run.SetAction(Gateway.Action((parseResult, gateway, cancellationToken) =>
            RunAsync(parseResult, gateway, parseResult.GetValue(month)!, parseResult.GetValue(json), cancellationToken)));

        var show = new Command("show", "Show where a month's payment run stands, with its totals") { month, json };
        show.SetAction(Gateway.Action(async (parseResult, gateway, cancellationToken) =>
        {
            var reply = await Admin(gateway).GetPaymentRunAsync(new GetPaymentRunRequest { Month = parseResult.GetValue(month) }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
            return Write(parseResult.InvocationConfiguration.Output, reply.Run, parseResult.GetValue(json));
        }));

        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write (created readable by its owner only; an existing file is not overwritten)", Required = true };
        var pass = new Option<int>("--pass") { Description = "The pass to export (default: the newest); export each pass once" };
        var export = new Command("export", "Write the payment file of a completed pass: one line per payment, with BSN and amount (needs --purpose payment)") { month, output, pass };
        export.SetAction(Gateway.Action((parseResult, gateway, cancellationToken) =>
            ExportAsync(parseResult, gateway, parseResult.GetValue(month)!, parseResult.GetValue(output)!, parseResult.GetValue(pass), cancellationToken)));

        return new Command("payments", "Monthly payment runs") { run, show, export };
    }

    /// <summary>
    /// Streams the export into a new CSV file; the summary line checks it against the run. On any failure the partial
    /// file is removed, so a file that exists is complete.
    /// </summary>
    private static async Task<int> ExportAsync(ParseResult parseResult, Gateway gateway, string month, FileInfo file, int pass, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        PaymentExportSummary? summary = null;
        var recoveries = new List<PaymentRecovery>();
        try
        {
            await using (var writer = new StreamWriter(file.FullName, System.Text.Encoding.UTF8, options))
            {
                await writer.WriteLineAsync("client_id,bsn,payment_details,total_cents,neighbourhood_id,run_id,kind,pass,statement_version,statement_total_cents");
                // A large city's file takes a while: the call's deadline is generous, each message is one page.
                using var call = Admin(gateway).ExportPayments(new ExportPaymentsRequest { Month = month, Pass = pass }, deadline: DateTime.UtcNow.AddHours(1), cancellationToken: cancellationToken);
                await foreach (var page in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    foreach (var line in page.Instructions)
                    {
                        var details = line.PaymentDetails.ToString().ToLowerInvariant();
                        await writer.WriteLineAsync(string.Join(
                            ',',
                            line.ClientId,
                            line.Bsn,
                            details,
                            Number(line.TotalCents),
                            line.NeighbourhoodId,
                            line.RunId,
                            line.Kind.ToString().ToLowerInvariant(),
                            Number(line.Pass),
                            Number(line.StatementVersion),
                            Number(line.StatementTotalCents)));
                    }

                    recoveries.AddRange(page.Recoveries);
                    summary = page.Summary ?? summary;
                }
            }
        }
        catch
        {
            file.Refresh();
            if (file.Exists && summary is null)
            {
                file.Delete();
            }

            throw;
        }

        if (summary is null)
        {
            file.Delete();
            error.WriteLine("the export ended without its summary; no file was kept");
            return ExitCodes.Failure;
        }

        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine($"{file.FullName}: pass {summary.Pass}, {summary.Instructions} payments ({summary.Supplementary} supplementary), {Euro(summary.TotalCents)} in total");
        output.WriteLine($"  without payment details: {summary.MissingPaymentDetails}; details under a missing key: {summary.UnreadablePaymentDetails}");
        output.WriteLine($"  the pass paid {summary.RunPaid} lines {Euro(summary.RunTotalCents)}");
        if (recoveries.Count > 0)
        {
            // Amounts owed back are claims to book, not payments: never in the payment file.
            var claims = new FileInfo(Path.ChangeExtension(file.FullName, ".terugvordering.csv"));
            await using (var writer = new StreamWriter(claims.FullName, System.Text.Encoding.UTF8, options))
            {
                await writer.WriteLineAsync("client_id,owed_cents,neighbourhood_id,run_id,pass,statement_version,statement_total_cents,decided_at,reason");
                foreach (var r in recoveries)
                {
                    await writer.WriteLineAsync(string.Join(',', r.ClientId, Number(r.AmountCents), r.NeighbourhoodId, r.RunId, Number(r.Pass), Number(r.StatementVersion), Number(r.StatementTotalCents), r.DecidedAt, Quoted(r.Reason)));
                }
            }

            output.WriteLine($"{claims.FullName}: {recoveries.Count} amounts owed back, {Euro(summary.RecoveryCents)} in total (book them as claims)");
        }

        var reconciles = summary.Instructions == summary.RunPaid && summary.TotalCents == summary.RunTotalCents
            && summary.Recoveries == summary.RunRecoveries && summary.RecoveryCents == summary.RunRecoveryCents;
        if (!reconciles)
        {
            error.WriteLine("the file and the run differ: someone paid by the run has left every neighbourhood since; check the run before sending the file");
        }

        return reconciles && summary.UnreadablePaymentDetails == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, Gateway gateway, string month, bool asJson, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var admin = Admin(gateway);
        var run = (await admin.StartPaymentRunAsync(new StartPaymentRunRequest { Month = month }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken)).Run;
        if (run.Status == PaymentRunStatus.Completed)
        {
            error.WriteLine($"{run.RunId} pass {run.Passes} was completed ({run.CompletedAt}); nobody is paid twice.");
        }
        else
        {
            var what = run.Passes == 1 ? "everyone" : "only those not paid yet and the corrections since (nabetaling)";
            error.WriteLine($"Paying {run.Month} through {gateway.Address}, pass {run.Passes}: {run.Expected} people visited, {what}");
            await BatchProgress.RunAsync(error, "people", run.Expected, async bar =>
            {
                while (run.Status != PaymentRunStatus.Completed)
                {
                    bar.Value = run.Processed;
                    await Task.Delay(PollInterval, cancellationToken);
                    run = (await admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = month }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken)).Run;
                }

                bar.Value = run.Processed;
            });
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
            + $"started {run.StartedAt}, {run.Passes} pass(es)");
        output.WriteLine();

        var table = Tables.Create(
            new Column("NEIGHBOURHOOD"),
            new Column("PAID", RightAligned: true),
            new Column("TOTAL", RightAligned: true),
            new Column("AVERAGE", RightAligned: true));
        foreach (var n in run.Neighbourhoods)
        {
            table.AddText(n.NeighbourhoodId, $"{n.Paid}", Euro(n.TotalCents), n.Paid == 0 ? "-" : Euro(n.TotalCents / n.Paid));
        }

        table.AddText("total", $"{run.Paid}", Euro(run.TotalCents), run.Paid == 0 ? "-" : Euro(run.TotalCents / run.Paid));
        output.WriteTable(table);
        if (run.PassSummaries.Count > 0)
        {
            output.WriteLine();
            var passes = Tables.Create(
                new Column("PASS", RightAligned: true),
                new Column("STARTED"),
                new Column("BY"),
                new Column("COMPLETED"),
                new Column("PAID", RightAligned: true),
                new Column("AMOUNT", RightAligned: true),
                new Column("SUPPLEMENTARY", RightAligned: true),
                new Column("OWED BACK", RightAligned: true),
                new Column("FAILED", RightAligned: true));
            foreach (var p in run.PassSummaries)
            {
                passes.AddText(
                    $"{p.Number}",
                    p.StartedAt,
                    p.StartedBy,
                    p.CompletedAt is { Length: > 0 } done ? done : "running",
                    $"{p.Paid}",
                    Euro(p.PaidCents),
                    $"{p.Supplementary}: {Euro(p.SupplementaryCents)}",
                    $"{p.Recoveries}: {Euro(p.RecoveryCents)}",
                    $"{p.Failed}");
            }

            output.WriteTable(passes);
        }
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

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A CSV field in quotes, quotes doubled.</summary>
    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Euro(long cents) => "€" + (cents / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
