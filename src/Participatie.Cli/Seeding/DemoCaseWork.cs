using System.Globalization;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Seeding;

/// <summary>
/// The daily work of the demo city: a partner organisation per neighbourhood with two activities, a third of the people
/// taking part with hours on a few days of the last three weeks, and a first contact in the journal of half the people
/// with a coach — some of them long enough ago to be due again — and some who found work. Everything follows from the seed, so a repeat finds
/// the same and changes nothing.
/// </summary>
internal sealed class DemoCaseWork(int seed, DateOnly today)
{
    public const int ActivitiesPerNeighbourhood = 2;

    /// <summary>Places in an activity.</summary>
    public const int Capacity = 40;

    // Streams of DemoCity.RandomFor of their own (the city uses 1 and 2, the experiment its own).
    private const int HoursStream = 11;
    private const int ContactStream = 12;
    private const int OutflowStream = 13;

    private static readonly (string Title, ActivityType Type, string Schedule)[] Offers =
    [
        ("Moestuin", ActivityType.Gardening, "Dinsdag en donderdag 10:00-12:00"),
        ("Taalcafé", ActivityType.LanguageLessons, "Woensdag 14:00-16:00"),
        ("Repair café", ActivityType.Volunteering, "Zaterdag 10:00-13:00"),
        ("Wandelgroep", ActivityType.Sports, "Maandag 9:30-11:00"),
        ("Computerles", ActivityType.ComputerLessons, "Vrijdag 13:00-15:00"),
    ];

    public static string PartnerId(DemoNeighbourhood neighbourhood) => "pt-huis-" + neighbourhood.Id["wk-".Length..];

    public static RegisterPartnerRequest Partner(DemoNeighbourhood neighbourhood) => new()
    {
        PartnerId = PartnerId(neighbourhood),
        Name = $"Huis van de Wijk {neighbourhood.Name}",
        Contact = "info@huisvandewijk.example",
    };

    /// <summary>The neighbourhood's <paramref name="number"/>th activity (0 or 1); neighbourhoods differ by their index.</summary>
    public static CreateActivityRequest Activity(DemoNeighbourhood neighbourhood, int neighbourhoodIndex, int number) =>
        Offer(PartnerId(neighbourhood), $"seed-{neighbourhood.Id}-{number}", neighbourhood.Id, neighbourhood.Name, neighbourhoodIndex + number);

    /// <summary>
    /// The <paramref name="offer"/>th of the offers (any number: they repeat), by <paramref name="partnerId"/> in a
    /// neighbourhood, its title ending in <paramref name="place"/>, with <see cref="Capacity"/> places.
    /// </summary>
    public static CreateActivityRequest Offer(string partnerId, string requestId, string neighbourhoodId, string place, int offer)
    {
        var (title, type, schedule) = Offers[offer % Offers.Length];
        return new CreateActivityRequest
        {
            PartnerId = partnerId,
            RequestId = requestId,
            Activity = new ActivityDetails
            {
                Title = $"{title} {place}",
                Type = type,
                NeighbourhoodId = neighbourhoodId,
                Capacity = Capacity,
                Schedule = schedule,
                ContactPerson = "Anouk, 010-1234567",
            },
        };
    }

    /// <summary>Every third person takes part in one of their neighbourhood's activities.</summary>
    public static bool TakesPart(int clientIndex) => clientIndex % 3 == 0;

    /// <summary>Which of the neighbourhood's activities the person chose.</summary>
    public static int ActivityOf(int clientIndex) => clientIndex / 3 % ActivitiesPerNeighbourhood;

    /// <summary>Hours on three days of the last three weeks.</summary>
    public IEnumerable<(DateOnly Day, double Hours)> Hours(int clientIndex)
    {
        var random = DemoCity.RandomFor(seed, HoursStream, clientIndex);
        return Enumerable.Range(0, 3)
            .Select(_ => today.AddDays(-random.Next(0, 21)))
            .Distinct()
            .Select(day => (day, HoursOfADay(random)));
    }

    /// <summary>A day's hours in an activity: one to three, in quarter hours (at most Participation:MaxHoursPerDay, 12 by default).</summary>
    public static double HoursOfADay(Random random) => random.Next(4, 13) / 4.0;

    /// <summary>Half the people with a coach have a first contact in the journal, between a week and four months ago.</summary>
    public AddJournalEntryRequest? FirstContact(int clientIndex, string clientId)
    {
        if (clientIndex % 2 != 0)
        {
            return null;
        }

        var random = DemoCity.RandomFor(seed, ContactStream, clientIndex);
        return new AddJournalEntryRequest
        {
            ClientId = clientId,
            Type = random.Next(2) == 0 ? ContactType.HomeVisit : ContactType.Phone,
            ContactedOn = Iso(today.AddDays(-random.Next(7, 120))),
            Note = "Kennismaking: wat wil je, wat kun je, wat heb je nodig.",
            RequestId = $"seed-contact-{clientId}-{Iso(today)}",
        };
    }

    /// <summary>One in twelve people with a coach found work: since a day of the last five months, 16 to 32 hours a week.</summary>
    public ReportOutflowRequest? Outflow(int clientIndex, string clientId)
    {
        if (clientIndex % 12 != 5)
        {
            return null;
        }

        var random = DemoCity.RandomFor(seed, OutflowStream, clientIndex);
        return new ReportOutflowRequest { ClientId = clientId, HoursPerWeek = 8 * random.Next(2, 5), StartOn = Iso(today.AddDays(-random.Next(0, 150))) };
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
