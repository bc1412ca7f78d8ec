using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Neighbourhoods;
using V1 = Participatie.Contracts.V1;
using D = Participatie.Domain.People;

namespace Participatie.Gateway.Mapping;

/// <summary>Between the public contract (protos) and the grains' messages. Enum numbers match one-to-one.</summary>
internal static class ContractMapping
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static FactorsData? ToData(this V1.ReintegrationFactors? factors) => factors is null
        ? null
        : new FactorsData(
            (D.EducationLevel)(int)factors.Education,
            factors.WorkExperienceYears,
            (D.LanguageProficiency)(int)factors.Language,
            (D.HealthLimitation)(int)factors.Health,
            [.. factors.SocialCircumstances.Select(c => (D.SocialCircumstance)(int)c)],
            factors.YearsOnAssistance);

    public static V1.ReintegrationFactors ToContract(this FactorsData data) => new()
    {
        Education = (V1.EducationLevel)(int)data.Education,
        WorkExperienceYears = data.WorkExperienceYears,
        Language = (V1.LanguageProficiency)(int)data.Language,
        Health = (V1.HealthLimitation)(int)data.Health,
        SocialCircumstances = { data.SocialCircumstances.Select(c => (V1.SocialCircumstance)(int)c) },
        YearsOnAssistance = data.YearsOnAssistance,
    };

    public static V1.ReintegrationEstimate ToContract(this EstimateView estimate) => new()
    {
        Months = estimate.Months,
        ComputedMonths = estimate.ComputedMonths,
        Contributions = { estimate.Contributions.Select(c => new V1.FactorContribution { Factor = c.Factor, Value = c.Value, Months = c.Months }) },
        CutMonths = estimate.CutMonths,
        Segment = (V1.Segment)(int)estimate.Segment,
        Model = estimate.Model,
        ModelEffectiveFrom = Iso(estimate.ModelEffectiveFrom),
        Overridden = estimate.Overridden,
        OverrideReason = estimate.OverrideReason ?? string.Empty,
        OverriddenBy = estimate.OverriddenBy ?? string.Empty,
        AssessedAt = Iso(estimate.AssessedAt),
        AssessedBy = estimate.AssessedBy,
    };

    public static V1.Client ToContract(this ClientView client)
    {
        var result = new V1.Client
        {
            ClientId = client.ClientId,
            GivenName = client.GivenName,
            FamilyName = client.FamilyName,
            DateOfBirth = Iso(client.DateOfBirth),
            HouseholdType = (V1.HouseholdType)(int)client.HouseholdType,
            Postcode = client.Postcode,
            NeighbourhoodId = client.NeighbourhoodId,
            Factors = client.Factors.ToContract(),
            EstimateHistory = { client.EstimateHistory.Select(e => e.ToContract()) },
            CoachId = client.CoachId ?? string.Empty,
            RegisteredAt = Iso(client.RegisteredAt),
            TeamInvolvement = client.TeamInvolvement,
            HasPaymentDetails = client.HasPaymentDetails,
            CaseEndedOn = client.CaseEndedOn is { } ended ? Iso(ended) : string.Empty,
            LegalHold = client.LegalHold,
            Anonymised = client.Anonymised,
            LastContactOn = client.LastContactOn is { } contact ? Iso(contact) : string.Empty,
        };
        if (client.CurrentEstimate is not null)
        {
            result.CurrentEstimate = client.CurrentEstimate.ToContract();
        }

        if (client.Participation is { } participation)
        {
            result.Participation = new V1.Participation
            {
                Active = participation.Active,
                LastParticipationOn = participation.LastParticipationOn is { } last ? Iso(last) : string.Empty,
                WindowDays = participation.WindowDays,
            };
        }

        return result;
    }

    /// <summary>The factor only the person and their coach may see: health is kept as a conclusion, for them.</summary>
    public const string HealthFactor = "health";

    /// <summary>Leaves the health conclusion out of a record, everywhere it shows, and says so in <c>withheld</c>.</summary>
    public static V1.Client WithoutHealth(this V1.Client client)
    {
        client.Factors?.Health = V1.HealthLimitation.Unspecified;
        foreach (var estimate in client.EstimateHistory.Append(client.CurrentEstimate).OfType<V1.ReintegrationEstimate>())
        {
            var health = estimate.Contributions.Where(c => c.Factor == HealthFactor).ToList();
            health.ForEach(c => estimate.Contributions.Remove(c));
        }

        client.Withheld.Add("factors.health");
        client.Withheld.Add("estimates.contributions[health]");
        return client;
    }

    public static V1.Coach ToContract(this CoachView coach) => new()
    {
        CoachId = coach.CoachId,
        DisplayName = coach.DisplayName,
        CaseloadLimit = coach.CaseloadLimit,
        CaseloadSize = coach.CaseloadSize,
        NeighbourhoodId = coach.NeighbourhoodId ?? string.Empty,
        CreatedAt = Iso(coach.CreatedAt),
    };

    public static V1.CaseloadEntry ToContract(this CaseloadEntryView entry) => new()
    {
        ClientId = entry.ClientId,
        DisplayName = entry.Summary?.DisplayName ?? string.Empty,
        NeighbourhoodId = entry.Summary?.NeighbourhoodId ?? string.Empty,
        Segment = (V1.Segment)(int)(entry.Summary?.Segment ?? D.Segment.Unspecified),
        Pending = entry.Pending,
        AssignedAt = Iso(entry.AssignedAt),
    };

    public static V1.FollowUp ToContract(this FollowUpView followUp) => new()
    {
        ClientId = followUp.ClientId,
        DisplayName = followUp.DisplayName,
        NeighbourhoodId = followUp.NeighbourhoodId,
        LastContactOn = followUp.LastContactOn is { } last ? Iso(last) : string.Empty,
        ContactIntervalDays = followUp.ContactIntervalDays,
        DueOn = Iso(followUp.DueOn),
        DaysOverdue = followUp.DaysOverdue,
    };

    public static V1.InboxItem ToContract(this InboxItem item) => new()
    {
        Sequence = item.Sequence,
        Kind = (V1.InboxItemKind)(int)item.Kind,
        ClientId = item.ClientId,
        DisplayName = item.DisplayName,
        At = Iso(item.At),
        Text = item.Text,
    };

    public static V1.Neighbourhood ToContract(this NeighbourhoodView n) => new()
    {
        NeighbourhoodId = n.NeighbourhoodId,
        Name = n.Name,
        Municipality = n.Municipality,
        Residents = n.Residents,
        NotAssessed = n.NotAssessed,
        WithinCut = n.WithinCut,
        BeyondCut = n.BeyondCut,
        WithCoach = n.WithCoach,
        CreatedAt = Iso(n.CreatedAt),
        FiguresOn = n.Activity is { } a ? Iso(a.On) : string.Empty,
        ActiveResidents = n.Activity?.ActiveResidents ?? 0,
        ParticipationHoursThisMonth = (n.Activity?.ParticipationMinutesThisMonth ?? 0) / 60.0,
        OutflowToWorkThisYear = n.Activity?.OutflowToWorkThisYear ?? 0,
        ActivitiesOnOffer = n.Activity?.ActivitiesOnOffer ?? 0,
        Trials =
        {
            n.Trials.Select(t => new V1.NeighbourhoodTrial
            {
                Name = t.Name,
                Settings = t.Settings.ToContract(),
                From = Iso(t.From),
                Until = t.Until is { } until ? Iso(until) : string.Empty,
                StartedBy = t.StartedBy,
                StartedAt = Iso(t.StartedAt),
            }),
        },
    };

    public static V1.AccessLogEntry ToContract(this Security.Audit.AuditRecord record) => new()
    {
        At = Iso(record.At),
        ActorRole = record.ActorRole,
        ActorId = record.ActorId,
        Action = record.Action,
        Purpose = record.Purpose,
        Outcome = record.Outcome,
        ClientId = record.ClientId,
        OnBehalfOf = record.OnBehalfOf ?? "",
    };

    public static V1.PartnerApiKey ToContract(this Abstractions.Partners.PartnerKeyView key) => new()
    {
        KeyId = $"{key.PartnerId}/{key.KeyId}",
        PartnerId = key.PartnerId,
        Description = key.Description,
        CreatedAt = Iso(key.CreatedAt),
        RevokedAt = key.RevokedAt is { } revoked ? Iso(revoked) : string.Empty,
    };
}
