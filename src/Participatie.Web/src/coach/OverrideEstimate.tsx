import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { ProblemAlert } from "../components/QueryState";
import { Alert, Button, FormField, Heading, Paragraph, Textarea, Textbox } from "../components/ui";
import { nl } from "../i18n/nl";
import { describeError, fieldError, otherFieldErrors } from "../lib/errors";

/** The coach's own figure for the estimate, with the written reason the platform requires. */
export function OverrideEstimate({ clientId, purpose }: { clientId: string; purpose: string }) {
  const api = useApi();
  const session = useSignedIn();
  const queries = useQueryClient();
  const [months, setMonths] = useState("");
  const [reason, setReason] = useState("");
  const override = useMutation({
    mutationFn: () =>
      api.clients.overrideEstimate(
        // An empty or non-numeric entry is sent as -1, so that the server names the field rather than take 0 months.
        { clientId, months: /^\d+$/.test(months.trim()) ? Number(months.trim()) : -1, reason, coachId: session.subject },
        withPurpose(purpose),
      ),
    onSuccess: async () => {
      setReason("");
      await queries.invalidateQueries({ queryKey: ["client", clientId] });
    },
  });
  const problem = override.isError ? describeError(override.error, "action") : null;
  const fields = ["months", "reason", "coach_id"];
  function submit(event: FormEvent) {
    event.preventDefault();
    override.mutate();
  }
  return (
    <form onSubmit={submit} noValidate className="participatie-form" aria-labelledby="override-estimate">
      <Heading level={3} id="override-estimate">
        {nl.override.title}
      </Heading>
      <Paragraph>{nl.override.intro}</Paragraph>
      {override.isSuccess ? (
        <Alert type="ok" role="status">
          {nl.override.saved}
        </Alert>
      ) : null}
      {problem && problem.kind !== "invalid" ? <ProblemAlert error={override.error} about="action" onRetry={() => override.mutate()} /> : null}
      {problem && problem.kind === "invalid" ? (
        <Alert type="error" role="alert">
          {problem.message} {otherFieldErrors(problem, fields).join(" ")}
        </Alert>
      ) : null}
      <FormField label={nl.override.months} description={nl.override.monthsHint} error={fieldError(problem, "months")}>
        {({ id, describedBy, invalid }) => (
          <Textbox id={id} inputMode="numeric" aria-describedby={describedBy} invalid={invalid} value={months} onChange={(event) => setMonths(event.target.value)} className="utrecht-textbox--numeric" />
        )}
      </FormField>
      <FormField label={nl.override.reason} description={nl.override.reasonHint} error={fieldError(problem, "reason")}>
        {({ id, describedBy, invalid }) => (
          <Textarea id={id} aria-describedby={describedBy} invalid={invalid} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        )}
      </FormField>
      <Button type="submit" busy={override.isPending} disabled={override.isPending}>
        {nl.override.submit}
      </Button>
    </form>
  );
}
