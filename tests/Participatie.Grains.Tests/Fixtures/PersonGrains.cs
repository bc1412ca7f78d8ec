using Participatie.Abstractions.Clients;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>
/// One person's grain through each of its facets, for tests that call several: every facet is the same grain (same
/// key, same activation), so a test reads here what it changed there.
/// </summary>
public sealed record PersonGrains(IGrainFactory Grains, string Id)
{
    public IClientGrain Intake => Grains.GetGrain<IClientGrain>(Id);

    public IClientCaseGrain Case => Grains.GetGrain<IClientCaseGrain>(Id);

    public IClientContractGrain Contract => Grains.GetGrain<IClientContractGrain>(Id);

    public IClientRecordGrain Record => Grains.GetGrain<IClientRecordGrain>(Id);

    public IClientBenefitsGrain Benefits => Grains.GetGrain<IClientBenefitsGrain>(Id);

    public IClientRightsGrain Rights => Grains.GetGrain<IClientRightsGrain>(Id);
}
