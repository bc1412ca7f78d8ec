using Orleans.Concurrency;

namespace Participatie.Abstractions.Clients;

/// <summary>
/// Lists and searches people from the client directory, the projection every person's record keeps up to date, so
/// a list never calls thousands of person grains. A stateless worker on every silo: the gateway, which never touches
/// storage, asks it. Key: <see cref="ClientSearchKeys.Any"/>.
/// </summary>
[Alias("participatie.IClientSearchGrain")]
public interface IClientSearchGrain : IGrainWithIntegerKey
{
    /// <summary>One page of the people matching the query, in name order.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<ClientListPage> ListAsync(ClientListQuery query);
}

public static class ClientSearchKeys
{
    /// <summary>The key to call the search worker by; any silo's local activation answers.</summary>
    public const long Any = 0;
}
