using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Participatie.Cli.Audit;
using Participatie.Security.Audit;

namespace Participatie.Cli.Commands;

/// <summary>
/// <c>participatie audit verify</c>: walks every hash chain of the audit log (a Local data folder's <c>audit.db</c>, or
/// the PostgreSQL table) and names the first break in each; with <c>--checkpoints</c> it also holds every chain
/// against the signed checkpoints the hosts exported. Exit code 0 when everything holds, 1 on a break.
/// </summary>
internal static class AuditCommand
{
    /// <summary>The variable a host reads its checkpoint key from, so admins can use the same one here.</summary>
    public const string CheckpointKeyVariable = "Audit__CheckpointKey";

    public static Command Create()
    {
        var data = BackupCommand.DataOption("The Local data folder whose audit.db to verify (read-only; the silo may keep running)");
        var connection = new Option<string>("--connection")
        {
            Description = "Npgsql connection string: verify the PostgreSql profile's audit table instead of a data folder (any role that may SELECT it)",
        };
        var checkpoints = new Option<string>("--checkpoints")
        {
            Description = "The folder the hosts export signed checkpoints into (Audit:CheckpointFolder): each chain must match every checkpoint of it",
        };
        var key = new Option<string>("--checkpoint-key")
        {
            Description = $"The key the checkpoints are signed with (default: ${CheckpointKeyVariable}, as the hosts)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(CheckpointKeyVariable) ?? "",
        };
        var verify = new Command("verify", "Walk every hash chain of the audit log and name the first break (altered, deleted or reordered records, a rewritten or truncated history); exit code 1 on a break")
        {
            data, connection, checkpoints, key,
        };
        verify.SetAction((parseResult, cancellationToken) =>
        {
            var postgres = parseResult.GetValue(connection);
            IAuditLogSource source = string.IsNullOrEmpty(postgres)
                ? new SqliteAuditLogSource(Path.Combine(Path.GetFullPath(parseResult.GetValue(data)!), "audit.db"))
                : new PostgresAuditLogSource(postgres);
            return VerifyAsync(parseResult, source, parseResult.GetValue(checkpoints), parseResult.GetValue(key)!, cancellationToken);
        });
        return new Command("audit", "The audit log: check that no record was changed, removed or reordered") { verify };
    }

    private static async Task<int> VerifyAsync(ParseResult parseResult, IAuditLogSource source, string? checkpointFolder, string key, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            if (source is SqliteAuditLogSource && !File.Exists(source.Description))
            {
                error.WriteLine($"audit verify: no {source.Description}: pass the silo's Storage:DataDirectory with --data, or --connection for PostgreSQL");
                return ExitCodes.Failure;
            }

            output.WriteLine($"Audit log: {source.Description}");
            // Checkpoints first: every record one names was stored before it was written, so the walk below sees it.
            var (signed, forged) = ReadCheckpoints(checkpointFolder, key, error);
            if (signed is null)
            {
                return ExitCodes.Failure;
            }

            var verifier = new AuditChainVerifier(signed);
            forged.ForEach(verifier.Report);
            await foreach (var record in source.ChainedAsync(cancellationToken))
            {
                verifier.Add(record);
            }

            var unchained = await source.UnchainedAsync(cancellationToken);
            if (unchained.FirstAmongChained is { } added)
            {
                verifier.Report(new AuditBreak("(none)", 0, added, "it carries no hash, yet it was written after the hash chains began: added outside the platform"));
            }

            var result = verifier.Finish();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Records} records in {result.Chains} chain(s) walked."));
            if (unchained.Count > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{unchained.Count} record(s) from before the hash chain (log sequence up to {unchained.LastSequence}) carry no hash: they are counted, not verified."));
            }

            if (checkpointFolder is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{signed.Count} signed checkpoint(s) read, {result.CheckpointsMatched} matched; {result.ChainsWithoutCheckpoint.Count} chain(s) have no checkpoint yet (a host that stopped before its first interval, or a chain added outside the platform)."));
            }
            else
            {
                output.WriteLine("No checkpoints checked (--checkpoints): a tail cut off or a history rewritten as a whole would not show.");
            }

            if (result.Breaks.Count == 0)
            {
                output.WriteLine("Every chain holds.");
                return ExitCodes.Success;
            }

            foreach (var problem in result.Breaks)
            {
                output.WriteLine($"BREAK {problem}");
            }

            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit verify: {result.Breaks.Count} break(s) found: the audit log was tampered with"));
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (SqliteException exception)
        {
            error.WriteLine($"audit verify: SQLite: {exception.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
        catch (PostgresException exception)
        {
            error.WriteLine($"audit verify: PostgreSQL: {exception.MessageText} ({exception.SqlState})");
            return ExitCodes.Failure;
        }
        catch (NpgsqlException exception)
        {
            error.WriteLine($"audit verify: PostgreSQL: {exception.Message}");
            return ExitCodes.Unreachable;
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"audit verify: the connection string is not valid: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The folder's checkpoints whose signature holds, and a break for every file that is not one (forged or altered); null when they cannot be read.</summary>
    private static (List<AuditCheckpoint>? Signed, List<AuditBreak> Forged) ReadCheckpoints(string? folder, string key, TextWriter error)
    {
        var forged = new List<AuditBreak>();
        if (folder is null)
        {
            return ([], forged);
        }

        if (!Directory.Exists(folder))
        {
            error.WriteLine($"audit verify: no checkpoint folder {Path.GetFullPath(folder)}");
            return (null, forged);
        }

        if (System.Text.Encoding.UTF8.GetByteCount(key) < AuditCheckpoint.MinimumKeyBytes)
        {
            error.WriteLine($"audit verify: checkpoints need the key they were signed with: pass --checkpoint-key or set {CheckpointKeyVariable}");
            return (null, forged);
        }

        var signed = new List<AuditCheckpoint>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var checkpoint = AuditCheckpoint.Parse(File.ReadAllText(file));
            if (checkpoint is not null && checkpoint.IsSignedWith(key))
            {
                signed.Add(checkpoint);
            }
            else
            {
                forged.Add(new AuditBreak(checkpoint?.ChainId ?? "(unknown)", checkpoint?.Sequence ?? 0, 0,
                    $"the checkpoint {Path.GetFileName(file)} is not signed with the checkpoint key: forged or altered, refused"));
            }
        }

        return (signed, forged);
    }
}
