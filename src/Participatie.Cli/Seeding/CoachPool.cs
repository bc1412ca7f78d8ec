using Participatie.Contracts.V1;

namespace Participatie.Cli.Seeding;

/// <summary>
/// The seed's own view of the places left in every caseload, so it asks for an assignment only where one should fit.
/// A place is taken before the call and given back if the call fails; the server stays the judge, and a coach it
/// reports full is not offered again.
/// </summary>
internal sealed class CoachPool
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Place> _places = [];

    public void Add(Coach coach)
    {
        lock (_lock)
        {
            _places[coach.CoachId] = new Place(coach.NeighbourhoodId) { Free = coach.CaseloadLimit - coach.CaseloadSize };
        }
    }

    /// <summary>
    /// Takes a place with the coach of the neighbourhood with the most room, or else with the coach with the most room
    /// anywhere; null when every caseload is full.
    /// </summary>
    public string? Take(string neighbourhoodId)
    {
        lock (_lock)
        {
            string? best = null;
            (bool Local, int Free) bestRank = default;
            foreach (var (coachId, place) in _places)
            {
                var rank = (place.NeighbourhoodId == neighbourhoodId, place.Free);
                if (place.Free > 0 && (best is null || rank.CompareTo(bestRank) > 0))
                {
                    (best, bestRank) = (coachId, rank);
                }
            }

            if (best is not null)
            {
                _places[best].Free--;
            }

            return best;
        }
    }

    /// <summary>The assignment failed for another reason than a full caseload: the place is free again.</summary>
    public void GiveBack(string coachId)
    {
        lock (_lock)
        {
            _places[coachId].Free++;
        }
    }

    /// <summary>The server reported the caseload full.</summary>
    public void MarkFull(string coachId)
    {
        lock (_lock)
        {
            _places[coachId].Free = 0;
        }
    }

    private sealed class Place(string neighbourhoodId)
    {
        public string NeighbourhoodId { get; } = neighbourhoodId;

        public int Free { get; set; }
    }
}
