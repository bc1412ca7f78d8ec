using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Security.Audit;

namespace Participatie.Gateway.Security.Audit;

/// <summary>Where and how often a host signs the head of its audit chain (section <c>Audit</c>).</summary>
public sealed class AuditCheckpointOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// A folder the platform only adds files to (a mount whose files the platform cannot change or delete, e.g. an
    /// object store with object lock behind it; deploy/README.md). Empty: no checkpoints are written.
    /// </summary>
    public string CheckpointFolder { get; set; } = "";

    /// <summary>The HMAC-SHA256 key checkpoints are signed with (a secret, at least 32 bytes); required with a folder.</summary>
    public string CheckpointKey { get; set; } = "";

    /// <summary>How often the head is signed (when it moved since the last checkpoint).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => CheckpointFolder.Length > 0;

    public IEnumerable<string> Problems()
    {
        if (Enabled && System.Text.Encoding.UTF8.GetByteCount(CheckpointKey) < AuditCheckpoint.MinimumKeyBytes)
        {
            yield return $"{Section}:CheckpointKey must hold at least {AuditCheckpoint.MinimumKeyBytes} bytes when {Section}:CheckpointFolder is set (e.g. openssl rand -base64 48)";
        }

        if (CheckpointInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:CheckpointInterval must be positive";
        }
    }
}

/// <summary>
/// Signs the head of this process's audit chain every <see cref="AuditCheckpointOptions.CheckpointInterval"/>, and
/// once more when the host stops, into a new file of the checkpoint folder. A checkpoint that cannot be written is
/// logged and tried again at the next tick: appending records never waits for it.
/// </summary>
public sealed partial class AuditCheckpointExporter(
    IAuditStore store,
    IOptions<AuditCheckpointOptions> options,
    TimeProvider time,
    ILogger<AuditCheckpointExporter> logger) : BackgroundService
{
    private long _exported;
    private PeriodicTimer? _timer;

    /// <summary>Writes a checkpoint of the chain's head unless the head is where the last checkpoint left it; returns it.</summary>
    public async Task<AuditCheckpoint?> ExportAsync(CancellationToken cancellationToken)
    {
        var head = await store.ChainHeadAsync(cancellationToken);
        if (head is null || head.Sequence == _exported)
        {
            return null;
        }

        var checkpoint = AuditCheckpoint.Sign(head, time.GetUtcNow(), options.Value.CheckpointKey);
        Directory.CreateDirectory(options.Value.CheckpointFolder);
        // CreateNew: an existing file is never overwritten (the folder may refuse it anyway).
        await using (var file = new FileStream(Path.Combine(options.Value.CheckpointFolder, checkpoint.FileName), FileMode.CreateNew, FileAccess.Write))
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteAsync(checkpoint.ToJson().AsMemory(), cancellationToken);
        }

        _exported = head.Sequence;
        LogExported(logger, checkpoint.ChainId, checkpoint.Sequence);
        return checkpoint;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Counted from the host's start, not from whenever the background loop first runs.
        _timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = _timer!;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Not cancelled half-way by a stop: a checkpoint file is written whole or not at all.
                await TryExportAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last checkpoint is written in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryExportAsync(cancellationToken);
    }

    private async Task TryExportAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExportAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            LogFailed(logger, options.Value.CheckpointFolder, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint written: chain {ChainId} at record {Sequence}")]
    private static partial void LogExported(ILogger logger, string chainId, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing an audit checkpoint into {Folder} failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, string folder, Exception exception);
}
