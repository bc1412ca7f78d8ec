import { useQuery } from "@tanstack/react-query";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { DataList, Heading, Paragraph, StatusBadge } from "../components/ui";
import { nl } from "../i18n/nl";
import { formatDate } from "../lib/format";

const texts = nl.myParticipation.hours;

/** Mijn uren: whether the hours recorded for me make me active, and the last day with hours (GetClient). */
export function HoursPage() {
  const { subject: clientId } = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
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
              <Paragraph small>{texts.perDay}</Paragraph>
            </section>
          );
        }}
      </QueryState>
    </>
  );
}
