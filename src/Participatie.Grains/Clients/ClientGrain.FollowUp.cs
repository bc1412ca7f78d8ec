using Participatie.Abstractions.Coaches;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>What the person's coach needs to follow them up: the last contact and the regime's contact interval.</summary>
public sealed partial class ClientGrain
{
    public async Task<FollowUpFacts> GetFollowUpFactsAsync(DateOnly on)
    {
        EnsureRegistered();
        var resolved = ClientRegimes.Resolve(await LayersAsync(), on);
        return new FollowUpFacts(State.LastContactOn, resolved.Regime.ContactIntervalDays);
    }

    /// <summary>
    /// How often the coach should be in contact today, by the person's regime, for the coach's agenda; null when no
    /// regime is configured for today or the neighbourhood's trials cannot be read now (the coach's periodic check asks
    /// again).
    /// </summary>
    private async Task<int?> ContactIntervalAsync()
    {
        try
        {
            return ClientRegimes.Resolve(await LayersAsync(), Today.In(time)).Regime.ContactIntervalDays;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Tells the person's coach something worth their attention. Best effort: the change itself is stored already,
    /// and an inbox item that is lost with a silo is a notification missed, not data lost.
    /// </summary>
    private async Task NotifyCoachAsync(InboxItemKind kind, string text)
    {
        if (State.CoachId is not { } coachId)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<ICoachGrain>(coachId).NotifyAsync(new InboxNotice(kind, ClientId, text));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotifyFailed(logger, ClientId, coachId, exception);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Could not tell coach {CoachId} about {ClientId}; the change is stored")]
    private static partial void LogNotifyFailed(Microsoft.Extensions.Logging.ILogger logger, string clientId, string coachId, Exception exception);
}
