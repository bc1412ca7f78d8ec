namespace Participatie.Domain.Contracts;

/// <summary>The life domains a goal of the social contract can be about (DOMAIN.md, "Social contract and goals").</summary>
public enum GoalDomain
{
    Unspecified = 0,
    Work = 1,
    Health = 2,
    Debts = 3,
    SocialContacts = 4,
    Language = 5,
    Volunteering = 6,
    Care = 7,
    Education = 8,
    WellBeing = 9,
}

/// <summary>Who acts on a person's record: the person, their coach, or a member of their neighbourhood team.</summary>
public enum Party
{
    Unspecified = 0,
    Person = 1,
    Coach = 2,
    Team = 3,
}

/// <summary>Where a goal stands: proposed by one party, agreed by both, or closed (achieved or stopped).</summary>
public enum GoalStatus
{
    Unspecified = 0,
    Proposed = 1,
    Agreed = 2,
    Achieved = 3,
    Stopped = 4,
}

/// <summary>A coach's suggestion: open until the person answers it.</summary>
public enum SuggestionStatus
{
    Unspecified = 0,
    Open = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>How a coach or team member was in touch with the person, as the contact journal records it.</summary>
public enum ContactType
{
    Unspecified = 0,
    HomeVisit = 1,
    Phone = 2,
    Video = 3,
    Message = 4,
    Meeting = 5,

    /// <summary>Tried to reach the person and did not: not a contact.</summary>
    Attempt = 6,

    /// <summary>A note about the case without contact with the person.</summary>
    Note = 7,
}

/// <summary>What one entry of the contract's history changed.</summary>
public enum ContractChange
{
    Unspecified = 0,
    GoalProposed = 1,
    GoalAgreed = 2,
    GoalProgress = 3,
    GoalReviewed = 4,
    GoalClosed = 5,
    SuggestionMade = 6,
    SuggestionAccepted = 7,
    SuggestionDeclined = 8,
    BindingRequested = 9,
    BindingChanged = 10,
    BindingRequestWithdrawn = 11,
}
