using Grpc.Core;
using Microsoft.Extensions.Logging;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Platform;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;

namespace Participatie.Gateway.Services;

/// <summary>CoachService. Assignments go through the person's grain, which holds the truth about their coach.</summary>
public sealed class CoachApi(IGrainFactory grains, IClusterClient cluster, CallContext call, ILogger<CoachApi> logger) : CoachService.CoachServiceBase
{
    public const int MaxWithinDays = 365;
    public const int MaxHandOverTargets = 20;

    /// <summary>How long one wait for a hand-over's completion lasts: well below Orleans' response timeout of 30 s.</summary>
    private static readonly TimeSpan HandOverPollWait = TimeSpan.FromSeconds(10);

    public override async Task<CreateCoachResponse> CreateCoach(CreateCoachRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var requestId = violations.Text("request_id", request.RequestId, ClientApi.MaxRequestIdLength, required: false);
        violations.ThrowIfAny();

        var coachId = requestId is null ? Ids.NewCoachId() : Ids.FromRequestKey(IdKind.Coach, requestId);
        var coach = await grains.GetGrain<ICoachGrain>(coachId).CreateAsync(
            new CreateCoachCommand(request.DisplayName, request.CaseloadLimit, request.NeighbourhoodId, requestId));
        return new CreateCoachResponse { Coach = coach.ToContract() };
    }

    public override async Task<GetCoachResponse> GetCoach(GetCoachRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("coach_id", request.CoachId, IdKind.Coach);
        return new GetCoachResponse { Coach = (await grains.GetGrain<ICoachGrain>(id).GetAsync()).ToContract() };
    }

    public override async Task<AssignClientResponse> AssignClient(AssignClientRequest request, ServerCallContext context)
    {
        var (coachId, clientId) = CheckIds(request.CoachId, request.ClientId);
        var coach = grains.GetGrain<ICoachGrain>(coachId);
        await coach.GetAsync(); // NOT_FOUND for an unknown coach before the person's record is touched
        var previous = await grains.GetGrain<IClientCaseGrain>(clientId).AssignCoachAsync(coachId);
        return new AssignClientResponse { Coach = (await coach.GetAsync()).ToContract(), PreviousCoachId = previous ?? string.Empty };
    }

    public override async Task<ReleaseClientResponse> ReleaseClient(ReleaseClientRequest request, ServerCallContext context)
    {
        var (coachId, clientId) = CheckIds(request.CoachId, request.ClientId);
        var coach = grains.GetGrain<ICoachGrain>(coachId);
        await coach.GetAsync();
        await grains.GetGrain<IClientCaseGrain>(clientId).ReleaseCoachAsync(coachId);
        return new ReleaseClientResponse { Coach = (await coach.GetAsync()).ToContract() };
    }

    public override async Task<GetCaseloadResponse> GetCaseload(GetCaseloadRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var coachId = violations.Id("coach_id", request.CoachId, IdKind.Coach);
        violations.ThrowIfAny();
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);

        var page = await grains.GetGrain<ICoachGrain>(coachId!).GetCaseloadAsync(after, size);
        return new GetCaseloadResponse
        {
            Coach = page.Coach.ToContract(),
            Entries = { page.Entries.Select(e => e.ToContract()) },
            NextPageToken = PageTokens.Encode(page.NextAfter),
        };
    }

    public override async Task<ListFollowUpsResponse> ListFollowUps(ListFollowUpsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var coachId = violations.Id("coach_id", request.CoachId, IdKind.Coach);
        violations.Range("within_days", request.WithinDays, 0, MaxWithinDays);
        violations.ThrowIfAny();
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);
        if (after is not null && !IsFollowUpToken(after))
        {
            violations.Add("page_token", "is not a token returned by this API");
            violations.ThrowIfAny();
        }

        var page = await grains.GetGrain<ICoachGrain>(coachId!).ListFollowUpsAsync(request.WithinDays, after, size);
        return new ListFollowUpsResponse
        {
            On = ContractMapping.Iso(page.On),
            FollowUps = { page.Items.Select(f => f.ToContract()) },
            Overdue = page.Overdue,
            NextPageToken = PageTokens.Encode(page.NextAfter),
        };
    }

    public override async Task WatchInbox(WatchInboxRequest request, IServerStreamWriter<Contracts.V1.InboxItem> responseStream, ServerCallContext context)
    {
        var violations = new Violations();
        var coachId = violations.Id("coach_id", request.CoachId, IdKind.Coach);
        if (request.AfterSequence < 0)
        {
            violations.Add("after_sequence", "must not be negative");
        }

        violations.ThrowIfAny();
        var coach = grains.GetGrain<ICoachGrain>(coachId!);
        var after = request.AfterSequence;
        var page = await coach.WaitForInboxAsync(after, TimeSpan.Zero); // NOT_FOUND before the stream starts
        if (after > page.LastSequence)
        {
            violations.Add("after_sequence", $"is beyond the newest item of this inbox ({page.LastSequence})");
            violations.ThrowIfAny();
        }

        // Subscribed before the state is read again: an item added between that read and the first notice still
        // arrives, because its notice finds the subscription in place.
        await using var live = await LiveSubscription.OpenAsync(cluster, LiveStreams.Inbox, coachId!, logger);
        page = await coach.WaitForInboxAsync(after, TimeSpan.Zero);

        // The headers go out at once, so that a client (a browser over gRPC-Web) knows the watch is open before the
        // first item, which may take hours.
        await context.WriteResponseHeadersAsync([]);
        while (true)
        {
            foreach (var item in page.Items)
            {
                await responseStream.WriteAsync(item.ToContract(), context.CancellationToken);
                after = item.Sequence;
            }

            // Until the caller ends the stream: cancellation ends the wait. A notice (or the catch-up) sends us back to
            // the grain's state for what came after the last item sent.
            await live.WaitAsync(context.CancellationToken);
            page = await coach.WaitForInboxAsync(after, TimeSpan.Zero);
        }
    }

    public override async Task<ReassignCaseloadResponse> ReassignCaseload(ReassignCaseloadRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var from = violations.Id("from_coach_id", request.FromCoachId, IdKind.Coach);
        if (request.ToCoachIds.Count is 0 or > MaxHandOverTargets)
        {
            violations.Add("to_coach_ids", $"must name 1 to {MaxHandOverTargets} coaches");
        }

        var targets = new List<string>();
        for (var i = 0; i < Math.Min(request.ToCoachIds.Count, MaxHandOverTargets); i++)
        {
            var field = $"to_coach_ids[{i}]";
            if (violations.Id(field, request.ToCoachIds[i], IdKind.Coach) is { } id)
            {
                if (id == from || targets.Contains(id))
                {
                    violations.Add(field, id == from ? "must not be the coach whose caseload is handed over" : "names the same coach twice");
                }

                targets.Add(id);
            }
        }

        violations.ThrowIfAny();

        // The hand-over is a job in its own grain: it plans and stores whom it will move, those people are audited
        // before any of them moves, and then it runs (and is finished by a reminder should a silo fail meanwhile).
        var handOver = grains.GetGrain<ICaseloadHandOverGrain>(from!);
        var plan = await PlanAuditAndStartAsync(handOver, targets, context.CancellationToken);
        var result = await handOver.WaitUntilCompletedAsync(plan.Number, HandOverPollWait);
        while (result.Status != HandOverStatus.Completed)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            result = await handOver.WaitUntilCompletedAsync(plan.Number, HandOverPollWait);
        }

        return new ReassignCaseloadResponse
        {
            Moved = result.Transfers.Sum(t => t.ClientIds.Count),
            Transfers = { result.Transfers.Select(t => new CaseloadTransfer { CoachId = t.CoachId, Moved = t.ClientIds.Count, ClientIds = { t.ClientIds } }) },
            Remaining = result.Remaining,
        };
    }

    public override async Task<ListCoachesResponse> ListCoaches(ListCoachesRequest request, ServerCallContext context)
    {
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);
        var page = await grains.GetGrain<IDirectoryPagesGrain>(DirectoryPagesKeys.Any).ListCoachesAsync(after, size);
        return new ListCoachesResponse
        {
            Coaches = { page.Coaches.Select(c => c.ToContract()) },
            NextPageToken = PageTokens.Encode(page.ContinueAfter),
        };
    }

    /// <summary>
    /// Plans the hand-over, audits the people it will move, and starts it. Another hand-over of the same caseload
    /// (under way to other colleagues, or planned just after this one) is awaited and this one planned again, so that
    /// it moves whoever that one left: the RPC's errors stay those of a single hand-over.
    /// </summary>
    private async Task<HandOverPlan> PlanAuditAndStartAsync(ICaseloadHandOverGrain handOver, List<string> targets, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var plan = await handOver.PlanAsync(targets);
                await call.ChangingAsync(plan.ClientIds);
                await handOver.StartAsync(plan.Number);
                return plan;
            }
            catch (PreconditionFailedException busy) when (busy.Reason == Reasons.HandOverUnderWay)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await handOver.WaitUntilCompletedAsync(0, HandOverPollWait);
            }
        }
    }

    /// <summary>A follow-up page token: the due date and client id the previous page ended with.</summary>
    private static bool IsFollowUpToken(string token) =>
        token.Split('/') is [var day, var clientId]
        && DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
        && Ids.IsValid(IdKind.Client, clientId);

    private static (string CoachId, string ClientId) CheckIds(string coachId, string clientId)
    {
        var violations = new Violations();
        var coach = violations.Id("coach_id", coachId, IdKind.Coach);
        var client = violations.Id("client_id", clientId, IdKind.Client);
        violations.ThrowIfAny();
        return (coach!, client!);
    }
}
