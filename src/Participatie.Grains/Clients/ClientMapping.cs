using Participatie.Abstractions.Clients;
using Participatie.Domain.People;
using Participatie.Domain.Reintegration;
using Participatie.Grains.Search;

namespace Participatie.Grains.Clients;

/// <summary>Between stored records, domain values and messages.</summary>
internal static class ClientMapping
{
    public static ReintegrationFactors ToDomain(this FactorsData data) =>
        new(data.Education, data.WorkExperienceYears, data.Language, data.Health, data.SocialCircumstances, data.YearsOnAssistance);

    public static ReintegrationFactors ToDomain(this FactorsRecord record) =>
        new(record.Education, record.WorkExperienceYears, record.Language, record.Health, record.SocialCircumstances, record.YearsOnAssistance);

    public static FactorsRecord ToRecord(this ReintegrationFactors factors) => new()
    {
        Education = factors.Education,
        WorkExperienceYears = factors.WorkExperienceYears,
        Language = factors.Language,
        Health = factors.Health,
        SocialCircumstances = [.. factors.SocialCircumstances],
        YearsOnAssistance = factors.YearsOnAssistance,
    };

    public static FactorsData ToData(this FactorsRecord record) =>
        new(record.Education, record.WorkExperienceYears, record.Language, record.Health, [.. record.SocialCircumstances], record.YearsOnAssistance);

    public static EstimateRecord ToRecord(this ComputedEstimate estimate, DateTimeOffset at, string by) => new()
    {
        Months = estimate.Months,
        ComputedMonths = estimate.Months,
        Contributions = [.. estimate.Contributions.Select(c => new ContributionRecord { Factor = c.Factor, Value = c.Value, Months = c.Months })],
        CutMonths = estimate.CutMonths,
        Segment = estimate.Segment,
        Model = estimate.Model,
        ModelEffectiveFrom = estimate.ModelEffectiveFrom,
        AssessedAt = at,
        AssessedBy = by,
    };

    public static EstimateView ToView(this EstimateRecord record) => new(
        record.Months,
        record.ComputedMonths,
        [.. record.Contributions.Select(c => new ContributionView(c.Factor, c.Value, c.Months))],
        record.CutMonths,
        record.Segment,
        record.Model,
        record.ModelEffectiveFrom,
        record.Overridden,
        record.OverrideReason,
        record.OverriddenBy,
        record.AssessedAt,
        record.AssessedBy);

    public static ClientView ToView(this ClientState state, string clientId) => new(
        clientId,
        state.GivenName,
        state.FamilyName,
        state.DateOfBirth,
        state.HouseholdType,
        state.Postcode,
        state.NeighbourhoodId,
        state.Factors.ToData(),
        state.Estimates.Count == 0 ? null : state.Estimates[^1].ToView(),
        [.. state.Estimates.Select(e => e.ToView())],
        state.CoachId,
        state.RegisteredAt)
    {
        TeamInvolvement = state.TeamInvolvement,
        HasPaymentDetails = state.EncryptedBsn is not null,
        CaseEndedOn = state.CaseEndedOn,
        LegalHold = state.LegalHold,
        Anonymised = state.AnonymisedAt is not null,
        LastContactOn = state.LastContactOn,
    };

    public static Segment CurrentSegment(this ClientState state) =>
        state.Estimates.Count == 0 ? Segment.NotAssessed : state.Estimates[^1].Segment;

    /// <summary>The person's row in the client directory at the current version; an anonymised record has no names left.</summary>
    public static ClientDirectoryRow DirectoryRow(this ClientState state, string clientId) => new(
        clientId,
        state.GivenName,
        state.FamilyName,
        NameKeys.Of(state.FamilyName, state.GivenName),
        state.NeighbourhoodId,
        state.CoachId,
        state.CurrentSegment(),
        state.TeamInvolvement,
        state.CaseEndedOn,
        state.LastParticipationOn,
        state.AnonymisedAt is not null,
        state.Version);

    public static CaseloadSummary Summary(this ClientState state) =>
        new($"{state.GivenName} {state.FamilyName}", state.NeighbourhoodId, state.CurrentSegment(), state.LastContactOn);
}
