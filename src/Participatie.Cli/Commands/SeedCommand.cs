using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Cli.Output;
using Participatie.Cli.Seeding;
using Participatie.Security;

namespace Participatie.Cli.Commands;

/// <summary><c>participatie seed</c>: builds a synthetic demo city through the gateway.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var neighbourhoods = CountOption("--neighbourhoods", 20, minimum: 1, "Neighbourhoods to create (Rotterdam areas)");
        var coaches = CountOption("--coaches", 50, minimum: 1, "Coaches to create");
        var clients = CountOption("--clients", 5000, minimum: 0, "People on assistance to register and assign to a coach");
        var concurrency = CountOption("--concurrency", 16, minimum: 1, "Calls in flight at once");
        var armSize = CountOption("--experiment-arm-size", 200, minimum: 0, "Room per arm in the trust experiment \"Vertrouwen werkt\" (four arms, synthetic outcomes); 0 leaves it out");
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the generator: the same seed gives the same city, and repeating a run changes nothing",
            DefaultValueFactory = _ => 2026,
        };

        var command = new Command("seed", "Build a synthetic demo city: neighbourhoods, coaches, people on assistance, assignments, and a trust experiment")
        {
            neighbourhoods, coaches, clients, concurrency, seed, armSize,
        };
        command.SetAction(Gateway.Action((parseResult, gateway, cancellationToken) => RunAsync(
            parseResult,
            gateway,
            new SeedSettings(
                parseResult.GetValue(neighbourhoods),
                parseResult.GetValue(coaches),
                parseResult.GetValue(clients),
                parseResult.GetValue(concurrency),
                parseResult.GetValue(seed),
                parseResult.GetValue(armSize)),
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, Gateway gateway, SeedSettings settings, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        error.WriteLine($"Seeding {settings.Neighbourhoods} neighbourhoods, {settings.Coaches} coaches and {settings.Clients} clients "
            + $"through {gateway.Address} (seed {settings.Seed}, {settings.Concurrency} calls at once)");

        // First contacts are written by each person's coach. The seed can mint coach tokens only with the development
        // key (a Local silo); with a token of your own the journal entries are left out.
        using var coachChannel = GrpcChannel.ForAddress(gateway.Address);
        var asCoach = parseResult.GetValue(Gateway.TokenOption) is { Length: > 0 }
            ? null
            : new CoachCalls(coachChannel, coachId => new Metadata { { "authorization", "Bearer " + Tokens.Mint("coach", coachId) }, { "x-purpose", "case_work" } });
        if (asCoach is null)
        {
            error.WriteLine("A token was given: the journal entries, which need coach tokens, are left out.");
        }

        var report = await new Seeder(gateway.Channel, settings, error, asCoach).RunAsync(cancellationToken);

        WriteSummary(output, gateway.Address, settings, report);
        if (report.WithoutCoach > 0)
        {
            error.WriteLine($"{report.WithoutCoach} people have no coach: every caseload is full. Coaches keep the limit of the run that "
                + "created them; add coaches with a larger --coaches, or use a new --seed.");
        }

        if (report.Failures.Count == 0)
        {
            return ExitCodes.Success;
        }

        error.WriteLine($"{report.Failures.Count} calls failed; the first {Math.Min(report.Failures.Count, FailureLog.Kept)}:");
        foreach (var failure in report.Failures.First)
        {
            error.WriteLine($"  {failure}");
        }

        return ExitCodes.Failure;
    }

    private static void WriteSummary(TextWriter output, string address, SeedSettings settings, SeedReport report)
    {
        var calls = report.Steps.Sum(s => s.Succeeded);
        output.WriteLine($"Seeded through {address} (seed {settings.Seed}) in {report.Elapsed.TotalSeconds:0.0} s: "
            + $"{calls} calls succeeded, {calls / Math.Max(report.Elapsed.TotalSeconds, 0.001):0}/s");

        var table = Tables.Create(
            new Column("STEP"),
            new Column("DONE", RightAligned: true),
            new Column("OF", RightAligned: true),
            new Column("SECONDS", RightAligned: true),
            new Column("PER SECOND", RightAligned: true));
        foreach (var step in report.Steps)
        {
            table.AddText(step.Name, $"{step.Succeeded}", $"{step.Requested}", $"{step.Elapsed.TotalSeconds:0.0}", $"{step.PerSecond:0}");
        }

        output.WriteTable(table, indent: 2);
        output.WriteLine($"  {report.CaseloadPlaces} caseload places; {report.AlreadyAssigned} people already had a coach, "
            + $"{report.WithoutCoach} found no coach with room; {report.Failures.Count} calls failed");
        if (report.Experiment is not null)
        {
            output.WriteLine($"  {report.Experiment}");
        }

        if (report.SampleCoachId is not null)
        {
            // The web app's development sign-in (Local profile) asks for a coach's id.
            output.WriteLine($"  Web app: sign in as klantmanager {report.SampleCoachId} (development sign-in of the Local profile)");
        }
    }

    private static Option<int> CountOption(string name, int defaultValue, int minimum, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.MustLieWithin(minimum, int.MaxValue, $"{name} must be at least {minimum}");
        return option;
    }
}
