namespace Participatie.Cli.Load;

/// <summary>The calls the load generator can make.</summary>
internal enum Operation
{
    /// <summary>AdminService.Ping: touches no grain, the ceiling of the gateway.</summary>
    Ping,

    /// <summary>ClientService.GetClient of a known person.</summary>
    GetClient,

    /// <summary>CoachService.GetCaseload of a known coach.</summary>
    Caseload,

    /// <summary>NeighbourhoodService.GetNeighbourhood of a known neighbourhood.</summary>
    Neighbourhood,

    /// <summary>ClientService.AssessReintegration of a known person: a durable write.</summary>
    Assess,

    /// <summary>ClientService.RegisterClient of a new synthetic person.</summary>
    Register,
}

/// <summary>
/// The operations of a run with their relative weights, parsed from <c>name=weight,name=weight</c>; workers draw an
/// operation per call in proportion to its weight.
/// </summary>
internal sealed class OperationMix
{
    public const string Default = "get-client=50,caseload=20,neighbourhood=10,assess=10,register=10";

    private static readonly Dictionary<string, Operation> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ping"] = Operation.Ping,
        ["get-client"] = Operation.GetClient,
        ["caseload"] = Operation.Caseload,
        ["neighbourhood"] = Operation.Neighbourhood,
        ["assess"] = Operation.Assess,
        ["register"] = Operation.Register,
    };

    private readonly int _totalWeight;

    private OperationMix(IReadOnlyList<(Operation Operation, int Weight)> entries)
    {
        Entries = entries;
        _totalWeight = entries.Sum(e => e.Weight);
    }

    /// <summary>The operations in the order given, each once, with a positive weight.</summary>
    public IReadOnlyList<(Operation Operation, int Weight)> Entries { get; }

    public static string SupportedNames => string.Join(", ", Names.Keys);

    public static string NameOf(Operation operation) => Names.First(n => n.Value == operation).Key;

    public bool Contains(Operation operation) => Entries.Any(e => e.Operation == operation);

    /// <summary>Parses the <c>--mix</c> text; null with an <paramref name="error"/> when it is not valid.</summary>
    public static OperationMix? TryParse(string text, out string error)
    {
        var entries = new List<(Operation, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !Names.TryGetValue(pieces[0], out var operation))
            {
                error = $"--mix: \"{part}\" is not name=weight with a name out of {SupportedNames}";
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

    public Operation Pick(Random random)
    {
        var draw = random.Next(_totalWeight);
        foreach (var (operation, weight) in Entries)
        {
            if (draw < weight)
            {
                return operation;
            }

            draw -= weight;
        }

        throw new InvalidOperationException("unreachable: the draw is below the total weight");
    }

    public override string ToString() => string.Join(",", Entries.Select(e => $"{NameOf(e.Operation)}={e.Weight}"));
}
