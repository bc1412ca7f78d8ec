using Participatie.Domain.Benefits;
using Participatie.Domain.Regimes;
using Participatie.Domain.Tests.Benefits;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Regimes;

public sealed class TrajectoriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseCalendar Calendar = new(new DateBounds(), new DateOnly(2026, 3, 10), new DateOnly(2026, 1, 15), null);
    private static readonly (string?, string?, string?) GivenConsent = ("Ik kies de basisuitkering.", "vw-1", "2026-03-01T10:00:00Z");

    private static readonly RegimePolicy Policy = new()
    {
        Trajectories =
        [
            new ConfiguredRegime { Name = "zzp", From = new DateOnly(2025, 1, 1), JobFoundBonus = true },
            new ConfiguredRegime { Name = "basic-benefit", From = new DateOnly(2025, 1, 1), BenefitLevel = BenefitLevel.OptInBasic },
            new ConfiguredRegime { Name = "pilot", From = new DateOnly(2026, 4, 1), Until = new DateOnly(2026, 12, 31), JobFoundBonus = true },
        ],
    };

    private static TrajectoryStart? Check(Violations violations, string? name, string? from, string? until, (string?, string?, string?)? consent, out BenefitRefusal? refusal) =>
        Trajectories.Check(violations, Calendar, Policy, (name, from, until, consent, "coach-1"), Now, m => DateOnly.FromDateTime(m.UtcDateTime), out refusal);

    [Fact]
    public void AConfiguredTrajectoryStartsWithoutConsentUnlessItLowersTheBenefit()
    {
        var violations = new Violations();

        var start = Check(violations, "zzp", "2026-02-01", null, null, out var refusal);

        Assert.Null(refusal);
        Assert.Equal(("zzp", new DateOnly(2026, 2, 1), (DateOnly?)null, (Consent?)null, "coach-1"), (start!.Trajectory.Name, start.From, start.Until, start.Consent, start.StartedBy));
    }

    [Fact]
    public void ATrajectoryThatLowersTheBenefitNeedsConsentNamedByTheStartsMembers()
    {
        var without = new Violations();
        var future = new Violations();
        var with = new Violations();

        Check(without, "basic-benefit", "2026-02-01", null, null, out _);
        Check(future, "basic-benefit", "2026-02-01", null, ("tekst", "vw-1", "2026-03-11T10:00:00Z"), out _);
        var start = Check(with, "basic-benefit", "2026-02-01", null, GivenConsent, out _);

        Assert.Equal(nameof(TrajectoryStart.Consent), Assert.Single(without.Items).Field);
        Assert.Equal("Consent.GivenAt", Assert.Single(future.Items).Field);
        Assert.Equal(new Consent("Ik kies de basisuitkering.", "vw-1", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)), start!.Consent);
    }

    [Fact]
    public void WrongFieldsAreNamedAndAnUnknownTrajectoryIsRefusedOnlyAfterThem()
    {
        var wrong = new Violations();
        var unknown = new Violations();

        Check(wrong, "", "2024-01-01", "2023-12-31", ("", "v\n1", "nu"), out var notChecked);
        var start = Check(unknown, "nope", "2026-02-01", null, null, out var refusal);

        Assert.Null(notChecked);
        Assert.Equal(["Consent.GivenAt", "Consent.Text", "Consent.Version", "From", "Trajectory", "Until"], wrong.Items.Select(v => v.Field).Distinct().Order());
        Assert.Null(start);
        Assert.False(unknown.Any);
        Assert.Equal((BenefitRefusal.UnknownTrajectory, "nope"), (refusal!.Code, refusal.Subject));
    }

    [Fact]
    public void ATrajectoryStartsOnlyOnADayItIsAvailableAndOneAtATime()
    {
        var pilot = Policy.Trajectory("pilot")!;
        var zzp = Policy.Trajectory("zzp")!;
        TrajectoryPeriod[] periods = [new("zzp", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31))];

        var early = Trajectories.CanStart(new TrajectoryStart(pilot, new DateOnly(2026, 3, 1), null, null, "c"), [], out _);
        var clash = Trajectories.CanStart(new TrajectoryStart(pilot, new DateOnly(2026, 4, 1), null, null, "c"), [new("zzp", new DateOnly(2026, 1, 1), null)], out _);
        var after = Trajectories.CanStart(new TrajectoryStart(pilot, new DateOnly(2026, 4, 1), null, null, "c"), periods, out var none);
        var again = Trajectories.CanStart(new TrajectoryStart(zzp, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), null, "c"), periods, out var same);

        Assert.Equal(BenefitRefusal.TrajectoryNotAvailable, early!.Code);
        Assert.Equal("trajectory pilot can be started from 2026-04-01 to 2026-12-31, not on 2026-03-01", early.Message);
        Assert.Equal(BenefitRefusal.TrajectoryOverlaps, clash!.Code);
        Assert.Contains("zzp from 2026-01-01;", clash.Message);
        Assert.Null(after);
        Assert.Null(none);
        Assert.Null(again);
        Assert.Equal(0, same);
    }

    [Fact]
    public void ATrajectoryEndsOnADayItIsInForceAndEndingItAgainOnThatDayChangesNothing()
    {
        TrajectoryPeriod[] periods = [new("zzp", new DateOnly(2026, 1, 1), null), new("pilot", new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30))];

        var open = Trajectories.CanEnd(periods, new DateOnly(2026, 3, 31), out var index, out var changes);
        var ended = Trajectories.CanEnd([periods[0] with { Until = new DateOnly(2026, 3, 31) }], new DateOnly(2026, 3, 31), out _, out var again);
        var none = Trajectories.CanEnd(periods, new DateOnly(2025, 9, 1), out var missing, out _);

        Assert.Null(open);
        Assert.Equal((0, true), (index, changes));
        Assert.Null(ended);
        Assert.False(again);
        Assert.Equal(BenefitRefusal.NoTrajectory, none!.Code);
        Assert.Equal(-1, missing);
    }

    [Fact]
    public void TheRegimeOfADayNeedsAMunicipalDefaultInForce()
    {
        RegimeLayer[] layers = [Layers.Default("rotterdam-2026", sanctions: true, from: new DateOnly(2026, 1, 1))];

        var before = Trajectories.RegimeOn(layers, new DateOnly(2025, 12, 31), out var none);
        var on = Trajectories.RegimeOn(layers, new DateOnly(2026, 1, 1), out var regime);

        Assert.Equal(BenefitRefusal.RegimeNotConfigured, before!.Code);
        Assert.Null(none);
        Assert.Null(on);
        Assert.True(regime!.Regime.SanctionsAllowed);
    }
}
