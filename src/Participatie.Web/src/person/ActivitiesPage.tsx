import { useState, type FormEvent } from "react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, DataList, FormField, Heading, Paragraph, Select } from "../components/ui";
import { ParticipantStatus } from "../gen/participatie/v1/common_pb";
import { ActivityType, type ActivityOnOffer } from "../gen/participatie/v1/partner_service_pb";
import type { EnrolInActivityResponse } from "../gen/participatie/v1/client_service_pb";
import { nl } from "../i18n/nl";
import { enumName } from "../lib/format";
import { useParticipation } from "../api/participation";

const texts = nl.myParticipation.activities;
const typeName = (type: ActivityType) => texts.types[enumName(ActivityType, type, "ACTIVITY_TYPE")] ?? texts.types.ACTIVITY_TYPE_OTHER;
const types = [
  ActivityType.SOCIAL_MEETING,
  ActivityType.VOLUNTEERING,
  ActivityType.SPORTS,
  ActivityType.GARDENING,
  ActivityType.COMPUTER_LESSONS,
  ActivityType.LANGUAGE_LESSONS,
  ActivityType.COURSE,
  ActivityType.DEBT_COUNSELLING,
  ActivityType.WORK_EXPERIENCE,
  ActivityType.INFORMAL_CARE,
  ActivityType.OTHER,
];

/** Activiteiten: what is on offer in my neighbourhood, by type, with free places; sign up; what I signed up for. */
export function ActivitiesPage() {
  const { subject: clientId } = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const [draft, setDraft] = useState<ActivityType>(ActivityType.UNSPECIFIED);
  const [type, setType] = useState<ActivityType>(ActivityType.UNSPECIFIED);
  const [joined, setJoined] = useState<EnrolInActivityResponse[]>([]);
  const participation = useParticipation(clientId);
  const queries = useQueryClient();
  const offers = useInfiniteQuery({
    queryKey: ["offers", clientId, type],
    queryFn: ({ pageParam, signal }) => api.partners.listActivitiesOnOffer({ type, pageSize: 20, pageToken: pageParam }, { signal }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
  function search(event: FormEvent) {
    event.preventDefault();
    setType(draft);
  }
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <form onSubmit={search} className="participatie-form participatie-form--inline" role="search" aria-label={texts.title}>
        <FormField label={texts.type}>
          {({ id }) => (
            <Select id={id} value={String(draft)} onChange={(event) => setDraft(Number(event.target.value) as ActivityType)}>
              <option value={ActivityType.UNSPECIFIED}>{texts.allTypes}</option>
              {types.map((value) => (
                <option key={value} value={value}>
                  {typeName(value)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit">{texts.search}</Button>
      </form>
      <section aria-labelledby="mijn-activiteiten" className="participatie-card">
        <Heading level={2} id="mijn-activiteiten">
          {texts.myActivities}
        </Heading>
        <QueryState query={participation} about="action">
          {(data) =>
            data.activities.length === 0 ? (
              <Paragraph>{texts.noActivities}</Paragraph>
            ) : (
              <ul className="participatie-items">
                {data.activities.map((activity) => (
                  <li key={activity.activityId} className="participatie-item">
                    <strong>{activity.title}</strong> ({activity.partnerName}) ·{" "}
                    {activity.status === ParticipantStatus.ENROLLED ? texts.hasPlace : texts.waitingForPlace}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <QueryState query={offers} about="action">
        {(data) => {
          const activities = data.pages.flatMap((page) => page.activities);
          return (
            <section aria-labelledby="gevonden" aria-busy={offers.isFetching || undefined}>
              <Heading level={2} id="gevonden">
                {texts.resultsCaption(activities.length)}
              </Heading>
              {activities.length === 0 ? (
                <Paragraph>{texts.none}</Paragraph>
              ) : (
                <ul className="participatie-items">
                  {activities.map((activity) => (
                    <Offer
                      key={activity.activityId}
                      clientId={clientId}
                      activity={activity}
                      joined={joined.find((j) => j.activityId === activity.activityId)}
                      onJoined={(enrolment) => {
                        setJoined((list) => [...list.filter((j) => j.activityId !== enrolment.activityId), enrolment]);
                        void queries.invalidateQueries({ queryKey: ["participation", clientId] });
                      }}
                    />
                  ))}
                </ul>
              )}
              {offers.hasNextPage ? (
                <Button onClick={() => void offers.fetchNextPage()} busy={offers.isFetchingNextPage} disabled={offers.isFetchingNextPage}>
                  {texts.more}
                </Button>
              ) : null}
              {offers.isFetchNextPageError ? <ProblemAlert error={offers.error} about="action" onRetry={() => void offers.fetchNextPage()} /> : null}
            </section>
          );
        }}
      </QueryState>
    </>
  );
}

function Offer({ clientId, activity, joined, onJoined }: { clientId: string; activity: ActivityOnOffer; joined: EnrolInActivityResponse | undefined; onJoined: (enrolment: EnrolInActivityResponse) => void }) {
  const api = useApi();
  const enrol = useMutation({
    mutationFn: () => api.clients.enrolInActivity({ clientId, activityId: activity.activityId }),
    onSuccess: onJoined,
  });
  const titleId = `activiteit-${activity.activityId}`;
  return (
    <li className="participatie-item">
      <Heading level={3} id={titleId}>
        {activity.title}
      </Heading>
      <Paragraph small>
        {typeName(activity.type)} · {texts.by(activity.partnerName)}
      </Paragraph>
      <DataList
        items={[
          { key: texts.when, value: activity.schedule },
          { key: texts.contact, value: activity.contactPerson },
          { key: texts.places, value: activity.freePlaces > 0 ? texts.free(activity.freePlaces, activity.capacity) : texts.full(activity.waiting) },
        ]}
      />
      {enrol.isError ? <ProblemAlert error={enrol.error} about="action" onRetry={() => enrol.mutate()} /> : null}
      {joined ? (
        <Alert type="ok" role="status">
          {joined.status === ParticipantStatus.ENROLLED ? texts.enrolled(joined.title, joined.participantRef) : texts.waiting(joined.title, joined.participantRef)}
        </Alert>
      ) : (
        <Button appearance="primary" onClick={() => enrol.mutate()} busy={enrol.isPending} disabled={enrol.isPending} aria-label={texts.signUpFor(activity.title)}>
          {texts.signUp}
        </Button>
      )}
    </li>
  );
}
