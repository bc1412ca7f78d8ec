using System.Globalization;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Seeding;

/// <summary>
/// Generates the requests that build a synthetic Rotterdam: neighbourhoods, coaches and people on assistance.
/// Each coach and each person gets a <see cref="Random"/> of their own, derived from the seed and their index, so the
/// same arguments always give the same requests, and a larger <c>--clients</c> only adds people. Dates of birth are
/// anchored on 1 January of the current year, so a seed run repeated within the year sends identical content and the
/// gateway's idempotency (by request_id) returns the records created the first time.
/// </summary>
internal sealed class DemoCity(int seed, int neighbourhoodCount, DateOnly today)
{
    public const string Municipality = "Rotterdam";
    public const int MaxCaseloadLimit = 1000;

    private const int CoachStream = 1;
    private const int ClientStream = 2;

    private readonly DateOnly _startOfYear = new(today.Year, 1, 1);

    public IReadOnlyList<DemoNeighbourhood> Neighbourhoods { get; } = RotterdamWijken.Take(neighbourhoodCount);

    /// <summary>Enough places for everyone with 20% to spare, within the platform's maximum per coach.</summary>
    public static int CaseloadLimit(int clients, int coaches) =>
        Math.Clamp((int)Math.Ceiling(clients * 1.2 / coaches), 1, MaxCaseloadLimit);

    public static CreateNeighbourhoodRequest Neighbourhood(DemoNeighbourhood neighbourhood) =>
        new() { NeighbourhoodId = neighbourhood.Id, Name = neighbourhood.Name, Municipality = Municipality };

    /// <summary>Coaches are spread over the neighbourhoods round-robin.</summary>
    public CreateCoachRequest Coach(int index, int caseloadLimit)
    {
        var random = RandomFor(CoachStream, index);
        return new CreateCoachRequest
        {
            RequestId = $"seed-{seed}-coach-{index}",
            DisplayName = SyntheticNames.PickOrigin(random).FullName(random),
            CaseloadLimit = caseloadLimit,
            NeighbourhoodId = Neighbourhoods[index % Neighbourhoods.Count].Id,
        };
    }

    public RegisterClientRequest Client(int index)
    {
        var random = RandomFor(ClientStream, index);
        var origin = SyntheticNames.PickOrigin(random);
        var neighbourhood = Neighbourhoods[random.Next(Neighbourhoods.Count)];

        // Age on 1 January is 27-65, so 27-66 on any day of the year; about half are 50 or older.
        var age = random.Next(2) == 0 ? random.Next(27, 50) : random.Next(50, 66);
        var dateOfBirth = _startOfYear.AddYears(-age).AddDays(-random.Next(365));

        return new RegisterClientRequest
        {
            RequestId = $"seed-{seed}-client-{index}",
            GivenName = origin.GivenName(random),
            FamilyName = origin.FamilyName(random),
            DateOfBirth = dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            HouseholdType = Weighted.Pick(random,
                (HouseholdType.Single, 55), (HouseholdType.SingleParent, 20), (HouseholdType.Couple, 25)),
            Postcode = Postcode(random, neighbourhood),
            NeighbourhoodId = neighbourhood.Id,
            Factors = Factors(random, age, origin),
        };
    }

    private static ReintegrationFactors Factors(Random random, int age, NameOrigin origin)
    {
        var adultYears = age - 18;
        var factors = new ReintegrationFactors
        {
            Education = Weighted.Pick(random,
                (EducationLevel.Primary, 18), (EducationLevel.LowerSecondary, 34), (EducationLevel.UpperSecondary, 34), (EducationLevel.Higher, 14)),
            WorkExperienceYears = random.Next(Math.Min(40, adultYears) + 1),
            Language = origin.MostlyFluentInDutch
                ? Weighted.Pick(random, (LanguageProficiency.Fluent, 75), (LanguageProficiency.Adequate, 20), (LanguageProficiency.Limited, 5))
                : Weighted.Pick(random,
                    (LanguageProficiency.Fluent, 25), (LanguageProficiency.Adequate, 30), (LanguageProficiency.Limited, 28), (LanguageProficiency.VeryLimited, 17)),
            Health = Weighted.Pick(random,
                (HealthLimitation.None, 40), (HealthLimitation.Mild, 30), (HealthLimitation.Substantial, 20), (HealthLimitation.Severe, 10)),
            // Squaring a uniform draw skews towards short spells: most people leave assistance within a few years.
            YearsOnAssistance = Math.Min(adultYears, (int)(21 * Math.Pow(random.NextDouble(), 2))),
        };

        SocialCircumstance[] circumstances =
        [
            SocialCircumstance.ProblematicDebts, SocialCircumstance.UnstableHousing, SocialCircumstance.CareDuties, SocialCircumstance.SocialIsolation,
        ];
        random.Shuffle(circumstances);
        var count = Weighted.Pick(random, (0, 45), (1, 35), (2, 20));
        factors.SocialCircumstances.AddRange(circumstances.Take(count).Order());
        return factors;
    }

    /// <summary>A postcode in the neighbourhood's range; the letter pairs SA, SD and SS are never issued.</summary>
    private static string Postcode(Random random, DemoNeighbourhood neighbourhood)
    {
        var number = random.Next(neighbourhood.PostcodeFrom, neighbourhood.PostcodeTo + 1);
        string letters;
        do
        {
            letters = $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
        }
        while (letters is "SA" or "SD" or "SS");

        return $"{number} {letters}";
    }

    /// <summary>
    /// A generator for one record: the seed, the stream and the index mixed with SplitMix64 (not
    /// <see cref="HashCode"/>, which differs per process), so every run derives the same sequence.
    /// </summary>
    private Random RandomFor(int stream, int index) => RandomFor(seed, stream, index);

    /// <summary>The generator of one record of a stream (see the class summary); other demo data uses streams of its own.</summary>
    internal static Random RandomFor(int seed, int stream, int index)
    {
        unchecked
        {
            var x = ((ulong)(uint)seed << 32 | (uint)index) + ((ulong)stream * 0x9E3779B97F4A7C15UL);
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return new Random((int)(x ^ (x >> 31)));
        }
    }
}
