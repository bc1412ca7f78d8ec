import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "react-router";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, Cell, DataList, FormField, Heading, Paragraph, Row, StatusBadge, Table, Textarea } from "../components/ui";
import { ParticipantStatus } from "../gen/participatie/v1/common_pb";
import { ActivityType, type Activity, type Participant } from "../gen/participatie/v1/partner_service_pb";
import { nl } from "../i18n/nl";
import { describeError } from "../lib/errors";
import { enumName, formatDate, formatInstant } from "../lib/format";
import { listAllParticipants, usePartnerService } from "./api";
import { fieldMessage } from "./ActivityForm";
import { formatHours } from "./week";

const t = nl.partner;

/** One activity: its details, its participants by first name and reference, and closing it. */
export function ActivityPage() {
  const { activityId = "" } = useParams();
  const partners = usePartnerService();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  const message = (useLocation().state as { message?: string } | null)?.message;
  const activity = useQuery({
    queryKey: ["partner", "activity", activityId],
    queryFn: ({ signal }) => partners.getActivity({ activityId }, { signal }),
  });
  const title = activity.data?.activity?.details?.title ?? "";
  usePageTitle(title || nl.app.loading);

  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to="/">
          {t.activity.back}
        </Link>
      </Paragraph>
      <QueryState query={activity} about="action">
        {(data) =>
          data.activity ? (
            <>
              <Heading level={1} ref={heading} tabIndex={-1}>
                {data.activity.details?.title}
              </Heading>
              {message ? (
                <Alert type="ok" role="status">
                  {message}
                </Alert>
              ) : null}
              <Details activity={data.activity} />
              <Participants activity={data.activity} />
              {data.activity.open ? <CloseActivity activity={data.activity} /> : null}
            </>
          ) : null
        }
      </QueryState>
    </>
  );
}

function Details({ activity }: { activity: Activity }) {
  const details = activity.details;
  const path = `/activiteiten/${encodeURIComponent(activity.activityId)}`;
  return (
    <section aria-labelledby="activity-details">
      <Heading level={2} id="activity-details">
        {t.activity.details}
      </Heading>
      <DataList
        items={[
          {
            key: t.activity.status,
            value: activity.open ? <StatusBadge status="safe">{t.activities.open}</StatusBadge> : <StatusBadge status="neutral">{t.activities.closed(formatDate(activity.closedOn))}</StatusBadge>,
          },
          ...(activity.open ? [] : [{ key: t.activity.closeReason, value: activity.closeReason }]),
          { key: t.activity.type, value: t.types[enumName(ActivityType, details?.type ?? 0, "ACTIVITY_TYPE")] },
          { key: t.activity.neighbourhood, value: details?.neighbourhoodId },
          { key: t.activity.schedule, value: details?.schedule },
          { key: t.activity.contactPerson, value: details?.contactPerson },
          { key: t.activity.places, value: t.activities.placesValue(activity.enrolled, details?.capacity ?? 0) },
          { key: t.activity.waiting, value: activity.waiting },
          { key: t.activity.created, value: formatInstant(activity.createdAt) },
        ]}
      />
      <ul className="participatie-actions">
        <li>
          <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={`${path}/uren`}>
            {t.activity.hours}
          </Link>
        </li>
        {activity.open ? (
          <li>
            <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" to={`${path}/wijzigen`}>
              {t.activity.change}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function Participants({ activity }: { activity: Activity }) {
  const partners = usePartnerService();
  const queries = useQueryClient();
  const participants = useQuery({
    queryKey: ["partner", "participants", activity.activityId],
    queryFn: ({ signal }) => listAllParticipants(partners, activity.activityId, signal),
  });
  const enrol = useMutation({
    mutationFn: (participant: Participant) => partners.enrolParticipant({ activityId: activity.activityId, participantRef: participant.participantRef }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["partner"] }),
  });
  return (
    <section aria-labelledby="activity-participants">
      <Heading level={2} id="activity-participants">
        {t.activity.participants}
      </Heading>
      <Paragraph>{t.activity.participantsIntro}</Paragraph>
      {enrol.isError ? <ProblemAlert error={enrol.error} about="action" /> : null}
      {enrol.isSuccess ? (
        <Alert type="ok" role="status">
          {t.activity.enrolled(enrol.data.participant?.firstName || enrol.data.participant?.participantRef || "")}
        </Alert>
      ) : null}
      <QueryState query={participants} about="action">
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t.activity.noParticipants}</Paragraph>
          ) : (
            <Table
              caption={t.activity.participantsCaption}
              head={[
                { label: t.activity.firstName },
                { label: t.activity.reference },
                { label: t.activity.participantStatus },
                { label: t.activity.totalHours, numeric: true },
                { label: t.activity.lastAttended },
              ]}
            >
              {list.map((participant) => (
                <Row key={participant.participantRef}>
                  <Cell header>{participant.firstName || t.activity.anonymous}</Cell>
                  <Cell>
                    <code>{participant.participantRef}</code>
                  </Cell>
                  <Cell>
                    {t.activity.statuses[enumName(ParticipantStatus, participant.status, "PARTICIPANT_STATUS")]}
                    {participant.status === ParticipantStatus.AGREED && activity.open ? (
                      <>
                        {" "}
                        <Button
                          onClick={() => enrol.mutate(participant)}
                          busy={enrol.isPending && enrol.variables?.participantRef === participant.participantRef}
                          disabled={enrol.isPending}
                          aria-label={`${t.activity.enrol}: ${participant.firstName || participant.participantRef}`}
                        >
                          {t.activity.enrol}
                        </Button>
                      </>
                    ) : null}
                  </Cell>
                  <Cell numeric>{formatHours(participant.totalHours)}</Cell>
                  <Cell>{participant.lastAttendedOn ? formatDate(participant.lastAttendedOn) : t.activity.never}</Cell>
                </Row>
              ))}
            </Table>
          )
        }
      </QueryState>
    </section>
  );
}

function CloseActivity({ activity }: { activity: Activity }) {
  const partners = usePartnerService();
  const queries = useQueryClient();
  const [reason, setReason] = useState("");
  const close = useMutation({
    mutationFn: () => partners.closeActivity({ activityId: activity.activityId, reason: reason.trim() }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["partner"] }),
  });
  const problem = close.isError ? describeError(close.error, "action") : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    close.mutate();
  }
  return (
    <section aria-labelledby="activity-close">
      <Heading level={2} id="activity-close">
        {t.activity.close}
      </Heading>
      <Paragraph>{t.activity.closeIntro}</Paragraph>
      <form onSubmit={submit} noValidate className="participatie-form" aria-labelledby="activity-close">
        {problem && problem.kind !== "invalid" ? <ProblemAlert error={close.error} about="action" onRetry={() => close.mutate()} /> : null}
        <FormField label={t.activity.closeReasonLabel} description={t.activity.closeReasonHint} error={fieldMessage(problem, "reason")}>
          {({ id, describedBy, invalid }) => <Textarea id={id} rows={3} aria-describedby={describedBy} invalid={invalid} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </FormField>
        <Button type="submit" appearance="secondary" busy={close.isPending} disabled={close.isPending}>
          {t.activity.closeSubmit}
        </Button>
      </form>
    </section>
  );
}
