namespace Participatie.Cli.Seeding;

/// <summary>
/// Common given and family names of one background, and how likely someone of that background is to speak Dutch
/// fluently in the demo data. Names are combined at random, so no record describes a real person.
/// </summary>
internal sealed record NameOrigin(string Background, int Weight, string[] GivenNames, string[] FamilyNames, bool MostlyFluentInDutch)
{
    public string FullName(Random random) => $"{GivenName(random)} {FamilyName(random)}";

    public string GivenName(Random random) => GivenNames[random.Next(GivenNames.Length)];

    public string FamilyName(Random random) => FamilyNames[random.Next(FamilyNames.Length)];
}

/// <summary>The backgrounds of the demo population, weighted roughly like Rotterdam's.</summary>
internal static class SyntheticNames
{
    public static IReadOnlyList<NameOrigin> Origins { get; } =
    [
        new("Dutch", 52,
            ["Jan", "Kees", "Pieter", "Henk", "Willem", "Gerrit", "Cor", "Martin", "Ronald", "Marco", "Sander", "Dennis", "Bas", "Kevin",
             "Maria", "Johanna", "Cornelia", "Ingrid", "Monique", "Sandra", "Linda", "Marieke", "Esther", "Sanne", "Anouk", "Wendy"],
            ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
             "de Groot", "Bos", "Vos", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "de Graaf", "van der Meer", "Kok", "Vermeulen"],
            MostlyFluentInDutch: true),
        new("Surinamese-Dutch", 14,
            ["Romano", "Glenn", "Ricardo", "Marvin", "Orlando", "Ravi", "Sunil", "Anand", "Rakesh",
             "Shanti", "Sharmila", "Jennifer", "Natasja", "Priya", "Soraya", "Rosita", "Chantal"],
            ["Ramdin", "Jagesar", "Mahabier", "Ramdas", "Kanhai", "Bhola", "Doelwijt", "Sabajo", "Pinas", "Wijngaarde", "Kross", "Tjon"],
            MostlyFluentInDutch: true),
        new("Moroccan-Dutch", 14,
            ["Mohamed", "Ahmed", "Youssef", "Mustafa", "Said", "Karim", "Rachid", "Hamza", "Bilal", "Ayoub",
             "Fatima", "Khadija", "Naima", "Samira", "Malika", "Latifa", "Nadia", "Souad", "Hafsa", "Imane"],
            ["El Amrani", "Bouzid", "El Idrissi", "Benali", "Azzouzi", "El Khatib", "Boukhari", "Ouali", "Haddou", "El Hamdaoui", "Bakkali", "Tahiri"],
            MostlyFluentInDutch: false),
        new("Turkish-Dutch", 12,
            ["Mehmet", "Ahmet", "Hüseyin", "Hasan", "Murat", "Emre", "Burak", "Kemal", "Osman", "Yusuf",
             "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Özlem", "Sevgi", "Derya", "Gül"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç", "Çetin", "Koç", "Kurt"],
            MostlyFluentInDutch: false),
        new("Polish", 8,
            ["Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin", "Michał", "Łukasz", "Jakub",
             "Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika", "Ewa", "Małgorzata"],
            ["Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wieczorek", "Wróbel", "Dudek", "Pawlak", "Sikora"],
            MostlyFluentInDutch: false),
    ];

    public static NameOrigin PickOrigin(Random random) => Weighted.Pick(random, [.. Origins.Select(o => (o, o.Weight))]);
}
