using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Domain.Participation;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Neighbourhoods;

/// <summary>
/// The neighbourhood's offer is a projection (ARCHITECTURE rule 3): a search reads the neighbourhood's own state, which
/// the activities keep up to date, and asks an activity only for an offer stored before offers carried their details.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NeighbourhoodOfferTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AnOfferWithItsDetailsIsAnsweredFromTheNeighbourhoodWithoutAskingTheActivity()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var neighbourhood = _grains.GetGrain<INeighbourhoodGrain>(wijk);
        // No activity grain with this id was ever created: asked, it would say it is not on offer anywhere.
        var never = Ids.NewActivityId();
        await neighbourhood.ApplyActivityAsync(new ActivityOffer(never, 3, true, ActivityType.Sports, new OfferDetails("Voetbal", "pt-kroon", "Buurthuis De Kroon", "Zaterdag 10:00", "Ahmed", 12, 5, 0)));

        var page = await neighbourhood.ListActivitiesOnOfferAsync(null, null, 10);

        var offer = Assert.Single(page.Offers);
        Assert.Equal((never, ActivityType.Sports, "Voetbal", "Buurthuis De Kroon", 12, 5), (offer.ActivityId, offer.Type, offer.Details.Title, offer.Details.PartnerName, offer.Details.Capacity, offer.Details.Enrolled));
        Assert.Null(page.ContinueAfter);

        // An older version of the offer changes nothing; a newer one that withdraws it takes it off the page.
        await neighbourhood.ApplyActivityAsync(new ActivityOffer(never, 2, false, ActivityType.Sports));
        Assert.Single((await neighbourhood.ListActivitiesOnOfferAsync(null, null, 10)).Offers);
        await neighbourhood.ApplyActivityAsync(new ActivityOffer(never, 4, false, ActivityType.Sports));
        Assert.Empty((await neighbourhood.ListActivitiesOnOfferAsync(null, null, 10)).Offers);
    }

    [Fact]
    public async Task AnOfferStoredBeforeOffersCarriedDetailsIsAskedOfTheActivityWithItsPartnersName()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var neighbourhood = _grains.GetGrain<INeighbourhoodGrain>(wijk);
        var partner = _grains.GetGrain<IPartnerGrain>("pt-offer-" + Guid.NewGuid().ToString("N")[..10]);
        await partner.RegisterAsync(new RegisterPartnerCommand("Huis van de Wijk Feijenoord", "info@hvdw.example", "admin-test"));
        var created = await partner.CreateActivityAsync(Ids.NewActivityId(), new ActivityData("Taalcafé", ActivityType.LanguageLessons, wijk, 8, "Woensdag 14:00", "Sanne"), "pt-test");

        // As an older silo told it: on offer, of a type, without details, at a newer version than the activity's own.
        await neighbourhood.ApplyActivityAsync(new ActivityOffer(created.ActivityId, 100, true, ActivityType.LanguageLessons));
        var offer = Assert.Single((await neighbourhood.ListActivitiesOnOfferAsync(ActivityType.LanguageLessons, null, 10)).Offers);

        Assert.Equal(("Taalcafé", "Huis van de Wijk Feijenoord", "Woensdag 14:00", 8, 0), (offer.Details.Title, offer.Details.PartnerName, offer.Details.Schedule, offer.Details.Capacity, offer.Details.Enrolled));
    }

    [Fact]
    public async Task APageAsLongAsAskedSaysWhereToGoOnEvenWhenAnOfferInItTurnedOutClosed()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var neighbourhood = _grains.GetGrain<INeighbourhoodGrain>(wijk);
        var ids = Enumerable.Range(0, 3).Select(_ => Ids.NewActivityId()).Order(StringComparer.Ordinal).ToList();
        // The first, without details, belongs to no activity: asked, it is not on offer, so the first page holds one.
        await neighbourhood.ApplyActivityAsync(new ActivityOffer(ids[0], 1, true, ActivityType.Sports));
        foreach (var id in ids.Skip(1))
        {
            await neighbourhood.ApplyActivityAsync(new ActivityOffer(id, 1, true, ActivityType.Sports, new OfferDetails("Wandelen", "pt-x", "Sportclub", "Maandag", "Kim", 5, 0, 0)));
        }

        var first = await neighbourhood.ListActivitiesOnOfferAsync(null, null, 2);
        var second = await neighbourhood.ListActivitiesOnOfferAsync(null, first.ContinueAfter, 2);

        Assert.Equal([ids[1]], first.Offers.Select(o => o.ActivityId));
        Assert.Equal(ids[1], first.ContinueAfter);
        Assert.Equal([ids[2]], second.Offers.Select(o => o.ActivityId));
        Assert.Null(second.ContinueAfter);
    }
}
