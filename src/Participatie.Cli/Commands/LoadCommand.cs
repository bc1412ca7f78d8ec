using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;
using Participatie.Cli.Load;
using Participatie.Cli.Output;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Commands;

/// <summary><c>participatie load</c>: drives the gateway with a mix of calls and reports throughput and latency.</summary>
internal static class LoadCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var duration = RangeOption("--duration", 30, 1, 3600, "Seconds to measure");
        var concurrency = RangeOption("--concurrency", 16, 1, 1024, "Workers, each with one call in flight");
        var warmup = RangeOption("--warmup", 5, 0, 3600, "Seconds of load before measuring, not counted");
        var prepare = RangeOption("--prepare", 200, 1, 100_000,
            "Synthetic persons to create (idempotently) as targets, with a coach per --caseload-size of them; with hours in the mix, every third takes part in an activity");
        var caseloadSize = RangeOption("--caseload-size", LoadTargets.DefaultCaseloadSize, 1, LoadTargets.MaxCaseloadSize,
            "People per prepared coach, the coaches' caseload limit: a caseload call returns them all (a multiple of it in --prepare fills every caseload)");
        var mix = new Option<string>("--mix")
        {
            Description = $"Operations and their weights as name=weight,... (names: {OperationMix.SupportedNames}), or a preset: {OperationMix.PresetNames}",
            DefaultValueFactory = _ => OperationMix.Default,
        };
        mix.Validators.Add(result =>
        {
            if (OperationMix.TryParse(result.GetValueOrDefault<string>() ?? "", out var error) is null)
            {
                result.AddError(error);
            }
        });
        var seed = new Option<int?>("--seed") { Description = "Seed of the workers' generators, to repeat the same sequence of calls" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of a table" };
        var comparePing = new Option<bool>("--compare-ping")
        {
            Description = "Afterwards, run Ping alone with the same workers, warm-up and duration, and report this run's throughput as a share of it",
        };

        var command = new Command("load", "Drive the gateway with a mix of calls at a given concurrency and report throughput and latency")
        {
            duration, concurrency, warmup, mix, prepare, caseloadSize, seed, json, comparePing,
        };
        command.SetAction(Gateway.Action((parseResult, gateway, cancellationToken) => RunAsync(
            parseResult,
            gateway,
            new LoadSettings(
                parseResult.GetValue(duration),
                parseResult.GetValue(concurrency),
                parseResult.GetValue(warmup),
                OperationMix.TryParse(parseResult.GetValue(mix) ?? OperationMix.Default, out _)!,
                parseResult.GetValue(prepare),
                parseResult.GetValue(caseloadSize),
                parseResult.GetValue(seed)),
            parseResult.GetValue(json),
            parseResult.GetValue(comparePing),
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, Gateway gateway, LoadSettings settings, bool asJson, bool comparePing, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;

        // One channel for all workers (see Gateway.Action): calls are multiplexed over HTTP/2.
        var channel = gateway.Channel;

        var status = await new AdminService.AdminServiceClient(channel)
            .GetPlatformStatusAsync(new GetPlatformStatusRequest(), deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
        var targets = status.Neighbourhoods == 0
            ? null
            : await LoadTargets.PrepareAsync(channel, settings, error, cancellationToken);
        if (targets is null)
        {
            error.WriteLine($"the platform at {gateway.Address} has no neighbourhoods: run `participatie seed` first");
            return ExitCodes.Failure;
        }

        if (settings.Mix.Includes(LoadOperations.Hours) && targets.Partner is null)
        {
            error.WriteLine($"no prepared person has a place in an activity of {LoadPartner.PartnerId}, so there are no hours to record");
            return ExitCodes.Failure;
        }

        LoadReport report;
        OperationStats? ping = null;
        var context = new LoadContext(channel, targets, settings.Seed);
        try
        {
            error.WriteLine($"Loading {gateway.Address} for {settings.WarmupSeconds} s warm-up + {settings.DurationSeconds} s with {settings.Concurrency} workers");
            report = await new LoadRunner(context, settings).RunAsync(cancellationToken);
            if (comparePing)
            {
                error.WriteLine($"Ping alone for {settings.WarmupSeconds} s warm-up + {settings.DurationSeconds} s with {settings.Concurrency} workers");
                var baseline = settings with { Mix = OperationMix.TryParse("ping", out _)! };
                ping = (await new LoadRunner(context, baseline).RunAsync(cancellationToken)).Total;
            }
        }
        finally
        {
            if (targets.Partner is { } partner)
            {
                await partner.RevokeAsync(channel, error);
            }
        }

        var machine = $"{Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), .NET {Environment.Version}";
        if (asJson)
        {
            WriteJson(output, gateway.Address, status, machine, settings, report, ping, context.MeanCaseload);
        }
        else
        {
            WriteTable(output, gateway.Address, status, machine, settings, report, ping, context.MeanCaseload);
        }

        return report.Total.Calls == 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static void WriteTable(TextWriter output, string address, GetPlatformStatusResponse status, string machine, LoadSettings settings, LoadReport report, OperationStats? ping, double? meanCaseload)
    {
        output.WriteLine($"Load on {address} (host {status.HostName}, version {status.Version}, storage profile {status.StorageProfile})");
        output.WriteLine($"  client machine: {machine}");
        output.WriteLine($"  options: {Options(settings)}");
        output.WriteLine($"  mix by weight: {100 * settings.Mix.ShareOf(OperationKind.Read):0}% reads, {100 * settings.Mix.ShareOf(OperationKind.Write):0}% writes, "
            + $"{100 * settings.Mix.ShareOf(OperationKind.Baseline):0}% ping");
        output.WriteLine();

        var table = Tables.Create(
            new Column("OPERATION"),
            new Column("CALLS", RightAligned: true),
            new Column("ERRORS", RightAligned: true),
            new Column("CALLS/S", RightAligned: true),
            new Column("P50 MS", RightAligned: true),
            new Column("P95 MS", RightAligned: true),
            new Column("P99 MS", RightAligned: true),
            new Column("MAX MS", RightAligned: true));
        foreach (var stats in report.Operations.Concat(report.Kinds).Append(report.Total))
        {
            table.AddText(stats.Name, $"{stats.Calls}", $"{stats.Errors}", $"{stats.CallsPerSecond:0}",
                $"{stats.P50Ms:0.00}", $"{stats.P95Ms:0.00}", $"{stats.P99Ms:0.00}", $"{stats.MaxMs:0.00}");
        }

        output.WriteTable(table);
        output.WriteLine("(latencies of successful calls; calls include errors)");

        foreach (var stats in report.Operations.Where(s => s.Errors > 0))
        {
            output.WriteLine($"{stats.Name} errors: {string.Join(", ", stats.ErrorsByCode.Select(e => $"{e.Key} {e.Value}"))}");
        }

        if (meanCaseload is { } mean)
        {
            output.WriteLine($"caseload replies: {mean:0.0} people on average, warm-up included (prepared coaches hold up to {settings.CaseloadSize})");
        }

        if (report.Operations.FirstOrDefault(s => s.Name == LoadOperations.Ping.Name) is { CallsPerSecond: > 0 } inMix)
        {
            output.WriteLine();
            foreach (var stats in report.Operations.Where(s => s != inMix))
            {
                // Every worker draws from the whole mix, so calls/s per unit of weight are alike by construction; the
                // latency tells how fast an operation runs next to the call that touches no grain.
                var ratio = stats.P50Ms == 0 ? 0 : inMix.P50Ms / stats.P50Ms;
                output.WriteLine($"{stats.Name}: ratio to ping: {100 * ratio:0}% (ping p50 {inMix.P50Ms:0.00} ms / {stats.Name} p50 {stats.P50Ms:0.00} ms)");
            }
        }

        if (ping is not null)
        {
            output.WriteLine();
            output.WriteLine($"ping alone, same workers and duration: {ping.CallsPerSecond:0} calls/s, p50 {ping.P50Ms:0.00} ms, p99 {ping.P99Ms:0.00} ms");
            output.WriteLine($"throughput of this run against ping: {100 * RatioToPing(report, ping):0}% ({report.Total.CallsPerSecond:0} / {ping.CallsPerSecond:0} calls/s)");
        }
    }

    /// <summary>The run's successful calls per second as a share of Ping's, both at the same concurrency.</summary>
    private static double RatioToPing(LoadReport report, OperationStats ping) =>
        Succeeded(ping) == 0 ? 0 : Succeeded(report.Total) / Succeeded(ping);

    private static double Succeeded(OperationStats stats) =>
        stats.Calls == 0 ? 0 : stats.CallsPerSecond * (stats.Calls - stats.Errors) / stats.Calls;

    private static void WriteJson(TextWriter output, string address, GetPlatformStatusResponse status, string machine, LoadSettings settings, LoadReport report, OperationStats? ping, double? meanCaseload)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("gateway", address);
            json.WriteString("host", status.HostName);
            json.WriteString("version", status.Version);
            json.WriteString("storageProfile", status.StorageProfile);
            json.WriteNumber("processorCount", Environment.ProcessorCount);
            json.WriteString("os", RuntimeInformation.OSDescription);
            json.WriteString("machine", machine);
            json.WriteStartObject("options");
            json.WriteNumber("durationSeconds", settings.DurationSeconds);
            json.WriteNumber("concurrency", settings.Concurrency);
            json.WriteNumber("warmupSeconds", settings.WarmupSeconds);
            json.WriteString("mix", settings.Mix.ToString());
            json.WriteNumber("prepare", settings.Prepare);
            json.WriteNumber("caseloadSize", settings.CaseloadSize);
            if (settings.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }
            else
            {
                json.WriteNull("seed");
            }

            json.WriteEndObject();
            json.WriteStartArray("operations");
            foreach (var stats in report.Operations)
            {
                WriteStats(json, stats);
            }

            json.WriteEndArray();
            json.WriteNumber("readShare", Math.Round(settings.Mix.ShareOf(OperationKind.Read), 3));
            json.WriteNumber("writeShare", Math.Round(settings.Mix.ShareOf(OperationKind.Write), 3));
            json.WriteStartArray("kinds");
            foreach (var stats in report.Kinds)
            {
                WriteStats(json, stats);
            }

            json.WriteEndArray();
            json.WritePropertyName("total");
            WriteStats(json, report.Total);
            if (meanCaseload is { } mean)
            {
                json.WriteNumber("caseloadMeanEntries", Math.Round(mean, 1));
            }
            else
            {
                json.WriteNull("caseloadMeanEntries");
            }

            if (ping is null)
            {
                json.WriteNull("ping");
                json.WriteNull("ratioToPing");
            }
            else
            {
                json.WritePropertyName("ping");
                WriteStats(json, ping);
                json.WriteNumber("ratioToPing", Math.Round(RatioToPing(report, ping), 3));
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteStats(Utf8JsonWriter json, OperationStats stats)
    {
        json.WriteStartObject();
        json.WriteString("operation", stats.Name);
        json.WriteNumber("calls", stats.Calls);
        json.WriteNumber("errors", stats.Errors);
        json.WriteStartObject("errorsByStatus");
        foreach (var (code, count) in stats.ErrorsByCode)
        {
            json.WriteNumber(code.ToString(), count);
        }

        json.WriteEndObject();
        json.WriteNumber("callsPerSecond", Math.Round(stats.CallsPerSecond, 1));
        json.WriteNumber("p50Ms", Math.Round(stats.P50Ms, 3));
        json.WriteNumber("p95Ms", Math.Round(stats.P95Ms, 3));
        json.WriteNumber("p99Ms", Math.Round(stats.P99Ms, 3));
        json.WriteNumber("maxMs", Math.Round(stats.MaxMs, 3));
        json.WriteEndObject();
    }

    private static string Options(LoadSettings settings) =>
        $"--duration {settings.DurationSeconds} --concurrency {settings.Concurrency} --warmup {settings.WarmupSeconds} --mix {settings.Mix} --prepare {settings.Prepare} --caseload-size {settings.CaseloadSize}"
        + (settings.Seed is { } seed ? $" --seed {seed}" : "");

    private static Option<int> RangeOption(string name, int defaultValue, int minimum, int maximum, string description)
    {
        var option = new Option<int>(name) { Description = $"{description} ({minimum}-{maximum})", DefaultValueFactory = _ => defaultValue };
        option.MustLieWithin(minimum, maximum, $"{name} must be from {minimum} to {maximum}");
        return option;
    }
}
