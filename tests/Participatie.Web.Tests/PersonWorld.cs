using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Web.Tests;

/// <summary>
/// A person in a neighbourhood of her own with a coach, a suggestion and a goal from him, hours recorded yesterday at
/// the coffee morning, and three activities on offer there (one more elsewhere); her coach read her record for a
/// supervision review. The person's and the coach's browser tests both start from it.
/// </summary>
internal sealed record PersonWorld(string ClientId, string CoachId, string GardenId, string HoursDay, string HoursDayInDutch)
{
    /// <summary>The test process runs in invariant globalization mode: the months as the app writes them.</summary>
    private static readonly string[] DutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static async Task<PersonWorld> SeedAsync(SiloHost host)
    {
        var admin = host.Channel;
        var neighbourhoods = new NeighbourhoodService.NeighbourhoodServiceClient(admin);
        var wijk = $"wk-pw-{Guid.NewGuid():N}"[..20];
        var elsewhere = $"wk-pe-{Guid.NewGuid():N}"[..20];
        await neighbourhoods.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Afrikaanderwijk", Municipality = "Rotterdam" });
        await neighbourhoods.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = elsewhere, Name = "Kralingen", Municipality = "Rotterdam" });

        var coaches = new CoachService.CoachServiceClient(admin);
        var coachId = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Ruud Verhoeven", CaseloadLimit = 10 })).Coach.CoachId;
        var intake = SampleRequests.Intake(wijk);
        intake.GivenName = "Fatima";
        intake.FamilyName = "Yilmaz";
        var clientId = (await new ClientService.ClientServiceClient(admin).RegisterClientAsync(intake)).Client.ClientId;
        await coaches.AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });

        var asCoach = host.ChannelAs("coach", coachId, purpose: "case_work");
        var contracts = new ContractService.ContractServiceClient(asCoach);
        await contracts.ProposeGoalAsync(SampleRequests.Goal(clientId));
        await contracts.MakeSuggestionAsync(SampleRequests.Suggestion(clientId));
        await new ClientService.ClientServiceClient(host.ChannelAs("coach", coachId, purpose: "supervision")).GetClientAsync(new GetClientRequest { ClientId = clientId });

        var partners = new PartnerService.PartnerServiceClient(admin);
        var partnerId = "pt-pw-" + Guid.NewGuid().ToString("N")[..10];
        await partners.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = partnerId, Name = "Huis van de Wijk Afrikaanderwijk", Contact = "Anouk, 010-1234567" });
        async Task<string> Offer(string neighbourhood, string title, ActivityType type, int capacity) =>
            (await partners.CreateActivityAsync(new CreateActivityRequest
            {
                PartnerId = partnerId,
                Activity = new ActivityDetails { Title = title, Type = type, NeighbourhoodId = neighbourhood, Capacity = capacity, Schedule = "Dinsdag 10:00-12:00", ContactPerson = "Anouk, 010-1234567" },
            })).Activity.ActivityId;
        var garden = await Offer(wijk, "Moestuin aan de Maas", ActivityType.Gardening, 2);
        var coffee = await Offer(wijk, "Koffieochtend", ActivityType.SocialMeeting, 20);
        await Offer(wijk, "Wandelen in het park", ActivityType.Sports, 12);
        await Offer(elsewhere, "Elders in de stad", ActivityType.Gardening, 5);

        var place = await new ClientService.ClientServiceClient(host.ChannelAs("person", clientId, purpose: null)).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = clientId, ActivityId = coffee });
        var yesterday = SampleRequests.Day(-1);
        await partners.RecordHoursAsync(new RecordHoursRequest { ActivityId = coffee, ParticipantRef = place.ParticipantRef, Date = yesterday, Hours = 2 });
        var day = DateOnly.ParseExact(yesterday, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new PersonWorld(clientId, coachId, garden, yesterday, $"{day.Day} {DutchMonths[day.Month - 1]} {day.Year}");
    }
}
