namespace Participatie.Domain;

/// <summary>The kinds of identifier the platform hands out or accepts.</summary>
public enum IdKind
{
    Client,
    Coach,
    Neighbourhood,

    /// <summary>A trust experiment: "ex-" and a slug chosen by the municipality, e.g. <c>ex-vertrouwen-werkt</c>.</summary>
    Experiment,

    /// <summary>A partner organisation: "pt-" and a slug chosen at registration, e.g. <c>pt-huis-van-de-wijk</c>.</summary>
    Partner,

    /// <summary>An activity a partner offers: "ac-" and 16 characters issued by the platform.</summary>
    Activity,
}
