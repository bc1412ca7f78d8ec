using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>PartnerService and enrolment through ClientService, over a real gRPC channel and as JSON over HTTP/1.1.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PartnerServiceTests(GatewayFixture gateway)
{
    [Fact]
    public async Task APartnerRunsItsActivityFromCreationToHoursAndThePersonBecomesActive()
    {
        var (partnerId, partner) = await NewPartnerAsync();
        var wijk = await gateway.NewNeighbourhoodAsync();
        var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;

        var created = (await partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerId, RequestId = "moestuin-2026", Activity = Details(wijk, 3) })).Activity;
        var repeated = (await partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerId, RequestId = "moestuin-2026", Activity = Details(wijk, 3) })).Activity;
        var enrolment = await PersonClient(person).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = created.ActivityId });
        var hours = await partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = created.ActivityId, ParticipantRef = enrolment.ParticipantRef, Date = SampleRequests.Day(-1), Hours = 2.5 });
        var corrected = await partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = created.ActivityId, ParticipantRef = enrolment.ParticipantRef, Date = SampleRequests.Day(-1), Hours = 3 });
        var listed = await partner.ListActivitiesAsync(new ListActivitiesRequest { PartnerId = partnerId });
        var participants = await partner.ListParticipantsAsync(new ListParticipantsRequest { ActivityId = created.ActivityId });
        var record = (await PersonClient(person).GetClientAsync(new GetClientRequest { ClientId = person })).Client;
        var log = (await PersonClient(person).GetAccessLogAsync(new GetAccessLogRequest { ClientId = person })).Entries;

        Assert.Equal(created, repeated);
        Assert.Equal((ParticipantStatus.Enrolled, "Moestuin aan de Maas"), (enrolment.Status, enrolment.Title));
        Assert.Equal([2.5], corrected.History.Select(h => h.Hours));
        Assert.Equal((3.0, partnerId), (corrected.Current.Hours, corrected.Current.RecordedBy));
        Assert.Equal(2.5, hours.Current.Hours);
        Assert.Equal([created.ActivityId], listed.Activities.Select(a => a.ActivityId));
        var participant = Assert.Single(participants.Participants);
        Assert.Equal((enrolment.ParticipantRef, "Mohamed", 3.0, SampleRequests.Day(-1)), (participant.ParticipantRef, participant.FirstName, participant.TotalHours, participant.LastAttendedOn));
        Assert.Equal(new Participation { Active = true, LastParticipationOn = SampleRequests.Day(-1), WindowDays = 28 }, record.Participation);

        // The person sees which partner reached their data, and why, though the partner never learnt who they are; each
        // change of their hours was recorded before it was made (Started) and with its outcome.
        Assert.Equal(
            ["PartnerService.ListParticipants OK", "PartnerService.RecordHours OK", "PartnerService.RecordHours OK", "PartnerService.RecordHours Started", "PartnerService.RecordHours Started"],
            log.Where(e => e.ActorRole == "partner").Select(e => $"{e.Action} {e.Outcome}").Order(StringComparer.Ordinal));
        Assert.All(log.Where(e => e.ActorRole == "partner"), e => Assert.Equal((partnerId, "participation"), (e.ActorId, e.Purpose)));
    }

    [Fact]
    public async Task AWeekOfHoursGivesEachParticipantsDaysWithTheFiguresTheirCorrectionsReplaced()
    {
        var (partnerId, partner) = await NewPartnerAsync();
        var wijk = await gateway.NewNeighbourhoodAsync();
        var activity = (await partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerId, Activity = Details(wijk, 5) })).Activity.ActivityId;
        var people = new List<(string ClientId, string Reference)>();
        for (var i = 0; i < 2; i++)
        {
            var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
            var enrolment = await PersonClient(person).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = activity });
            people.Add((person, enrolment.ParticipantRef));
        }

        people.Sort((a, b) => string.CompareOrdinal(a.Reference, b.Reference));
        var (first, second) = (people[0].Reference, people[1].Reference);
        async Task Record(string reference, int day, double hours) =>
            await partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = activity, ParticipantRef = reference, Date = SampleRequests.Day(day), Hours = hours });
        await Record(first, -9, 4);
        await Record(first, -2, 2);
        await Record(first, -2, 2.5);
        await Record(first, -1, 1.25);
        await Record(second, -2, 3);

        var week = new ListHoursRequest { ActivityId = activity, FirstDay = SampleRequests.Day(-6), LastDay = SampleRequests.Day() };
        var all = await partner.ListHoursAsync(week);
        var firstPage = await partner.ListHoursAsync(new ListHoursRequest(week) { PageSize = 1 });
        var secondPage = await partner.ListHoursAsync(new ListHoursRequest(week) { PageSize = 1, PageToken = firstPage.NextPageToken });
        var lastPage = await partner.ListHoursAsync(new ListHoursRequest(week) { PageSize = 1, PageToken = secondPage.NextPageToken });

        Assert.Equal(
            [$"{first} {SampleRequests.Day(-2)} 2.5 [2]", $"{first} {SampleRequests.Day(-1)} 1.25 []", $"{second} {SampleRequests.Day(-2)} 3 []"],
            all.Days.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.ParticipantRef} {d.Date} {d.Current.Hours} [{string.Join(",", d.History.Select(h => h.Hours))}]")));
        Assert.All(all.Days, d => Assert.Equal(partnerId, d.Current.RecordedBy));
        Assert.Empty(all.NextPageToken);
        Assert.Equal([first, first], firstPage.Days.Select(d => d.ParticipantRef));
        Assert.Equal([second], secondPage.Days.Select(d => d.ParticipantRef));
        Assert.NotEmpty(secondPage.NextPageToken);
        Assert.Empty(lastPage.Days);
        Assert.Empty(lastPage.NextPageToken);

        // Reading someone's hours is reaching their data: the person sees it in their access log.
        var log = (await PersonClient(people[1].ClientId).GetAccessLogAsync(new GetAccessLogRequest { ClientId = people[1].ClientId })).Entries;
        Assert.Contains(log, e => (e.Action, e.Outcome, e.ActorId, e.Purpose) == ("PartnerService.ListHours", "OK", partnerId, "participation"));

        await RpcAssert.InvalidAsync(() => partner.ListHoursAsync(new ListHoursRequest { ActivityId = activity, FirstDay = "7 december", LastDay = SampleRequests.Day() }).ResponseAsync, "first_day");
        await RpcAssert.InvalidAsync(() => partner.ListHoursAsync(new ListHoursRequest { ActivityId = activity, FirstDay = SampleRequests.Day(), LastDay = SampleRequests.Day(-1) }).ResponseAsync, "last_day");
        await RpcAssert.InvalidAsync(() => partner.ListHoursAsync(new ListHoursRequest { ActivityId = activity, FirstDay = SampleRequests.Day(-31), LastDay = SampleRequests.Day() }).ResponseAsync, "last_day");
        await RpcAssert.InvalidAsync(() => Admin.ListHoursAsync(new ListHoursRequest { ActivityId = "ac-1", FirstDay = "", LastDay = SampleRequests.Day() }).ResponseAsync, "activity_id", "first_day");
    }

    [Fact]
    public async Task APartnerNeverReachesAnotherPartnersOrganisationOrActivities()
    {
        var (partnerA, clientA) = await NewPartnerAsync();
        var (partnerB, clientB) = await NewPartnerAsync();
        var wijk = await gateway.NewNeighbourhoodAsync();
        var activityB = (await clientB.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerB, Activity = Details(wijk, 3) })).Activity.ActivityId;
        var reference = "pr-000000000000";

        Task Denied(Func<Task> call) => RpcAssert.FailsAsync(StatusCode.PermissionDenied, call);
        await Denied(() => clientA.GetPartnerAsync(new GetPartnerRequest { PartnerId = partnerB }).ResponseAsync);
        await Denied(() => clientA.ListActivitiesAsync(new ListActivitiesRequest { PartnerId = partnerB }).ResponseAsync);
        await Denied(() => clientA.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerB, Activity = Details(wijk, 3) }).ResponseAsync);
        await Denied(() => clientA.GetActivityAsync(new GetActivityRequest { ActivityId = activityB }).ResponseAsync);
        await Denied(() => clientA.UpdateActivityAsync(new UpdateActivityRequest { ActivityId = activityB, Activity = Details(wijk, 9) }).ResponseAsync);
        await Denied(() => clientA.CloseActivityAsync(new CloseActivityRequest { ActivityId = activityB, Reason = "not mine" }).ResponseAsync);
        await Denied(() => clientA.ListParticipantsAsync(new ListParticipantsRequest { ActivityId = activityB }).ResponseAsync);
        await Denied(() => clientA.EnrolParticipantAsync(new EnrolParticipantRequest { ActivityId = activityB, ParticipantRef = reference }).ResponseAsync);
        await Denied(() => clientA.RecordHoursAsync(new RecordHoursRequest { ActivityId = activityB, ParticipantRef = reference, Date = SampleRequests.Day(), Hours = 1 }).ResponseAsync);
        await Denied(() => clientA.ListHoursAsync(new ListHoursRequest { ActivityId = activityB, FirstDay = SampleRequests.Day(-6), LastDay = SampleRequests.Day() }).ResponseAsync);

        // An activity that does not exist looks, to a partner, like someone else's; an admin learns it does not exist.
        var missing = "ac-0000000000000000";
        await Denied(() => clientA.GetActivityAsync(new GetActivityRequest { ActivityId = missing }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Admin.GetActivityAsync(new GetActivityRequest { ActivityId = missing }).ResponseAsync);

        var unchanged = (await clientB.GetActivityAsync(new GetActivityRequest { ActivityId = activityB })).Activity;
        Assert.Equal((3, true), (unchanged.Details.Capacity, unchanged.Open));
        Assert.Equal(partnerA, (await clientA.GetPartnerAsync(new GetPartnerRequest { PartnerId = partnerA })).Partner.PartnerId);
    }

    [Fact]
    public async Task NoPartnerReplyCarriesAClientIdOrProfileData()
    {
        var (partnerId, partner) = await NewPartnerAsync();
        var wijk = await gateway.NewNeighbourhoodAsync();
        var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        var activity = (await partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerId, Activity = Details(wijk, 1) })).Activity.ActivityId;
        var coach = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = 50 })).Coach.CoachId;
        var waiting = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = waiting });

        var enrolment = await PersonClient(person).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = activity });
        var byCoach = await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("coach", coach, purpose: "case_work"))
            .EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = waiting, ActivityId = activity });
        var replies = new List<IMessage>
        {
            await partner.GetActivityAsync(new GetActivityRequest { ActivityId = activity }),
            await partner.ListParticipantsAsync(new ListParticipantsRequest { ActivityId = activity }),
            await partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = activity, ParticipantRef = enrolment.ParticipantRef, Date = SampleRequests.Day(), Hours = 1 }),
            await partner.ListActivitiesAsync(new ListActivitiesRequest { PartnerId = partnerId }),
            await partner.UpdateActivityAsync(new UpdateActivityRequest { ActivityId = activity, Activity = Details(wijk, 2) }),
            await partner.EnrolParticipantAsync(new EnrolParticipantRequest { ActivityId = activity, ParticipantRef = byCoach.ParticipantRef }),
            await partner.ListHoursAsync(new ListHoursRequest { ActivityId = activity, FirstDay = SampleRequests.Day(-6), LastDay = SampleRequests.Day() }),
        };

        var intake = GatewayFixture.Intake(wijk);
        Assert.Equal(ParticipantStatus.Agreed, byCoach.Status);
        foreach (var text in replies.Select(r => JsonFormatter.Default.Format(r)))
        {
            Assert.DoesNotContain(person, text, StringComparison.Ordinal);
            Assert.DoesNotContain(waiting, text, StringComparison.Ordinal);
            Assert.DoesNotContain("cl-", text, StringComparison.Ordinal);
            Assert.DoesNotContain(intake.FamilyName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(intake.DateOfBirth, text, StringComparison.Ordinal);
            Assert.DoesNotContain(intake.Postcode, text, StringComparison.Ordinal);
        }

        Assert.Equal(["Mohamed", "Mohamed"], ((ListParticipantsResponse)replies[1]).Participants.Select(p => p.FirstName));
        Assert.DoesNotContain(typeof(Participant).GetProperties(), p => p.Name.Contains("Client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoCallersEnrollingIntoTheLastPlaceAtOnceGetOneOkAndOneActivityFull()
    {
        var (partnerId, partner) = await NewPartnerAsync();
        var apiKey = (await gateway.Admin.CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = partnerId, Description = "attendance import" })).ApiKey;
        var withKey = new PartnerService.PartnerServiceClient(TestKeys.Channel(gateway.Host.Address, token: null, headers: new Dictionary<string, string> { ["x-api-key"] = apiKey }));
        var (wijk, people) = await gateway.PeopleAsync(3);
        var activity = (await partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerId, Activity = Details(wijk, 1) })).Activity.ActivityId;
        var references = new List<string>();
        foreach (var person in people)
        {
            references.Add((await PersonClient(person).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = activity })).ParticipantRef);
        }

        await partner.UpdateActivityAsync(new UpdateActivityRequest { ActivityId = activity, Activity = Details(wijk, 2) });

        // The organisation's planner (token) and its import job (API key) each give the last place to someone else.
        var outcomes = await Task.WhenAll(
            StatusOfAsync(() => partner.EnrolParticipantAsync(new EnrolParticipantRequest { ActivityId = activity, ParticipantRef = references[1] }).ResponseAsync),
            StatusOfAsync(() => withKey.EnrolParticipantAsync(new EnrolParticipantRequest { ActivityId = activity, ParticipantRef = references[2] }).ResponseAsync));

        Assert.Equal([(StatusCode.OK, ""), (StatusCode.FailedPrecondition, "ACTIVITY_FULL")], outcomes.OrderBy(o => o.Code));
        var after = (await partner.GetActivityAsync(new GetActivityRequest { ActivityId = activity })).Activity;
        Assert.Equal((2, 1), (after.Enrolled, after.Waiting));
    }

    [Fact]
    public async Task APartnerCanOnlyEnrolSomeoneWhoAgreedAndBadInputIsRefusedByField()
    {
        var (partnerId, partner) = await NewPartnerAsync();
        var wijk = await gateway.NewNeighbourhoodAsync();
        var activity = (await partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerId, Activity = Details(wijk, 1) })).Activity.ActivityId;

        await RpcAssert.PreconditionAsync(() => partner.EnrolParticipantAsync(new EnrolParticipantRequest { ActivityId = activity, ParticipantRef = "pr-0123456789ab" }).ResponseAsync, "NO_AGREEMENT");
        await RpcAssert.InvalidAsync(() => partner.EnrolParticipantAsync(new EnrolParticipantRequest { ActivityId = activity, ParticipantRef = "cl-0123456789abcdef" }).ResponseAsync, "participant_ref");
        await RpcAssert.InvalidAsync(
            () => partner.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerId, Activity = new ActivityDetails { Title = "Koffie", NeighbourhoodId = wijk, Capacity = -1 } }).ResponseAsync,
            "activity.type", "activity.capacity", "activity.schedule", "activity.contact_person");
        await RpcAssert.InvalidAsync(
            () => partner.RecordHoursAsync(new RecordHoursRequest { ActivityId = activity, ParticipantRef = "pr-0123456789ab", Date = SampleRequests.Day(1), Hours = 25 }).ResponseAsync,
            "date", "hours");
        await RpcAssert.InvalidAsync(() => partner.GetActivityAsync(new GetActivityRequest { ActivityId = "ac-Nope" }).ResponseAsync, "activity_id");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Admin.CreateActivityAsync(new CreateActivityRequest { PartnerId = "pt-never-registered", Activity = Details(wijk, 1) }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => partner.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = partnerId, Name = "Zelf", Contact = "x" }).ResponseAsync);
        Assert.Equal(0, (await partner.GetActivityAsync(new GetActivityRequest { ActivityId = activity })).Activity.Waiting);
    }

    [Fact]
    public async Task PartnersWithoutGrpcUseTheSameApiAsJsonOverHttpWithTheirApiKey()
    {
        var partnerId = NewPartnerId();
        await Admin.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = partnerId, Name = "Sportclub Zuid", Contact = "bestuur@sportclub.example" });
        var apiKey = (await gateway.Admin.CreatePartnerApiKeyAsync(new CreatePartnerApiKeyRequest { PartnerId = partnerId, Description = "spreadsheet" })).ApiKey;
        var (wijk, people) = await gateway.PeopleAsync(1);
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Host.WebAddress) };
        http.DefaultRequestHeaders.Add("x-api-key", apiKey);

        using var created = await http.PostAsync($"/v1/partners/{partnerId}/activities", Json(new
        {
            requestId = "voetbal",
            activity = new { title = "Walking football", type = "ACTIVITY_TYPE_SPORTS", neighbourhoodId = wijk, capacity = 12, schedule = "Wednesdays 14:00", contactPerson = "Kees, 06-12345678" },
        }));
        var activity = (await ReadAsync(created, HttpStatusCode.OK)).GetProperty("activity");
        var activityId = activity.GetProperty("activityId").GetString()!;
        var reference = (await PersonClient(people[0]).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = people[0], ActivityId = activityId })).ParticipantRef;

        using var hours = await http.PostAsync($"/v1/activities/{activityId}/participants/{reference}/hours", Json(new { date = SampleRequests.Day(-1), hours = 1.5 }));
        using var listed = await http.GetAsync($"/v1/activities/{activityId}/participants");
        using var read = await http.GetAsync($"/v1/activities/{activityId}");
        using var week = await http.GetAsync($"/v1/activities/{activityId}/hours?firstDay={SampleRequests.Day(-6)}&lastDay={SampleRequests.Day()}");
        using var invalid = await http.PostAsync($"/v1/activities/{activityId}/participants/{reference}/hours", Json(new { date = "yesterday", hours = 30 }));
        using var someoneElse = await new HttpClient { BaseAddress = new Uri(gateway.Host.WebAddress) }.GetAsync($"/v1/activities/{activityId}");

        Assert.Equal((12, "ACTIVITY_TYPE_SPORTS"), (activity.GetProperty("details").GetProperty("capacity").GetInt32(), activity.GetProperty("details").GetProperty("type").GetString()));
        Assert.Equal(1.5, (await ReadAsync(hours, HttpStatusCode.OK)).GetProperty("current").GetProperty("hours").GetDouble());
        var participant = (await ReadAsync(listed, HttpStatusCode.OK)).GetProperty("participants")[0];
        Assert.Equal((reference, "Mohamed"), (participant.GetProperty("participantRef").GetString(), participant.GetProperty("firstName").GetString()));
        Assert.Equal(activityId, (await ReadAsync(read, HttpStatusCode.OK)).GetProperty("activity").GetProperty("activityId").GetString());
        var day = (await ReadAsync(week, HttpStatusCode.OK)).GetProperty("days")[0];
        Assert.Equal((reference, SampleRequests.Day(-1), 1.5), (day.GetProperty("participantRef").GetString(), day.GetProperty("date").GetString(), day.GetProperty("current").GetProperty("hours").GetDouble()));

        // Bad input: 400 with the google.rpc.Status as JSON, its BadRequest naming each field.
        var status = await ReadAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal((int)Code.InvalidArgument, status.GetProperty("code").GetInt32());
        var detail = status.GetProperty("details")[0];
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        Assert.Equal(["date", "hours"], detail.GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, someoneElse.StatusCode);
    }

    private PartnerService.PartnerServiceClient Admin => new(gateway.Host.Channel);

    private ClientService.ClientServiceClient PersonClient(string clientId) => new(gateway.Host.ChannelAs("person", clientId));

    private static string NewPartnerId() => "pt-gw-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A registered partner, and a client of the API as that partner (its token).</summary>
    private async Task<(string Id, PartnerService.PartnerServiceClient Client)> NewPartnerAsync()
    {
        var id = NewPartnerId();
        await Admin.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = id, Name = "Huis van de Wijk Bloemhof", Contact = "Anouk, 010-1234567" });
        return (id, new PartnerService.PartnerServiceClient(gateway.Host.ChannelAs("partner", id, purpose: null)));
    }

    private static ActivityDetails Details(string neighbourhoodId, int capacity) => new()
    {
        Title = "Moestuin aan de Maas",
        Type = ActivityType.Gardening,
        NeighbourhoodId = neighbourhoodId,
        Capacity = capacity,
        Schedule = "Dinsdag en donderdag 10:00-12:00",
        ContactPerson = "Anouk, 010-1234567",
    };

    private static async Task<(StatusCode Code, string Reason)> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return (StatusCode.OK, "");
        }
        catch (RpcException failure)
        {
            return (failure.StatusCode, failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "");
        }
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {text}"));
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
