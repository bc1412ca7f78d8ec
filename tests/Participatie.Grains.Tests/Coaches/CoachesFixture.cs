using Participatie.Abstractions.Coaches;
using Participatie.Domain;

namespace Participatie.Grains.Tests;

internal static class CoachesFixture
{
    public static async Task<string> NewCoachAsync(IGrainFactory grains, int limit = 0)
    {
        var id = Ids.NewCoachId();
        await grains.GetGrain<ICoachGrain>(id).CreateAsync(new CreateCoachCommand("Sanne Jansen", limit, null, null));
        return id;
    }
}
