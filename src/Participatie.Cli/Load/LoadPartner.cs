using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Cli.Seeding;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Load;

/// <summary>A prepared person with a place in one of the load partner's activities, by the reference the partner knows.</summary>
internal sealed record LoadParticipant(string ActivityId, string ParticipantRef);

/// <summary>
/// The partner organisation the load records hours as: its participants, and an API key of this run (sent as
/// x-api-key, as partners call) that <see cref="RevokeAsync"/> withdraws when the run is over. A class, not a record,
/// so that no generated ToString shows the key.
/// </summary>
internal sealed class LoadPartner(string keyId, string apiKey, IReadOnlyList<LoadParticipant> participants)
{
    public const string PartnerId = "pt-load-generator";

    /// <summary>The header that carries a partner's API key (the gateway's <c>ApiKey.Header</c>).</summary>
    public const string ApiKeyHeader = "x-api-key";

    public IReadOnlyList<LoadParticipant> Participants { get; } = participants;

    /// <summary>
    /// Registers the organisation, offers activities of <see cref="DemoCaseWork.Capacity"/> places in the persons'
    /// neighbourhoods, and records for every third person, as the seed does (<see cref="DemoCaseWork.TakesPart"/>),
    /// their agreement to take part in the activity of their neighbourhood their place in line picks, so all of them
    /// have a place. Activities carry request ids with <paramref name="preparation"/> (the persons' own prefix) and
    /// agreeing again changes nothing, so a repeat finds the same; only the API key is new each run. Null when none
    /// of them has a place.
    /// </summary>
    public static async Task<LoadPartner?> PrepareAsync(
        GrpcChannel channel,
        string preparation,
        IReadOnlyList<Client> persons,
        ParallelOptions parallel,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var work = new PartnerWork(channel);
        await work.RegisterAsync(new RegisterPartnerRequest { PartnerId = PartnerId, Name = "Participatie load generator", Contact = "load@participatie.example" }, cancellationToken);

        // In each neighbourhood the takers fill activity 0, then 1, …, in the order of the persons' indexes, so a larger
        // preparation keeps the places of a smaller one.
        var places = persons
            .Select((person, index) => (Person: person, Index: index))
            .Where(p => DemoCaseWork.TakesPart(p.Index))
            .GroupBy(p => p.Person.NeighbourhoodId)
            .SelectMany(group => group.Select((p, rank) => (p.Person.ClientId, Activity: (p.Person.NeighbourhoodId, Number: rank / DemoCaseWork.Capacity))))
            .ToList();
        var offers = places.Select(p => p.Activity).Distinct().ToList();
        var activityIds = new string[offers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, offers.Count), parallel, async (i, token) =>
        {
            var (neighbourhoodId, number) = offers[i];
            var request = DemoCaseWork.Offer(PartnerId, $"{preparation}-ac-{neighbourhoodId}-{number}", neighbourhoodId, "(load)", number);
            activityIds[i] = await work.OfferAsync(request, token);
        });

        var activityOf = offers.Select((offer, i) => (offer, i)).ToDictionary(o => o.offer, o => activityIds[o.i]);
        var enrolments = new EnrolInActivityResponse[places.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, places.Count), parallel, async (i, token) =>
            enrolments[i] = await work.EnrolAsync(places[i].ClientId, activityOf[places[i].Activity], token));

        // A person who agreed in an earlier preparation to an activity that is now full waits; they get no hours.
        var participants = enrolments
            .Where(e => e.Status == ParticipantStatus.Enrolled)
            .Select(e => new LoadParticipant(e.ActivityId, e.ParticipantRef))
            .ToList();
        progress.WriteLine($"Prepared {participants.Count} participants in {offers.Count} activities of {PartnerId}"
            + (participants.Count < places.Count ? $" ({places.Count - participants.Count} waiting for a place get no hours)" : ""));
        if (participants.Count == 0)
        {
            return null;
        }

        // Not retried: a key created by an attempt that timed out would stay valid and unknown.
        var key = await new AdminService.AdminServiceClient(channel).CreatePartnerApiKeyAsync(
            new CreatePartnerApiKeyRequest { PartnerId = PartnerId, Description = "participatie load: one run, revoked when it ends" },
            deadline: DateTime.UtcNow.AddSeconds(30),
            cancellationToken: cancellationToken);
        return new LoadPartner(key.Key.KeyId, key.ApiKey, participants);
    }

    /// <summary>The partner's headers on a call: its API key, which the gateway prefers to the admin's bearer token.</summary>
    public CallOptions On(CallOptions options) => options.WithHeaders(new Metadata { { ApiKeyHeader, apiKey } });

    /// <summary>Withdraws this run's key; the gateway stops accepting it within Auth:ApiKeyCacheDuration.</summary>
    public async Task RevokeAsync(GrpcChannel channel, TextWriter progress)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Retry.CallAsync(o => new AdminService.AdminServiceClient(channel).RevokePartnerApiKeyAsync(new RevokePartnerApiKeyRequest { KeyId = keyId }, o), timeout.Token);
        }
        catch (Exception exception) when (exception is RpcException or OperationCanceledException)
        {
            progress.WriteLine($"the load's API key {keyId} could not be revoked ({exception.Message}): revoke it with AdminService.RevokePartnerApiKey");
        }
    }
}
