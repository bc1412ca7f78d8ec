using Participatie.Abstractions.Regimes;
using Participatie.Domain.Benefits;

namespace Participatie.Abstractions.Clients;

/// <summary>Puts a person on a configured trajectory; dates as ISO strings, checked by the person's grain.</summary>
[GenerateSerializer, Immutable, Alias("participatie.StartTrajectory")]
public sealed record StartTrajectoryCommand(
    [property: Id(0)] string Trajectory,
    [property: Id(1)] string From,
    [property: Id(2)] string? Until,
    [property: Id(3)] ConsentData? Consent,
    [property: Id(4)] string StartedBy);

/// <summary>A trajectory a person is or was on, with the settings they agreed to.</summary>
[GenerateSerializer, Immutable, Alias("participatie.TrajectoryView")]
public sealed record TrajectoryView(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly? Until,
    [property: Id(3)] RegimeSettingsData Settings,
    [property: Id(4)] bool LowersBenefit,
    [property: Id(5)] ConsentView? Consent,
    [property: Id(6)] string StartedBy,
    [property: Id(7)] DateTimeOffset StartedAt,
    [property: Id(8)] string? EndedBy);

/// <summary>A month's income form; the month as <c>yyyy-MM</c>.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ReportEarnings")]
public sealed record ReportEarningsCommand(
    [property: Id(0)] string Month,
    [property: Id(1)] long NetEarningsCents,
    [property: Id(2)] int WorkHoursPerWeek,
    [property: Id(3)] int AdultsInHome,
    [property: Id(4)] bool GroupSupport,
    [property: Id(5)] string ReportedBy);

/// <summary>A month's income form as recorded.</summary>
[GenerateSerializer, Immutable, Alias("participatie.MonthReportView")]
public sealed record MonthReportView(
    [property: Id(0)] DateOnly Month,
    [property: Id(1)] long NetEarningsCents,
    [property: Id(2)] int WorkHoursPerWeek,
    [property: Id(3)] int AdultsInHome,
    [property: Id(4)] bool GroupSupport,
    [property: Id(5)] string ReportedBy,
    [property: Id(6)] DateTimeOffset ReportedAt);

/// <summary>A measure (maatregel) decided against a person; the first month as <c>yyyy-MM</c>.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RecordSanction")]
public sealed record RecordSanctionCommand(
    [property: Id(0)] string Reference,
    [property: Id(1)] string FirstMonth,
    [property: Id(2)] int Percent,
    [property: Id(3)] int Months,
    [property: Id(4)] bool SpreadOverThreeMonths,
    [property: Id(5)] string DecidedBy);

/// <summary>A measure as recorded.</summary>
[GenerateSerializer, Immutable, Alias("participatie.SanctionView")]
public sealed record SanctionView(
    [property: Id(0)] string Reference,
    [property: Id(1)] DateOnly FirstMonth,
    [property: Id(2)] int Percent,
    [property: Id(3)] int Months,
    [property: Id(4)] bool SpreadOverThreeMonths,
    [property: Id(5)] string DecidedBy,
    [property: Id(6)] DateTimeOffset RecordedAt);

/// <summary>A dated figure a statement line used.</summary>
[GenerateSerializer, Immutable, Alias("participatie.FigureReference")]
public sealed record FigureReferenceView(
    [property: Id(0)] BenefitRule Rule,
    [property: Id(1)] DateOnly EffectiveFrom);

/// <summary>One line of a statement.</summary>
[GenerateSerializer, Immutable, Alias("participatie.StatementLine")]
public sealed record StatementLineView(
    [property: Id(0)] string Rule,
    [property: Id(1)] string Explanation,
    [property: Id(2)] long AmountCents,
    [property: Id(3)] IReadOnlyList<FigureReferenceView> Figures);

/// <summary>A month's benefit statement: computed now, or as frozen by the month's payment run.</summary>
[GenerateSerializer, Immutable, Alias("participatie.StatementView")]
public sealed record StatementView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] DateOnly Month,
    [property: Id(2)] IReadOnlyList<StatementLineView> Lines,
    [property: Id(3)] IReadOnlyList<string> Notes,
    [property: Id(4)] long TotalCents,
    [property: Id(5)] RegimeSettingsData Regime,
    [property: Id(6)] IReadOnlyList<RegimeLayerView> Layers,
    [property: Id(7)] bool Frozen,
    [property: Id(8)] DateTimeOffset? FrozenAt,
    [property: Id(9)] string? PaymentRunId,
    [property: Id(10)] DateTimeOffset ComputedAt,
    [property: Id(11)] string NeighbourhoodId,
    [property: Id(12)] int Version = 0,
    [property: Id(13)] bool RevisionPending = false,
    [property: Id(14)] IReadOnlyList<MonthPaymentView>? Payments = null);

/// <summary>
/// One payment line of a month: the first payment (version 1) or a correction of it by a later version of the
/// statement — a supplementary payment (nabetaling) or an amount owed back (terugvordering), each the difference from
/// the version before, in the pass of the month's run that made it.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.MonthPayment")]
public sealed record MonthPaymentView(
    [property: Id(0)] int Version,
    [property: Id(1)] PaymentKind Kind,
    [property: Id(2)] long AmountCents,
    [property: Id(3)] long TotalCents,
    [property: Id(4)] string PaymentRunId,
    [property: Id(5)] int Pass,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string? Reason);

/// <summary>What a payment line of a month is.</summary>
public enum PaymentKind
{
    Unspecified = 0,

    /// <summary>The month's first payment: the whole of the statement's first version.</summary>
    Payment = 1,

    /// <summary>A later version came to more: the difference is paid (nabetaling).</summary>
    Supplementary = 2,

    /// <summary>A later version came to less: the difference is owed back (terugvordering), never deducted silently.</summary>
    Recovery = 3,
}

/// <summary>
/// What a payment pass found for a person: the month's latest statement version, and which pass and batch of the run
/// made it with what payment line, so a run that repeats a batch after a crash counts each line once.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.FreezeResult")]
public sealed record FreezeResult(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string NeighbourhoodId,
    [property: Id(2)] long TotalCents,
    [property: Id(3)] string RunId,
    [property: Id(4)] int Batch,
    [property: Id(5)] int Pass = 0,
    [property: Id(6)] int Version = 0,
    [property: Id(7)] PaymentKind Kind = PaymentKind.Unspecified,
    [property: Id(8)] long AmountCents = 0);
