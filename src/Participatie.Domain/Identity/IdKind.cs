namespace Participatie.Domain;

/// <summary>The kinds of identifier the platform hands out or accepts.</summary>
public enum IdKind
{
    Client,
    Coach,
    Neighbourhood,

    /// <summary>A trust experiment: "ex-" and a slug chosen by the municipality, e.g. <c>ex-vertrouwen-werkt</c>.</summary>
    Experiment,
}
