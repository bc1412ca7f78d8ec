using Participatie.Abstractions.Experiments;
using V1 = Participatie.Contracts.V1;
using D = Participatie.Domain.Experiments;
using P = Participatie.Domain.People;

namespace Participatie.Gateway.Mapping;

/// <summary>Experiments between the contract and the grains. Enum numbers match one-to-one.</summary>
internal static class ExperimentMapping
{
    public static CreateExperimentCommand ToCommand(this V1.ExperimentDesign design, string createdBy)
    {
        var eligibility = design.Eligibility ?? new V1.EligibilityRules();
        return new CreateExperimentCommand(
            design.Title,
            design.Start,
            design.End,
            [.. design.Arms.Select(a => new ArmData(a.Name, (D.ArmKind)(int)a.Kind, a.Capacity, a.Regime.ToData()))],
            new EligibilityData(
                eligibility.MinimumAge,
                eligibility.MaximumAge == 0 ? null : eligibility.MaximumAge,
                [.. eligibility.Segments.Select(s => (P.Segment)(int)s)],
                [.. eligibility.Neighbourhoods],
                [.. eligibility.HouseholdTypes.Select(h => (P.HouseholdType)(int)h)]),
            [.. design.Strata.Select(s => (D.StratumFactor)(int)s)],
            [.. design.AgeBandStarts],
            (D.BlockWeighting)(int)design.Blocks,
            createdBy);
    }

    public static V1.Experiment ToContract(this ExperimentView e)
    {
        var experiment = new V1.Experiment
        {
            Design = new V1.ExperimentDesign
            {
                ExperimentId = e.ExperimentId,
                Title = e.Title,
                Start = ContractMapping.Iso(e.Start),
                End = ContractMapping.Iso(e.End),
                Arms = { e.Arms.Select(a => new V1.ExperimentArm { Name = a.Name, Kind = (V1.ArmKind)(int)a.Kind, Capacity = a.Capacity, Regime = a.Regime.ToContract() }) },
                Eligibility = new V1.EligibilityRules
                {
                    MinimumAge = e.Eligibility.MinimumAge,
                    MaximumAge = e.Eligibility.MaximumAge ?? 0,
                    Segments = { e.Eligibility.Segments.Select(s => (V1.Segment)(int)s) },
                    Neighbourhoods = { e.Eligibility.Neighbourhoods },
                    HouseholdTypes = { e.Eligibility.HouseholdTypes.Select(h => (V1.HouseholdType)(int)h) },
                },
                Strata = { e.Strata.Select(s => (V1.StratumFactor)(int)s) },
                AgeBandStarts = { e.AgeBandStarts },
                Blocks = (V1.BlockWeighting)(int)e.Blocks,
            },
            CreatedBy = e.CreatedBy,
            CreatedAt = ContractMapping.Iso(e.CreatedAt),
            SignedUp = e.SignedUp,
            Withdrawn = e.Withdrawn,
            Arms = { e.ArmCounts.Select(a => new V1.ArmCount { Arm = a.Arm, Assigned = a.Assigned, Withdrawn = a.Withdrawn }) },
            MembersToInform = e.MembersToInform,
        };
        if (e.Draw is not null)
        {
            experiment.Draw = e.Draw.ToContract();
        }

        return experiment;
    }

    public static V1.DrawRecord ToContract(this DrawView d) => new()
    {
        Algorithm = d.Algorithm,
        Seed = d.Seed,
        SeedGenerated = d.SeedGenerated,
        DrawDate = ContractMapping.Iso(d.DrawDate),
        DrawnAt = ContractMapping.Iso(d.DrawnAt),
        DrawnBy = d.DrawnBy,
        Candidates = d.Candidates,
        Assigned = d.Assigned,
        WaitingList = d.WaitingList,
        Ineligible = d.Ineligible,
    };

    public static V1.Assignment ToContract(this AssignmentView a) => new()
    {
        ExperimentId = a.ExperimentId,
        ClientId = a.ClientId,
        Status = (V1.ParticipationStatus)(int)a.Status,
        Arm = a.Arm ?? string.Empty,
        ArmKind = (V1.ArmKind)(int)a.ArmKind,
        Stratum = a.Stratum ?? string.Empty,
        WaitingListPosition = a.WaitingListPosition ?? 0,
        IneligibleReasons = { a.IneligibleReasons },
        SignedUpAt = ContractMapping.Iso(a.SignedUpAt),
        ConsentVersion = a.ConsentVersion,
        ConsentGivenAt = ContractMapping.Iso(a.ConsentGivenAt),
        Withdrawn = a.Withdrawn,
        WithdrawnOn = a.WithdrawnOn is { } on ? ContractMapping.Iso(on) : string.Empty,
    };

    public static OutcomeData ToData(this V1.Outcome o) =>
        new(o.ClientId, o.Month, o.HoursWorkedPerWeek, o.IndependentOfAssistance, o.ParticipationHours, o.HasWellBeing ? o.WellBeing : null, o.Synthetic);

    public static V1.GetResultsResponse ToContract(this ExperimentResults r) => new()
    {
        ExperimentId = r.ExperimentId,
        Title = r.Title,
        Month = r.Month is { } month ? Domain.Benefits.Months.Format(month) : string.Empty,
        ControlArm = r.ControlArm,
        Arms = { r.Arms.Select(ToContract) },
        Outcomes = r.Outcomes,
        SyntheticOutcomes = r.SyntheticOutcomes,
        SyntheticNotice = r.SyntheticOutcomes > 0
            ? $"SYNTHETIC: {r.SyntheticOutcomes} of the {r.Outcomes} outcomes in this report are generated demonstration data, not measurements; the figures are no evidence of anything."
            : string.Empty,
        SuppressionThreshold = r.SuppressionThreshold,
        Method = "Intention to treat: everyone drawn into an arm counts, withdrawn or not, against the control group. Shares: two-proportion z-test "
            + "(pooled standard error) with a 95% Wald interval; means: Welch's t-test with Welch-Satterthwaite degrees of freedom. Effect on the "
            + "treated: the ITT effect divided by the share of the arm that had not withdrawn by the end of the month.",
    };

    private static V1.ArmResult ToContract(ArmResultView a)
    {
        var arm = new V1.ArmResult
        {
            Arm = a.Arm,
            Kind = (V1.ArmKind)(int)a.Kind,
            IsControl = a.IsControl,
            Suppressed = a.Suppressed,
            SuppressedReason = a.SuppressedReason ?? string.Empty,
            Assigned = a.Assigned,
            Withdrawn = a.Withdrawn,
            WithOutcome = a.WithOutcome,
            SyntheticOutcomes = a.SyntheticOutcomes,
            Outcomes = { a.Outcomes.Select(ToContract) },
        };
        if (a.TreatedShare is { } share)
        {
            arm.TreatedShare = share;
        }

        return arm;
    }

    private static V1.OutcomeComparison ToContract(OutcomeComparisonView o)
    {
        var c = new V1.OutcomeComparison
        {
            Measure = (V1.OutcomeMeasure)(int)o.Measure,
            Method = (V1.ComparisonMethod)(int)o.Method,
            ArmCount = o.ArmCount,
            ControlCount = o.ControlCount,
            NotAvailable = o.NotAvailable ?? string.Empty,
            EffectOnTreatedNotAvailable = o.EffectOnTreatedNotAvailable ?? string.Empty,
        };
        Set(o.ArmEstimate, v => c.ArmEstimate = v);
        Set(o.ControlEstimate, v => c.ControlEstimate = v);
        Set(o.Difference, v => c.Difference = v);
        Set(o.StandardError, v => c.StandardError = v);
        Set(o.IntervalLow, v => c.IntervalLow = v);
        Set(o.IntervalHigh, v => c.IntervalHigh = v);
        Set(o.TestStatistic, v => c.TestStatistic = v);
        Set(o.DegreesOfFreedom, v => c.DegreesOfFreedom = v);
        Set(o.PValue, v => c.PValue = v);
        Set(o.EffectOnTreated, v => c.EffectOnTreated = v);
        return c;
    }

    private static void Set(double? value, Action<double> set)
    {
        if (value is { } v)
        {
            set(v);
        }
    }
}
