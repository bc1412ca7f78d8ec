using System.Security.Cryptography;
using Participatie.Domain.People;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Experiments;

/// <summary>One person's place in the experiment after the draw.</summary>
/// <param name="ParticipantId">The person.</param>
/// <param name="Arm">The arm they were drawn into.</param>
/// <param name="Stratum">The stratum they were balanced in, e.g. <c>age:40-49|household:single</c>, or <c>all</c>.</param>
public sealed record Assignment(string ParticipantId, string Arm, string Stratum);

/// <summary>An eligible person for whom no arm had room left.</summary>
/// <param name="ParticipantId">The person.</param>
/// <param name="Position">Their drawn place on the waiting list, from 1.</param>
/// <param name="Stratum">Their stratum.</param>
public sealed record WaitingListEntry(string ParticipantId, int Position, string Stratum);

/// <summary>A person who signed up but may not take part, with every reason.</summary>
public sealed record IneligibleCandidate(string ParticipantId, IReadOnlyList<string> Reasons);

/// <summary>
/// The outcome of a draw, with everything needed to reproduce it: the algorithm, the seed and the draw date (with the
/// design and the sign-ups). Assignments and the ineligible are listed by participant id, the waiting list by position.
/// </summary>
public sealed record LotteryResult(
    string Algorithm,
    ulong Seed,
    DateOnly DrawDate,
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<WaitingListEntry> WaitingList,
    IReadOnlyList<IneligibleCandidate> Ineligible)
{
    /// <summary>How many people were drawn into an arm.</summary>
    public int CountIn(string arm) => Assignments.Count(a => a.Arm == arm);
}

/// <summary>
/// The reproducible lottery that assigns signed-up people to an experiment's arms. Once drawn, an assignment never
/// changes: record the result with its seed and algorithm, and anyone can draw it again to check it.
/// <para>
/// Algorithm <c>blocked-strata-v1</c> (this text is its specification; a change to it needs a new version name):
/// </para>
/// <list type="number">
/// <item>Every candidate is checked against the eligibility rules on the draw date; the ineligible take no part in the draw.</item>
/// <item>The eligible are put in canonical order: by participant id, ordinal (code-unit) comparison. Sign-up order plays no part.</item>
/// <item>A <see cref="SplitMix64"/> generator is seeded with the recorded seed. All randomness below comes from it, in this order.</item>
/// <item>The canonical list is shuffled (<see cref="SplitMix64.Shuffle{T}"/>): this is the draw order.</item>
/// <item>
/// Each person's stratum is the combination of the design's strata factors, always in the order age band, segment,
/// household type (e.g. <c>age:27-39|segment:within_cut|household:single</c>); without strata everyone is in <c>all</c>.
/// </item>
/// <item>
/// The block template lists the arms in ordinal order of their names: one slot each, or with
/// <see cref="BlockWeighting.ByCapacity"/> capacity ÷ gcd(all capacities) slots each.
/// </item>
/// <item>
/// People are taken in draw order. If every arm is full, the person goes to the end of the waiting list. Otherwise
/// the next slot of their stratum's current block is taken; a slot of an arm that is already full is discarded;
/// when the stratum has no block or its block is used up, a new block is made by shuffling a copy of the template.
/// </item>
/// </list>
/// <para>
/// Within a stratum, as long as no arm is full, arm counts differ by at most one (one slot per arm) or stay within one
/// block of the capacity proportions. Because the draw order is random across strata, running out of capacity falls
/// on all strata alike, and the waiting list is in random order.
/// </para>
/// </summary>
public static class Lottery
{
    /// <summary>The name of the algorithm described above.</summary>
    public const string BlockedStrataV1 = "blocked-strata-v1";

    /// <summary>Every algorithm this version can draw with.</summary>
    public static IReadOnlyList<string> Algorithms { get; } = [BlockedStrataV1];

    /// <summary>A fresh seed from the operating system's cryptographic generator, to be recorded before the draw.</summary>
    public static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));

    /// <summary>Draws the signed-up candidates into the design's arms.</summary>
    /// <exception cref="ArgumentException">The algorithm is unknown, the design is invalid, or a participant id is empty or appears twice.</exception>
    public static LotteryResult Draw(ExperimentDesign design, ulong seed, string algorithm, DateOnly drawDate, IEnumerable<Candidate> signedUp)
    {
        if (algorithm != BlockedStrataV1)
        {
            throw new ArgumentException($"Unknown lottery algorithm '{algorithm}'; known: {string.Join(", ", Algorithms)}.", nameof(algorithm));
        }

        var violations = new Violations();
        if (!ExperimentRules.Validate(violations, design))
        {
            throw new ArgumentException(
                "Invalid experiment design: " + violations.Describe(), nameof(design));
        }

        var candidates = Canonical(signedUp);
        var ineligible = new List<IneligibleCandidate>();
        var drawOrder = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            var reasons = Eligibility.Reasons(design.Eligibility, candidate, drawDate);
            if (reasons.Count > 0)
            {
                ineligible.Add(new IneligibleCandidate(candidate.ParticipantId, reasons));
            }
            else
            {
                drawOrder.Add(candidate);
            }
        }

        var random = new SplitMix64(seed);
        random.Shuffle(drawOrder);

        var arms = design.Arms.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var template = BlockTemplate(arms, design.Blocks);
        var counts = arms.ToDictionary(a => a.Name, _ => 0);
        var capacity = arms.ToDictionary(a => a.Name, a => a.Capacity);
        var blocks = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        var assignments = new List<Assignment>();
        var waitingList = new List<WaitingListEntry>();

        foreach (var person in drawOrder)
        {
            var stratum = Stratum(design, person, drawDate);
            if (arms.All(a => counts[a.Name] >= capacity[a.Name]))
            {
                waitingList.Add(new WaitingListEntry(person.ParticipantId, waitingList.Count + 1, stratum));
                continue;
            }

            if (!blocks.TryGetValue(stratum, out var block))
            {
                block = new Queue<string>();
                blocks[stratum] = block;
            }

            string arm;
            do
            {
                if (block.Count == 0)
                {
                    var slots = template.ToList();
                    random.Shuffle(slots);
                    slots.ForEach(block.Enqueue);
                }

                arm = block.Dequeue();
            }
            while (counts[arm] >= capacity[arm]);

            counts[arm]++;
            assignments.Add(new Assignment(person.ParticipantId, arm, stratum));
        }

        return new LotteryResult(
            algorithm,
            seed,
            drawDate,
            [.. assignments.OrderBy(a => a.ParticipantId, StringComparer.Ordinal)],
            waitingList,
            ineligible);
    }

    /// <summary>The stratum a person falls in on the draw date, named as in <see cref="Assignment.Stratum"/>.</summary>
    public static string Stratum(ExperimentDesign design, Candidate person, DateOnly drawDate)
    {
        var parts = new List<string>();
        if (design.Strata.Contains(StratumFactor.AgeBand))
        {
            parts.Add("age:" + AgeBand(design.AgeBandStarts, Age.On(person.DateOfBirth, drawDate)));
        }

        if (design.Strata.Contains(StratumFactor.Segment))
        {
            parts.Add("segment:" + Names.Snake(person.Segment));
        }

        if (design.Strata.Contains(StratumFactor.HouseholdType))
        {
            parts.Add("household:" + Names.Snake(person.HouseholdType));
        }

        return parts.Count == 0 ? "all" : string.Join('|', parts);
    }

    /// <summary>The slots of one block, arms in the given order.</summary>
    internal static List<string> BlockTemplate(IReadOnlyList<ExperimentArm> arms, BlockWeighting weighting)
    {
        var divisor = weighting == BlockWeighting.ByCapacity ? arms.Select(a => a.Capacity).Aggregate(Gcd) : 0;
        return [.. arms.SelectMany(a => Enumerable.Repeat(a.Name, divisor == 0 ? 1 : a.Capacity / divisor))];
    }

    private static List<Candidate> Canonical(IEnumerable<Candidate> signedUp)
    {
        var candidates = signedUp.OrderBy(c => c.ParticipantId, StringComparer.Ordinal).ToList();
        if (candidates.Any(c => string.IsNullOrEmpty(c.ParticipantId)))
        {
            throw new ArgumentException("Every candidate needs a participant id.", nameof(signedUp));
        }

        for (var i = 1; i < candidates.Count; i++)
        {
            if (candidates[i].ParticipantId == candidates[i - 1].ParticipantId)
            {
                throw new ArgumentException($"Participant {candidates[i].ParticipantId} signed up twice.", nameof(signedUp));
            }
        }

        return candidates;
    }

    private static string AgeBand(IReadOnlyList<int> starts, int age)
    {
        var index = -1;
        for (var i = 0; i < starts.Count && starts[i] <= age; i++)
        {
            index = i;
        }

        return index switch
        {
            -1 => $"under-{starts[0]}",
            _ when index == starts.Count - 1 => $"{starts[index]}+",
            _ => $"{starts[index]}-{starts[index + 1] - 1}",
        };
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
