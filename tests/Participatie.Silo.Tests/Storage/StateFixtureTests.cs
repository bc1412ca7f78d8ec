using System.Text.Json.Nodes;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Payments;
using Participatie.Grains.Clients;
using Participatie.Grains.Coaches;
using Participatie.Grains.Experiments;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Neighbourhoods;
using Participatie.Grains.Partners;
using Participatie.Grains.Payments;
using Participatie.Grains.Platform;
using Participatie.Silo.Storage;

namespace Participatie.Silo.Tests.Storage;

/// <summary>
/// Upgrades keep old data: every stored row a released version wrote (<c>Fixtures/State/&lt;set&gt;</c>) is read by
/// today's state classes through the storage serializer, keeps its values, and is written back without losing a
/// member. Renaming, retyping or removing a stored member fails here, as does a grain type without a fixture.
/// </summary>
public sealed class StateFixtureTests
{
    private static readonly JsonGrainStateSerializer Serializer = new();

    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in StateFixtures.Sets())
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(StateFixtures.Folder, set), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(set, Path.GetFileNameWithoutExtension(file));
            }
        }

        return data;
    }

    [Fact]
    public void TheNewestSetHoldsARowOfEveryStateTypeTheGrainsPersist()
    {
        var newest = StateFixtures.Sets().Last();
        var held = Directory.EnumerateFiles(Path.Combine(StateFixtures.Folder, newest), "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);

        var persisted = StateFixtures.PersistedTypes();
        Assert.True(persisted.Count >= 9, $"found only {persisted.Count} [PersistentState] parameters in the Grains assembly");
        Assert.All(persisted, p => Assert.True(
            held.Contains(p.Key),
            $"{p.Value.Name} is stored under \"{p.Key}\" but the set {newest} has no {p.Key}.json: write a new set (Fixtures/State/README.md)"));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void AStoredRowOfAReleasedVersionLoadsAndIsWrittenBackWithoutLosingAMember(string set, string stateName)
    {
        var persisted = StateFixtures.PersistedTypes();
        Assert.True(persisted.ContainsKey(stateName), $"rows stored under \"{stateName}\" ({set}) can no longer be read: no grain persists that state name");
        var stored = File.ReadAllBytes(Path.Combine(StateFixtures.Folder, set, stateName + ".json"));

        var state = Load(persisted[stateName], stored);
        var written = Save(persisted[stateName], state);

        AssertKept(JsonNode.Parse(stored)!, JsonNode.Parse(written)!, $"{set}/{stateName}");
    }

    [Fact]
    public void TheV1RowsKeepTheirValues()
    {
        var client = Load<ClientState>("v1", StorageNames.Client);
        Assert.Equal((3, "Mohamed", "El Amrani", new DateOnly(1998, 8, 28), "wk-tarwewijk"), (client.SchemaVersion, client.GivenName, client.FamilyName, client.DateOfBirth, client.NeighbourhoodId));
        Assert.Equal(3, client.Estimates.Count);
        Assert.Equal(("self-employed", new DateOnly(2026, 12, 6), new DateOnly(2027, 3, 6)), (client.Trajectories[0].Name, client.Trajectories[0].From, client.Trajectories[0].Until));
        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 11, 1)], client.MonthReports.Select(r => r.Month).Order());
        Assert.Equal(120000, client.MonthReports.Single(r => r.Month.Month == 2).NetEarningsCents);
        Assert.Equal(("MR-2026-17", new DateOnly(2026, 3, 1), 100), (client.Sanctions[0].Reference, client.Sanctions[0].FirstMonth, client.Sanctions[0].Percent));
        var statement = Assert.Single(client.Statements);
        Assert.Equal((new DateOnly(2026, 11, 1), "pay-2026-11"), (statement.Month, statement.PaymentRunId));
        Assert.Equal(statement.TotalCents, statement.Lines.Sum(l => l.AmountCents));
        Assert.Equal(2, client.Goals.Count);
        Assert.Equal([40], client.Goals[0].Progress.Select(p => p.Percent));
        Assert.Equal(new DateOnly(2027, 2, 4), client.Goals[0].Reviews[0].NextReviewOn);
        Assert.Equal(9, client.ContractHistory.Count);
        Assert.Equal(7, Assert.Single(client.WellBeing).Score);
        Assert.Equal([new DateOnly(2026, 11, 22), new DateOnly(2026, 12, 4)], client.Journal.Select(j => j.ContactedOn));
        Assert.Equal(new DateOnly(2026, 12, 4), client.LastContactOn);
        Assert.Equal((12, new DateOnly(2026, 12, 13)), (client.Outflows[0].HoursPerWeek, client.Outflows[0].StartOn));
        var membership = Assert.Single(client.Experiments);
        Assert.Equal(("ex-vertrouwen-werkt", "zelf-in-actie", new DateOnly(2026, 12, 6)), (membership.Key, membership.Value.Arm, membership.Value.From));
        Assert.StartsWith("v1:", client.EncryptedBsn, StringComparison.Ordinal);

        var coach = Load<CoachState>("v1", StorageNames.Coach);
        Assert.Equal(("Fatima Yilmaz", 60, 4, 7), (coach.DisplayName, coach.CaseloadLimit, coach.Entries.Count, coach.Inbox.Count));
        Assert.Contains(coach.Entries.Values, e => e.LastContactOn == new DateOnly(2026, 12, 4));

        var neighbourhood = Load<NeighbourhoodState>("v1", StorageNames.Neighbourhood);
        Assert.Equal(("Tarwewijk", 8, 2), (neighbourhood.Name, neighbourhood.Residents.Count, neighbourhood.Activities.Count));
        var trial = Assert.Single(neighbourhood.Trials);
        Assert.Equal(("samen-aan-de-slag", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), 30), (trial.Name, trial.From, trial.Until, trial.Settings.ContactIntervalDays));
        Assert.Contains(neighbourhood.Residents.Values, r => r.Minutes.TryGetValue(new DateOnly(2026, 12, 1), out var minutes) && minutes == 180);

        var activity = Load<ActivityState>("v1", StorageNames.Activity);
        Assert.Equal(("Moestuin aan de Maas", 12, 2), (activity.Title, activity.Capacity, activity.Participants.Count));
        var day = activity.Participants.Values.First().Days.Single(d => d.Day == new DateOnly(2026, 12, 5));
        Assert.Equal((180, 120), (day.Current.Minutes, Assert.Single(day.History).Minutes));

        var partner = Load<PartnerState>("v1", StorageNames.Partner);
        Assert.Equal(("Huis van de Wijk Tarwewijk", 2), (partner.Name, partner.Activities.Count));

        var keys = Load<PartnerKeyRingState>("v1", StorageNames.PartnerKeys);
        Assert.Equal(["Roosterprogramma", "Oude koppeling"], keys.Keys.Select(k => k.Description));
        Assert.Equal([false, true], keys.Keys.Select(k => k.RevokedAt is not null));
        Assert.All(keys.Keys, k => Assert.Equal(32, k.SecretHash.Length));

        var experiment = Load<ExperimentState>("v1", StorageNames.Experiment);
        Assert.Equal(("Vertrouwen werkt", new DateOnly(2026, 11, 6), new DateOnly(2027, 10, 2)), (experiment.Title, experiment.Start, experiment.End));
        Assert.Equal(["control", "zelf-in-actie"], experiment.Arms.Select(a => a.Name));
        Assert.Equal((6, 6, 2026UL), (experiment.Participants.Count, experiment.Outcomes.Count, experiment.Draw!.Seed));
        Assert.Single(experiment.Participants.Values, p => p.WithdrawnOn is not null);

        var run = Load<PaymentRunState>("v1", StorageNames.PaymentRun);
        Assert.Equal((PaymentRunStatus.Completed, 8, 1036107L), (run.Status, run.Paid, run.TotalCents));
        Assert.Equal(1036107L, run.Neighbourhoods["wk-tarwewijk"].TotalCents);

        var directory = Load<DirectoryState>("v1", StorageNames.Directory);
        Assert.Equal(("wk-tarwewijk", 1), (Assert.Single(directory.Neighbourhoods), directory.Coaches.Count));
    }

    [Fact]
    public void TheV2RowsKeepTheirValues()
    {
        var handOver = Load<CaseloadHandOverState>("v2", StorageNames.CaseloadHandOver);
        Assert.Equal((2, HandOverStatus.Completed, 0), (handOver.Number, handOver.Status, handOver.Remaining));
        Assert.Equal(2, handOver.ToCoachIds.Count);
        var step = Assert.Single(handOver.Steps);
        Assert.Equal((handOver.ToCoachIds[1], HandOverStepOutcome.Moved), (step.To, step.Outcome));
        Assert.Equal([handOver.ToCoachIds[0]], handOver.Full);
        Assert.Equal((1, 1), (handOver.Previous!.Number, handOver.Previous.Moved.Count));
    }

    private static T Load<T>(string set, string stateName) =>
        Serializer.Deserialize<T>(BinaryData.FromBytes(File.ReadAllBytes(Path.Combine(StateFixtures.Folder, set, stateName + ".json"))));

    private static object Load(Type type, byte[] stored) =>
        typeof(JsonGrainStateSerializer).GetMethod(nameof(JsonGrainStateSerializer.Deserialize))!.MakeGenericMethod(type)
            .Invoke(Serializer, [BinaryData.FromBytes(stored)])!;

    private static byte[] Save(Type type, object state) =>
        ((BinaryData)typeof(JsonGrainStateSerializer).GetMethod(nameof(JsonGrainStateSerializer.Serialize))!.MakeGenericMethod(type)
            .Invoke(Serializer, [state])!).ToArray();

    /// <summary>Every member of the stored row is in the row written back, with the same value; new members may be added.</summary>
    private static void AssertKept(JsonNode stored, JsonNode written, string path)
    {
        switch (stored)
        {
            case JsonObject members:
                var writtenMembers = Assert.IsType<JsonObject>(written);
                foreach (var (name, value) in members)
                {
                    Assert.True(writtenMembers.ContainsKey(name), $"{path}.{name} was stored but is lost when the row is read and written back (renamed or removed?)");
                    var again = writtenMembers[name];
                    if (value is null || again is null)
                    {
                        Assert.True(value is null && again is null, $"{path}.{name} was {value?.ToJsonString() ?? "null"} and is now {again?.ToJsonString() ?? "null"}");
                        continue;
                    }

                    AssertKept(value, again, $"{path}.{name}");
                }

                break;
            case JsonArray items:
                var writtenItems = Assert.IsType<JsonArray>(written);
                Assert.True(items.Count == writtenItems.Count, $"{path} had {items.Count} items and now has {writtenItems.Count}");
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is { } item && writtenItems[i] is { } again)
                    {
                        AssertKept(item, again, $"{path}[{i}]");
                    }
                    else
                    {
                        Assert.True(items[i] is null && writtenItems[i] is null, $"{path}[{i}] changed");
                    }
                }

                break;
            default:
                Assert.True(stored.ToJsonString() == written.ToJsonString(), $"{path} was {stored.ToJsonString()} and is now {written.ToJsonString()}");
                break;
        }
    }
}
