import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi } from "../auth/SessionContext";
import { GoalDomain } from "../gen/participatie/v1/contract_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError, otherFieldErrors } from "../lib/errors";
import { enumName } from "../lib/format";
import { ProblemAlert } from "./QueryState";
import { Alert, Button, FormField, Heading, Paragraph, Select, Textarea, Textbox } from "./ui";

/** The life domains a goal or suggestion is about, in the order the forms offer them. */
export const goalDomains = [
  GoalDomain.WORK,
  GoalDomain.HEALTH,
  GoalDomain.DEBTS,
  GoalDomain.SOCIAL_CONTACTS,
  GoalDomain.LANGUAGE,
  GoalDomain.VOLUNTEERING,
  GoalDomain.CARE,
  GoalDomain.EDUCATION,
  GoalDomain.WELL_BEING,
];

export const goalDomainName = (domain: GoalDomain) => nl.contract.domains[enumName(GoalDomain, domain, "GOAL_DOMAIN")];

/**
 * Proposing a goal for the social contract — by the coach (with the purpose they opened the person for) or by the
 * person themselves. Field violations are shown next to their field; a retry of a failed call reuses its request id,
 * so the goal is never stored twice.
 */
export function ProposeGoalForm({
  clientId,
  purpose,
  contractQueryKey,
  headingLevel,
  headingId,
  title,
  intro,
  reviewHint,
  proposedText,
  submitLabel,
}: {
  clientId: string;
  purpose?: string;
  contractQueryKey: readonly unknown[];
  headingLevel: 2 | 3;
  headingId: string;
  title: string;
  intro?: string;
  reviewHint?: string;
  proposedText: string;
  submitLabel: string;
}) {
  const api = useApi();
  const queries = useQueryClient();
  const [domain, setDomain] = useState<GoalDomain>(GoalDomain.UNSPECIFIED);
  const [description, setDescription] = useState("");
  const [reviewOn, setReviewOn] = useState("");
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const propose = useMutation({
    mutationFn: () => api.contracts.proposeGoal({ clientId, domain, description, reviewOn, requestId }, purpose ? withPurpose(purpose) : undefined),
    onSuccess: async () => {
      setDescription("");
      setReviewOn("");
      setDomain(GoalDomain.UNSPECIFIED);
      setRequestId(crypto.randomUUID());
      await queries.invalidateQueries({ queryKey: contractQueryKey });
    },
  });
  const problem = propose.isError ? describeError(propose.error, "action") : null;
  const fields = ["domain", "description", "review_on"];
  function submit(event: FormEvent) {
    event.preventDefault();
    propose.mutate();
  }
  return (
    <form onSubmit={submit} noValidate className="participatie-form" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        {title}
      </Heading>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {propose.isSuccess ? (
        <Alert type="ok" role="status">
          {proposedText}
        </Alert>
      ) : null}
      {problem && problem.kind !== "invalid" ? <ProblemAlert error={propose.error} about="action" onRetry={() => propose.mutate()} /> : null}
      {problem && problem.kind === "invalid" ? (
        <Alert type="error" role="alert">
          {problem.message} {otherFieldErrors(problem, fields).join(" ")}
        </Alert>
      ) : null}
      <FormField label={nl.contract.domain} error={fieldError(problem, "domain")}>
        {({ id, describedBy, invalid }) => (
          <Select id={id} aria-describedby={describedBy} invalid={invalid} value={String(domain)} onChange={(event) => setDomain(Number(event.target.value) as GoalDomain)}>
            <option value={GoalDomain.UNSPECIFIED}>{nl.contract.domains.GOAL_DOMAIN_UNSPECIFIED}</option>
            {goalDomains.map((value) => (
              <option key={value} value={value}>
                {goalDomainName(value)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label={nl.contract.description} error={fieldError(problem, "description")}>
        {({ id, describedBy, invalid }) => (
          <Textarea id={id} aria-describedby={describedBy} invalid={invalid} rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
        )}
      </FormField>
      <FormField label={nl.contract.reviewOn} description={reviewHint} error={fieldError(problem, "review_on")}>
        {({ id, describedBy, invalid }) => (
          <Textbox id={id} type="date" aria-describedby={describedBy} invalid={invalid} value={reviewOn} onChange={(event) => setReviewOn(event.target.value)} />
        )}
      </FormField>
      <Button type="submit" appearance="primary" busy={propose.isPending} disabled={propose.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
