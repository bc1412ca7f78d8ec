using Orleans.Concurrency;

namespace Participatie.Abstractions.Partners;

/// <summary>
/// A partner organisation (welzijnsorganisatie, sports club, Huis van de Wijk …): its name, contact and the activities
/// it offers. Key: the partner id ("pt-…"), the same id its API keys and tokens carry.
/// </summary>
[Alias("participatie.IPartnerGrain")]
public interface IPartnerGrain : IGrainWithStringKey
{
    /// <summary>Registers the organisation; registering again with the same name and contact returns it as it is.</summary>
    [Alias("Register")]
    Task<PartnerView> RegisterAsync(RegisterPartnerCommand command);

    /// <summary>
    /// Reads the organisation; answered even while another call runs (an activity recorded before it kept its
    /// partner's name asks for it while the partner may be waiting on that activity).
    /// </summary>
    [Alias("Get")]
    [AlwaysInterleave]
    Task<PartnerView> GetAsync();

    /// <summary>Creates an activity under this organisation with the given id, or returns it when it exists with the same details.</summary>
    [Alias("CreateActivity")]
    Task<ActivityView> CreateActivityAsync(string activityId, ActivityData details, string createdBy);

    /// <summary>The organisation's activity ids in id order, after <paramref name="after"/>.</summary>
    [Alias("ListActivityIds")]
    Task<IReadOnlyList<string>> ListActivityIdsAsync(string? after, int size);

    /// <summary>The organisation's activities in id order, after <paramref name="after"/>: a page of its ids, each read from its activity.</summary>
    [Alias("ListActivities")]
    Task<IReadOnlyList<ActivityView>> ListActivitiesAsync(string? after, int size);
}
