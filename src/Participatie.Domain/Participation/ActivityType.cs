namespace Participatie.Domain.Participation;

/// <summary>What kind of activity a partner offers; the counter-performance can be any of them.</summary>
public enum ActivityType
{
    Unspecified = 0,
    Volunteering = 1,

    /// <summary>Support for informal carers (mantelzorg).</summary>
    InformalCare = 2,

    /// <summary>A coffee morning, a walk-in, a neighbourhood meal.</summary>
    SocialMeeting = 3,
    Sports = 4,
    ComputerLessons = 5,
    Gardening = 6,
    LanguageLessons = 7,
    Course = 8,
    DebtCounselling = 9,

    /// <summary>Work experience, e.g. at a children's farm or a social enterprise.</summary>
    WorkExperience = 10,
    Other = 11,
}

/// <summary>Where a person stands with one activity.</summary>
public enum ParticipantStatus
{
    Unspecified = 0,

    /// <summary>The person agreed to take part; there was no place yet, so the partner may enrol them when one frees.</summary>
    Agreed = 1,

    /// <summary>The person has a place.</summary>
    Enrolled = 2,
}
