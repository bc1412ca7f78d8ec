namespace Participatie.Domain.Contracts;

/// <summary>
/// What the social contract or the person's record answers to a change: refused (<see cref="Refusal"/>), a repeat that
/// changes nothing (<see cref="Item"/> as it stands), or a change (<see cref="Item"/> as it is to be stored, with the
/// contract's history <see cref="Entry"/> when the change is one of the contract).
/// </summary>
public sealed record Decision<T>(T? Item, ContractRefusal? Refusal, bool Changed, ContractEntry? Entry)
    where T : class
{
    public static Decision<T> Refuse(ContractRefusal refusal) => new(null, refusal, false, null);

    public static Decision<T> Repeat(T item) => new(item, null, false, null);

    public static Decision<T> Change(T item, ContractEntry? entry = null) => new(item, null, true, entry);
}
