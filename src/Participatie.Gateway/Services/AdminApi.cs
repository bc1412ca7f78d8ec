using Grpc.Core;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;
using Participatie.Contracts.V1;
using Participatie.Domain.Validation;
using Participatie.Abstractions.Errors;
using Participatie.Gateway.Mapping;

namespace Participatie.Gateway.Services;

/// <summary>What the gateway tells operators about itself and the host it runs in.</summary>
public sealed class GatewayInfo
{
    public string StorageProfile { get; set; } = "Unknown";
}

/// <summary>AdminService.</summary>
public sealed class AdminApi(IGrainFactory grains, IOptions<GatewayInfo> info, TimeProvider time) : AdminService.AdminServiceBase
{
    private static readonly string Version = typeof(AdminApi).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public override Task<PingResponse> Ping(PingRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Text("payload", request.Payload, 256, required: false);
        violations.ThrowIfAny();
        return Task.FromResult(new PingResponse { Payload = request.Payload, ServerTime = ContractMapping.Iso(time.GetUtcNow()) });
    }

    public override async Task<GetPlatformStatusResponse> GetPlatformStatus(GetPlatformStatusRequest request, ServerCallContext context)
    {
        var directory = grains.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform);
        var neighbourhoodIds = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await directory.ListNeighbourhoodsAsync(after, 1000);
            neighbourhoodIds.AddRange(page);
            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1];
        }

        var neighbourhoods = await Task.WhenAll(neighbourhoodIds.Select(id => grains.GetGrain<INeighbourhoodGrain>(id).GetAsync()));
        var coaches = await Task.WhenAll((await directory.ListCoachesAsync()).Select(id => grains.GetGrain<ICoachGrain>(id).GetAsync()));
        return new GetPlatformStatusResponse
        {
            Neighbourhoods = neighbourhoods.Length,
            Coaches = coaches.Length,
            Clients = neighbourhoods.Sum(n => n.Residents),
            ClientsWithCoach = neighbourhoods.Sum(n => n.WithCoach),
            ClientsWithinCut = neighbourhoods.Sum(n => n.WithinCut),
            ClientsBeyondCut = neighbourhoods.Sum(n => n.BeyondCut),
            ClientsNotAssessed = neighbourhoods.Sum(n => n.NotAssessed),
            CaseloadCapacity = coaches.Sum(c => c.CaseloadLimit),
            CaseloadUsed = coaches.Sum(c => c.CaseloadSize),
            StorageProfile = info.Value.StorageProfile,
            HostName = Environment.MachineName,
            Version = Version,
        };
    }
}
