using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>
/// <c>participatie backup</c> and <c>restore</c> on the Local profile, run as an admin runs them: against the data
/// folder of a silo that keeps serving, and a new silo started on the restored folder.
/// </summary>
public sealed class LocalBackupTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "participatie-backup-" + Guid.NewGuid().ToString("N")[..12]);

    private string Folder(string name) => Path.Combine(_root, name);

    [Fact]
    public async Task ABackupTakenUnderLoadRestoresIntoANewFolderWithEveryWriteAcknowledgedBeforeItAndTheirAuditRecords()
    {
        SeededPlatform seeded;
        WriteLoad load;
        TimeSpan backupStarted, backupEnded;
        CliResult backup;
        await using (var source = await SiloHost.StartAsync("Local", Folder("data")))
        {
            seeded = await SeededPlatform.SeedAsync(source.Channel, "wk-backup", coaches: 4, people: 120);
            load = new WriteLoad([source.Channel], "wk-backup");
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(workers: 4, stop.Token);

            await load.AcknowledgedAsync(100, "100 registrations");
            backupStarted = load.Now;
            backup = await CliProcess.RunAsync("backup", "--data", Folder("data"), "--out", Folder("backup"));
            backupEnded = load.Now;
            await load.AcknowledgedAsync(20, "20 registrations after the backup", c => c.Start > backupEnded);
            await stop.CancelAsync();
            await running;
        }

        output.WriteLine(backup.ToString());
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var restore = await CliProcess.RunAsync("restore", "--from", Folder("backup"), "--data", Folder("restored"));
        output.WriteLine(restore.ToString());
        Assert.True(restore.ExitCode == 0, restore.ToString());
        AssertOwnerOnly(Folder("backup"));
        AssertOwnerOnly(Folder("restored"));

        var before = load.Acknowledged.Where(c => c.End < backupStarted).ToList();
        var during = load.Acknowledged.Where(c => c.End >= backupStarted && c.Start <= backupEnded).ToList();
        var after = load.Acknowledged.Where(c => c.Start > backupEnded).ToList();
        await using var restored = await SiloHost.StartAsync("Local", Folder("restored"));

        // The audit log first: reading people back writes audit records of its own.
        var unaudited = await SeededPlatform.UnauditedRegistrationsAsync(restored.Channel, [.. seeded.CoachOf.Keys, .. before.Select(c => c.ClientId!)]);
        var differences = await seeded.DifferencesAsync(restored.Channel);
        var missing = await WriteLoad.MissingAsync(before, [restored.Channel]);
        var duringKept = new List<string>();
        foreach (var call in during)
        {
            if (await SeededPlatform.ExistsAsync(restored.Channel, call.ClientId!))
            {
                duringKept.Add(call.ClientId!);
            }
        }

        var duringKeptUnaudited = await SeededPlatform.UnauditedRegistrationsAsync(restored.Channel, duringKept);
        var afterKept = 0;
        foreach (var call in after)
        {
            afterKept += await SeededPlatform.ExistsAsync(restored.Channel, call.ClientId!) ? 1 : 0;
        }

        var reminders = await restored.Services.GetRequiredService<IReminderTable>().ReadRows(0u, 0u);
        var caseloadChecks = reminders.Reminders.Count(r => r.ReminderName == "caseload-check" && seeded.Coaches.Contains(r.GrainId.Key.ToString()));

        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder("backup"), "manifest.json")));
        var rows = string.Join("; ", manifest.RootElement.GetProperty("files").EnumerateArray().Select(f =>
            $"{f.GetProperty("name").GetString()} {f.GetProperty("bytes").GetInt64()} bytes: "
            + string.Join(", ", f.GetProperty("rows").EnumerateObject().Select(r => $"{r.Name} {r.Value.GetInt64()}"))));
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"Local backup under load (4 writers): {rows}; load writes acknowledged before the backup {before.Count}, during it {during.Count} "
            + $"({duringKept.Count} in the backup, {duringKeptUnaudited.Count} of those without their audit record), after it {after.Count} ({afterKept} in the backup); "
            + $"read back after restore: {seeded.CoachOf.Count + before.Count - missing.Count}/{seeded.CoachOf.Count + before.Count} people, "
            + $"{seeded.CoachOf.Count + before.Count - unaudited.Count} registration audit records, {caseloadChecks}/{seeded.Coaches.Count} coaches' reminders; "
            + $"backup took {(backupEnded - backupStarted).TotalSeconds:0.00} s including the CLI's start");
        output.WriteLine(figures);
        Figures.Record(nameof(ABackupTakenUnderLoadRestoresIntoANewFolderWithEveryWriteAcknowledgedBeforeItAndTheirAuditRecords), figures);

        Assert.Empty(differences);
        Assert.Empty(missing);
        Assert.Empty(unaudited);
        Assert.Equal(seeded.Coaches.Count, caseloadChecks);
        // A backup is a snapshot taken while it ran: nothing begun after it ended is in it.
        Assert.Equal(0, afterKept);
    }

    [Fact]
    public async Task BackupAndRestoreRefuseWhatWouldLoseOrMixDataWithOneLineAndANonZeroExitCode()
    {
        await using (var silo = await SiloHost.StartAsync("Local", Folder("data")))
        {
            await SeededPlatform.SeedAsync(silo.Channel, "wk-refuse", coaches: 1, people: 3);
            var backup = await CliProcess.RunAsync("backup", "--data", Folder("data"), "--out", Folder("backup"));
            Assert.True(backup.ExitCode == 0, backup.ToString());

            // The silo still has its files open: replacing them under it is refused even with --force.
            await AssertRefusedAsync("is open in another process", "restore", "--from", Folder("backup"), "--data", Folder("data"), "--force");
        }

        SqliteConnection.ClearAllPools();
        await AssertRefusedAsync("is not empty", "backup", "--data", Folder("data"), "--out", Folder("backup"));
        await AssertRefusedAsync("no participatie.db", "backup", "--data", Folder("nothing"), "--out", Folder("other"));
        Assert.False(Directory.Exists(Folder("other")) && Directory.EnumerateFileSystemEntries(Folder("other")).Any());
        await AssertRefusedAsync("is not empty", "restore", "--from", Folder("backup"), "--data", Folder("data"));
        await AssertRefusedAsync("no manifest.json", "restore", "--from", Folder("data"), "--data", Folder("restored"));

        // One changed byte in the audit log: the restore names the file and writes nothing.
        CopyFolder(Folder("backup"), Folder("damaged"));
        await using (var file = new FileStream(Path.Combine(Folder("damaged"), "audit.db"), FileMode.Open, FileAccess.ReadWrite))
        {
            file.Seek(-1, SeekOrigin.End);
            var last = file.ReadByte();
            file.Seek(-1, SeekOrigin.End);
            file.WriteByte((byte)(last ^ 0xFF));
        }

        await AssertRefusedAsync("audit.db does not match its checksum", "restore", "--from", Folder("damaged"), "--data", Folder("restored"));
        Assert.False(Directory.Exists(Folder("restored")) && Directory.EnumerateFileSystemEntries(Folder("restored")).Any());

        // With the silo stopped, --force replaces the data folder's files with the backup's.
        var forced = await CliProcess.RunAsync("restore", "--from", Folder("backup"), "--data", Folder("data"), "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
    }

    private async Task AssertRefusedAsync(string reason, params string[] arguments)
    {
        var result = await CliProcess.RunAsync(arguments);
        output.WriteLine($"participatie {string.Join(' ', arguments)}: {result}");
        Assert.True(result.ExitCode != 0, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    private static void AssertOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        foreach (var file in Directory.GetFiles(folder))
        {
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is {File.GetUnixFileMode(file)}");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
