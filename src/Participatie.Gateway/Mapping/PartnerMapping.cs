using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Domain.Participation;
using V1 = Participatie.Contracts.V1;

namespace Participatie.Gateway.Mapping;

/// <summary>Partners, activities and participants between the contract and the grains. No client id ever goes out here.</summary>
internal static class PartnerMapping
{
    public static ActivityData ToData(this V1.ActivityDetails? details) => details is null
        ? new ActivityData("", ActivityType.Unspecified, "", 0, "", "")
        : new ActivityData(details.Title, (ActivityType)(int)details.Type, details.NeighbourhoodId, details.Capacity, details.Schedule, details.ContactPerson);

    public static V1.Partner ToContract(this PartnerView partner) => new()
    {
        PartnerId = partner.PartnerId,
        Name = partner.Name,
        Contact = partner.Contact,
        RegisteredAt = ContractMapping.Iso(partner.RegisteredAt),
        Activities = partner.Activities,
    };

    public static V1.Activity ToContract(this ActivityView activity) => new()
    {
        ActivityId = activity.ActivityId,
        PartnerId = activity.PartnerId,
        Details = new V1.ActivityDetails
        {
            Title = activity.Details.Title,
            Type = (V1.ActivityType)(int)activity.Details.Type,
            NeighbourhoodId = activity.Details.NeighbourhoodId,
            Capacity = activity.Details.Capacity,
            Schedule = activity.Details.Schedule,
            ContactPerson = activity.Details.Contact,
        },
        Open = activity.Open,
        ClosedOn = activity.ClosedOn is { } closed ? ContractMapping.Iso(closed) : "",
        CloseReason = activity.CloseReason ?? "",
        Enrolled = activity.Enrolled,
        Waiting = activity.Waiting,
        CreatedAt = ContractMapping.Iso(activity.CreatedAt),
    };

    /// <summary>One activity of a person's participation: their place and the hours in force per day, newest first.</summary>
    public static V1.ActivityParticipation ToContract(this Participatie.Abstractions.Clients.ParticipationContribution participation, string title, string partnerName) => new()
    {
        ActivityId = participation.ActivityId,
        Title = title,
        Type = (V1.ActivityType)(int)participation.Type,
        PartnerName = partnerName,
        Status = (V1.ParticipantStatus)(int)participation.Status,
        TotalHours = Hours(participation.Days.Sum(d => d.Minutes)),
        Days = { participation.Days.Where(d => d.Minutes > 0).OrderByDescending(d => d.Day).Select(d => new V1.ParticipationDay { Date = ContractMapping.Iso(d.Day), Hours = Hours(d.Minutes) }) },
    };

    /// <summary>What someone looking for an activity sees of it: no participants.</summary>
    public static V1.ActivityOnOffer ToContract(this ActivityOnOffer offer, string neighbourhoodId) => new()
    {
        ActivityId = offer.ActivityId,
        Title = offer.Details.Title,
        Type = (V1.ActivityType)(int)offer.Type,
        PartnerId = offer.Details.PartnerId,
        PartnerName = offer.Details.PartnerName,
        NeighbourhoodId = neighbourhoodId,
        Schedule = offer.Details.Schedule,
        ContactPerson = offer.Details.Contact,
        Capacity = offer.Details.Capacity,
        FreePlaces = Math.Max(0, offer.Details.Capacity - offer.Details.Enrolled),
        Waiting = offer.Details.Waiting,
    };

    public static V1.Participant ToContract(this ParticipantView participant) => new()
    {
        ParticipantRef = participant.Reference,
        FirstName = participant.FirstName,
        Status = (V1.ParticipantStatus)(int)participant.Status,
        AgreedAt = ContractMapping.Iso(participant.AgreedAt),
        EnrolledAt = participant.EnrolledAt is { } enrolled ? ContractMapping.Iso(enrolled) : "",
        TotalHours = Hours(participant.TotalMinutes),
        LastAttendedOn = participant.LastAttended is { } last ? ContractMapping.Iso(last) : "",
    };

    public static V1.RecordHoursResponse ToContract(this AttendanceView attendance) => new()
    {
        ParticipantRef = attendance.Reference,
        Date = ContractMapping.Iso(attendance.Day),
        Current = attendance.Current.ToContract(),
        History = { attendance.History.Select(h => h.ToContract()) },
    };

    public static V1.DayHours ToDayHours(this AttendanceView attendance) => new()
    {
        ParticipantRef = attendance.Reference,
        Date = ContractMapping.Iso(attendance.Day),
        Current = attendance.Current.ToContract(),
        History = { attendance.History.Select(h => h.ToContract()) },
    };

    public static V1.EnrolInActivityResponse ToContract(this EnrolmentView enrolment) => new()
    {
        ActivityId = enrolment.ActivityId,
        Title = enrolment.Title,
        Status = (V1.ParticipantStatus)(int)enrolment.Status,
        ParticipantRef = enrolment.Reference,
    };

    private static V1.HoursEntry ToContract(this HoursEntry entry) => new()
    {
        Hours = Hours(entry.Minutes),
        RecordedAt = ContractMapping.Iso(entry.RecordedAt),
        RecordedBy = entry.RecordedBy,
    };

    private static double Hours(int minutes) => minutes / 60.0;
}
