using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Domain.Participation;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Partners;

[Collection(ClusterCollection.Name)]
public sealed class PartnerGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task APartnerListsItsActivitiesInIdOrderAsEachActivityIsNow()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var partner = _grains.GetGrain<IPartnerGrain>("pt-test-" + Guid.NewGuid().ToString("N")[..12]);
        await partner.RegisterAsync(new RegisterPartnerCommand("Huis van de Wijk Bloemhof", "Anouk, 010-1234567", "admin-test"));
        var ids = new List<string>();
        foreach (var title in (string[])["Koffieochtend", "Moestuin", "Taalcafé"])
        {
            var created = await partner.CreateActivityAsync(Ids.NewActivityId(), new ActivityData(title, ActivityType.SocialMeeting, wijk, 5, "Dinsdag 10:00-12:00", "Anouk"), "pt-test");
            ids.Add(created.ActivityId);
        }

        ids.Sort(StringComparer.Ordinal);
        await _grains.GetGrain<IActivityGrain>(ids[1]).CloseAsync("Zomerstop");

        var first = await partner.ListActivitiesAsync(null, 2);
        var rest = await partner.ListActivitiesAsync(first[^1].ActivityId, 2);
        var now = await Task.WhenAll(ids.Select(id => _grains.GetGrain<IActivityGrain>(id).GetAsync()));
        var unregistered = await Assert.ThrowsAsync<NotFoundException>(() => _grains.GetGrain<IPartnerGrain>("pt-test-" + Guid.NewGuid().ToString("N")[..12]).ListActivitiesAsync(null, 2));

        Assert.Equal(ids, first.Concat(rest).Select(a => a.ActivityId));
        Assert.Equal(now, first.Concat(rest));
        Assert.Equal([true, false, true], first.Concat(rest).Select(a => a.Open)); // the closing reached the list
        Assert.Equal(ids.Take(2), await partner.ListActivityIdsAsync(null, 2)); // the same page as the ids
        Assert.Equal("partner", unregistered.Kind);
    }
}
