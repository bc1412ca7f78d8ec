using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Participatie.Gateway.Security.Audit;
using Participatie.Security.Audit;
using Participatie.Silo.Storage;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Silo.Tests.Storage;

/// <summary>
/// The Local profile's audit log shows tampering: someone with the file in hand alters, deletes, reorders, adds or
/// rewrites records (dropping the append-only triggers first, as issue 15 did), and <c>participatie audit verify</c>
/// names the first break, with the signed checkpoints where the chain alone cannot tell.
/// </summary>
public sealed class SqliteAuditChainTests(ITestOutputHelper output) : IDisposable
{
    private const string Key = "a checkpoint key of the tests, 32 bytes and more";
    private const int Records = 12;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-chain-" + Guid.NewGuid().ToString("N")[..12]);

    private string AuditFile => Path.Combine(_data, SqliteAuditDatabase.FileName);

    private string Checkpoints => Path.Combine(_data, "checkpoints");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AnUntouchedLogHoldsWithItsCheckpoint()
    {
        await WriteLogAsync(withCheckpoint: true);

        var verify = await VerifyAsync(withCheckpoints: true);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"{Records} records in 1 chain(s) walked", verify.Output);
        Assert.Contains("1 signed checkpoint(s) read, 1 matched", verify.Output);
        Assert.Contains("Every chain holds.", verify.Output);
    }

    [Fact]
    public async Task AnAlteredRecordIsNamed()
    {
        await WriteLogAsync();
        await TamperAsync("""
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET purpose = 'research' WHERE chain_sequence = 5;
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """);

        var verify = await VerifyAsync();

        AssertBreak(verify, "record 5 (log sequence 5): its content was altered");
    }

    [Fact]
    public async Task ADeletedRecordIsNamed()
    {
        await WriteLogAsync();
        await TamperAsync("""
            DROP TRIGGER audit_log_no_delete;
            DELETE FROM audit_log WHERE chain_sequence = 4;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """);

        var verify = await VerifyAsync();

        AssertBreak(verify, "record 5 (log sequence 5): record 4 before it is missing (deleted)");
    }

    [Fact]
    public async Task AReorderedRecordIsNamed()
    {
        await WriteLogAsync();
        // Record 6 moved to the end of the log: a query now shows it after record 12.
        await TamperAsync("""
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET sequence = 1000 WHERE chain_sequence = 6;
            """);

        var verify = await VerifyAsync();

        AssertBreak(verify, "record 7 (log sequence 7): it stands before record 6 in the log (log sequence 7 < 1000): reordered");
    }

    [Fact]
    public async Task ARecordAddedWithoutAHashIsNamed()
    {
        await WriteLogAsync();
        await TamperAsync("""
            INSERT INTO audit_log (at, actor_role, actor_id, action, client_id, purpose, outcome)
            VALUES ('2026-03-02T10:00:00.0000000Z', 'coach', 'co-2', 'ClientService.GetClient', 'cl-0000000000000001', 'case_work', 'OK');
            """);

        var verify = await VerifyAsync();

        AssertBreak(verify, $"(log sequence {Records + 1}): it carries no hash, yet it was written after the hash chains began");
    }

    [Fact]
    public async Task ATailCutOffIsFoundByTheCheckpointOnly()
    {
        await WriteLogAsync(withCheckpoint: true);
        await TamperAsync($"""
            DROP TRIGGER audit_log_no_delete;
            DELETE FROM audit_log WHERE chain_sequence > {Records - 2};
            """);

        var withoutCheckpoints = await VerifyAsync();
        var verify = await VerifyAsync(withCheckpoints: true);

        // The chain alone still links up: only what was signed outside the file shows the missing tail.
        Assert.True(withoutCheckpoints.ExitCode == 0, withoutCheckpoints.ToString());
        AssertBreak(verify, $"record {Records - 1}: the chain ends at record {Records - 2}, though the checkpoint of");
        Assert.Contains($"names its record {Records}: its tail was cut off (deleted)", verify.Output);
    }

    [Fact]
    public async Task AHistoryRewrittenWithNewHashesIsFoundByTheCheckpoint()
    {
        await WriteLogAsync(withCheckpoint: true);
        await RewriteFromAsync(3, "research");

        var withoutCheckpoints = await VerifyAsync();
        var verify = await VerifyAsync(withCheckpoints: true);

        Assert.True(withoutCheckpoints.ExitCode == 0, withoutCheckpoints.ToString());
        AssertBreak(verify, $"record {Records} (log sequence {Records}): its hash is not the one signed in the checkpoint of");
    }

    [Fact]
    public async Task AForgedOrAlteredCheckpointIsRefused()
    {
        var head = await WriteLogAsync(withCheckpoint: true);
        // A checkpoint under another key, and the real one with a later sequence written into it.
        var forged = AuditCheckpoint.Sign(head with { Sequence = Records + 5 }, DateTimeOffset.UnixEpoch, "not the platform's key, but long enough to sign");
        await File.WriteAllTextAsync(Path.Combine(Checkpoints, forged.FileName), forged.ToJson());
        var real = Directory.GetFiles(Checkpoints).Single(f => !f.EndsWith(forged.FileName, StringComparison.Ordinal));
        var altered = AuditCheckpoint.Parse(await File.ReadAllTextAsync(real))! with { Sequence = Records + 1 };
        await File.WriteAllTextAsync(Path.Combine(Checkpoints, "altered.json"), altered.ToJson());

        var verify = await VerifyAsync(withCheckpoints: true);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"BREAK chain {head.ChainId}, record {Records + 5}: the checkpoint {forged.FileName} is not signed with the checkpoint key: forged or altered, refused", verify.Output);
        Assert.Contains($"BREAK chain {head.ChainId}, record {Records + 1}: the checkpoint altered.json is not signed with the checkpoint key", verify.Output);
        // The real checkpoint still holds the chain.
        Assert.Contains("1 signed checkpoint(s) read, 1 matched", verify.Output);
    }

    [Fact]
    public async Task RecordsFromBeforeTheChainAreCountedAndTheChainStartsAfterThem()
    {
        // An audit.db as the previous version left it: no chain columns.
        Directory.CreateDirectory(_data);
        await TamperAsync("""
            CREATE TABLE audit_log (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor_role TEXT NOT NULL, actor_id TEXT NOT NULL,
                action TEXT NOT NULL, client_id TEXT NOT NULL, purpose TEXT NOT NULL, outcome TEXT NOT NULL);
            INSERT INTO audit_log VALUES (1, '2026-01-05T10:00:00.0000000Z', 'coach', 'co-1', 'ClientService.GetClient', 'cl-0000000000000001', 'case_work', 'OK');
            INSERT INTO audit_log VALUES (2, '2026-01-05T10:01:00.0000000Z', 'coach', 'co-1', 'ClientService.GetClient', 'cl-0000000000000002', 'case_work', 'OK');
            """);
        var before = await VerifyAsync();

        await WriteLogAsync();
        var verify = await VerifyAsync();

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("2 record(s) from before the hash chain (log sequence up to 2) carry no hash", before.Output);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"{Records} records in 1 chain(s) walked", verify.Output);
        Assert.Contains("2 record(s) from before the hash chain (log sequence up to 2) carry no hash", verify.Output);
    }

    [Fact]
    public async Task RecordsReadBackAreTheRecordsAppendedWithTheirOnBehalfOf()
    {
        await using var state = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        await using var audit = new SqliteAuditDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        var store = new SqliteAuditStore(audit, state);
        var at = DateTimeOffset.Parse("2026-03-02T09:00:00.1234567Z", CultureInfo.InvariantCulture);
        await store.AppendAsync([new AuditRecord(0, at, "admin", "ad-1", "CoachService.GetCaseload", "cl-0000000000000009", "administration", "OK", OnBehalfOf: "co-7")], CancellationToken.None);

        var read = Assert.Single(await store.QueryAsync(new AuditQuery(null, null, null, null, null, 10), CancellationToken.None));

        Assert.Equal(new AuditRecord(1, at.AddTicks(-7), "admin", "ad-1", "CoachService.GetCaseload", "cl-0000000000000009", "administration", "OK", "co-7"), read);
        Assert.Equal(1, (await store.ChainHeadAsync(CancellationToken.None))!.Sequence);
    }

    [Fact]
    public async Task ASiloSignsItsChainWhenItStopsAndItsDataFolderVerifiesAgainstTheCheckpoint()
    {
        await using (var silo = await SiloHost.StartAsync("Local", _data, new Dictionary<string, string>
        {
            ["Audit:CheckpointFolder"] = Checkpoints,
            ["Audit:CheckpointKey"] = Key,
        }))
        {
            await SeededPlatform.SeedAsync(silo.Channel, "wk-chain", coaches: 1, people: 4);
        }

        var verify = await VerifyAsync(withCheckpoints: true);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("1 signed checkpoint(s) read, 1 matched; 0 chain(s) have no checkpoint yet", verify.Output);
    }

    [Fact]
    public async Task AppendThroughputWithAndWithoutTheChainIsMeasured()
    {
        const int callers = 64, calls = 40;
        var options = Options.Create(new StorageOptions { DataDirectory = _data });
        await using var state = new SqliteDatabase(options);
        await using var audit = new SqliteAuditDatabase(options);
        var store = new SqliteAuditStore(audit, state);
        var record = new AuditRecord(0, DateTimeOffset.UtcNow, "coach", "co-1", "ClientService.GetClient", "cl-0000000000000001", "case_work", "OK");
        await store.AppendAsync([record], CancellationToken.None);
        var rates = new Dictionary<string, double> { ["plain"] = 0, ["chained"] = 0 };
        // Concurrent callers, one record each, as the gateway's calls hand them over (the file's group commit); each
        // way twice, alternating, the first round as warm-up. "plain" is the INSERT of before the chain.
        for (var round = 0; round < 4; round++)
        {
            rates["plain"] = Math.Max(rates["plain"], await RateAsync(callers, calls, () => audit.Database.WriteAsync(async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO audit_log (at, actor_role, actor_id, action, client_id, purpose, outcome)
                    VALUES ($at, 'coach', 'co-1', 'ClientService.GetClient', 'cl-0000000000000001', 'case_work', 'OK')
                    """;
                command.Parameters.AddWithValue("$at", record.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                return await command.ExecuteNonQueryAsync();
            })));
            rates["chained"] = Math.Max(rates["chained"], await RateAsync(callers, calls, () => store.AppendAsync([record], CancellationToken.None)));
        }

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"SQLite audit append, {callers} concurrent callers x {calls} records: before the chain {rates["plain"]:0} records/s, chained {rates["chained"]:0} records/s ({rates["chained"] / rates["plain"]:P0})");
        output.WriteLine(figures);
        Figures.Record(nameof(AppendThroughputWithAndWithoutTheChainIsMeasured), figures);
        Assert.Equal(1 + 4 * callers * calls, (await store.ChainHeadAsync(CancellationToken.None))!.Sequence);
    }

    private static async Task<double> RateAsync(int callers, int calls, Func<Task> append)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < calls; i++)
            {
                await append();
            }
        })));
        return callers * calls / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Appends <see cref="Records"/> records in batches of three (times with sub-microsecond ticks) and returns the chain's head.</summary>
    private async Task<AuditChainHead> WriteLogAsync(bool withCheckpoint = false)
    {
        var options = Options.Create(new StorageOptions { DataDirectory = _data });
        await using var state = new SqliteDatabase(options);
        await using var audit = new SqliteAuditDatabase(options);
        var store = new SqliteAuditStore(audit, state);
        var start = DateTimeOffset.Parse("2026-03-02T09:00:00Z", CultureInfo.InvariantCulture);
        foreach (var batch in Enumerable.Range(1, Records).Chunk(3))
        {
            await store.AppendAsync(
                [.. batch.Select(i => new AuditRecord(0, start.AddSeconds(i).AddTicks(i), "coach", "co-1", "ClientService.GetClient", $"cl-{i:D16}", "case_work", "OK"))],
                CancellationToken.None);
        }

        if (withCheckpoint)
        {
            var exporter = new AuditCheckpointExporter(
                store, Options.Create(new AuditCheckpointOptions { CheckpointFolder = Checkpoints, CheckpointKey = Key }), TimeProvider.System, NullLogger<AuditCheckpointExporter>.Instance);
            Assert.NotNull(await exporter.ExportAsync(CancellationToken.None));
        }

        var head = await store.ChainHeadAsync(CancellationToken.None);
        Assert.Equal(Records, head!.Sequence);
        return head;
    }

    private async Task TamperAsync(string sql)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={AuditFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What someone without the checkpoint key can do best: change a record and give it and every later one a new, matching hash.</summary>
    private async Task RewriteFromAsync(long chainSequence, string purpose)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={AuditFile};Pooling=False");
        await connection.OpenAsync();
        var rows = new List<ChainedAuditRecord>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT sequence, chain_id, chain_sequence, format, at, actor_role, actor_id, on_behalf_of, action, client_id, purpose, outcome, previous_hash, hash FROM audit_log ORDER BY chain_sequence";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new ChainedAuditRecord(
                    reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3),
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    reader.GetString(5), reader.GetString(6), null, reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11),
                    (byte[])reader.GetValue(12), (byte[])reader.GetValue(13)));
            }
        }

        await using var write = connection.CreateCommand();
        write.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET purpose = $purpose, previous_hash = $previous, hash = $hash WHERE sequence = $sequence";
        var previous = rows.Single(r => r.ChainSequence == chainSequence - 1).Hash;
        foreach (var row in rows.Where(r => r.ChainSequence >= chainSequence))
        {
            var rewritten = row with { Purpose = row.ChainSequence == chainSequence ? purpose : row.Purpose, PreviousHash = previous };
            rewritten = rewritten with { Hash = AuditHash.Compute(rewritten) };
            write.Parameters.Clear();
            write.Parameters.AddWithValue("$purpose", rewritten.Purpose);
            write.Parameters.AddWithValue("$previous", rewritten.PreviousHash);
            write.Parameters.AddWithValue("$hash", rewritten.Hash);
            write.Parameters.AddWithValue("$sequence", rewritten.Sequence);
            await write.ExecuteNonQueryAsync();
            write.CommandText = "UPDATE audit_log SET purpose = $purpose, previous_hash = $previous, hash = $hash WHERE sequence = $sequence";
            previous = rewritten.Hash;
        }
    }

    private async Task<CliResult> VerifyAsync(bool withCheckpoints = false)
    {
        var result = withCheckpoints
            ? await CliProcess.RunAsync("audit", "verify", "--data", _data, "--checkpoints", Checkpoints, "--checkpoint-key", Key)
            : await CliProcess.RunAsync("audit", "verify", "--data", _data);
        output.WriteLine(result.ToString());
        return result;
    }

    private static void AssertBreak(CliResult verify, string expected)
    {
        Assert.True(verify.ExitCode == 1, verify.ToString());
        var first = verify.Output.Split('\n').First(line => line.StartsWith("BREAK ", StringComparison.Ordinal));
        Assert.Contains(expected, first);
    }
}
