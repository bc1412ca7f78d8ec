namespace Participatie.Cli.Load;

/// <summary>
/// The operations of a run with their relative weights, parsed from <c>name=weight,name=weight</c> or a preset's name;
/// workers draw an operation per call in proportion to its weight.
/// </summary>
internal sealed class OperationMix
{
    /// <summary>80% reads and 20% durable writes, the mixed load of the performance scenarios.</summary>
    public const string Default = "mixed";

    /// <summary>Named mixes, so scripts and people say the same thing.</summary>
    public static IReadOnlyDictionary<string, string> Presets { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["mixed"] = "get-client=40,caseload=15,search=15,neighbourhood=10,earnings=7,register=6,hours=7",
        ["reads"] = "get-client=50,caseload=20,search=15,neighbourhood=15",
        ["search"] = "search=1",
        ["writes"] = "earnings=34,register=33,hours=33",
        ["get-client"] = "get-client=1",
        ["caseload"] = "caseload=1",
        ["hours"] = "hours=1",
        ["ping"] = "ping=1",
    };

    private readonly int _totalWeight;

    private OperationMix(IReadOnlyList<(LoadOperation Operation, int Weight)> entries)
    {
        Entries = entries;
        _totalWeight = entries.Sum(e => e.Weight);
    }

    /// <summary>The operations in the order given, each once, with a positive weight.</summary>
    public IReadOnlyList<(LoadOperation Operation, int Weight)> Entries { get; }

    public static string SupportedNames => string.Join(", ", LoadOperations.All.Select(o => o.Name));

    public static string PresetNames => string.Join(", ", Presets.Select(p => $"{p.Key} ({p.Value})"));

    public bool Includes(LoadOperation operation) => Entries.Any(e => e.Operation == operation);

    /// <summary>The share of the weight that goes to operations of <paramref name="kind"/>.</summary>
    public double ShareOf(OperationKind kind) => (double)Entries.Where(e => e.Operation.Kind == kind).Sum(e => e.Weight) / _totalWeight;

    /// <summary>Parses the <c>--mix</c> text; null with an <paramref name="error"/> when it is not valid.</summary>
    public static OperationMix? TryParse(string text, out string error)
    {
        if (Presets.TryGetValue(text.Trim(), out var preset))
        {
            text = preset;
        }

        var entries = new List<(LoadOperation, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || LoadOperations.Find(pieces[0]) is not { } operation)
            {
                error = $"--mix: \"{part}\" is not name=weight with a name out of {SupportedNames}, nor a preset ({string.Join(", ", Presets.Keys)})";
                return null;
            }

            if (!int.TryParse(pieces[1], out var weight) || weight < 0)
            {
                error = $"--mix: the weight of {pieces[0]} must be a whole number of at least 0, not \"{pieces[1]}\"";
                return null;
            }

            if (entries.Any(e => e.Item1 == operation))
            {
                error = $"--mix: {pieces[0]} is given twice";
                return null;
            }

            if (weight > 0)
            {
                entries.Add((operation, weight));
            }
        }

        if (entries.Count == 0)
        {
            error = "--mix must give at least one operation a weight above 0";
            return null;
        }

        error = "";
        return new OperationMix(entries);
    }

    /// <summary>The index in <see cref="Entries"/> of the next operation to call.</summary>
    public int Pick(Random random)
    {
        var draw = random.Next(_totalWeight);
        for (var i = 0; i < Entries.Count; i++)
        {
            if (draw < Entries[i].Weight)
            {
                return i;
            }

            draw -= Entries[i].Weight;
        }

        throw new InvalidOperationException("unreachable: the draw is below the total weight");
    }

    public override string ToString() => string.Join(",", Entries.Select(e => $"{e.Operation.Name}={e.Weight}"));
}
