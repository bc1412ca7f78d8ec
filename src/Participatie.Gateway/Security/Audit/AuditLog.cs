using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Participatie.Gateway.Security.Audit;

/// <summary>
/// The audit log as the gateway uses it. A call that reads or changes a person's data answers only after its audit
/// records are stored (fail closed: no record, no answer). Records of concurrent calls are stored together in one
/// transaction (group commit), so auditing every read costs one write per batch, not one per call: batched here, or,
/// when the store commits concurrent appends together by itself (SQLite), by the store alone.
/// </summary>
public sealed partial class AuditLog(IAuditStore store, ILogger<AuditLog> logger) : BackgroundService
{
    private const int MaxBatch = 512;
    private readonly Channel<(IReadOnlyList<AuditRecord> Records, TaskCompletionSource Stored)> _pending =
        Channel.CreateUnbounded<(IReadOnlyList<AuditRecord>, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes once the records are stored; fails when they could not be.</summary>
    public Task RecordAsync(IReadOnlyList<AuditRecord> records)
    {
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (store.CommitsAppendsTogether)
        {
            return AppendNowAsync(records);
        }

        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _pending.Writer.TryWrite((records, stored)) ? stored.Task : Task.FromException(new InvalidOperationException("The audit log is closed"));
    }

    private async Task AppendNowAsync(IReadOnlyList<AuditRecord> records)
    {
        try
        {
            await store.AppendAsync(records, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogFailed(logger, records.Count, exception);
            throw;
        }
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => store.QueryAsync(query, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(IReadOnlyList<AuditRecord> Records, TaskCompletionSource Stored)>();
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            var count = 0;
            while (count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
                count += item.Records.Count;
            }

            try
            {
                await store.AppendAsync([.. batch.SelectMany(b => b.Records)], CancellationToken.None);
                batch.ForEach(b => b.Stored.TrySetResult());
            }
            catch (Exception exception)
            {
                LogFailed(logger, count, exception);
                batch.ForEach(b => b.Stored.TrySetException(exception));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Calls still running when the host stops get their records stored before the loop ends.
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} audit records failed; the calls they belong to are refused")]
    private static partial void LogFailed(ILogger logger, int count, Exception exception);
}
