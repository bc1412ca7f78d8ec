namespace Participatie.Domain.Contracts;

/// <summary>Who acts on a person's contract or record: a party and the id the gateway authenticated.</summary>
public sealed record Actor(Party Party, string Id);

/// <summary>
/// The people with a part in one person's contract and record: the person, their own coach (none while unassigned),
/// and their neighbourhood team once the person agreed to its involvement.
/// </summary>
public sealed record Parties(string PersonId, string? CoachId, bool TeamInvolved)
{
    /// <summary>An actor is who they say: the person themselves, the person's own coach, a team the person agreed to.</summary>
    public ContractRefusal? Check(Actor actor) => actor.Party switch
    {
        Party.Person when actor.Id != PersonId => new(ContractRefusal.NotYourPart, "a person acts only on their own record"),
        Party.Coach when actor.Id != CoachId => new(ContractRefusal.NotInCaseload, $"only the person's own coach can do this; {actor.Id} is not their coach"),
        Party.Team when !TeamInvolved => new(ContractRefusal.NotYourPart, "the person has not agreed that their neighbourhood team is involved"),
        _ => null,
    };
}
