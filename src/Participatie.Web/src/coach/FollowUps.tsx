import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { withPurpose } from "../api/clients";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Alert, Cell, FormField, Heading, Paragraph, Row, Select, StatusBadge, Table } from "../components/ui";
import { nl } from "../i18n/nl";
import { formatDate } from "../lib/format";
import { currentToken, firstPage, type Pages } from "../lib/paging";
import { listPurpose } from "../lib/purposes";
import { urgency } from "./urgency";
import { Pager } from "../components/Pager";

const withinChoices = [0, 7, 14, 30, 90];

/** The contact agenda: whom to contact, most overdue first. */
export function FollowUpsPage() {
  const session = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(nl.followUps.title);
  const [within, setWithin] = useState(14);
  const [pages, setPages] = useState<Pages>(firstPage);
  const list = useQuery({
    queryKey: ["follow-ups", session.subject, within, currentToken(pages)],
    queryFn: ({ signal }) =>
      api.coaches.listFollowUps({ coachId: session.subject, withinDays: within, pageSize: 50, pageToken: currentToken(pages) }, { signal, ...withPurpose(listPurpose) }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {nl.followUps.title}
      </Heading>
      <Paragraph lead>{nl.followUps.intro}</Paragraph>
      <FormField label={nl.followUps.withinLabel}>
        {({ id }) => (
          <Select
            id={id}
            value={String(within)}
            onChange={(event) => {
              setWithin(Number(event.target.value));
              setPages(firstPage);
            }}
          >
            {withinChoices.map((days) => (
              <option key={days} value={days}>
                {nl.followUps.withinOptions[days]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <QueryState query={list}>
        {(data) => (
          <>
            <Alert type={data.overdue > 0 ? "warning" : "ok"} role="status">
              {data.overdue > 0 ? nl.followUps.overdue(data.overdue) : nl.followUps.noneOverdue}
            </Alert>
            {data.followUps.length === 0 ? (
              <Paragraph>{nl.followUps.empty}</Paragraph>
            ) : (
              <Table
                caption={nl.followUps.caption(formatDate(data.on))}
                head={[{ label: nl.followUps.name }, { label: nl.followUps.urgency }, { label: nl.followUps.dueOn }, { label: nl.followUps.lastContact }, { label: nl.followUps.interval }]}
              >
                {data.followUps.map((followUp) => {
                  const level = urgency(followUp.daysOverdue);
                  return (
                    <Row key={followUp.clientId}>
                      <Cell header>
                        <Link className="utrecht-link utrecht-link--html-a" to={`/personen/${encodeURIComponent(followUp.clientId)}`}>
                          {followUp.displayName}
                        </Link>
                      </Cell>
                      <Cell>
                        <StatusBadge status={level.badge}>{level.text}</StatusBadge>
                      </Cell>
                      <Cell>{formatDate(followUp.dueOn)}</Cell>
                      <Cell>{followUp.lastContactOn ? formatDate(followUp.lastContactOn) : nl.followUps.noContactYet}</Cell>
                      <Cell>{nl.followUps.intervalDays(followUp.contactIntervalDays)}</Cell>
                    </Row>
                  );
                })}
              </Table>
            )}
            <Pager pages={pages} nextPageToken={data.nextPageToken} onChange={setPages} label={nl.caseload.pagination} previous={nl.caseload.previous} next={nl.caseload.next} />
          </>
        )}
      </QueryState>
    </>
  );
}
