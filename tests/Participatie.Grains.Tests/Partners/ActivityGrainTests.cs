using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Domain.Participation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Partners;

[Collection(ClusterCollection.Name)]
public sealed class ActivityGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AnActivityGivesPlacesUpToItsCapacityAndLaterAgreementsWait()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 2, people: 3);

        var enrolments = new List<EnrolmentView>();
        foreach (var person in people)
        {
            enrolments.Add(await activity.AgreeAsync(person, "co-test"));
        }

        var again = await activity.AgreeAsync(people[0], people[0]);
        var view = await activity.GetAsync();

        Assert.Equal([ParticipantStatus.Enrolled, ParticipantStatus.Enrolled, ParticipantStatus.Agreed], enrolments.Select(e => e.Status));
        Assert.Equal(3, enrolments.Select(e => e.Reference).Distinct().Count());
        Assert.All(enrolments, e => Assert.Matches("^pr-[0-9a-f]{12}$", e.Reference));
        Assert.Equal(enrolments[0], again); // agreeing twice is one place, the same reference
        Assert.Equal((2, 1), (view.Enrolled, view.Waiting));
    }

    [Fact]
    public async Task APartnerEnrolsOnlyPeopleWhoAgreedAndNeverBeyondCapacity()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 1, people: 2);
        await activity.AgreeAsync(people[0], "co-test");
        var waiting = await activity.AgreeAsync(people[1], "co-test");

        var unknown = await Assert.ThrowsAsync<PreconditionFailedException>(() => activity.EnrolAsync("pr-000000000000"));
        var full = await Assert.ThrowsAsync<PreconditionFailedException>(() => activity.EnrolAsync(waiting.Reference));
        await activity.UpdateAsync(Details(await NeighbourhoodOfAsync(activity), capacity: 2));
        var enrolled = await activity.EnrolAsync(waiting.Reference);
        var twice = await activity.EnrolAsync(waiting.Reference);
        var tooLow = await Assert.ThrowsAsync<PreconditionFailedException>(async () => await activity.UpdateAsync(Details(await NeighbourhoodOfAsync(activity), capacity: 1)));

        Assert.Equal(Reasons.NoAgreement, unknown.Reason);
        Assert.Equal(Reasons.ActivityFull, full.Reason);
        Assert.Equal((ParticipantStatus.Enrolled, "Fatima"), (enrolled.Status, enrolled.FirstName));
        Assert.Equal(enrolled, twice);
        Assert.Equal(Reasons.CapacityBelowEnrolled, tooLow.Reason);
        Assert.Equal((2, 0, 2), ((await activity.GetAsync()).Enrolled, (await activity.GetAsync()).Waiting, (await activity.GetAsync()).Details.Capacity));
    }

    [Fact]
    public async Task TwoEnrolmentsIntoTheLastPlaceAtOnceLetExactlyOneIn()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 1, people: 3);
        await activity.AgreeAsync(people[0], "co-test");
        var first = await activity.AgreeAsync(people[1], "co-test");
        var second = await activity.AgreeAsync(people[2], "co-test");
        await activity.UpdateAsync(Details(await NeighbourhoodOfAsync(activity), capacity: 2));

        var outcomes = await Task.WhenAll(new[] { first.Reference, second.Reference }.Select(async reference =>
        {
            try
            {
                await activity.EnrolAsync(reference);
                return "OK";
            }
            catch (PreconditionFailedException failure)
            {
                return failure.Reason;
            }
        }));

        Assert.Equal([Reasons.ActivityFull, "OK"], outcomes.Order(StringComparer.Ordinal));
        Assert.Equal(2, (await activity.GetAsync()).Enrolled);
    }

    [Fact]
    public async Task HoursAreBoundedPerDayInQuarterHoursNeverInTheFutureAndOnlyForEnrolledParticipants()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 1, people: 2);
        var enrolled = await activity.AgreeAsync(people[0], "co-test");
        var waiting = await activity.AgreeAsync(people[1], "co-test");
        await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-1), 2));

        var tooMany = await Assert.ThrowsAsync<InvalidInputException>(() => activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-1), 12.25)));
        var negative = await Assert.ThrowsAsync<InvalidInputException>(() => activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-1), -1)));
        var notANumber = await Assert.ThrowsAsync<InvalidInputException>(() => activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-1), double.NaN)));
        var oddMinutes = await Assert.ThrowsAsync<InvalidInputException>(() => activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-1), 2.1)));
        var tomorrow = await Assert.ThrowsAsync<InvalidInputException>(() => activity.RecordHoursAsync(Hours(enrolled.Reference, Day(1), 2)));
        var badReference = await Assert.ThrowsAsync<InvalidInputException>(() => activity.RecordHoursAsync(Hours("cl-someone", Day(-1), 2)));
        var notEnrolled = await Assert.ThrowsAsync<PreconditionFailedException>(() => activity.RecordHoursAsync(Hours(waiting.Reference, Day(-1), 2)));
        var nobody = await Assert.ThrowsAsync<NotFoundException>(() => activity.RecordHoursAsync(Hours("pr-000000000000", Day(-1), 2)));
        var atMost = await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(0), 12));

        Assert.Equal(["hours"], tooMany.Errors.Select(e => e.Field));
        Assert.Contains("Participation:MaxHoursPerDay", tooMany.Errors[0].Description);
        Assert.Equal(["hours"], negative.Errors.Select(e => e.Field));
        Assert.Equal(["hours"], notANumber.Errors.Select(e => e.Field));
        Assert.Equal(["hours"], oddMinutes.Errors.Select(e => e.Field));
        Assert.Equal(["date"], tomorrow.Errors.Select(e => e.Field));
        Assert.Equal(["Reference"], badReference.Errors.Select(e => e.Field));
        Assert.Equal(Reasons.NotEnrolled, notEnrolled.Reason);
        Assert.Equal("participant", nobody.Kind);
        Assert.Equal(12 * 60, atMost.Current.Minutes);

        // None of the refusals changed anything: two hours yesterday, twelve today.
        var participants = await activity.ListParticipantsAsync(null, 10);
        Assert.Equal(14 * 60, participants.Single(p => p.Reference == enrolled.Reference).TotalMinutes);
        Assert.Equal(0, participants.Single(p => p.Reference == waiting.Reference).TotalMinutes);
    }

    [Fact]
    public async Task ACorrectionReplacesTheDaysFigureAndKeepsTheEarlierOnesAsHistory()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 5, people: 1);
        var enrolled = await activity.AgreeAsync(people[0], people[0]);

        await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-2), 3, "pt-first"));
        await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-2), 2.5, "pt-second"));
        var repeated = await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-2), 2.5, "pt-third"));
        var corrected = await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-2), 0, "pt-fourth"));

        Assert.Equal([(180, "pt-first")], repeated.History.Select(h => (h.Minutes, h.RecordedBy)));
        Assert.Equal((150, "pt-second"), (repeated.Current.Minutes, repeated.Current.RecordedBy));
        Assert.Equal([(180, "pt-first"), (150, "pt-second")], corrected.History.Select(h => (h.Minutes, h.RecordedBy)));
        Assert.Equal((0, "pt-fourth"), (corrected.Current.Minutes, corrected.Current.RecordedBy));
        Assert.Equal(0, (await activity.ListParticipantsAsync(null, 10)).Single().TotalMinutes);
    }

    [Fact]
    public async Task HoursReachThePersonsRecordAndMakeThemActiveWithinTheWindow()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 5, people: 2);
        var recent = await activity.AgreeAsync(people[0], people[0]);
        var longAgo = await activity.AgreeAsync(people[1], people[1]);
        var before = (await Client(people[0]).Intake.GetAsync()).Participation!;

        await activity.RecordHoursAsync(Hours(recent.Reference, Day(-1), 3));
        await activity.RecordHoursAsync(Hours(longAgo.Reference, Day(-ParticipationPolicy.DefaultWindowDays), 3));
        var active = (await Client(people[0]).Intake.GetAsync()).Participation!;
        var outsideWindow = (await Client(people[1]).Intake.GetAsync()).Participation!;

        await activity.RecordHoursAsync(Hours(recent.Reference, Day(-1), 0));
        var correctedAway = (await Client(people[0]).Intake.GetAsync()).Participation!;

        Assert.Equal(new ParticipationSummary(false, null, 28), before);
        Assert.Equal(new ParticipationSummary(true, Today.In(TimeProvider.System).AddDays(-1), 28), active);
        Assert.Equal(new ParticipationSummary(false, Today.In(TimeProvider.System).AddDays(-28), 28), outsideWindow);
        Assert.Equal(new ParticipationSummary(false, null, 28), correctedAway);
    }

    [Fact]
    public async Task ARepeatedOrLateContributionChangesNothingOnThePersonsRecord()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 5, people: 1);
        var enrolled = await activity.AgreeAsync(people[0], people[0]);
        await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-3), 1));
        await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(-1), 1));
        var view = await activity.GetAsync();

        // Version 2 is the first day's hours only: a late delivery of it must not take the newer day away.
        await Client(people[0]).Record.ApplyParticipationAsync(new ParticipationContribution(view.ActivityId, 2, ActivityType.Gardening, ParticipantStatus.Enrolled, [new DayMinutes(Today.In(TimeProvider.System).AddDays(-3), 60)]));

        Assert.Equal(Today.In(TimeProvider.System).AddDays(-1), (await Client(people[0]).Intake.GetAsync()).Participation!.LastParticipationOn);
    }

    [Fact]
    public async Task AClosedActivityTakesNobodyNewButKeepsTheHoursOfItsOpenDays()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 5, people: 2);
        var enrolled = await activity.AgreeAsync(people[0], people[0]);

        var closed = await activity.CloseAsync("De moestuin stopt in de winter.");
        var again = await activity.CloseAsync("Another reason");
        var late = await Assert.ThrowsAsync<PreconditionFailedException>(() => activity.AgreeAsync(people[1], people[1]));
        var update = await Assert.ThrowsAsync<PreconditionFailedException>(async () => await activity.UpdateAsync(Details(await NeighbourhoodOfAsync(activity))));
        var today = await activity.RecordHoursAsync(Hours(enrolled.Reference, Day(0), 1.5));

        Assert.False(closed.Open);
        Assert.Equal((closed.ClosedOn, "De moestuin stopt in de winter."), (again.ClosedOn, again.CloseReason));
        Assert.Equal(Reasons.ActivityClosed, late.Reason);
        Assert.Equal(Reasons.ActivityClosed, update.Reason);
        Assert.Equal(90, today.Current.Minutes);
    }

    [Fact]
    public async Task ActivitiesBelongToARegisteredPartnerInAnExistingNeighbourhoodAndARepeatFindsTheSameOne()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var partnerId = NewPartnerId();
        var partner = _grains.GetGrain<IPartnerGrain>(partnerId);
        var activityId = Ids.FromRequestKey(IdKind.Activity, partnerId + "/koffie");

        var unregistered = await Assert.ThrowsAsync<NotFoundException>(() => partner.CreateActivityAsync(activityId, Details(wijk), "pt-test"));
        await partner.RegisterAsync(new RegisterPartnerCommand("Huis van de Wijk Bloemhof", "Anouk, 010-1234567", "admin-test"));
        var nowhere = await Assert.ThrowsAsync<NotFoundException>(() => partner.CreateActivityAsync(activityId, Details("wk-does-not-exist"), "pt-test"));
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => partner.CreateActivityAsync(activityId, new ActivityData(" ", ActivityType.Unspecified, "Bloemhof", 0, "", ""), "pt-test"));
        var created = await partner.CreateActivityAsync(activityId, Details(wijk), "pt-test");
        var repeated = await partner.CreateActivityAsync(activityId, Details(wijk), "pt-test");
        var other = await Assert.ThrowsAsync<AlreadyExistsException>(() => partner.CreateActivityAsync(activityId, Details(wijk, capacity: 9), "pt-test"));

        Assert.Equal("partner", unregistered.Kind);
        Assert.Equal("neighbourhood", nowhere.Kind);
        Assert.Equal(
            ["Activity.Title", "Activity.Type", "Activity.NeighbourhoodId", "Activity.Capacity", "Activity.Schedule", "Activity.Contact"],
            invalid.Errors.Select(e => e.Field));
        Assert.Equal(created, repeated);
        Assert.Equal("activity", other.Kind);
        Assert.Equal((partnerId, true, 0), (created.PartnerId, created.Open, created.Enrolled));
        Assert.Equal([activityId], await partner.ListActivityIdsAsync(null, 10));
        Assert.Equal(partnerId, await _grains.GetGrain<IActivityGrain>(activityId).GetOwnerAsync());
        Assert.Null(await _grains.GetGrain<IActivityGrain>(Ids.NewActivityId()).GetOwnerAsync());
        Assert.Equal(1, (await partner.GetAsync()).Activities);
    }

    [Fact]
    public async Task ThePersonsRecordShowsEachActivityWithItsTitleAndItsPartnersNameAsTheyAreNow()
    {
        var (garden, people) = await ActivityWithPeopleAsync(capacity: 5, people: 2);
        var wijk = await NeighbourhoodOfAsync(garden);
        var club = _grains.GetGrain<IPartnerGrain>(NewPartnerId());
        await club.RegisterAsync(new RegisterPartnerCommand("Sportclub Feijenoord", "info@sportclub.example", "admin-test"));
        var football = (await club.CreateActivityAsync(Ids.NewActivityId(), Details(wijk) with { Title = "Walking football", Type = ActivityType.Sports }, "pt-test")).ActivityId;
        var place = await garden.AgreeAsync(people[0], people[0]);
        await _grains.GetGrain<IActivityGrain>(football).AgreeAsync(people[0], people[0]);
        await garden.RecordHoursAsync(Hours(place.Reference, Day(-1), 2));
        await garden.UpdateAsync(Details(wijk) with { Title = "Moestuin aan de Maas en de Rotte" });

        var held = await Client(people[0]).Record.GetParticipationAsync();
        var shown = await Client(people[0]).Record.GetParticipationInActivitiesAsync();
        var nobody = await Assert.ThrowsAsync<NotFoundException>(() => Client(Ids.NewClientId()).Record.GetParticipationInActivitiesAsync());

        var gardenId = garden.GetPrimaryKeyString();
        Assert.Equal(
            new[] { (gardenId, "Moestuin aan de Maas en de Rotte", "Stichting Buurtwerk"), (football, "Walking football", "Sportclub Feijenoord") }.OrderBy(a => a.Item1, StringComparer.Ordinal),
            shown.Select(a => (a.Held.ActivityId, a.Title, a.PartnerName)));
        Assert.Equal(
            held.Select(p => (p.ActivityId, p.Version, p.Type, p.Status, p.Days.Sum(d => d.Minutes))),
            shown.Select(a => (a.Held.ActivityId, a.Held.Version, a.Held.Type, a.Held.Status, a.Held.Days.Sum(d => d.Minutes))));
        Assert.Equal(120, shown.Single(a => a.Held.ActivityId == gardenId).Held.Days.Sum(d => d.Minutes));
        Assert.Empty(await Client(people[1]).Record.GetParticipationInActivitiesAsync());
        Assert.Equal("client", nobody.Kind);
    }

    [Fact]
    public async Task OnlyARegisteredPersonWhoseCaseRunsCanAgreeToTakePart()
    {
        var (activity, people) = await ActivityWithPeopleAsync(capacity: 5, people: 1);
        await Client(people[0]).Rights.EndCaseAsync(Today.In(TimeProvider.System), "Found work at the market");

        var nobody = await Assert.ThrowsAsync<NotFoundException>(() => activity.AgreeAsync(Ids.NewClientId(), "co-test"));
        var ended = await Assert.ThrowsAsync<PreconditionFailedException>(() => activity.AgreeAsync(people[0], "co-test"));

        Assert.Equal("client", nobody.Kind);
        Assert.Equal(Reasons.CaseEnded, ended.Reason);
        Assert.Equal((0, 0), ((await activity.GetAsync()).Enrolled, (await activity.GetAsync()).Waiting));
    }

    private PersonGrains Client(string id) => new(_grains, id);

    private static string NewPartnerId() => "pt-test-" + Guid.NewGuid().ToString("N")[..12];

    private static ActivityData Details(string neighbourhoodId, int capacity = 5) =>
        new("Moestuin aan de Maas", ActivityType.Gardening, neighbourhoodId, capacity, "Dinsdag en donderdag 10:00-12:00", "Anouk, 010-1234567");

    private static RecordHoursCommand Hours(string reference, string date, double hours, string by = "pt-test") => new(reference, date, hours, by);

    private static string Day(int days) => Today.In(TimeProvider.System).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> NeighbourhoodOfAsync(IActivityGrain activity) => (await activity.GetAsync()).Details.NeighbourhoodId;

    /// <summary>A registered partner with one activity of the given capacity, and people in its neighbourhood.</summary>
    private async Task<(IActivityGrain Activity, List<string> People)> ActivityWithPeopleAsync(int capacity, int people)
    {
        var (wijk, clients) = await TestExperiments.PeopleAsync(_grains, people);
        var partner = _grains.GetGrain<IPartnerGrain>(NewPartnerId());
        await partner.RegisterAsync(new RegisterPartnerCommand("Stichting Buurtwerk", "info@buurtwerk.example", "admin-test"));
        var created = await partner.CreateActivityAsync(Ids.NewActivityId(), Details(wijk, capacity), "pt-test");
        return (_grains.GetGrain<IActivityGrain>(created.ActivityId), clients);
    }
}
