namespace Participatie.Abstractions.Coaches;

/// <summary>What a coach's inbox item is about.</summary>
public enum InboxItemKind
{
    Unspecified = 0,

    /// <summary>A person in the caseload has not been contacted within their regime's contact interval.</summary>
    OverdueContact = 1,

    /// <summary>A person in the caseload was enrolled in an activity (by themselves, the coach or a partner).</summary>
    Enrolment = 2,

    /// <summary>A person declined a suggestion; the item carries no judgement, only that it was declined.</summary>
    SuggestionDeclined = 3,

    /// <summary>A person was added to the caseload (an assignment or a hand-over).</summary>
    Assigned = 4,
}

/// <summary>Something a coach should see, sent by the person's record or found by the coach's own follow-up check.</summary>
[GenerateSerializer, Immutable, Alias("participatie.InboxNotice")]
public sealed record InboxNotice(
    [property: Id(0)] InboxItemKind Kind,
    [property: Id(1)] string ClientId,
    [property: Id(2)] string Text);

/// <summary>An item in a coach's inbox; the sequence numbers of one coach's items only grow.</summary>
[GenerateSerializer, Immutable, Alias("participatie.InboxItem")]
public sealed record InboxItem(
    [property: Id(0)] long Sequence,
    [property: Id(1)] InboxItemKind Kind,
    [property: Id(2)] string ClientId,
    [property: Id(3)] string DisplayName,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Text);

/// <summary>Inbox items after a sequence number, oldest first; <see cref="LastSequence"/> is the newest the coach holds.</summary>
[GenerateSerializer, Immutable, Alias("participatie.InboxPage")]
public sealed record InboxPage(
    [property: Id(0)] IReadOnlyList<InboxItem> Items,
    [property: Id(1)] long LastSequence);

/// <summary>What the coach's follow-up needs from a person's record: the last contact and the regime's contact interval.</summary>
[GenerateSerializer, Immutable, Alias("participatie.FollowUpFacts")]
public sealed record FollowUpFacts(
    [property: Id(0)] DateOnly? LastContactOn,
    [property: Id(1)] int ContactIntervalDays);

/// <summary>One person to follow up: when they are due for contact and by how many days that date has passed.</summary>
[GenerateSerializer, Immutable, Alias("participatie.FollowUpView")]
public sealed record FollowUpView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string NeighbourhoodId,
    [property: Id(3)] DateOnly? LastContactOn,
    [property: Id(4)] int ContactIntervalDays,
    [property: Id(5)] DateOnly DueOn,
    [property: Id(6)] int DaysOverdue);

/// <summary>A page of follow-ups, most urgent first; <see cref="NextAfter"/> continues after the last item.</summary>
[GenerateSerializer, Immutable, Alias("participatie.FollowUpPage")]
public sealed record FollowUpPage(
    [property: Id(0)] DateOnly On,
    [property: Id(1)] IReadOnlyList<FollowUpView> Items,
    [property: Id(2)] int Overdue,
    [property: Id(3)] string? NextAfter);

/// <summary>The outcome of a follow-up check: people asked, and people newly overdue (each one an inbox item).</summary>
[GenerateSerializer, Immutable, Alias("participatie.FollowUpCheck")]
public sealed record FollowUpCheck(
    [property: Id(0)] int Checked,
    [property: Id(1)] int NewlyOverdue);
