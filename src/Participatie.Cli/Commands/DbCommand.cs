using System.CommandLine;
using Npgsql;
using Participatie.Cli.Output;
using Participatie.Postgres;

namespace Participatie.Cli.Commands;

/// <summary><c>participatie db migrate|status</c>: the PostgreSQL schema of the PostgreSql storage profile.</summary>
internal static class DbCommand
{
    /// <summary>The variable a silo reads its connection string from, so admins can use the same one here.</summary>
    public const string ConnectionVariable = "Storage__ConnectionString";

    public static Command Create()
    {
        var connection = new Option<string>("--connection")
        {
            Description = $"Npgsql connection string of the platform's database (default: ${ConnectionVariable})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ConnectionVariable) ?? "",
        };
        var appRole = new Option<string>("--app-role")
        {
            Description = "The role the silos and gateways connect with (it must exist and must not own the tables): granted what they need, and on the audit log only SELECT and INSERT",
        };
        var migrate = new Command("migrate", "Apply the schema scripts that are new or changed (idempotent; safe on every deploy), as the role that owns the tables") { connection, appRole };
        migrate.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult, parseResult.GetValue(connection)!, (target, cancel) => SchemaMigrator.MigrateAsync(target, parseResult.GetValue(appRole), cancel), cancellationToken));
        var status = new Command("status", "Show which schema scripts are current, changed or not yet applied; changes nothing") { connection };
        status.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult, parseResult.GetValue(connection)!, SchemaMigrator.StatusAsync, cancellationToken));
        return new Command("db", "The PostgreSQL database of the PostgreSql storage profile") { migrate, status };
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult,
        string connectionString,
        Func<string, CancellationToken, Task<IReadOnlyList<ScriptResult>>> action,
        CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error.WriteLine($"No database given: pass --connection \"Host=…;Database=…;Username=…\" or set {ConnectionVariable}.");
            return ExitCodes.Failure;
        }

        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"The connection string is not valid: {exception.Message}");
            return ExitCodes.Failure;
        }

        // Name the database, never the password.
        output.WriteLine($"Database {target.Database ?? "(default)"} on {target.Host}:{target.Port} as {target.Username ?? "(default user)"}");
        try
        {
            var results = await action(connectionString, cancellationToken);
            var table = Tables.Create(new Column("SCRIPT"), new Column("STATE"));
            foreach (var result in results)
            {
                table.AddText(result.Name, result.Outcome.ToString().ToLowerInvariant());
            }

            output.WriteTable(table);
            var pending = results.Count(r => r.Outcome is ScriptOutcome.Pending or ScriptOutcome.Updated);
            output.WriteLine(parseResult.CommandResult.Command.Name == "status" && pending > 0
                ? $"{pending} script(s) to apply: run `participatie db migrate`."
                : "The schema is current.");
            return ExitCodes.Success;
        }
        catch (PostgresException exception)
        {
            error.WriteLine($"PostgreSQL refused a script: {exception.MessageText} ({exception.SqlState})");
            return ExitCodes.Failure;
        }
        catch (NpgsqlException exception)
        {
            error.WriteLine($"PostgreSQL: {exception.Message}");
            return ExitCodes.Unreachable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }
}
