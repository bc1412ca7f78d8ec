import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi } from "../auth/SessionContext";
import { ProblemAlert } from "../components/QueryState";
import { Alert, Button, FormField, Textbox } from "../components/ui";
import { ContractParty, GoalStatus, type Goal } from "../gen/participatie/v1/contract_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError } from "../lib/errors";
import { enumName, formatDate, formatInstant } from "../lib/format";

const party = (by: ContractParty) => nl.contract.parties[enumName(ContractParty, by, "CONTRACT_PARTY")] ?? "";

/** What a coach does with one goal: agree to it, record progress; and what was recorded before. */
export function GoalActions({ clientId, purpose, goal }: { clientId: string; purpose: string; goal: Goal }) {
  const api = useApi();
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ["contract", clientId] });
  const agree = useMutation({
    mutationFn: () => api.contracts.agreeGoal({ clientId, goalId: goal.goalId }, withPurpose(purpose)),
    onSuccess: refresh,
  });
  const waiting = goal.status === GoalStatus.PROPOSED && goal.agreedByCoachAt !== "" && goal.agreedByPersonAt === "";
  return (
    <>
      {goal.status === GoalStatus.PROPOSED && goal.agreedByCoachAt === "" ? (
        <>
          {agree.isError ? <ProblemAlert error={agree.error} about="action" onRetry={() => agree.mutate()} /> : null}
          <Button onClick={() => agree.mutate()} busy={agree.isPending} disabled={agree.isPending} aria-describedby={`goal-${goal.goalId}`}>
            {nl.contract.agree}
          </Button>
        </>
      ) : null}
      {waiting ? <p className="utrecht-paragraph utrecht-paragraph--small">{nl.contract.waitingForPerson}</p> : null}
      {agree.isSuccess && goal.status === GoalStatus.AGREED ? (
        <Alert type="ok" role="status">
          {nl.contract.agreed}
        </Alert>
      ) : null}
      {goal.progress.length + goal.reviews.length > 0 ? (
        <details className="participatie-details">
          <summary>{nl.contract.history}</summary>
          <ul>
            {goal.progress.map((p, index) => (
              <li key={`p${index}`}>{nl.contract.progressLine(p.percent, party(p.by), formatInstant(p.at), p.note)}</li>
            ))}
            {goal.reviews.map((r, index) => (
              <li key={`r${index}`}>{nl.contract.reviewLine(formatDate(r.nextReviewOn), party(r.by), formatInstant(r.at), r.note)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {goal.status === GoalStatus.AGREED ? <RecordProgress clientId={clientId} purpose={purpose} goal={goal} onDone={refresh} /> : null}
    </>
  );
}

function RecordProgress({ clientId, purpose, goal, onDone }: { clientId: string; purpose: string; goal: Goal; onDone: () => Promise<void> }) {
  const api = useApi();
  const [percent, setPercent] = useState(String(goal.percent));
  const [note, setNote] = useState("");
  const record = useMutation({
    mutationFn: () =>
      api.contracts.recordGoalProgress(
        { clientId, goalId: goal.goalId, percent: /^\d+$/.test(percent.trim()) ? Number(percent.trim()) : -1, note },
        withPurpose(purpose),
      ),
    onSuccess: async () => {
      setNote("");
      await onDone();
    },
  });
  const problem = record.isError ? describeError(record.error, "action") : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate();
  }
  return (
    <details className="participatie-details">
      <summary>{nl.contract.progressTitle}</summary>
      <form onSubmit={submit} noValidate className="participatie-form">
        {record.isSuccess ? (
          <Alert type="ok" role="status">
            {nl.contract.progressSaved}
          </Alert>
        ) : null}
        {problem && problem.kind !== "invalid" ? <ProblemAlert error={record.error} about="action" onRetry={() => record.mutate()} /> : null}
        <FormField label={nl.contract.progressPercent} error={fieldError(problem, "percent")}>
          {({ id, describedBy, invalid }) => (
            <Textbox id={id} inputMode="numeric" aria-describedby={describedBy} invalid={invalid} value={percent} onChange={(event) => setPercent(event.target.value)} />
          )}
        </FormField>
        <FormField label={nl.contract.progressNote} error={fieldError(problem, "note")}>
          {({ id, describedBy, invalid }) => <Textbox id={id} aria-describedby={describedBy} invalid={invalid} value={note} onChange={(event) => setNote(event.target.value)} />}
        </FormField>
        <Button type="submit" busy={record.isPending} disabled={record.isPending}>
          {nl.contract.progressSubmit}
        </Button>
      </form>
    </details>
  );
}
