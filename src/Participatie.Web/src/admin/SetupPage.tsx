import { useState, type FormEvent } from "react";
import { Code, ConnectError } from "@connectrpc/connect";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert } from "../components/QueryState";
import { Alert, Button, FormField, Heading, Paragraph, Textbox } from "../components/ui";
import { nl } from "../i18n/nl";
import { describeError, fieldError } from "../lib/errors";

const texts = nl.admin.setup;

/** Setting up: a new neighbourhood, a new coach (whose id the coach then signs in with). */
export function SetupPage() {
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <NewNeighbourhood />
      <NewCoach />
    </>
  );
}

function NewNeighbourhood() {
  const api = useApi();
  const queries = useQueryClient();
  const [fields, setFields] = useState({ neighbourhoodId: "", name: "", municipality: "" });
  const create = useMutation({
    mutationFn: () => api.neighbourhoods.createNeighbourhood({ neighbourhoodId: fields.neighbourhoodId.trim(), name: fields.name.trim(), municipality: fields.municipality.trim() }),
    onSuccess: async () => {
      setFields({ neighbourhoodId: "", name: "", municipality: fields.municipality });
      await queries.invalidateQueries({ queryKey: ["neighbourhoods"] });
    },
  });
  const problem = create.isError ? describeError(create.error, "action") : null;
  const exists = create.isError && ConnectError.from(create.error).code === Code.AlreadyExists;
  const set = (name: keyof typeof fields) => (event: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [name]: event.currentTarget.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section aria-labelledby="nieuwe-wijk" className="participatie-card">
      <Heading level={2} id="nieuwe-wijk">
        {texts.neighbourhood}
      </Heading>
      <div role="status">{create.data?.neighbourhood ? <Alert type="ok">{texts.neighbourhoodDone(create.data.neighbourhood.name)}</Alert> : null}</div>
      {problem && problem.kind !== "invalid" && !exists ? <ProblemAlert error={create.error} about="action" onRetry={() => create.mutate()} /> : null}
      <form onSubmit={submit} noValidate className="participatie-form">
        <FormField label={texts.neighbourhoodId} description={texts.neighbourhoodIdHint} error={exists ? texts.neighbourhoodExists : fieldError(problem, "neighbourhood_id")}>
          {({ id, describedBy, invalid }) => <Textbox id={id} value={fields.neighbourhoodId} onChange={set("neighbourhoodId")} aria-describedby={describedBy} invalid={invalid} maxLength={60} />}
        </FormField>
        <FormField label={texts.neighbourhoodName} error={fieldError(problem, "name")}>
          {({ id, describedBy, invalid }) => <Textbox id={id} value={fields.name} onChange={set("name")} aria-describedby={describedBy} invalid={invalid} maxLength={100} />}
        </FormField>
        <FormField label={texts.municipality} error={fieldError(problem, "municipality")}>
          {({ id, describedBy, invalid }) => <Textbox id={id} value={fields.municipality} onChange={set("municipality")} aria-describedby={describedBy} invalid={invalid} maxLength={100} />}
        </FormField>
        <div>
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
            {texts.neighbourhoodSubmit}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A random request id (crypto.randomUUID exists only on secure origins; getRandomValues everywhere). */
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Empty takes the default (0); anything but digits is sent as -1, which the platform refuses next to the field. */
function caseloadLimit(text: string): number {
  const value = text.trim();
  return value === "" ? 0 : /^\d{1,4}$/.test(value) ? Number(value) : -1;
}

function NewCoach() {
  const api = useApi();
  const [name, setName] = useState("");
  const [limit, setLimit] = useState("");
  // One request id per coach being added: a retry after a lost answer gives the same coach, not a second one.
  const [requestId, setRequestId] = useState(() => newRequestId());
  const create = useMutation({
    mutationFn: () => api.coaches.createCoach({ requestId, displayName: name.trim(), caseloadLimit: caseloadLimit(limit) }),
    onSuccess: () => {
      setName("");
      setLimit("");
      setRequestId(newRequestId());
    },
  });
  const problem = create.isError ? describeError(create.error, "action") : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section aria-labelledby="nieuwe-klantmanager" className="participatie-card">
      <Heading level={2} id="nieuwe-klantmanager">
        {texts.coach}
      </Heading>
      <div role="status">{create.data?.coach ? <Alert type="ok">{texts.coachDone(create.data.coach.displayName, create.data.coach.coachId)}</Alert> : null}</div>
      {problem && problem.kind !== "invalid" ? <ProblemAlert error={create.error} about="action" onRetry={() => create.mutate()} /> : null}
      <form onSubmit={submit} noValidate className="participatie-form">
        <FormField label={texts.coachName} error={fieldError(problem, "display_name")}>
          {({ id, describedBy, invalid }) => <Textbox id={id} value={name} onChange={(event) => setName(event.currentTarget.value)} aria-describedby={describedBy} invalid={invalid} maxLength={100} />}
        </FormField>
        <FormField label={texts.caseloadLimit} description={texts.caseloadLimitHint} error={fieldError(problem, "caseload_limit")}>
          {({ id, describedBy, invalid }) => (
            <Textbox id={id} value={limit} onChange={(event) => setLimit(event.currentTarget.value)} aria-describedby={describedBy} invalid={invalid} inputMode="numeric" pattern="[0-9]*" />
          )}
        </FormField>
        <div>
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
            {texts.coachSubmit}
          </Button>
        </div>
      </form>
    </section>
  );
}
