using Microsoft.Extensions.Logging;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Domain.Experiments;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Experiments;

/// <summary>The lottery: drawn once from a recorded seed and algorithm, and verifiable by drawing again from the same.</summary>
public sealed partial class ExperimentGrain
{
    public async Task<ExperimentView> DrawAsync(DrawCommand command)
    {
        var violations = new Violations();
        var algorithm = string.IsNullOrEmpty(command.Algorithm) ? Lottery.BlockedStrataV1 : command.Algorithm;
        if (!Lottery.Algorithms.Contains(algorithm))
        {
            violations.Add(nameof(command.Algorithm), $"must be one of {string.Join(", ", Lottery.Algorithms)}");
        }

        var drawnBy = violations.Text(nameof(command.DrawnBy), command.DrawnBy, MaxActorLength);
        violations.ThrowIfAny();
        EnsureCreated();
        var today = Today.In(time);
        EnsureNotDrawnOrEnded(today);

        var candidates = Candidates().ToList();
        if (candidates.Count == 0)
        {
            throw new PreconditionFailedException(Reasons.NoSignUps, $"nobody is signed up for experiment {ExperimentId} (or everyone withdrew): there is nobody to draw");
        }

        var seed = command.Seed ?? Lottery.NewSeed();
        var result = Lottery.Draw(State.Design(ExperimentId), seed, algorithm, today, candidates);
        foreach (var assignment in result.Assignments)
        {
            State.Participants[assignment.ParticipantId].Arm = assignment.Arm;
            State.Participants[assignment.ParticipantId].Stratum = assignment.Stratum;
        }

        foreach (var waiting in result.WaitingList)
        {
            State.Participants[waiting.ParticipantId].WaitingListPosition = waiting.Position;
            State.Participants[waiting.ParticipantId].Stratum = waiting.Stratum;
        }

        foreach (var ineligible in result.Ineligible)
        {
            State.Participants[ineligible.ParticipantId].IneligibleReasons = [.. ineligible.Reasons];
        }

        foreach (var candidate in candidates)
        {
            State.Participants[candidate.ParticipantId].Version++;
        }

        State.Draw = new DrawRecord
        {
            Algorithm = algorithm,
            Seed = seed,
            SeedGenerated = command.Seed is null,
            DrawDate = today,
            DrawnAt = time.GetUtcNow(),
            DrawnBy = drawnBy!,
            Candidates = candidates.Count,
            Assigned = result.Assignments.Count,
            WaitingList = result.WaitingList.Count,
            Ineligible = result.Ineligible.Count,
        };
        State.PendingMembers = [.. candidates.Select(c => c.ParticipantId)];
        await SaveAsync();
        LogDrawn(logger, ExperimentId, algorithm, seed, candidates.Count, result.Assignments.Count);
        await Outbox.RegisterBackstopAsync();
        Outbox.DeliverSoon();
        return State.ToView(ExperimentId);
    }

    public Task<DrawVerification> VerifyDrawAsync()
    {
        var draw = EnsureDrawn();
        var again = Lottery.Draw(State.Design(ExperimentId), draw.Seed, draw.Algorithm, draw.DrawDate, Candidates());
        var arms = again.Assignments.ToDictionary(a => a.ParticipantId);
        var waiting = again.WaitingList.ToDictionary(w => w.ParticipantId);
        var ineligible = again.Ineligible.Select(i => i.ParticipantId).ToHashSet();
        var compared = 0;
        var differences = 0;
        foreach (var (id, p) in State.Participants.Where(p => !p.Value.WithdrawnBeforeDraw))
        {
            compared++;
            var same = arms.TryGetValue(id, out var a)
                ? a.Arm == p.Arm && a.Stratum == p.Stratum
                : waiting.TryGetValue(id, out var w)
                    ? p.Arm is null && w.Position == p.WaitingListPosition
                    : ineligible.Contains(id) && p.Arm is null && p.WaitingListPosition is null;
            differences += same ? 0 : 1;
        }

        return Task.FromResult(new DrawVerification(differences == 0 && compared == draw.Candidates, compared, differences, draw.ToView()));
    }

    /// <summary>Everyone in the draw: signed up and not withdrawn before it, with what they signed up with.</summary>
    private IEnumerable<Candidate> Candidates() =>
        State.Participants.Where(p => !p.Value.WithdrawnBeforeDraw).Select(p => ExperimentMapping.Candidate(p.Key, p.Value));

    private DrawRecord EnsureDrawn()
    {
        EnsureCreated();
        return State.Draw ?? throw new PreconditionFailedException(Reasons.NotDrawn, $"the lottery of experiment {ExperimentId} has not been drawn yet");
    }

    private void EnsureNotDrawnOrEnded(DateOnly today)
    {
        if (State.Draw is { } draw)
        {
            throw new PreconditionFailedException(
                Reasons.AlreadyDrawn,
                $"the lottery of experiment {ExperimentId} was drawn on {draw.DrawDate:yyyy-MM-dd} ({draw.Algorithm}, seed {draw.Seed}); an assignment never changes");
        }

        if (today > State.End)
        {
            throw new PreconditionFailedException(Reasons.ExperimentEnded, $"experiment {ExperimentId} ended on {State.End:yyyy-MM-dd}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drew experiment {ExperimentId} with {Algorithm}, seed {Seed}: {Candidates} candidates, {Assigned} assigned")]
    private static partial void LogDrawn(ILogger logger, string experimentId, string algorithm, ulong seed, int candidates, int assigned);
}
