using Orleans.Concurrency;

namespace Participatie.Abstractions.Partners;

/// <summary>
/// One activity of a partner organisation: what it is, its places, who agreed to take part and who has a place, and
/// the hours attended with every correction. It is the truth about enrolment and hours; each person's record learns
/// its part through a versioned contribution sent from an outbox. Key: the activity id ("ac-…").
/// Partners see participants only by first name and a reference that means nothing outside this activity.
/// </summary>
[Alias("participatie.IActivityGrain")]
public interface IActivityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the activity for its partner (whose name the neighbourhood's offer shows); the same details again
    /// return it as it is.
    /// </summary>
    [Alias("Create")]
    Task<ActivityView> CreateAsync(string partnerId, string partnerName, ActivityData details, string createdBy);

    [Alias("Get")]
    Task<ActivityView> GetAsync();

    /// <summary>The partner the activity belongs to, null when it does not exist; answered even while another call runs.</summary>
    [Alias("GetOwner")]
    [AlwaysInterleave]
    Task<string?> GetOwnerAsync();

    /// <summary>Whether and how the activity is on offer in the neighbourhood, at the version of its last change there (for a rebuild).</summary>
    [Alias("GetOffer")]
    [AlwaysInterleave]
    Task<Neighbourhoods.ActivityOffer> GetOfferAsync(string neighbourhoodId);

    /// <summary>Replaces the details; the capacity may not drop below the places taken.</summary>
    [Alias("Update")]
    Task<ActivityView> UpdateAsync(ActivityData details);

    /// <summary>Closes the activity to new participants; hours of days up to the closing day can still be recorded.</summary>
    [Alias("Close")]
    Task<ActivityView> CloseAsync(string reason);

    /// <summary>
    /// Records that the person agreed to take part, and gives them a place when one is free (else they wait, agreed,
    /// for the partner to enrol them). Repeating it changes nothing.
    /// </summary>
    [Alias("Agree")]
    Task<EnrolmentView> AgreeAsync(string clientId, string recordedBy);

    /// <summary>
    /// The person behind a participant's reference, null when the activity knows no such reference: the gateway audits
    /// a change of a participant before it makes it.
    /// </summary>
    [Alias("FindParticipant")]
    [AlwaysInterleave]
    Task<string?> FindParticipantAsync(string reference);

    /// <summary>Gives a place to a person who agreed, named by their reference.</summary>
    [Alias("Enrol")]
    Task<ParticipantView> EnrolAsync(string reference);

    /// <summary>Participants in reference order, after <paramref name="after"/>.</summary>
    [Alias("ListParticipants")]
    Task<IReadOnlyList<ParticipantView>> ListParticipantsAsync(string? after, int size);

    /// <summary>Forgets the first name of a participant whose record is anonymised; the reference, status and hours stay.</summary>
    [Alias("AnonymiseParticipant")]
    Task AnonymiseParticipantAsync(string clientId);

    /// <summary>Records (or corrects) a participant's hours on a day; the figures it replaces are kept as history.</summary>
    [Alias("RecordHours")]
    Task<AttendanceView> RecordHoursAsync(RecordHoursCommand command);

    /// <summary>
    /// The days with hours from <paramref name="firstDay"/> to <paramref name="lastDay"/> (both included) of up to
    /// <paramref name="size"/> participants in reference order, after <paramref name="after"/>.
    /// </summary>
    [Alias("ListHours")]
    Task<HoursPage> ListHoursAsync(DateOnly firstDay, DateOnly lastDay, string? after, int size);
}
