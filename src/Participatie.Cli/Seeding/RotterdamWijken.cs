using System.Text.RegularExpressions;

namespace Participatie.Cli.Seeding;

/// <summary>A neighbourhood of the demo city, with the postcode numbers its residents get.</summary>
internal sealed record DemoNeighbourhood(string Id, string Name, int PostcodeFrom, int PostcodeTo);

/// <summary>
/// Real Rotterdam areas (the fourteen gebieden first, then well-known wijken within them) with their approximate
/// four-digit postcode ranges.
/// </summary>
internal static partial class RotterdamWijken
{
    private static readonly (string Name, int From, int To)[] Areas =
    [
        ("Feijenoord", 3071, 3076),
        ("Charlois", 3081, 3089),
        ("Delfshaven", 3021, 3029),
        ("IJsselmonde", 3077, 3079),
        ("Kralingen-Crooswijk", 3061, 3063),
        ("Noord", 3031, 3039),
        ("Hillegersberg-Schiebroek", 3051, 3056),
        ("Overschie", 3041, 3047),
        ("Prins Alexander", 3064, 3069),
        ("Centrum", 3011, 3016),
        ("Hoogvliet", 3191, 3194),
        ("Pernis", 3195, 3196),
        ("Rozenburg", 3181, 3182),
        ("Hoek van Holland", 3151, 3151),
        ("Afrikaanderwijk", 3073, 3073),
        ("Bloemhof", 3073, 3074),
        ("Hillesluis", 3074, 3074),
        ("Katendrecht", 3072, 3072),
        ("Tarwewijk", 3082, 3083),
        ("Carnisse", 3083, 3084),
        ("Zuidwijk", 3085, 3085),
        ("Pendrecht", 3086, 3086),
        ("Lombardijen", 3076, 3076),
        ("Beverwaard", 3077, 3077),
        ("Spangen", 3028, 3028),
        ("Bospolder", 3024, 3024),
        ("Oude Westen", 3014, 3014),
        ("Oude Noorden", 3035, 3036),
        ("Blijdorp", 3039, 3039),
        ("Ommoord", 3068, 3068),
        ("Zevenkamp", 3069, 3069),
        ("Nesselande", 3059, 3059),
    ];

    /// <summary>
    /// The first <paramref name="count"/> neighbourhoods; past the end of the list the areas repeat with a suffix:
    /// wk-feijenoord-2 "Feijenoord 2", and so on.
    /// </summary>
    public static IReadOnlyList<DemoNeighbourhood> Take(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var (name, from, to) = Areas[i % Areas.Length];
            var round = (i / Areas.Length) + 1;
            return round == 1
                ? new DemoNeighbourhood($"wk-{Slug(name)}", name, from, to)
                : new DemoNeighbourhood($"wk-{Slug(name)}-{round}", $"{name} {round}", from, to);
        }),
    ];

    /// <summary>"Prins Alexander" becomes "prins-alexander", "IJsselmonde" "ijsselmonde".</summary>
    private static string Slug(string name) => NotSlugCharacters().Replace(name.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlugCharacters();
}
