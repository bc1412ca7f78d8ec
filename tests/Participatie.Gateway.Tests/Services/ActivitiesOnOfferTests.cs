using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>
/// PartnerService.ListActivitiesOnOffer: people, coaches and teams finding activities in a neighbourhood, over a real
/// gRPC channel.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ActivitiesOnOfferTests(GatewayFixture gateway)
{
    [Fact]
    public async Task APersonFindsTheOpenActivitiesOfHerOwnNeighbourhoodWithTheirFreePlacesAndNoParticipants()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var elsewhere = await gateway.NewNeighbourhoodAsync();
        var partnerId = await NewPartnerAsync("Huis van de Wijk Bloemhof");
        var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        var garden = await CreateAsync(partnerId, Details(wijk, "Moestuin aan de Maas", ActivityType.Gardening, 2));
        var coffee = await CreateAsync(partnerId, Details(wijk, "Koffieochtend", ActivityType.SocialMeeting, 10));
        var closed = await CreateAsync(partnerId, Details(wijk, "Oude cursus", ActivityType.Course, 5));
        await Admin.CloseActivityAsync(new CloseActivityRequest { ActivityId = closed, Reason = "Afgelopen" });
        await CreateAsync(partnerId, Details(elsewhere, "Elders", ActivityType.Gardening, 5));
        var other = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", other)).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = other, ActivityId = garden });

        var found = await PersonPartners(person).ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest());

        Assert.Equal(wijk, found.NeighbourhoodId);
        Assert.Equal(new[] { garden, coffee }.Order(StringComparer.Ordinal), found.Activities.Select(a => a.ActivityId));
        var offer = found.Activities.Single(a => a.ActivityId == garden);
        Assert.Equal(("Moestuin aan de Maas", ActivityType.Gardening, partnerId, "Huis van de Wijk Bloemhof", 2, 1), (offer.Title, offer.Type, offer.PartnerId, offer.PartnerName, offer.Capacity, offer.FreePlaces));
        Assert.Equal(("Dinsdag 10:00-12:00", "Anouk, 010-1234567", wijk), (offer.Schedule, offer.ContactPerson, offer.NeighbourhoodId));
        Assert.Equal("", found.NextPageToken);

        // Defaulting to her own neighbourhood read her record: she sees that in her access log. Naming it reads nothing.
        await PersonPartners(person).ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = wijk });
        var log = (await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", person)).GetAccessLogAsync(new GetAccessLogRequest { ClientId = person })).Entries;
        var read = Assert.Single(log, e => e.Action == "PartnerService.ListActivitiesOnOffer");
        Assert.Equal(("person", person, "OK"), (read.ActorRole, read.ActorId, read.Outcome));
    }

    [Fact]
    public async Task ActivitiesAreFilteredByTypeAndPagedByIdWithoutGapsOrRepeats()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var partnerId = await NewPartnerAsync("Sportclub Zuid");
        var sports = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sports.Add(await CreateAsync(partnerId, Details(wijk, $"Wandelen {i}", ActivityType.Sports, 8)));
        }

        var lessons = await CreateAsync(partnerId, Details(wijk, "Computerles", ActivityType.ComputerLessons, 8));
        var coach = new PartnerService.PartnerServiceClient(gateway.Host.ChannelAs("coach", "co-0000000000000001", purpose: null));

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await coach.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = wijk, Type = ActivityType.Sports, PageSize = 2, PageToken = token });
            Assert.All(page.Activities, a => Assert.Equal(ActivityType.Sports, a.Type));
            seen.AddRange(page.Activities.Select(a => a.ActivityId));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(sports.Order(StringComparer.Ordinal), seen);
        Assert.Equal(3, pages);
        var onlyLessons = await coach.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = wijk, Type = ActivityType.ComputerLessons });
        Assert.Equal([lessons], onlyLessons.Activities.Select(a => a.ActivityId));

        // A type changed by the partner moves the activity to the other filter.
        await Admin.UpdateActivityAsync(new UpdateActivityRequest { ActivityId = lessons, Activity = Details(wijk, "Computerles", ActivityType.Course, 8) });
        Assert.Empty((await coach.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = wijk, Type = ActivityType.ComputerLessons })).Activities);
        Assert.Equal([lessons], (await coach.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = wijk, Type = ActivityType.Course })).Activities.Select(a => a.ActivityId));
    }

    [Fact]
    public async Task WhatThePartnerChangesAndWhoSignsUpShowInTheNeighbourhoodsOfferAtOnce()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var next = await gateway.NewNeighbourhoodAsync();
        var partnerId = await NewPartnerAsync("Buurthuis De Kroon");
        var walk = await CreateAsync(partnerId, Details(wijk, "Wandelclub", ActivityType.Sports, 1));
        var coach = new PartnerService.PartnerServiceClient(gateway.Host.ChannelAs("coach", "co-0000000000000001", purpose: null));
        async Task<ActivityOnOffer?> OfferIn(string neighbourhood) =>
            (await coach.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = neighbourhood })).Activities.SingleOrDefault(a => a.ActivityId == walk);

        // The one place is taken, the next person waits.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
            await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", person)).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = walk });
        }

        Assert.Equal((1, 0, 1), await OfferIn(wijk) is { } full ? (full.Capacity, full.FreePlaces, full.Waiting) : default);

        // More places and a new title and time: the offer shows them.
        var changed = Details(wijk, "Wandelclub Zuid", ActivityType.Sports, 3);
        changed.Schedule = "Donderdag 9:30";
        await Admin.UpdateActivityAsync(new UpdateActivityRequest { ActivityId = walk, Activity = changed });
        var offer = await OfferIn(wijk);
        Assert.Equal(("Wandelclub Zuid", "Donderdag 9:30", 3, 2), (offer!.Title, offer.Schedule, offer.Capacity, offer.FreePlaces));

        // Moved to the next neighbourhood: offered there, no longer here; closed: offered nowhere.
        await Admin.UpdateActivityAsync(new UpdateActivityRequest { ActivityId = walk, Activity = Details(next, "Wandelclub Zuid", ActivityType.Sports, 3) });
        Assert.Null(await OfferIn(wijk));
        Assert.Equal(next, (await OfferIn(next))!.NeighbourhoodId);
        await Admin.CloseActivityAsync(new CloseActivityRequest { ActivityId = walk, Reason = "Seizoen voorbij" });
        Assert.Null(await OfferIn(next));
    }

    [Fact]
    public async Task ATeamSearchesItsOwnNeighbourhoodOnlyAndBadInputIsRefusedByField()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var other = await gateway.NewNeighbourhoodAsync();
        var partnerId = await NewPartnerAsync("Buurtwerk");
        var activity = await CreateAsync(partnerId, Details(wijk, "Taalcafé", ActivityType.LanguageLessons, 12));
        var team = new PartnerService.PartnerServiceClient(gateway.Host.ChannelAs("team", "team-member-1", wijk, purpose: null));

        Assert.Equal([activity], (await team.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest())).Activities.Select(a => a.ActivityId));
        Assert.Equal([activity], (await team.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = wijk })).Activities.Select(a => a.ActivityId));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => team.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = other }).ResponseAsync);

        var partner = new PartnerService.PartnerServiceClient(gateway.Host.ChannelAs("partner", partnerId, purpose: null));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => partner.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = wijk }).ResponseAsync);

        await RpcAssert.InvalidAsync(() => Admin.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest()).ResponseAsync, "neighbourhood_id");
        await RpcAssert.InvalidAsync(
            () => team.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { Type = (ActivityType)99, PageSize = 101, PageToken = "nonsense" }).ResponseAsync,
            "type", "page_size", "page_token");
        await RpcAssert.InvalidAsync(() => Admin.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = "Feijenoord" }).ResponseAsync, "neighbourhood_id");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Admin.ListActivitiesOnOfferAsync(new ListActivitiesOnOfferRequest { NeighbourhoodId = "wk-nowhere-at-all" }).ResponseAsync);
    }

    [Fact]
    public async Task APersonReadsTheActivitiesSheTakesPartInWithHerHoursPerDayAndNobodyElsesCoachDoes()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var partnerId = await NewPartnerAsync("Huis van de Wijk Bloemhof");
        var coffee = await CreateAsync(partnerId, Details(wijk, "Koffieochtend", ActivityType.SocialMeeting, 10));
        var garden = await CreateAsync(partnerId, Details(wijk, "Moestuin", ActivityType.Gardening, 1));
        var first = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk))).Client.ClientId;
        var clients = new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", person));
        await new ClientService.ClientServiceClient(gateway.Host.ChannelAs("person", first)).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = first, ActivityId = garden });
        var place = await clients.EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = coffee });
        await clients.EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = garden });
        await Admin.RecordHoursAsync(new RecordHoursRequest { ActivityId = coffee, ParticipantRef = place.ParticipantRef, Date = SampleRequests.Day(-2), Hours = 2 });
        await Admin.RecordHoursAsync(new RecordHoursRequest { ActivityId = coffee, ParticipantRef = place.ParticipantRef, Date = SampleRequests.Day(-1), Hours = 1.5 });
        await Admin.RecordHoursAsync(new RecordHoursRequest { ActivityId = coffee, ParticipantRef = place.ParticipantRef, Date = SampleRequests.Day(-1), Hours = 1.25 });

        var participation = (await clients.GetParticipationAsync(new GetParticipationRequest { ClientId = person })).Activities;

        var atCoffee = participation.Single(a => a.ActivityId == coffee);
        Assert.Equal(("Koffieochtend", "Huis van de Wijk Bloemhof", ActivityType.SocialMeeting, ParticipantStatus.Enrolled, 3.25), (atCoffee.Title, atCoffee.PartnerName, atCoffee.Type, atCoffee.Status, atCoffee.TotalHours));
        Assert.Equal([(SampleRequests.Day(-1), 1.25), (SampleRequests.Day(-2), 2.0)], atCoffee.Days.Select(d => (d.Date, d.Hours)));
        var atGarden = participation.Single(a => a.ActivityId == garden);
        Assert.Equal((ParticipantStatus.Agreed, 0.0), (atGarden.Status, atGarden.TotalHours));
        Assert.Empty(atGarden.Days);

        // Her read is audited; a coach who is not hers may not read it, nor may a partner.
        var log = (await clients.GetAccessLogAsync(new GetAccessLogRequest { ClientId = person })).Entries;
        Assert.Contains(log, e => e.Action == "ClientService.GetParticipation" && e.ActorId == person && e.Outcome == "OK");
        var stranger = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Ruud de Vries", CaseloadLimit = 5 })).Coach.CoachId;
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new ClientService.ClientServiceClient(gateway.Host.ChannelAs("coach", stranger)).GetParticipationAsync(new GetParticipationRequest { ClientId = person }).ResponseAsync);
        await RpcAssert.InvalidAsync(() => gateway.Clients.GetParticipationAsync(new GetParticipationRequest { ClientId = "nobody" }).ResponseAsync, "client_id");
    }

    private PartnerService.PartnerServiceClient Admin => new(gateway.Host.Channel);

    private PartnerService.PartnerServiceClient PersonPartners(string clientId) => new(gateway.Host.ChannelAs("person", clientId, purpose: null));

    private async Task<string> NewPartnerAsync(string name)
    {
        var id = "pt-offer-" + Guid.NewGuid().ToString("N")[..10];
        await Admin.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = id, Name = name, Contact = "Anouk" });
        return id;
    }

    private async Task<string> CreateAsync(string partnerId, ActivityDetails details) =>
        (await Admin.CreateActivityAsync(new CreateActivityRequest { PartnerId = partnerId, Activity = details })).Activity.ActivityId;

    private static ActivityDetails Details(string neighbourhoodId, string title, ActivityType type, int capacity) => new()
    {
        Title = title,
        Type = type,
        NeighbourhoodId = neighbourhoodId,
        Capacity = capacity,
        Schedule = "Dinsdag 10:00-12:00",
        ContactPerson = "Anouk, 010-1234567",
    };
}
