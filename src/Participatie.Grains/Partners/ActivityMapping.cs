using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Domain.Participation;

namespace Participatie.Grains.Partners;

/// <summary>Between an activity's stored record, domain values and messages.</summary>
internal static class ActivityMapping
{
    public static ActivityDetails ToDomain(this ActivityData data) =>
        new(data.Title, data.Type, data.NeighbourhoodId, data.Capacity, data.Schedule, data.Contact);

    public static ActivityData ToData(this ActivityDetails details) =>
        new(details.Title, details.Type, details.NeighbourhoodId, details.Capacity, details.Schedule, details.Contact);

    public static ActivityData Details(this ActivityState state) =>
        new(state.Title, state.Type, state.NeighbourhoodId, state.Capacity, state.Schedule, state.Contact);

    public static void Apply(this ActivityState state, ActivityData data)
    {
        state.Title = data.Title;
        state.Type = data.Type;
        state.NeighbourhoodId = data.NeighbourhoodId;
        state.Capacity = data.Capacity;
        state.Schedule = data.Schedule;
        state.Contact = data.Contact;
    }

    public static OfferDetails ToOfferDetails(this ActivityState state) => new(
        state.Title,
        state.PartnerId,
        state.PartnerName,
        state.Schedule,
        state.Contact,
        state.Capacity,
        state.Enrolled(),
        state.Waiting());

    public static int Waiting(this ActivityState state) => state.Participants.Values.Count(p => p.Status == ParticipantStatus.Agreed);

    public static int Enrolled(this ActivityState state) => state.Participants.Values.Count(p => p.Status == ParticipantStatus.Enrolled);

    public static ActivityView ToView(this ActivityState state, string activityId) => new(
        activityId,
        state.PartnerId,
        state.Details(),
        state.ClosedOn is null,
        state.ClosedOn,
        state.CloseReason,
        state.Enrolled(),
        state.Waiting(),
        state.CreatedAt);

    public static EnrolmentView ToEnrolment(this ParticipantRecord participant, string activityId, string title) =>
        new(activityId, title, participant.Status, participant.Reference);

    public static ParticipantView ToView(this ParticipantRecord participant, string clientId) => new(
        participant.Reference,
        participant.FirstName,
        participant.Status,
        participant.AgreedAt,
        participant.EnrolledAt,
        participant.Days.Sum(d => d.Current.Minutes),
        participant.Days.LastOrDefault(d => d.Current.Minutes > 0)?.Day,
        clientId);

    public static AttendanceView ToView(this AttendanceRecord attendance, string reference, string clientId) => new(
        reference,
        attendance.Day,
        attendance.Current.ToEntry(),
        [.. attendance.History.Select(h => h.ToEntry())],
        clientId);

    public static ParticipationContribution ToContribution(this ParticipantRecord participant, string activityId, ActivityType type) => new(
        activityId,
        participant.Version,
        type,
        participant.Status,
        [.. participant.Days.Select(d => new DayMinutes(d.Day, d.Current.Minutes))]);

    private static HoursEntry ToEntry(this HoursRecord hours) => new(hours.Minutes, hours.RecordedAt, hours.RecordedBy);
}
