using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Domain;
using Participatie.Domain.Benefits;
using Participatie.Domain.Experiments;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Experiments;

/// <summary>Outcomes per person and month, and the results: every arm against control (see <see cref="ExperimentReport"/>).</summary>
public sealed partial class ExperimentGrain
{
    public const int MaxOutcomesPerCall = 1000;
    private const double MaxHoursPerWeek = 168;
    private const double MaxParticipationHours = 744;
    private const int MaxWellBeing = 10;

    public async Task<OutcomesRecorded> RecordOutcomesAsync(RecordOutcomesCommand command)
    {
        var violations = new Violations();
        if (command.Outcomes.Count is < 1 or > MaxOutcomesPerCall)
        {
            violations.Add(nameof(command.Outcomes), $"must hold 1 to {MaxOutcomesPerCall} outcomes");
        }

        violations.Text(nameof(command.RecordedBy), command.RecordedBy, MaxActorLength);
        var checkedOutcomes = command.Outcomes.Take(MaxOutcomesPerCall).Select((o, i) => Check(violations, $"{nameof(command.Outcomes)}[{i}]", o)).ToList();
        violations.ThrowIfAny();
        var draw = EnsureDrawn();

        var first = Months.Of(draw.DrawDate > State.Start ? draw.DrawDate : State.Start);
        var current = Months.Of(Today.In(time));
        var seen = new Dictionary<(string, DateOnly), int>();
        for (var i = 0; i < checkedOutcomes.Count; i++)
        {
            var (clientId, month, _) = checkedOutcomes[i]!.Value;
            if (month < first)
            {
                violations.Add($"{nameof(command.Outcomes)}[{i}].{nameof(OutcomeData.Month)}", $"must not be before {Months.Format(first)}: outcomes are measured from the experiment's start and the draw");
            }
            else if (month > current)
            {
                violations.Add($"{nameof(command.Outcomes)}[{i}].{nameof(OutcomeData.Month)}", "must not be in the future");
            }

            if (!seen.TryAdd((clientId, month), i))
            {
                violations.Add($"{nameof(command.Outcomes)}[{i}]", $"repeats the client and month of outcomes[{seen[(clientId, month)]}]");
            }
        }

        violations.ThrowIfAny();
        foreach (var (clientId, _, _) in checkedOutcomes.Select(o => o!.Value))
        {
            if (Participant(clientId).Arm is null)
            {
                throw new PreconditionFailedException(Reasons.NotAssigned, $"participant {clientId} was not drawn into an arm of experiment {ExperimentId}, so has no outcomes to record");
            }
        }

        foreach (var (clientId, month, outcome) in checkedOutcomes.Select(o => o!.Value))
        {
            if (!State.Outcomes.TryGetValue(clientId, out var list))
            {
                State.Outcomes[clientId] = list = [];
            }

            list.RemoveAll(o => o.Month == month);
            list.Add(outcome);
        }

        await SaveAsync();
        return new OutcomesRecorded(checkedOutcomes.Count, State.Outcomes.Values.Sum(l => l.Count));
    }

    public Task<ExperimentResults> GetResultsAsync(string? month)
    {
        var violations = new Violations();
        var asked = string.IsNullOrEmpty(month) ? null : violations.Month(nameof(month), month);
        violations.ThrowIfAny();
        EnsureDrawn();

        var reported = asked ?? State.Outcomes.Values.SelectMany(l => l).Select(o => (DateOnly?)o.Month).Max();
        var lastDay = reported?.AddMonths(1).AddDays(-1);
        var control = State.Arms.Single(a => a.Kind == ArmKind.Control).Name;
        var participants = State.Participants
            .Where(p => p.Value.Arm is not null)
            .Select(p => new ReportedParticipant(
                p.Value.Arm!,
                Treated: p.Value.Arm != control && (p.Value.WithdrawnOn is null || p.Value.WithdrawnOn > lastDay),
                Withdrawn: p.Value.WithdrawnOn is not null,
                Outcome: OutcomeIn(p.Key, reported)))
            .ToList();
        var arms = ExperimentReport.Compare(State.Design(ExperimentId).Arms, participants);
        return Task.FromResult(new ExperimentResults(
            ExperimentId,
            State.Title,
            reported,
            control,
            [.. arms.Select(ArmResultView.Of)],
            participants.Count(p => p.Outcome is not null),
            participants.Count(p => p.Outcome is { Synthetic: true }),
            ExperimentReport.SuppressionThreshold));
    }

    private MonthlyOutcome? OutcomeIn(string clientId, DateOnly? month) =>
        month is not null && State.Outcomes.TryGetValue(clientId, out var list) && list.Find(o => o.Month == month) is { } o
            ? new MonthlyOutcome(o.HoursWorkedPerWeek, o.Independent, o.ParticipationHours, o.WellBeing, o.Synthetic)
            : null;

    private (string ClientId, DateOnly Month, OutcomeRecord Outcome)? Check(Violations violations, string field, OutcomeData outcome)
    {
        var clientId = violations.Id($"{field}.{nameof(outcome.ClientId)}", outcome.ClientId, IdKind.Client);
        var month = violations.Month($"{field}.{nameof(outcome.Month)}", outcome.Month);
        Between(violations, $"{field}.{nameof(outcome.HoursWorkedPerWeek)}", outcome.HoursWorkedPerWeek, MaxHoursPerWeek);
        Between(violations, $"{field}.{nameof(outcome.ParticipationHours)}", outcome.ParticipationHours, MaxParticipationHours);
        if (outcome.WellBeing is { } wellBeing)
        {
            violations.Range($"{field}.{nameof(outcome.WellBeing)}", wellBeing, 0, MaxWellBeing);
        }

        return clientId is null || month is null
            ? null
            : (clientId, month.Value, new OutcomeRecord
            {
                Month = month.Value,
                HoursWorkedPerWeek = outcome.HoursWorkedPerWeek,
                Independent = outcome.Independent,
                ParticipationHours = outcome.ParticipationHours,
                WellBeing = outcome.WellBeing,
                Synthetic = outcome.Synthetic,
                RecordedAt = time.GetUtcNow(),
            });
    }

    private static void Between(Violations violations, string field, double value, double max)
    {
        if (!double.IsFinite(value) || value < 0 || value > max)
        {
            violations.Add(field, $"must be a number between 0 and {max}");
        }
    }
}
