namespace Participatie.Domain.Caseloads;

/// <summary>
/// How a leaving coach's caseload is shared among colleagues: the colleagues are filled in the order named, each up
/// to their free places, so that the first named receives the most; a person whose place was taken meanwhile goes to
/// the next colleague with room.
/// </summary>
public static class HandOverPlanning
{
    /// <summary>
    /// Who goes to whom, in the order of <paramref name="people"/>; null when the colleagues' free places do not add up
    /// to everyone (then nobody should move).
    /// </summary>
    public static IReadOnlyList<(string Person, string To)>? Fill(IReadOnlyList<string> people, IReadOnlyList<(string CoachId, int Free)> colleagues)
    {
        if (colleagues.Sum(c => Math.Max(0, c.Free)) < people.Count)
        {
            return null;
        }

        var plan = new List<(string Person, string To)>(people.Count);
        var next = 0;
        foreach (var (coachId, free) in colleagues)
        {
            for (var i = 0; i < free && next < people.Count; i++)
            {
                plan.Add((people[next++], coachId));
            }
        }

        return plan;
    }

    /// <summary>The first colleague, in the order named, not known to be full; null when all are.</summary>
    public static string? NextWithRoom(IEnumerable<string> colleagues, IReadOnlySet<string> full) =>
        colleagues.FirstOrDefault(id => !full.Contains(id));
}
