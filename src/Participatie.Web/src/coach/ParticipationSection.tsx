import { useParticipation } from "../api/participation";
import { QueryState } from "../components/QueryState";
import { Cell, Heading, Paragraph, Row, StatusBadge, Table } from "../components/ui";
import { ParticipantStatus } from "../gen/participatie/v1/common_pb";
import { nl } from "../i18n/nl";
import { formatDate, todayInAmsterdam } from "../lib/format";
import { formatHours, summariseHours } from "../lib/participation";

/** What the person takes part in: per activity its organisation, whether she has a place, this week's and month's hours and her last day there. */
export function ParticipationSection({ clientId, purpose }: { clientId: string; purpose: string }) {
  const participation = useParticipation(clientId, purpose);
  const today = todayInAmsterdam();
  return (
    <section aria-labelledby="meedoen" className="participatie-card">
      <Heading level={2} id="meedoen">
        {nl.participation.title}
      </Heading>
      <QueryState query={participation}>
        {(data) =>
          data.activities.length === 0 ? (
            <Paragraph>{nl.participation.none}</Paragraph>
          ) : (
            <Table
              caption={nl.participation.caption(data.activities.length)}
              head={[
                { label: nl.participation.activity },
                { label: nl.participation.partner },
                { label: nl.participation.status },
                { label: nl.participation.thisWeek, numeric: true },
                { label: nl.participation.thisMonth, numeric: true },
                { label: nl.participation.lastDay },
              ]}
            >
              {data.activities.map((activity) => {
                const hours = summariseHours(activity.days, today);
                const hasPlace = activity.status === ParticipantStatus.ENROLLED;
                return (
                  <Row key={activity.activityId}>
                    <Cell header>{activity.title}</Cell>
                    <Cell>{activity.partnerName}</Cell>
                    <Cell>
                      <StatusBadge status={hasPlace ? "active" : "neutral"}>{hasPlace ? nl.participation.hasPlace : nl.participation.waitingForPlace}</StatusBadge>
                    </Cell>
                    <Cell numeric>{formatHours(hours.thisWeek)}</Cell>
                    <Cell numeric>{formatHours(hours.thisMonth)}</Cell>
                    <Cell>{hours.lastDay ? formatDate(hours.lastDay) : nl.participation.noDay}</Cell>
                  </Row>
                );
              })}
            </Table>
          )
        }
      </QueryState>
    </section>
  );
}
