using System.Data.Common;
using Participatie.Abstractions.Clients;

namespace Participatie.Silo.Storage;

/// <summary>
/// The client directory's query, shared by the SQLite and PostgreSQL stores. Only the filters a query sets become
/// conditions, so each query is planned for what it asks: a coach's or a neighbourhood's list walks that index in name
/// order, a name prefix is a range of the name key, and the page after a position continues the same index range
/// (keyset paging), so every page costs the same however deep it is.
/// </summary>
internal static class ClientDirectorySql
{
    public const string Columns =
        "client_id, given_name, family_name, name_key, neighbourhood_id, coach_id, segment, team_involvement, case_ended_on, last_participation_on, anonymised, version";

    /// <summary>Above every character a folded key can hold: the end of the range of keys that start with a prefix.</summary>
    private const string AfterEveryKey = "\U0010FFFF";

    /// <summary>
    /// Writes the query into <paramref name="command"/>; <paramref name="date"/> turns dates into the store's form.
    /// Both stores read TRUE and FALSE; the indexes leave anonymised rows out with the same condition.
    /// </summary>
    public static void List(DbCommand command, string table, ClientListQuery query, DateOnly activeSince, Func<DateOnly, object> date)
    {
        var conditions = new List<string> { "anonymised = FALSE" };
        void Condition(string sql, params (string Name, object Value)[] parameters)
        {
            conditions.Add(sql);
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        if (!query.IncludeEndedCases)
        {
            Condition("case_ended_on IS NULL");
        }

        if (query.CoachId is not null)
        {
            Condition("coach_id = @coach", ("coach", query.CoachId));
        }

        if (query.NeighbourhoodId is not null)
        {
            Condition("neighbourhood_id = @neighbourhood", ("neighbourhood", query.NeighbourhoodId));
        }

        if (query.Segment is { } segment)
        {
            Condition("segment = @segment", ("segment", (int)segment));
        }

        if (query.TeamInvolvedOnly)
        {
            Condition("team_involvement = TRUE");
        }

        if (query.NamePrefix is not null)
        {
            Condition("name_key >= @prefix AND name_key < @prefix_end", ("prefix", query.NamePrefix), ("prefix_end", query.NamePrefix + AfterEveryKey));
        }

        switch (query.Participation)
        {
            case ParticipationFilter.Active:
                Condition("last_participation_on >= @since", ("since", date(activeSince)));
                break;
            case ParticipationFilter.Inactive:
                Condition("(last_participation_on IS NULL OR last_participation_on < @since)", ("since", date(activeSince)));
                break;
        }

        if (query.After is not null)
        {
            Condition("(name_key, client_id) > (@after_key, @after_id)", ("after_key", query.After.NameKey), ("after_id", query.After.ClientId));
        }

        var limit = command.CreateParameter();
        limit.ParameterName = "limit";
        limit.Value = query.PageSize + 1;
        command.Parameters.Add(limit);
        command.CommandText = $"SELECT {Columns} FROM {table} WHERE {string.Join(" AND ", conditions)} ORDER BY name_key, client_id LIMIT @limit";
    }
}
