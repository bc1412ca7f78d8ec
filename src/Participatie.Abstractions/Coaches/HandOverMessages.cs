namespace Participatie.Abstractions.Coaches;

/// <summary>Where the hand-over of a coach's caseload stands.</summary>
public enum HandOverStatus
{
    Unspecified = 0,
    Planned = 1,
    Running = 2,
    Completed = 3,
}

/// <summary>
/// A planned hand-over: stored before anyone moves, so that whoever is about to be moved can be audited first. The
/// number names this hand-over in <see cref="ICaseloadHandOverGrain.StartAsync"/> and its wait.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.HandOverPlan")]
public sealed record HandOverPlan(
    [property: Id(0)] int Number,
    [property: Id(1)] IReadOnlyList<string> ClientIds);

/// <summary>The people one colleague received.</summary>
[GenerateSerializer, Immutable, Alias("participatie.HandOverTransfer")]
public sealed record HandOverTransfer(
    [property: Id(0)] string CoachId,
    [property: Id(1)] IReadOnlyList<string> ClientIds);

/// <summary>
/// A hand-over's progress or outcome: whom each colleague received (in the order the colleagues were named) and, once
/// completed, how many people the leaving coach still has.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.HandOverView")]
public sealed record HandOverView(
    [property: Id(0)] int Number,
    [property: Id(1)] HandOverStatus Status,
    [property: Id(2)] IReadOnlyList<HandOverTransfer> Transfers,
    [property: Id(3)] int Remaining);
