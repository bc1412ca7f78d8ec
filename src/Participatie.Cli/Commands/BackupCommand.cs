using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Participatie.Cli.Backup;
using Participatie.Cli.Output;

namespace Participatie.Cli.Commands;

/// <summary>
/// <c>participatie backup</c>: an online copy of a <c>Local</c> data folder (state file, then audit log) while the silo
/// runs, into a new folder with a manifest. The <c>PostgreSql</c> profile is backed up with PostgreSQL's own tools (deploy/README.md).
/// </summary>
internal static class BackupCommand
{
    /// <summary>The variable a silo reads its data folder from, so admins can use the same one here.</summary>
    public const string DataVariable = "Storage__DataDirectory";

    /// <summary>The data folder of the Local profile: where the silo keeps participatie.db and audit.db.</summary>
    public static Option<string> DataOption(string description) => new("--data")
    {
        Description = $"{description} (default: ${DataVariable}, else \"data\", as the silo)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } folder ? folder : "data",
    };

    public static Command Create()
    {
        var data = DataOption("The silo's data folder to copy; the silo may keep running");
        var output = new Option<string>("--out")
        {
            Description = "A new (or empty) folder for the backup: participatie.db, audit.db and manifest.json, readable by their owner only",
            Required = true,
        };
        var command = new Command("backup", "Back up a Local data folder online: a consistent copy of the state file and then of the audit log, with a manifest (sizes, rows, checksums)")
        {
            data, output,
        };
        command.SetAction((parseResult, cancellationToken) => GuardAsync(parseResult, async () =>
        {
            var manifest = await LocalBackup.BackupAsync(parseResult.GetValue(data)!, parseResult.GetValue(output)!, cancellationToken);
            var folder = Path.GetFullPath(parseResult.GetValue(output)!);
            var writer = parseResult.InvocationConfiguration.Output;
            writer.WriteLine($"Backed up {manifest.Source} into {folder} in {(manifest.CompletedAt - manifest.StartedAt).TotalSeconds:0.0} s");
            WriteFiles(writer, manifest);
            writer.WriteLine($"Restore with `participatie restore --from {folder} --data <new folder>`, then start the silo on that folder.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>One row per file: size, rows per table, the last audit sequence, the start of the checksum.</summary>
    public static void WriteFiles(TextWriter writer, BackupManifest manifest)
    {
        var table = Tables.Create(new Column("FILE"), new Column("BYTES", RightAligned: true), new Column("ROWS"), new Column("SHA-256"));
        foreach (var file in manifest.Files)
        {
            var rows = string.Join(", ", file.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}")));
            if (file.LastAuditSequence is { } sequence)
            {
                rows += string.Create(CultureInfo.InvariantCulture, $" (last sequence {sequence})");
            }

            table.AddText(file.Name, file.Bytes.ToString(CultureInfo.InvariantCulture), rows, file.Sha256[..16] + "…");
        }

        writer.WriteTable(table, indent: 2);
    }

    /// <summary>Turns every failure of a backup or restore into one line on standard error and a non-zero exit code.</summary>
    public static async Task<int> GuardAsync(ParseResult parseResult, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var command = parseResult.CommandResult.Command.Name;
        try
        {
            return await body();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"{command}: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (BackupException exception)
        {
            error.WriteLine($"{command}: {exception.Message}");
        }
        catch (SqliteException exception)
        {
            error.WriteLine($"{command}: SQLite: {exception.Message.ReplaceLineEndings(" ")}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{command}: {exception.Message.ReplaceLineEndings(" ")}");
        }

        return ExitCodes.Failure;
    }
}
