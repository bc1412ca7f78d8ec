using Grpc.Core;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Contracts.V1;
using Participatie.Domain;
using DomainActivityType = Participatie.Domain.Participation.ActivityType;
using Participatie.Domain.Validation;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;

namespace Participatie.Gateway.Services;

/// <summary>PartnerService: map the request, call the partner's or activity's grain, map the reply (never a client id).</summary>
public sealed class PartnerApi(IGrainFactory grains, CallContext call) : PartnerService.PartnerServiceBase
{
    public const int MaxRequestIdLength = 100;
    public const int DefaultOfferPageSize = 20;
    public const int MaxOfferPageSize = 100;

    /// <summary>The longest period ListHours reads, in days: a month's overview at most.</summary>
    public const int MaxHoursPeriodDays = 31;

    public override async Task<RegisterPartnerResponse> RegisterPartner(RegisterPartnerRequest request, ServerCallContext context)
    {
        var partner = await Partner(request.PartnerId).RegisterAsync(new RegisterPartnerCommand(request.Name, request.Contact, call.Subject));
        return new RegisterPartnerResponse { Partner = partner.ToContract() };
    }

    public override async Task<GetPartnerResponse> GetPartner(GetPartnerRequest request, ServerCallContext context) =>
        new() { Partner = (await Partner(request.PartnerId).GetAsync()).ToContract() };

    public override async Task<CreateActivityResponse> CreateActivity(CreateActivityRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var partnerId = violations.Id("partner_id", request.PartnerId, IdKind.Partner);
        var requestId = violations.Text("request_id", request.RequestId, MaxRequestIdLength, required: false);
        violations.ThrowIfAny();

        // A request id always leads to the same activity of this partner, so a repeated request finds it.
        var activityId = requestId is null ? Ids.NewActivityId() : Ids.FromRequestKey(IdKind.Activity, $"{partnerId}/{requestId}");
        var activity = await grains.GetGrain<IPartnerGrain>(partnerId!).CreateActivityAsync(activityId, request.Activity.ToData(), call.Subject);
        return new CreateActivityResponse { Activity = activity.ToContract() };
    }

    public override async Task<UpdateActivityResponse> UpdateActivity(UpdateActivityRequest request, ServerCallContext context) =>
        new() { Activity = (await Activity(request.ActivityId).UpdateAsync(request.Activity.ToData())).ToContract() };

    public override async Task<CloseActivityResponse> CloseActivity(CloseActivityRequest request, ServerCallContext context) =>
        new() { Activity = (await Activity(request.ActivityId).CloseAsync(request.Reason)).ToContract() };

    public override async Task<GetActivityResponse> GetActivity(GetActivityRequest request, ServerCallContext context) =>
        new() { Activity = (await Activity(request.ActivityId).GetAsync()).ToContract() };

    public override async Task<ListActivitiesResponse> ListActivities(ListActivitiesRequest request, ServerCallContext context)
    {
        var partner = Partner(request.PartnerId);
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);
        var activities = await partner.ListActivitiesAsync(after, size);
        return new ListActivitiesResponse
        {
            Activities = { activities.Select(a => a.ToContract()) },
            NextPageToken = activities.Count == size ? PageTokens.Encode(activities[^1].ActivityId) : "",
        };
    }

    public override async Task<EnrolParticipantResponse> EnrolParticipant(EnrolParticipantRequest request, ServerCallContext context)
    {
        var participant = await Activity(request.ActivityId).EnrolAsync(request.ParticipantRef);
        return new EnrolParticipantResponse { Participant = participant.ToContract() };
    }

    public override async Task<ListParticipantsResponse> ListParticipants(ListParticipantsRequest request, ServerCallContext context)
    {
        var activity = Activity(request.ActivityId);
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);
        var page = await activity.ListParticipantsAsync(after, size);
        call.Reached(page.Select(p => p.ClientId));
        return new ListParticipantsResponse
        {
            Participants = { page.Select(p => p.ToContract()) },
            NextPageToken = page.Count == size ? PageTokens.Encode(page[^1].Reference) : "",
        };
    }

    public override async Task<RecordHoursResponse> RecordHours(RecordHoursRequest request, ServerCallContext context)
    {
        var attendance = await Activity(request.ActivityId).RecordHoursAsync(new RecordHoursCommand(request.ParticipantRef, request.Date, request.Hours, call.Subject));
        return attendance.ToContract();
    }

    public override async Task<ListHoursResponse> ListHours(ListHoursRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var activityId = violations.Id("activity_id", request.ActivityId, IdKind.Activity);
        var firstDay = violations.Date("first_day", request.FirstDay);
        var lastDay = violations.Date("last_day", request.LastDay);
        if (firstDay is { } first && lastDay is { } last)
        {
            if (last < first)
            {
                violations.Add("last_day", "must not be before first_day");
            }
            else if (last.DayNumber - first.DayNumber >= MaxHoursPeriodDays)
            {
                violations.Add("last_day", $"must be at most {MaxHoursPeriodDays} days from first_day, both included");
            }
        }

        violations.ThrowIfAny();
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);
        var page = await grains.GetGrain<IActivityGrain>(activityId!).ListHoursAsync(firstDay!.Value, lastDay!.Value, after, size);
        call.Reached(page.Days.Select(d => d.ClientId).Distinct());
        return new ListHoursResponse
        {
            Days = { page.Days.Select(d => d.ToDayHours()) },
            NextPageToken = PageTokens.Encode(page.LastReference),
        };
    }

    public override async Task<ListActivitiesOnOfferResponse> ListActivitiesOnOffer(ListActivitiesOnOfferRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var caller = call.Caller!;
        var named = violations.Id("neighbourhood_id", request.NeighbourhoodId, IdKind.Neighbourhood, required: caller.Role is not (Role.Person or Role.Team));
        var type = (DomainActivityType)(int)request.Type;
        if (!Enum.IsDefined(type))
        {
            violations.Add("type", "is not an activity type");
        }

        var size = request.PageSize == 0 ? DefaultOfferPageSize : violations.Range("page_size", request.PageSize, 1, MaxOfferPageSize);
        var after = request.PageToken.Length == 0 ? null : PageTokens.Decode(request.PageToken);
        if (request.PageToken.Length > 0 && after is null)
        {
            violations.Add("page_token", "is not a token returned by this API");
        }

        violations.ThrowIfAny();
        var neighbourhoodId = named ?? await OwnNeighbourhoodAsync(caller);
        var page = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId)
            .ListActivitiesOnOfferAsync(type == DomainActivityType.Unspecified ? null : type, after, size);
        return new ListActivitiesOnOfferResponse
        {
            Activities = { page.Offers.Select(o => o.ToContract(neighbourhoodId)) },
            NextPageToken = page.ContinueAfter is { } last ? PageTokens.Encode(last) : "",
            NeighbourhoodId = neighbourhoodId,
        };
    }

    /// <summary>
    /// The caller's own neighbourhood: a team's from its token; a person's from their record, which is a read of
    /// their data and audited as such.
    /// </summary>
    private async Task<string> OwnNeighbourhoodAsync(Caller caller)
    {
        if (caller.Role == Role.Team)
        {
            return caller.NeighbourhoodId!;
        }

        var facts = await grains.GetGrain<IClientCaseGrain>(caller.Subject).GetAccessFactsAsync();
        call.Reached([caller.Subject]);
        if (facts.NeighbourhoodId is null)
        {
            var violations = new Violations();
            violations.Add("neighbourhood_id", "is required: your record names no neighbourhood");
            violations.ThrowIfAny();
        }

        return facts.NeighbourhoodId!;
    }

    private IPartnerGrain Partner(string partnerId) =>
        grains.GetGrain<IPartnerGrain>(RequestErrors.RequireId("partner_id", partnerId, IdKind.Partner));

    private IActivityGrain Activity(string activityId) =>
        grains.GetGrain<IActivityGrain>(RequestErrors.RequireId("activity_id", activityId, IdKind.Activity));
}
