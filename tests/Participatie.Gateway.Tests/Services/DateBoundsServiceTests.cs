using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>
/// Absurd dates are refused with INVALID_ARGUMENT and a field violation that states the bound (the shipped
/// <c>Dates</c> settings: first supported month 2024-01, 60 months ahead, facts back to 3 months before the month a
/// person's case began), and the refused call changes nothing.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class DateBoundsServiceTests(GatewayFixture gateway)
{
    private const string FirstSupported = "(the platform's first supported month, Dates:FirstMonth)";
    private const string Horizon = "(at most 60 months ahead, Dates:HorizonMonths)";

    private static readonly DateOnly Today = DateOnly.ParseExact(SampleRequests.Day(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first month of a person registered today: three months before this month.</summary>
    private static string CaseFirstMonth => SampleRequests.Month(-3);

    private static string CaseBound => $"(the person's case began on {SampleRequests.Day()}; facts go back at most 3 months before that month, Dates:BackdatingMonths)";

    private static string LastDay => Today.AddMonths(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task HoursOnTheFirstDayOfTheCalendarAreRefusedWithTheFirstSupportedDayAndNotCounted()
    {
        var (partner, activity, reference) = await ParticipantAsync();

        var refused = await ViolationsAsync(() => partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = activity, ParticipantRef = reference, Date = "0001-01-01", Hours = 2 }).ResponseAsync);
        var participant = Assert.Single((await partner.ListParticipantsAsync(new ListParticipantsRequest { ActivityId = activity })).Participants);

        Assert.Equal([("date", $"must be on or after 2024-01-01 {FirstSupported}")], refused);
        Assert.Equal((0.0, ""), (participant.TotalHours, participant.LastAttendedOn));
    }

    [Fact]
    public async Task AnIncomeFormForMonth0001OrLongBeforeTheCaseBeganIsRefusedWithTheFirstMonthOfTheCase()
    {
        var person = await PersonAsync();

        foreach (var month in new[] { "0001-01", "2024-06", SampleRequests.Month(-4) })
        {
            var refused = await ViolationsAsync(() => gateway.Clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = person, Month = month, NetEarningsCents = 50000, WorkHoursPerWeek = 10 }).ResponseAsync);
            Assert.Equal([("month", $"must be {CaseFirstMonth} or later {CaseBound}")], refused);
        }

        var first = await gateway.Clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = person, Month = CaseFirstMonth, NetEarningsCents = 50000, WorkHoursPerWeek = 10 });
        Assert.Equal(CaseFirstMonth, first.Report.Month);
    }

    [Fact]
    public async Task APaymentRunForAMonthBeforeTheCasesItReachesPaysNobodyInAnyPass()
    {
        var (wijk, _) = await gateway.PeopleAsync(2);
        var month = SampleRequests.Month(-5);

        var first = await gateway.CompletedPassAsync(month, "admin-first");
        var second = await gateway.CompletedPassAsync(month, "admin-second");

        // Everyone here was registered today: five months back is before their case and the three months it reaches.
        Assert.Equal((0, 0L), (first.Paid, first.TotalCents));
        Assert.Equal((0, 0L, 0), (second.Paid, second.TotalCents, second.Failed));
        Assert.DoesNotContain(second.Neighbourhoods, n => n.NeighbourhoodId == wijk);
        Assert.True(second.Expected >= 2);
    }

    [Fact]
    public async Task AStatementOfAMonthLongBeforeTheCaseBeganIsRefused()
    {
        var person = await PersonAsync();

        var refused = await ViolationsAsync(() => gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = person, Month = "2024-06" }).ResponseAsync);

        Assert.Equal([("month", $"must be {CaseFirstMonth} or later {CaseBound}")], refused);
        Assert.Equal(CaseFirstMonth, (await gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = person, Month = CaseFirstMonth })).Statement.Month);
    }

    [Fact]
    public async Task ATrajectoryFrom9999IsRefusedAndDoesNotBlockTheNextOne()
    {
        var person = await PersonAsync();

        var refused = await ViolationsAsync(() => gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = person, Trajectory = "self-employed", From = "9999-12-31" }).ResponseAsync);
        var started = (await gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = person, Trajectory = "50-plus", From = SampleRequests.Day() })).Trajectory;

        Assert.Equal([("from", $"must be on or before {LastDay} {Horizon}")], refused);
        Assert.Equal(("50-plus", SampleRequests.Day()), (started.Name, started.From));
    }

    [Fact]
    public async Task ATrajectoryBeforeTheCaseOrEndingBeyondTheHorizonIsRefused()
    {
        var person = await PersonAsync();

        var early = await ViolationsAsync(() => gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = person, Trajectory = "self-employed", From = "2024-01-01", Until = "9999-12-31" }).ResponseAsync);
        await gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = person, Trajectory = "self-employed", From = SampleRequests.Day() });
        var endless = await ViolationsAsync(() => gateway.Clients.EndTrajectoryAsync(new EndTrajectoryRequest { ClientId = person, LastDay = "9999-12-31" }).ResponseAsync);
        var regime = await gateway.Clients.GetRegimeAsync(new GetRegimeRequest { ClientId = person, Date = SampleRequests.Day(400) });

        Assert.Equal(
            [("from", $"must be on or after {CaseFirstMonth}-01 {CaseBound}"), ("until", $"must be on or before {LastDay} {Horizon}")],
            early);
        Assert.Equal([("last_day", $"must be on or before {LastDay} {Horizon}")], endless);
        Assert.Contains(regime.Layers, l => l.Name == "self-employed");
    }

    [Fact]
    public async Task AMeasureFromMonth0001IsRefused()
    {
        var person = await PersonAsync();

        var refused = await ViolationsAsync(() => gateway.Clients.RecordSanctionAsync(new RecordSanctionRequest { ClientId = person, Reference = "MR-0001", FirstMonth = "0001-01", Percent = 100, Months = 1 }).ResponseAsync);

        Assert.Equal([("first_month", $"must be {CaseFirstMonth} or later {CaseBound}")], refused);
        var statement = (await gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = person, Month = SampleRequests.Month() })).Statement;
        Assert.DoesNotContain(statement.Lines, l => l.Rule == "sanction");
    }

    [Fact]
    public async Task ARegimeAskedForTheYear1IsRefused()
    {
        var person = await PersonAsync();

        var refused = await ViolationsAsync(() => gateway.Clients.GetRegimeAsync(new GetRegimeRequest { ClientId = person, Date = "0001-01-01" }).ResponseAsync);

        Assert.Equal([("date", $"must be on or after 2024-01-01 {FirstSupported}")], refused);
    }

    [Fact]
    public async Task ANeighbourhoodTrialFromTheYear1ToTheYear9999IsRefusedAndNotStored()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();

        var refused = await ViolationsAsync(() => gateway.Neighbourhoods.StartTrialAsync(new StartTrialRequest
        {
            NeighbourhoodId = wijk, Name = "eeuwig", Settings = new RegimeSettings { JobFoundBonus = true }, From = "0001-01-01", Until = "9999-12-31",
        }).ResponseAsync);

        Assert.Equal([("from", $"must be on or after 2024-01-01 {FirstSupported}"), ("until", $"must be on or before {LastDay} {Horizon}")], refused);
        Assert.Empty((await gateway.Neighbourhoods.GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood.Trials);
    }

    [Fact]
    public async Task AnExperimentInTheYear1IsRefusedAndNotCreated()
    {
        var design = Design("ex-gw-" + Guid.NewGuid().ToString("N")[..12], "0001-01-01", "0001-12-31");

        var refused = await ViolationsAsync(() => gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = design }).ResponseAsync);

        Assert.Equal(
            [("design.end", $"must be on or after 2024-01-01 {FirstSupported}"), ("design.start", $"must be on or after 2024-01-01 {FirstSupported}")],
            refused.Order());
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Experiments.GetExperimentAsync(new GetExperimentRequest { ExperimentId = design.ExperimentId }).ResponseAsync);
    }

    [Fact]
    public async Task ConsentGivenInTheYear1IsRefusedAndNoOneIsSignedUp()
    {
        var person = await PersonAsync();
        var experiment = "ex-gw-" + Guid.NewGuid().ToString("N")[..12];
        await gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = Design(experiment, SampleRequests.Day(-30), SampleRequests.Day(300)) });
        var consent = SampleRequests.Consent();
        consent.GivenAt = "0001-01-01T00:00:00Z";

        var refused = await ViolationsAsync(() => gateway.Experiments.SignUpAsync(new SignUpRequest { ExperimentId = experiment, ClientId = person, Consent = consent }).ResponseAsync);

        Assert.Equal([("consent.given_at", $"must be on or after 2024-01-01 {FirstSupported}")], refused);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Experiments.GetAssignmentAsync(new GetAssignmentRequest { ExperimentId = experiment, ClientId = person }).ResponseAsync);
    }

    [Fact]
    public async Task APaymentRunForMonth0001IsRefusedAndNotStarted()
    {
        var refused = await ViolationsAsync(() => gateway.Admin.StartPaymentRunAsync(new StartPaymentRunRequest { Month = "0001-01" }).ResponseAsync);

        Assert.Equal([("month", $"must be 2024-01 or later {FirstSupported}")], refused);
        Assert.Equal(PaymentRunStatus.NotStarted, (await gateway.Admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = "0001-01" })).Run.Status);
    }

    /// <summary>The call fails with INVALID_ARGUMENT; its field violations as (field, description), in order.</summary>
    private static async Task<List<(string Field, string Description)>> ViolationsAsync(Func<Task> call)
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, call);
        var badRequest = failure.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return [.. badRequest.FieldViolations.Select(v => (v.Field, v.Description))];
    }

    /// <summary>Control and an exemption arm, ten places each.</summary>
    private static ExperimentDesign Design(string id, string start, string end) => new()
    {
        ExperimentId = id,
        Title = "Vertrouwen werkt",
        Start = start,
        End = end,
        Arms =
        {
            new ExperimentArm { Name = "control", Kind = ArmKind.Control, Capacity = 10 },
            new ExperimentArm { Name = "zelf-in-actie", Kind = ArmKind.Exemption, Capacity = 10, Regime = new RegimeSettings { JobSearchObligation = JobSearchObligation.Exempt, SanctionsAllowed = false } },
        },
    };

    private async Task<string> PersonAsync() =>
        (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(await gateway.NewNeighbourhoodAsync(), age: 55))).Client.ClientId;

    /// <summary>A partner (as itself), its activity, and the reference of a person enrolled in it.</summary>
    private async Task<(PartnerService.PartnerServiceClient Partner, string Activity, string Reference)> ParticipantAsync()
    {
        var partnerId = "pt-gw-" + Guid.NewGuid().ToString("N")[..12];
        await new PartnerService.PartnerServiceClient(gateway.Host.Channel).RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = partnerId, Name = "Sportclub Zuid", Contact = "bestuur" });
        var partner = new PartnerService.PartnerServiceClient(gateway.Host.ChannelAs("partner", partnerId, purpose: null));
        var wijk = await gateway.NewNeighbourhoodAsync();
        var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        var activity = (await partner.CreateActivityAsync(new CreateActivityRequest
        {
            PartnerId = partnerId,
            Activity = new ActivityDetails { Title = "Wandelvoetbal", Type = ActivityType.Sports, NeighbourhoodId = wijk, Capacity = 5, Schedule = "Woensdag 10:00", ContactPerson = "bestuur" },
        })).Activity.ActivityId;
        var enrolment = await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", person)).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = activity });
        return (partner, activity, enrolment.ParticipantRef);
    }
}
