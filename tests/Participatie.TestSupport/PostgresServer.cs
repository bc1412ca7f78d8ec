using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Participatie.Postgres;
using Xunit;

namespace Participatie.TestSupport;

/// <summary>
/// A private PostgreSQL server for tests: its own data folder and loopback port, started with the binaries of the
/// machine's PostgreSQL installation (Debian's <c>postgresql</c> package, which <c>.ci/run</c> installs), stopped and
/// deleted when disposed. Tests that stop the database under load own a server of their own; the others share
/// <see cref="Shared"/> and each create a database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(async () =>
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopNow();
        return server;
    });

    private static int _databases;
    private readonly string _root;
    private readonly string _bin;
    private readonly string? _runAs;

    private PostgresServer(string root, string bin, string? runAs, int port)
    {
        _root = root;
        _bin = bin;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connection string of the server's <c>postgres</c> database as its superuser.</summary>
    public string AdminConnectionString => Connection("postgres");

    /// <summary>The folder of <c>initdb</c> and <c>pg_ctl</c>, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory { get; } = FindBinaries();

    /// <summary>Whether tests must not skip for want of PostgreSQL: true in CI, where <c>.ci/run</c> installs it.</summary>
    public static bool Required => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>One server for the whole test run.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or $PARTICIPATIE_PG_BIN); `.ci/run` installs it with apt-get.");
        var root = Path.Combine(Path.GetTempPath(), "participatie-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        // PostgreSQL refuses to run as root: then the server runs as the package's postgres user.
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, root]);
        }

        var server = new PostgresServer(root, bin, runAs, SiloHost.FreePort());
        await server.RunPgAsync("initdb", "-D", server.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
        await server.StartServerAsync();
        return server;
    }

    private string DataDirectory => Path.Combine(_root, "data");

    public string Connection(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5;Command Timeout=15";

    /// <summary>A new, empty database with the platform's schema applied; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"{purpose}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = Connection(name);
        await SchemaMigrator.MigrateAsync(connectionString);
        return connectionString;
    }

    /// <summary>
    /// A new database as deploy/postgres/README.md sets one up: owned by a role of its own (no superuser) that runs the
    /// migration, and an application role that the migration grants what the silos need (on the audit log only SELECT
    /// and INSERT). Returns both connection strings. The other tests connect as the superuser, which owns everything.
    /// </summary>
    public async Task<(string Owner, string App)> CreateDatabaseWithRolesAsync(string purpose)
    {
        var name = $"{purpose}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            foreach (var sql in new[] { $"CREATE ROLE \"{name}_owner\" LOGIN", $"CREATE ROLE \"{name}_app\" LOGIN", $"CREATE DATABASE \"{name}\" OWNER \"{name}_owner\"" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        var owner = new NpgsqlConnectionStringBuilder(Connection(name)) { Username = $"{name}_owner" }.ConnectionString;
        await SchemaMigrator.MigrateAsync(owner, $"{name}_app");
        return (owner, new NpgsqlConnectionStringBuilder(Connection(name)) { Username = $"{name}_app" }.ConnectionString);
    }

    /// <summary>
    /// <c>pg_dump --format=custom</c> of one database, as deploy/README.md tells admins to take it: one consistent
    /// snapshot while the platform keeps writing. Returns the dump file (in this server's folder).
    /// </summary>
    public async Task<string> DumpAsync(string database)
    {
        var file = Path.Combine(_root, $"{database}-{Guid.NewGuid().ToString("N")[..6]}.dump");
        await RunPgAsync("pg_dump", "--host=127.0.0.1", $"--port={Port.ToString(CultureInfo.InvariantCulture)}", "--username=postgres", "--format=custom", $"--file={file}", database);
        return file;
    }

    /// <summary>
    /// A new database on this server filled from a dump with <c>pg_restore --no-owner</c>, as deploy/README.md's restore
    /// steps do (the schema is not migrated here); returns its connection string.
    /// </summary>
    public async Task<string> RestoreDumpAsync(string dumpFile, string purpose)
    {
        var name = $"{purpose}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        await RunPgAsync("pg_restore", "--host=127.0.0.1", $"--port={Port.ToString(CultureInfo.InvariantCulture)}", "--username=postgres", "--no-owner", "--exit-on-error", $"--dbname={name}", dumpFile);
        return Connection(name);
    }

    /// <summary>Starts the server (again), waiting until it accepts connections.</summary>
    public Task StartServerAsync() =>
        RunPgAsync(
            "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_root} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off",
            "start");

    /// <summary>Stops the server the way an admin does (fast: open sessions are ended), waiting until it is down.</summary>
    public Task StopServerAsync() => RunPgAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunPgAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop").ContinueWith(_ => { }, TaskScheduler.Default);
        TryDelete();
    }

    private void StopNow()
    {
        try
        {
            RunPgAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop").Wait(TimeSpan.FromSeconds(20));
        }
        catch (AggregateException)
        {
            // Already down.
        }

        TryDelete();
    }

    private void TryDelete()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the rest of the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Idem.
        }
    }

    private Task RunPgAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        return _runAs is null ? RunAsync(path, arguments) : RunAsync("runuser", ["-u", _runAs, "--", path, .. arguments]);
    }

    private static async Task RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PARTICIPATIE_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string installed = "/usr/lib/postgresql";
        return Directory.Exists(installed)
            ? Directory.GetDirectories(installed)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }
}

/// <summary>
/// A test that needs PostgreSQL. Where PostgreSQL is not installed it is skipped on a developer's machine, and it
/// runs (and fails, naming the cause) in CI, which must never skip it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.BinDirectory is null && !PostgresServer.Required)
        {
            Skip = "PostgreSQL is not installed here (apt-get install postgresql); CI runs this test.";
        }
    }
}
