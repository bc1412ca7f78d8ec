using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Seeding;

/// <summary>
/// The calls that put people to work with a partner organisation, shared by the seed and the load's preparation:
/// register the organisation, offer its activities, record people's agreement to take part (which gives them a place
/// while there is one), and record their hours. Every call is retried (see <see cref="Retry"/>) and may be repeated:
/// the organisation and people's agreement return as they were, activities carry a request_id, and hours replace the
/// figure of their day.
/// </summary>
internal sealed class PartnerWork(GrpcChannel channel)
{
    private readonly PartnerService.PartnerServiceClient _partners = new(channel);
    private readonly ClientService.ClientServiceClient _clients = new(channel);

    /// <summary>Registers the organisation; one registered by an earlier run is taken as it is.</summary>
    public async Task<RegisterPartnerResponse> RegisterAsync(RegisterPartnerRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await Retry.CallAsync(o => _partners.RegisterPartnerAsync(request, o), cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.AlreadyExists)
        {
            return new RegisterPartnerResponse();
        }
    }

    /// <summary>Creates the activity (or, by its request_id, finds the one created before) and returns its id.</summary>
    public async Task<string> OfferAsync(CreateActivityRequest request, CancellationToken cancellationToken) =>
        (await Retry.CallAsync(o => _partners.CreateActivityAsync(request, o), cancellationToken)).Activity.ActivityId;

    /// <summary>
    /// Records that the person agrees to take part, as their coach (or an admin) does for them: a place while there is
    /// one, else waiting. The reply carries the reference the partner knows them by; asking again returns the same.
    /// </summary>
    public Task<EnrolInActivityResponse> EnrolAsync(string clientId, string activityId, CancellationToken cancellationToken) =>
        Retry.CallAsync(o => _clients.EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = clientId, ActivityId = activityId }, o), cancellationToken);

    public Task<RecordHoursResponse> RecordHoursAsync(RecordHoursRequest request, CancellationToken cancellationToken) =>
        Retry.CallAsync(o => _partners.RecordHoursAsync(request, o), cancellationToken);

    /// <summary>A participant's hours on a day, as their partner records them.</summary>
    public static RecordHoursRequest Hours(string activityId, string participantRef, DateOnly day, double hours) => new()
    {
        ActivityId = activityId,
        ParticipantRef = participantRef,
        Date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Hours = hours,
    };
}
