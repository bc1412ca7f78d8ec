using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;

namespace Participatie.Gateway.Services;

/// <summary>
/// Moves everyone in one coach's caseload to colleagues, each person by the same protocol as a single assignment
/// (the person's record reserves a place with the new coach, commits, and tells the old one). The person's record is
/// the truth about their coach, so an interrupted hand-over leaves everyone in exactly one caseload, and running it
/// again moves whoever is still left. The people about to be moved are handed to <c>beforeMoving</c> before any of
/// them is, so that their change is audited first.
/// </summary>
internal sealed class CaseloadHandOver(IGrainFactory grains, string fromCoachId, IReadOnlyList<string> toCoachIds, Func<IEnumerable<string>, Task> beforeMoving)
{
    private const int PageSize = 1000;
    private const int Concurrency = 8;

    public sealed record Result(Dictionary<string, List<string>> Moved, int Remaining);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var from = grains.GetGrain<ICoachGrain>(fromCoachId);
        var people = await CaseloadAsync(from);
        var free = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in toCoachIds)
        {
            var coach = await grains.GetGrain<ICoachGrain>(id).GetAsync(); // NOT_FOUND for an unknown colleague
            free[id] = Math.Max(0, coach.CaseloadLimit - coach.CaseloadSize);
        }

        if (free.Values.Sum() < people.Count)
        {
            throw new PreconditionFailedException(
                Reasons.CaseloadFull,
                $"{people.Count} people to hand over and {free.Values.Sum()} free places with {string.Join(", ", toCoachIds)}; nobody was moved");
        }

        // Fill the colleagues in order, then move people a few at a time. A place taken meanwhile by someone else
        // (CASELOAD_FULL) sends the person to the next colleague with room.
        var plan = new List<(string Person, string To)>();
        var queue = new Queue<string>(people);
        foreach (var id in toCoachIds)
        {
            for (var i = 0; i < free[id] && queue.Count > 0; i++)
            {
                plan.Add((queue.Dequeue(), id));
            }
        }

        await beforeMoving(plan.Select(step => step.Person));
        var moved = toCoachIds.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        var retry = new List<string>();
        foreach (var chunk in plan.Chunk(Concurrency))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcomes = await Task.WhenAll(chunk.Select(async step => (step, Outcome: await MoveAsync(step.Person, step.To))));
            foreach (var (step, outcome) in outcomes)
            {
                if (outcome == Outcome.Moved)
                {
                    moved[step.To].Add(step.Person);
                }
                else if (outcome == Outcome.Full)
                {
                    free[step.To] = 0;
                    retry.Add(step.Person);
                }
            }
        }

        foreach (var person in retry)
        {
            foreach (var to in toCoachIds.Where(id => free[id] > 0))
            {
                var outcome = await MoveAsync(person, to);
                if (outcome == Outcome.Moved)
                {
                    moved[to].Add(person);
                    break;
                }

                if (outcome != Outcome.Full)
                {
                    break;
                }

                free[to] = 0;
            }
        }

        return new Result(moved, (await from.GetAsync()).CaseloadSize);
    }

    private async Task<List<string>> CaseloadAsync(ICoachGrain coach)
    {
        var people = new List<string>();
        string? after = null;
        do
        {
            var page = await coach.GetCaseloadAsync(after, PageSize);
            people.AddRange(page.Entries.Select(e => e.ClientId));
            after = page.NextAfter;
        }
        while (after is not null);
        return people;
    }

    private async Task<Outcome> MoveAsync(string clientId, string toCoachId)
    {
        var person = grains.GetGrain<IClientCaseGrain>(clientId);
        if ((await person.GetCoachAssignmentAsync()).CoachId != fromCoachId)
        {
            return Outcome.NotHere; // assigned elsewhere (or released) since the caseload was read
        }

        try
        {
            await person.AssignCoachAsync(toCoachId);
            return Outcome.Moved;
        }
        catch (PreconditionFailedException failed) when (failed.Reason == Reasons.CaseloadFull)
        {
            return Outcome.Full;
        }
        catch (PreconditionFailedException)
        {
            return Outcome.NotHere; // e.g. the case ended meanwhile
        }
    }

    private enum Outcome
    {
        Moved,
        Full,
        NotHere,
    }
}
