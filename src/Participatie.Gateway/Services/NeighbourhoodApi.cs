using Grpc.Core;
using Microsoft.Extensions.Logging;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;

namespace Participatie.Gateway.Services;

/// <summary>NeighbourhoodService.</summary>
public sealed class NeighbourhoodApi(IGrainFactory grains, IClusterClient cluster, CallContext call, ILogger<NeighbourhoodApi> logger) : NeighbourhoodService.NeighbourhoodServiceBase
{
    public override async Task<CreateNeighbourhoodResponse> CreateNeighbourhood(CreateNeighbourhoodRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("neighbourhood_id", request.NeighbourhoodId, IdKind.Neighbourhood);
        var view = await grains.GetGrain<INeighbourhoodGrain>(id).CreateAsync(new CreateNeighbourhoodCommand(request.Name, request.Municipality));
        return new CreateNeighbourhoodResponse { Neighbourhood = view.ToContract() };
    }

    public override async Task<GetNeighbourhoodResponse> GetNeighbourhood(GetNeighbourhoodRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("neighbourhood_id", request.NeighbourhoodId, IdKind.Neighbourhood);
        return new GetNeighbourhoodResponse { Neighbourhood = (await grains.GetGrain<INeighbourhoodGrain>(id).GetAsync()).ToContract() };
    }

    public override async Task WatchNeighbourhood(WatchNeighbourhoodRequest request, IServerStreamWriter<WatchNeighbourhoodResponse> responseStream, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("neighbourhood_id", request.NeighbourhoodId, IdKind.Neighbourhood);
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(id);
        await neighbourhood.GetAsync(); // NOT_FOUND before the stream starts

        // Subscribed before the figures are read: a change after that read is announced to this subscription.
        await using var live = await LiveSubscription.OpenAsync(cluster, LiveStreams.NeighbourhoodFigures, id, logger);
        await context.WriteResponseHeadersAsync([]);
        Contracts.V1.Neighbourhood? sent = null;
        while (true)
        {
            var now = (await neighbourhood.GetAsync()).ToContract();
            if (!now.Equals(sent))
            {
                await responseStream.WriteAsync(new WatchNeighbourhoodResponse { Neighbourhood = now }, context.CancellationToken);
                sent = now;
            }

            // Until the caller ends the stream; a notice (or the catch-up) sends us back to the neighbourhood's state.
            await live.WaitAsync(context.CancellationToken);
        }
    }

    public override async Task<ListNeighbourhoodsResponse> ListNeighbourhoods(ListNeighbourhoodsRequest request, ServerCallContext context)
    {
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);
        var page = await grains.GetGrain<IDirectoryPagesGrain>(DirectoryPagesKeys.Any).ListNeighbourhoodsAsync(after, size);
        return new ListNeighbourhoodsResponse
        {
            Neighbourhoods = { page.Neighbourhoods.Select(v => v.ToContract()) },
            NextPageToken = PageTokens.Encode(page.ContinueAfter),
        };
    }

    public override async Task<StartTrialResponse> StartTrial(StartTrialRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("neighbourhood_id", request.NeighbourhoodId, IdKind.Neighbourhood);
        var view = await grains.GetGrain<INeighbourhoodGrain>(id).StartTrialAsync(new StartTrialCommand(
            request.Name, request.Settings.ToData(), request.From, request.Until, call.Subject));
        return new StartTrialResponse { Neighbourhood = view.ToContract() };
    }

    public override async Task<EndTrialResponse> EndTrial(EndTrialRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("neighbourhood_id", request.NeighbourhoodId, IdKind.Neighbourhood);
        var view = await grains.GetGrain<INeighbourhoodGrain>(id).EndTrialAsync(request.Name, request.LastDay);
        return new EndTrialResponse { Neighbourhood = view.ToContract() };
    }

    /// <summary>The figures of a neighbourhood without its name, trials and dates, to compare a rebuild with.</summary>
    private static (int, int, int, int, int, NeighbourhoodActivity?) Figures(NeighbourhoodView n) =>
        (n.Residents, n.NotAssessed, n.WithinCut, n.BeyondCut, n.WithCoach, n.Activity);

    public override async Task<RebuildFiguresResponse> RebuildFigures(RebuildFiguresRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("neighbourhood_id", request.NeighbourhoodId, IdKind.Neighbourhood);
        var rebuild = await grains.GetGrain<INeighbourhoodGrain>(id).RebuildAsync();
        return new RebuildFiguresResponse
        {
            Before = rebuild.Before.ToContract(),
            After = rebuild.After.ToContract(),
            Equal = Figures(rebuild.Before) == Figures(rebuild.After),
            PeopleAsked = rebuild.PeopleAsked,
            ActivitiesAsked = rebuild.ActivitiesAsked,
        };
    }
}
