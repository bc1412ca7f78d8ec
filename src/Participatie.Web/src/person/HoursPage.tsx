import { useQuery } from "@tanstack/react-query";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Cell, DataList, Heading, Paragraph, Row, StatusBadge, Table } from "../components/ui";
import { nl } from "../i18n/nl";
import { formatDate } from "../lib/format";
import { formatHours } from "../lib/participation";
import { useParticipation } from "../api/participation";

const texts = nl.myParticipation.hours;

/** Mijn uren: whether the hours recorded for me make me active (GetClient), and my hours per activity and day (GetParticipation). */
export function HoursPage() {
  const { subject: clientId } = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const participation = useParticipation(clientId);
  const client = useQuery({
    queryKey: ["my-client", clientId],
    queryFn: ({ signal }) => api.clients.getClient({ clientId }, { signal }),
  });
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <QueryState query={client} about="action">
        {(data) => {
          const participation = data.client?.participation;
          return (
            <section aria-labelledby="deelname" className="participatie-card">
              <Heading level={2} id="deelname">
                {participation?.active ? texts.active : texts.notActive}
              </Heading>
              <DataList
                items={[
                  {
                    key: texts.status,
                    value: <StatusBadge status={participation?.active ? "active" : "inactive"}>{participation?.active ? texts.active : texts.notActive}</StatusBadge>,
                  },
                  { key: texts.lastDay, value: participation?.lastParticipationOn ? formatDate(participation.lastParticipationOn) : texts.noHours },
                  { key: texts.window, value: texts.windowDays(participation?.windowDays ?? 0) },
                ]}
              />
            </section>
          );
        }}
      </QueryState>
      <section aria-labelledby="uren-per-activiteit">
        <Heading level={2} id="uren-per-activiteit">
          {texts.perActivity}
        </Heading>
        <QueryState query={participation} about="action">
          {(data) =>
            data.activities.length === 0 ? (
              <Paragraph>{texts.noActivities}</Paragraph>
            ) : (
              data.activities.map((activity) => (
                <div key={activity.activityId} className="participatie-card">
                  <Heading level={3}>{activity.title}</Heading>
                  <Paragraph small>
                    {activity.partnerName} · {texts.total(formatHours(activity.totalHours))}
                  </Paragraph>
                  {activity.days.length === 0 ? (
                    <Paragraph>{texts.noDays}</Paragraph>
                  ) : (
                    <Table caption={texts.caption(activity.title)} head={[{ label: texts.day }, { label: texts.hoursColumn, numeric: true }]}>
                      {activity.days.map((day) => (
                        <Row key={day.date}>
                          <Cell header>{formatDate(day.date)}</Cell>
                          <Cell numeric>{formatHours(day.hours)}</Cell>
                        </Row>
                      ))}
                    </Table>
                  )}
                </div>
              ))
            )
          }
        </QueryState>
      </section>
    </>
  );
}
