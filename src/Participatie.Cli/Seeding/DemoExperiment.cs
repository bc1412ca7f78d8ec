using System.Globalization;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Seeding;

/// <summary>
/// The demo city's trust experiment "Vertrouwen werkt": a control group and the three treatments of the 2017–2020
/// experiments (exemption, extra guidance, extra disregard), each with room for <see cref="ArmSize"/> people, balanced
/// on age band and household type. Everything here is synthetic: the sign-ups, the few withdrawals, and the outcomes,
/// which are drawn from made-up rates per arm (so the report shows figures that look real) and recorded with the
/// synthetic flag, so every report says so.
/// </summary>
internal sealed class DemoExperiment(int seed, int armSize, DateOnly today)
{
    public const string Id = "ex-vertrouwen-werkt";
    public const string Title = "Vertrouwen werkt";
    public const string ConsentVersion = "vertrouwen-werkt-1";

    public const string ConsentText =
        "Ik doe vrijwillig mee aan het experiment Vertrouwen werkt. Een loting bepaalt in welke groep ik kom. Ik mag altijd stoppen; "
        + "mijn uitkering wordt daardoor nooit lager. Onderzoekers zien alleen gepseudonimiseerde cijfers.";

    private const int OutcomeStream = 3;
    private const int WithdrawalStream = 4;

    /// <summary>Synthetic rates per arm: work 12+ h/week, over 27 h/week, independent, mean participation hours, mean well-being.</summary>
    private static readonly Dictionary<string, (double Work12, double Work27, double Independent, double Participation, double WellBeing)> Rates = new()
    {
        ["control"] = (0.15, 0.05, 0.04, 8, 6.2),
        ["zelf-in-actie"] = (0.22, 0.06, 0.05, 11, 6.8),
        ["extra-hulp"] = (0.21, 0.08, 0.06, 9, 6.5),
        ["werken-loont"] = (0.24, 0.05, 0.04, 8, 6.4),
    };

    public int ArmSize => armSize;

    /// <summary>Signs up 10% more people than there is room for, so the draw has a waiting list too.</summary>
    public int SignUps => armSize * 4 * 11 / 10;

    /// <summary>The experiment starts on the first of the month and runs two years, the most the law allows.</summary>
    public ExperimentDesign Design()
    {
        var start = new DateOnly(today.Year, today.Month, 1);
        return new ExperimentDesign
        {
            ExperimentId = Id,
            Title = Title,
            Start = Iso(start),
            End = Iso(start.AddYears(2).AddDays(-1)),
            Arms =
            {
                new ExperimentArm { Name = "control", Kind = ArmKind.Control, Capacity = armSize },
                new ExperimentArm
                {
                    Name = "zelf-in-actie",
                    Kind = ArmKind.Exemption,
                    Capacity = armSize,
                    Regime = new RegimeSettings { JobSearchObligation = JobSearchObligation.Exempt, CounterPerformance = CounterPerformance.Voluntary, SanctionsAllowed = false },
                },
                new ExperimentArm { Name = "extra-hulp", Kind = ArmKind.ExtraGuidance, Capacity = armSize, Regime = new RegimeSettings { CaseloadCap = 50, ContactIntervalDays = 14 } },
                new ExperimentArm { Name = "werken-loont", Kind = ArmKind.ExtraDisregard, Capacity = armSize, Regime = new RegimeSettings { EarningsDisregard = EarningsDisregard.Experimental } },
            },
            Eligibility = new EligibilityRules { MinimumAge = 27 },
            Strata = { StratumFactor.AgeBand, StratumFactor.HouseholdType },
        };
    }

    public SignUpRequest SignUp(string clientId) => new()
    {
        ExperimentId = Id,
        ClientId = clientId,
        Consent = new Consent { Text = ConsentText, Version = ConsentVersion, GivenAt = DateTime.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
    };

    /// <summary>About one in twenty-five assigned people withdraws (synthetic); the assignment stays, as intention to treat wants.</summary>
    public bool Withdraws(int index) => RandomFor(WithdrawalStream, index).Next(25) == 0;

    /// <summary>A synthetic outcome this month; someone who withdrew has the control group's chances.</summary>
    public Outcome Outcome(int index, Assignment assignment)
    {
        var random = RandomFor(OutcomeStream, index);
        var rates = Rates[assignment.Withdrawn ? "control" : assignment.Arm];
        var work12 = random.NextDouble() < rates.Work12;
        var fullTime = work12 && random.NextDouble() < rates.Work27 / rates.Work12;
        var hours = fullTime ? random.Next(28, 39) : work12 ? random.Next(12, 28) : random.Next(3) == 0 ? random.Next(1, 12) : 0;
        var outcome = new Outcome
        {
            ClientId = assignment.ClientId,
            Month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            HoursWorkedPerWeek = hours,
            IndependentOfAssistance = fullTime && random.NextDouble() < rates.Independent / rates.Work27,
            ParticipationHours = Math.Round(Math.Max(0, rates.Participation + (Normal(random) * 6)), 1),
            Synthetic = true,
        };
        if (random.Next(10) > 0)
        {
            outcome.WellBeing = (int)Math.Clamp(Math.Round(rates.WellBeing + (Normal(random) * 1.6)), 0, 10);
        }

        return outcome;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Random RandomFor(int stream, int index) => DemoCity.RandomFor(seed, stream, index);
}
