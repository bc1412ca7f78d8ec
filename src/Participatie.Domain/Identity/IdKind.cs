namespace Participatie.Domain;

/// <summary>The kinds of identifier the platform hands out or accepts.</summary>
public enum IdKind
{
    Client,
    Coach,
    Neighbourhood,
}
