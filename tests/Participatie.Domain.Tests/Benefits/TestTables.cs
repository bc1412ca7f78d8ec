using System.Text.Json;
using System.Text.Json.Serialization;
using Participatie.Domain.Benefits;

namespace Participatie.Domain.Tests.Benefits;

/// <summary>The benefit table as shipped in benefits.example.json, read the way configuration reads it (names, case-insensitive).</summary>
internal static class TestTables
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The example table exactly as shipped.</summary>
    public static BenefitTable Example()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Benefits", "benefits.example.json"));
        return JsonSerializer.Deserialize<Section>(json, Options)!.Benefits;
    }

    /// <summary>The example table plus a municipality's opt-in basic benefit of 90% of the norm (DOMAIN.md gives no figure).</summary>
    public static BenefitTable WithBasicBenefit()
    {
        var table = Example();
        table.Entries.Add(new BenefitFigure { Rule = BenefitRule.BasicBenefitPercent, EffectiveFrom = new DateOnly(2024, 1, 1), Percent = 90 });
        return table;
    }

    private sealed class Section
    {
        public BenefitTable Benefits { get; set; } = new();
    }
}
