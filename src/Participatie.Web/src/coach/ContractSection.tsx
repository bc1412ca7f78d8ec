import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi } from "../auth/SessionContext";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, FormField, Heading, Paragraph, Select, StatusBadge, Textarea } from "../components/ui";
import { ContractParty, GoalDomain, GoalStatus, SuggestionStatus } from "../gen/participatie/v1/contract_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError, otherFieldErrors } from "../lib/errors";
import { enumName, formatDate, formatInstant } from "../lib/format";
import { GoalActions } from "./GoalActions";
import { goalDomains, ProposeGoalForm } from "../components/ProposeGoalForm";


/** The social contract: goals with their status, progress and review date, suggestions with the person's answers. */
export function ContractSection({ clientId, purpose }: { clientId: string; purpose: string }) {
  const api = useApi();
  const contract = useQuery({
    queryKey: ["contract", clientId, purpose],
    queryFn: ({ signal }) => api.contracts.getSocialContract({ clientId }, { signal, ...withPurpose(purpose) }),
  });
  return (
    <section aria-labelledby="contract" className="participatie-card">
      <Heading level={2} id="contract">
        {nl.contract.title}
      </Heading>
      <QueryState query={contract}>
        {(data) => {
          const c = data.contract;
          if (!c) {
            return <Paragraph>{nl.contract.noGoals}</Paragraph>;
          }
          return (
            <>
              <Paragraph>
                <StatusBadge status={c.legallyBinding ? "active" : "neutral"}>{c.legallyBinding ? nl.contract.binding : nl.contract.notBinding}</StatusBadge>
                {c.legallyBinding && c.legallyBindingSince ? ` (${formatInstant(c.legallyBindingSince)})` : null}
              </Paragraph>
              {c.bindingChangePending ? <Alert type="info">{nl.contract.bindingPending}</Alert> : null}
              {c.bindingChangePending && c.pendingBindingBy === ContractParty.COACH ? null : (
                <Binding clientId={clientId} purpose={purpose} binding={c.bindingChangePending ? c.pendingBindingValue : !c.legallyBinding} />
              )}
              <Heading level={3}>{nl.contract.goals}</Heading>
              {c.goals.length === 0 ? (
                <Paragraph>{nl.contract.noGoals}</Paragraph>
              ) : (
                <ul className="participatie-items">
                  {c.goals.map((goal) => (
                    <li key={goal.goalId} className="participatie-item">
                      <p className="utrecht-paragraph" id={`goal-${goal.goalId}`}>
                        <strong>{nl.contract.domains[enumName(GoalDomain, goal.domain, "GOAL_DOMAIN")]}</strong>: {goal.description}
                      </p>
                      <p className="utrecht-paragraph utrecht-paragraph--small">
                        <StatusBadge status={goal.status === GoalStatus.AGREED ? "active" : goal.status === GoalStatus.ACHIEVED ? "safe" : "neutral"}>
                          {nl.contract.statuses[enumName(GoalStatus, goal.status, "GOAL_STATUS")]}
                        </StatusBadge>{" "}
                        {nl.contract.proposedBy(nl.contract.parties[enumName(ContractParty, goal.proposedBy, "CONTRACT_PARTY")] ?? "")}
                        {goal.reviewOn ? ` · ${nl.contract.review(formatDate(goal.reviewOn))}` : null}
                        {goal.status === GoalStatus.AGREED || goal.percent > 0 ? ` · ${nl.contract.progress(goal.percent)}` : null}
                      </p>
                      {goal.percent > 0 ? (
                        <progress className="participatie-progress" max={100} value={goal.percent} aria-label={nl.contract.progress(goal.percent)} />
                      ) : null}
                      <GoalActions clientId={clientId} purpose={purpose} goal={goal} />
                    </li>
                  ))}
                </ul>
              )}
              <Heading level={3}>{nl.contract.suggestions}</Heading>
              {c.suggestions.length === 0 ? (
                <Paragraph>{nl.contract.noSuggestions}</Paragraph>
              ) : (
                <ul className="participatie-items">
                  {c.suggestions.map((suggestion) => (
                    <li key={suggestion.suggestionId} className="participatie-item">
                      <p className="utrecht-paragraph">
                        <strong>{nl.contract.domains[enumName(GoalDomain, suggestion.domain, "GOAL_DOMAIN")]}</strong>: {suggestion.text}
                      </p>
                      <p className="utrecht-paragraph utrecht-paragraph--small">
                        <StatusBadge status={suggestion.status === SuggestionStatus.DECLINED ? "warning" : suggestion.status === SuggestionStatus.ACCEPTED ? "safe" : "neutral"}>
                          {nl.contract.suggestionStatuses[enumName(SuggestionStatus, suggestion.status, "SUGGESTION_STATUS")]}
                        </StatusBadge>
                        {suggestion.words ? ` ${nl.contract.answer(suggestion.words)}` : null}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              <ProposeGoalForm
                clientId={clientId}
                purpose={purpose}
                contractQueryKey={["contract", clientId]}
                headingLevel={3}
                headingId="propose-goal"
                title={nl.contract.propose}
                proposedText={nl.contract.goalProposed}
                submitLabel={nl.contract.submitGoal}
              />
              <MakeSuggestion clientId={clientId} purpose={purpose} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function MakeSuggestion({ clientId, purpose }: { clientId: string; purpose: string }) {
  const api = useApi();
  const queries = useQueryClient();
  const [domain, setDomain] = useState<GoalDomain>(GoalDomain.UNSPECIFIED);
  const [text, setText] = useState("");
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const suggest = useMutation({
    mutationFn: () => api.contracts.makeSuggestion({ clientId, domain, text, requestId }, withPurpose(purpose)),
    onSuccess: async () => {
      setText("");
      setDomain(GoalDomain.UNSPECIFIED);
      setRequestId(crypto.randomUUID());
      await queries.invalidateQueries({ queryKey: ["contract", clientId] });
    },
  });
  const problem = suggest.isError ? describeError(suggest.error, "action") : null;
  const fields = ["domain", "text"];
  function submit(event: FormEvent) {
    event.preventDefault();
    suggest.mutate();
  }
  return (
    <form onSubmit={submit} noValidate className="participatie-form" aria-labelledby="make-suggestion">
      <Heading level={3} id="make-suggestion">
        {nl.suggestion.title}
      </Heading>
      <Paragraph>{nl.suggestion.intro}</Paragraph>
      {suggest.isSuccess ? <Alert type="ok" role="status">{nl.suggestion.saved}</Alert> : null}
      {problem && problem.kind !== "invalid" ? <ProblemAlert error={suggest.error} about="action" onRetry={() => suggest.mutate()} /> : null}
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
                {nl.contract.domains[enumName(GoalDomain, value, "GOAL_DOMAIN")]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label={nl.suggestion.text} error={fieldError(problem, "text")}>
        {({ id, describedBy, invalid }) => (
          <Textarea id={id} aria-describedby={describedBy} invalid={invalid} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
        )}
      </FormField>
      <Button type="submit" busy={suggest.isPending} disabled={suggest.isPending}>
        {nl.suggestion.submit}
      </Button>
    </form>
  );
}

/** Asks for the contract to become binding (or to stop being so); it changes only when both parties said so. */
function Binding({ clientId, purpose, binding }: { clientId: string; purpose: string; binding: boolean }) {
  const api = useApi();
  const queries = useQueryClient();
  const change = useMutation({
    mutationFn: () => api.contracts.setLegallyBinding({ clientId, legallyBinding: binding }, withPurpose(purpose)),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["contract", clientId] }),
  });
  return (
    <>
      <Paragraph small>{nl.contract.bindingExplained}</Paragraph>
      {change.isError ? <ProblemAlert error={change.error} about="action" onRetry={() => change.mutate()} /> : null}
      <Button onClick={() => change.mutate()} busy={change.isPending} disabled={change.isPending}>
        {binding ? nl.contract.makeBinding : nl.contract.makeNotBinding}
      </Button>
    </>
  );
}
