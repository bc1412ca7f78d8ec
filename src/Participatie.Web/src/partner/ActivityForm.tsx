import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { create } from "@bufbuild/protobuf";
import { useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, ButtonGroup, FormField, Heading, Paragraph, Select, Textbox } from "../components/ui";
import { ActivityDetailsSchema, ActivityType, type Activity } from "../gen/participatie/v1/partner_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError, otherFieldErrors, type Problem } from "../lib/errors";
import { enumName } from "../lib/format";
import { usePartnerService } from "./api";

const t = nl.partner;
const fields = ["title", "type", "neighbourhood_id", "capacity", "schedule", "contact_person"] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;

export const activityTypes = [
  ActivityType.VOLUNTEERING,
  ActivityType.INFORMAL_CARE,
  ActivityType.SOCIAL_MEETING,
  ActivityType.SPORTS,
  ActivityType.COMPUTER_LESSONS,
  ActivityType.GARDENING,
  ActivityType.LANGUAGE_LESSONS,
  ActivityType.COURSE,
  ActivityType.DEBT_COUNSELLING,
  ActivityType.WORK_EXPERIENCE,
  ActivityType.OTHER,
];

/** A refused field in Dutch, followed by what the platform said of it; the unknown neighbourhood goes with its field. */
export function fieldMessage(problem: Problem | null, field: string): string | undefined {
  if (problem?.kind === "notFound" && field === "neighbourhood_id") {
    return t.form.neighbourhoodUnknown;
  }
  const sent = fieldError(problem, field);
  if (sent === undefined) {
    return undefined;
  }
  const dutch = t.form.fieldErrors[field];
  return dutch ? `${dutch} ${t.form.platformSays(sent)}` : sent;
}

/** Creating an activity: a fresh form. */
export function NewActivityPage() {
  usePageTitle(t.form.createTitle);
  return <ActivityForm activity={null} />;
}

/** Changing an activity: the form filled with its details. */
export function ChangeActivityPage() {
  const { activityId = "" } = useParams();
  const partners = usePartnerService();
  const activity = useQuery({
    queryKey: ["partner", "activity", activityId],
    queryFn: ({ signal }) => partners.getActivity({ activityId }, { signal }),
  });
  usePageTitle(activity.data?.activity ? t.form.changeTitle(activity.data.activity.details?.title ?? "") : t.form.createTitle);
  return (
    <QueryState query={activity} about="action">
      {(data) => (data.activity ? <ActivityForm activity={data.activity} /> : null)}
    </QueryState>
  );
}

function ActivityForm({ activity }: { activity: Activity | null }) {
  const session = useSignedIn();
  const partners = usePartnerService();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  const details = activity?.details;
  const [values, setValues] = useState<Values>({
    title: details?.title ?? "",
    type: String(details?.type ?? ActivityType.UNSPECIFIED),
    neighbourhood_id: details?.neighbourhoodId ?? "",
    capacity: details ? String(details.capacity) : "",
    schedule: details?.schedule ?? "",
    contact_person: details?.contactPerson ?? "",
  });
  // One key per form: pressing "create" twice, or again after a lost answer, makes one activity.
  const [requestId] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: async () => {
      const body = create(ActivityDetailsSchema, {
        title: values.title.trim(),
        type: Number(values.type) as ActivityType,
        neighbourhoodId: values.neighbourhood_id.trim(),
        capacity: /^\d{1,9}$/.test(values.capacity.trim()) ? Number(values.capacity.trim()) : 0,
        schedule: values.schedule.trim(),
        contactPerson: values.contact_person.trim(),
      });
      return activity
        ? (await partners.updateActivity({ activityId: activity.activityId, activity: body })).activity
        : (await partners.createActivity({ partnerId: session.subject, requestId, activity: body })).activity;
    },
    onSuccess: async (saved) => {
      await queries.invalidateQueries({ queryKey: ["partner"] });
      navigate(`/activiteiten/${encodeURIComponent(saved?.activityId ?? "")}`, { state: { message: activity ? t.activities.changed : t.activities.created } });
    },
  });
  const problem = save.isError ? describeError(save.error, "action") : null;
  const formProblem = problem && problem.kind !== "invalid" && problem.kind !== "notFound" ? problem : null;
  const title = activity ? t.form.changeTitle(details?.title ?? "") : t.form.createTitle;

  function set(field: Field) {
    return (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  if (activity && !activity.open) {
    return (
      <>
        <Heading level={1} ref={heading} tabIndex={-1}>
          {title}
        </Heading>
        <Alert type="info">{t.form.closedCannotChange}</Alert>
        <Paragraph>
          <Link className="utrecht-link utrecht-link--html-a" to={`/activiteiten/${encodeURIComponent(activity.activityId)}`}>
            {t.activity.back}
          </Link>
        </Paragraph>
      </>
    );
  }

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <Paragraph lead>{t.form.intro}</Paragraph>
      <form onSubmit={submit} noValidate className="participatie-form" aria-labelledby="activity-form-title">
        <span id="activity-form-title" className="participatie-visually-hidden">
          {title}
        </span>
        {formProblem ? <ProblemAlert error={save.error} about="action" onRetry={() => save.mutate()} /> : null}
        {problem && problem.kind === "invalid" ? (
          <Alert type="error" role="alert">
            {problem.message} {otherFieldErrors(problem, [...fields]).join(" ")}
          </Alert>
        ) : null}
        <FormField label={t.form.title} description={t.form.titleHint} error={fieldMessage(problem, "title")}>
          {({ id, describedBy, invalid }) => <Textbox id={id} name="title" aria-describedby={describedBy} invalid={invalid} value={values.title} onChange={set("title")} autoComplete="off" />}
        </FormField>
        <FormField label={t.form.type} error={fieldMessage(problem, "type")}>
          {({ id, describedBy, invalid }) => (
            <Select id={id} name="type" aria-describedby={describedBy} invalid={invalid} value={values.type} onChange={set("type")}>
              <option value={ActivityType.UNSPECIFIED}>{t.types.ACTIVITY_TYPE_UNSPECIFIED}</option>
              {activityTypes.map((value) => (
                <option key={value} value={value}>
                  {t.types[enumName(ActivityType, value, "ACTIVITY_TYPE")]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label={t.form.neighbourhood} description={t.form.neighbourhoodHint} error={fieldMessage(problem, "neighbourhood_id")}>
          {({ id, describedBy, invalid }) => (
            <Textbox id={id} name="neighbourhood" aria-describedby={describedBy} invalid={invalid} value={values.neighbourhood_id} onChange={set("neighbourhood_id")} autoComplete="off" spellCheck={false} />
          )}
        </FormField>
        <FormField label={t.form.capacity} description={t.form.capacityHint} error={fieldMessage(problem, "capacity")}>
          {({ id, describedBy, invalid }) => (
            <Textbox id={id} name="capacity" inputMode="numeric" aria-describedby={describedBy} invalid={invalid} value={values.capacity} onChange={set("capacity")} autoComplete="off" className="participatie-short" />
          )}
        </FormField>
        <FormField label={t.form.schedule} description={t.form.scheduleHint} error={fieldMessage(problem, "schedule")}>
          {({ id, describedBy, invalid }) => <Textbox id={id} name="schedule" aria-describedby={describedBy} invalid={invalid} value={values.schedule} onChange={set("schedule")} />}
        </FormField>
        <FormField label={t.form.contactPerson} description={t.form.contactPersonHint} error={fieldMessage(problem, "contact_person")}>
          {({ id, describedBy, invalid }) => <Textbox id={id} name="contact" aria-describedby={describedBy} invalid={invalid} value={values.contact_person} onChange={set("contact_person")} />}
        </FormField>
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending}>
            {save.isPending ? t.form.saving : activity ? t.form.save : t.form.create}
          </Button>
          <Link className="utrecht-link utrecht-link--html-a" to={activity ? `/activiteiten/${encodeURIComponent(activity.activityId)}` : "/"}>
            {t.form.cancel}
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
