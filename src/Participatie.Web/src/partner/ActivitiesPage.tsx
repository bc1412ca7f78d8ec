import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import { useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Alert, Button, ButtonGroup, Cell, Heading, Paragraph, Row, StatusBadge, Table } from "../components/ui";
import { ActivityType } from "../gen/participatie/v1/partner_service_pb";
import { nl } from "../i18n/nl";
import { enumName, formatDate } from "../lib/format";
import { currentToken, firstPage, nextPage, previousPage, type Pages } from "../lib/paging";
import { usePartnerService } from "./api";

const t = nl.partner;
const pageSize = 25;

/** The partner's activities, a page at a time, with places taken and people waiting. */
export function ActivitiesPage() {
  const session = useSignedIn();
  const partners = usePartnerService();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(t.activities.title);
  const message = (useLocation().state as { message?: string } | null)?.message;
  const [pages, setPages] = useState<Pages>(firstPage);
  const list = useQuery({
    queryKey: ["partner", "activities", session.subject, currentToken(pages)],
    queryFn: ({ signal }) => partners.listActivities({ partnerId: session.subject, pageSize, pageToken: currentToken(pages) }, { signal }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {t.activities.title}
      </Heading>
      <Paragraph lead>{t.activities.intro}</Paragraph>
      {message ? (
        <Alert type="ok" role="status">
          {message}
        </Alert>
      ) : null}
      <Paragraph>
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to="/activiteiten/nieuw">
          {t.activities.newActivity}
        </Link>
      </Paragraph>
      <QueryState query={list} about="action">
        {(data) =>
          data.activities.length === 0 && pages.index === 0 ? (
            <Paragraph>{t.activities.empty}</Paragraph>
          ) : (
            <>
              <Table
                caption={`${t.activities.caption} — ${t.activities.page(pages.index + 1)}`}
                head={[{ label: t.activities.name }, { label: t.activities.type }, { label: t.activities.places, numeric: true }, { label: t.activities.waiting, numeric: true }, { label: t.activities.status }]}
              >
                {data.activities.map((activity) => (
                  <Row key={activity.activityId}>
                    <Cell header>
                      <Link className="utrecht-link utrecht-link--html-a" to={`/activiteiten/${encodeURIComponent(activity.activityId)}`}>
                        {activity.details?.title}
                      </Link>
                    </Cell>
                    <Cell>{t.types[enumName(ActivityType, activity.details?.type ?? 0, "ACTIVITY_TYPE")]}</Cell>
                    <Cell numeric>{t.activities.placesValue(activity.enrolled, activity.details?.capacity ?? 0)}</Cell>
                    <Cell numeric>{activity.waiting}</Cell>
                    <Cell>
                      {activity.open ? (
                        <StatusBadge status="safe">{t.activities.open}</StatusBadge>
                      ) : (
                        <StatusBadge status="neutral">{t.activities.closed(formatDate(activity.closedOn))}</StatusBadge>
                      )}
                    </Cell>
                  </Row>
                ))}
              </Table>
              <ButtonGroup>
                {pages.index > 0 ? <Button onClick={() => setPages(previousPage(pages))}>{t.activities.previous}</Button> : null}
                {data.nextPageToken ? <Button onClick={() => setPages(nextPage(pages, data.nextPageToken))}>{t.activities.more}</Button> : null}
              </ButtonGroup>
            </>
          )
        }
      </QueryState>
    </>
  );
}
