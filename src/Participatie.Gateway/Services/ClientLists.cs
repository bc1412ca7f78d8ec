using Participatie.Abstractions.Errors;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;
using A = Participatie.Abstractions.Clients;
using D = Participatie.Domain.People;

namespace Participatie.Gateway.Services;

/// <summary>
/// ListClients between the contract and the search grain: the request checked, then scoped to what the caller may
/// see — a coach only their own caseload, a team member only residents of their neighbourhood who agreed to team
/// involvement. Asking for someone else's caseload or neighbourhood is PERMISSION_DENIED, as GetCaseload does.
/// </summary>
internal static class ClientLists
{
    public const int MaxNamePrefixLength = 100;

    /// <summary>Longest name key a page token may carry (two folded names of at most 100 characters and a space).</summary>
    private const int MaxTokenKeyLength = 250;

    public static A.ClientListQuery Query(ListClientsRequest request, Caller caller)
    {
        var violations = new Violations();
        var coachId = violations.Id("coach_id", request.CoachId, IdKind.Coach, required: false);
        var neighbourhoodId = violations.Id("neighbourhood_id", request.NeighbourhoodId, IdKind.Neighbourhood, required: false);
        D.Segment? segment = request.Segment == Segment.Unspecified ? null : violations.Defined("segment", (D.Segment)(int)request.Segment);
        var participation = (A.ParticipationFilter)(int)request.Participation;
        if (!Enum.IsDefined(participation))
        {
            violations.Add("participation", $"must be one of {string.Join(", ", Enum.GetNames<ParticipationFilter>())}");
        }

        var prefix = violations.Text("name_prefix", request.NamePrefix, MaxNamePrefixLength, required: false);
        var namePrefix = prefix is null ? null : D.NameKeys.Fold(prefix);
        if (namePrefix is { Length: 0 })
        {
            violations.Add("name_prefix", "must contain a letter or a digit");
        }

        violations.ThrowIfAny();
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);
        var position = after is null ? null : Position(after);

        var teamInvolvedOnly = false;
        switch (caller.Role)
        {
            case Role.Coach when coachId is not null && coachId != caller.Subject:
                throw AccessInterceptor.Denied("A coach lists only their own caseload.");
            case Role.Coach:
                coachId = caller.Subject;
                break;
            case Role.Team when neighbourhoodId is not null && neighbourhoodId != caller.NeighbourhoodId:
                throw AccessInterceptor.Denied("A team member lists only residents of their own neighbourhood.");
            case Role.Team:
                neighbourhoodId = caller.NeighbourhoodId;
                teamInvolvedOnly = true;
                break;
            case not Role.Admin:
                throw AccessInterceptor.Denied($"The role {Caller.NameOf(caller.Role)} may not list people.");
        }

        return new A.ClientListQuery(coachId, neighbourhoodId, segment, participation, namePrefix, teamInvolvedOnly, request.IncludeEndedCases, position, size);
    }

    public static ListClientsResponse ToContract(this A.ClientListPage page) => new()
    {
        Clients =
        {
            page.Entries.Select(e => new ClientListEntry
            {
                ClientId = e.ClientId,
                GivenName = e.GivenName,
                FamilyName = e.FamilyName,
                NeighbourhoodId = e.NeighbourhoodId,
                CoachId = e.CoachId ?? string.Empty,
                Segment = (Segment)(int)e.Segment,
                LastParticipationOn = e.LastParticipationOn is { } day ? ContractMapping.Iso(day) : string.Empty,
                Active = e.Active,
                CaseEndedOn = e.CaseEndedOn is { } ended ? ContractMapping.Iso(ended) : string.Empty,
            }),
        },
        NextPageToken = page.Next is null ? string.Empty : PageTokens.Encode($"{page.Next.ClientId} {page.Next.NameKey}"),
    };

    /// <summary>The position a page token names: the last client id and name key of the previous page.</summary>
    private static A.ClientListPosition Position(string token)
    {
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        var clientId = space < 0 ? token : token[..space];
        var nameKey = space < 0 ? string.Empty : token[(space + 1)..];
        if (space < 0 || !Ids.IsValid(IdKind.Client, clientId) || nameKey.Length > MaxTokenKeyLength || (nameKey.Length > 0 && !D.NameKeys.IsKey(nameKey)))
        {
            throw InvalidInputException.For("page_token", "is not a token returned by this API");
        }

        return new A.ClientListPosition(nameKey, clientId);
    }
}
