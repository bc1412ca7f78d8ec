using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Participatie.Gateway.Security.Audit;
using Participatie.Security.Audit;

namespace Participatie.Silo.Tests.Audit;

/// <summary>Checkpoints of an audit chain: signed so that no field can be changed or made up, and written on a schedule.</summary>
public sealed class AuditCheckpointTests : IDisposable
{
    private const string Key = "a checkpoint key of the tests, 32 bytes and more";

    private static readonly AuditChainHead Head = new("silo-1-20260302T090000Z-a1b2c3", 41, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), DateTimeOffset.UnixEpoch);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "participatie-checkpoints-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void ACheckpointHoldsUnderItsKeyAndIsRefusedOnceAnyFieldIsChangedOrTheKeyIsAnother()
    {
        var checkpoint = AuditCheckpoint.Sign(Head, DateTimeOffset.Parse("2026-03-02T09:05:00.1234567Z", CultureInfo.InvariantCulture), Key);
        var read = AuditCheckpoint.Parse(checkpoint.ToJson())!;

        Assert.True(read.IsSignedWith(Key));
        Assert.Equal(checkpoint, read);
        AuditCheckpoint[] forgeries =
        [
            checkpoint with { ChainId = "silo-2-20260302T090000Z-a1b2c3" },
            checkpoint with { Sequence = 40 },
            checkpoint with { Hash = new string('0', 64) },
            checkpoint with { SignedAt = checkpoint.SignedAt.AddMinutes(5) },
            checkpoint with { Format = 2 },
            checkpoint with { Signature = "not hex" },
            AuditCheckpoint.Sign(Head, checkpoint.SignedAt, "another key of the same length as the real one"),
        ];
        Assert.All(forgeries, forged => Assert.False(forged.IsSignedWith(Key)));
    }

    [Fact]
    public void ATextThatIsNoCheckpointIsRefused()
    {
        Assert.Null(AuditCheckpoint.Parse("{ not json"));
        Assert.Null(AuditCheckpoint.Parse("""{"format":1,"sequence":3}"""));
    }

    [Fact]
    public async Task TheExporterSignsTheHeadEachIntervalAndOnceMoreOnStopButNeverAnUnmovedHeadTwice()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T09:00:00Z", CultureInfo.InvariantCulture));
        var store = new WatchedStore(new MemoryAuditStore(time));
        var exporter = new AuditCheckpointExporter(
            store,
            Options.Create(new AuditCheckpointOptions { CheckpointFolder = _folder, CheckpointKey = Key, CheckpointInterval = TimeSpan.FromMinutes(5) }),
            time,
            NullLogger<AuditCheckpointExporter>.Instance);
        await store.AppendAsync([Record(1), Record(2), Record(3)], CancellationToken.None);

        await exporter.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder).Any());
        time.Advance(TimeSpan.FromMinutes(1));
        await store.HeadRead.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await store.AppendAsync([Record(4), Record(5)], CancellationToken.None);
        await exporter.StopAsync(CancellationToken.None);
        var again = await exporter.ExportAsync(CancellationToken.None);

        var written = Directory.GetFiles(_folder).Order(StringComparer.Ordinal).Select(f => AuditCheckpoint.Parse(File.ReadAllText(f))!).ToList();
        Assert.Equal([3L, 5L], written.Select(c => c.Sequence));
        Assert.All(written, c => Assert.True(c.IsSignedWith(Key)));
        Assert.Equal(time.GetUtcNow(), written[0].SignedAt);
        Assert.Null(again);
    }

    [Fact]
    public void AFolderWithoutAKeyOrAShortKeyStopsTheStartNamingTheKey()
    {
        var problems = new AuditCheckpointOptions { CheckpointFolder = _folder, CheckpointKey = "short" }.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Audit:CheckpointKey must hold at least 32 bytes", StringComparison.Ordinal));
        Assert.Empty(new AuditCheckpointOptions().Problems());
    }

    private static AuditRecord Record(int i) =>
        new(0, DateTimeOffset.UnixEpoch.AddSeconds(i), "coach", "co-1", "ClientService.GetClient", $"cl-{i:D16}", "case_work", "OK");

    /// <summary>The Memory store, telling the test when the exporter read the head (the tick it waits for).</summary>
    private sealed class WatchedStore(MemoryAuditStore inner) : IAuditStore
    {
        public TaskCompletionSource HeadRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) => inner.AppendAsync(records, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

        public async Task<AuditChainHead?> ChainHeadAsync(CancellationToken cancellationToken)
        {
            var head = await inner.ChainHeadAsync(cancellationToken);
            HeadRead.TrySetResult();
            return head;
        }
    }
}
