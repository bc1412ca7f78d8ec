import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, Fieldset, FormField, Heading, Paragraph, RadioOption, StatusBadge, Textarea } from "../components/ui";
import { GoalStatus, SuggestionStatus, type Goal, type Suggestion } from "../gen/participatie/v1/contract_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError, otherFieldErrors } from "../lib/errors";
import { enumName, formatDate, formatInstant } from "../lib/format";
import { goalDomainName, ProposeGoalForm } from "../components/ProposeGoalForm";

const texts = nl.myParticipation.contract;

/** Mijn contract: my goals (agree to one), the suggestions I got (answer yes, or no in my own words), a goal of my own. */
export function ContractPage() {
  const { subject: clientId } = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const contract = useQuery({
    queryKey: ["my-contract", clientId],
    queryFn: ({ signal }) => api.contracts.getSocialContract({ clientId }, { signal }),
  });
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <QueryState query={contract} about="action">
        {(data) => {
          const goals = data.contract?.goals ?? [];
          const suggestions = data.contract?.suggestions ?? [];
          return (
            <>
              <section aria-labelledby="mijn-doelen" className="participatie-card">
                <Heading level={2} id="mijn-doelen">
                  {texts.goals}
                </Heading>
                {goals.length === 0 ? (
                  <Paragraph>{texts.noGoals}</Paragraph>
                ) : (
                  <ul className="participatie-items">
                    {goals.map((goal) => (
                      <GoalItem key={goal.goalId} clientId={clientId} goal={goal} />
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="suggesties" className="participatie-card">
                <Heading level={2} id="suggesties">
                  {texts.suggestions}
                </Heading>
                {suggestions.length === 0 ? (
                  <Paragraph>{texts.noSuggestions}</Paragraph>
                ) : (
                  <ul className="participatie-items">
                    {suggestions.map((suggestion) => (
                      <SuggestionItem key={suggestion.suggestionId} clientId={clientId} suggestion={suggestion} />
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </QueryState>
      <section aria-labelledby="doel-voorstellen" className="participatie-card">
        <ProposeGoalForm
          clientId={clientId}
          contractQueryKey={["my-contract", clientId]}
          headingLevel={2}
          headingId="doel-voorstellen"
          title={texts.proposeTitle}
          intro={texts.proposeIntro}
          reviewHint={texts.reviewHint}
          proposedText={texts.goalProposed}
          submitLabel={texts.submitGoal}
        />
      </section>
    </>
  );
}

function GoalItem({ clientId, goal }: { clientId: string; goal: Goal }) {
  const api = useApi();
  const queries = useQueryClient();
  const agree = useMutation({
    mutationFn: () => api.contracts.agreeGoal({ clientId, goalId: goal.goalId }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["my-contract", clientId] }),
  });
  const mayAgree = goal.status === GoalStatus.PROPOSED && goal.agreedByPersonAt === "";
  return (
    <li className="participatie-item">
      <p className="utrecht-paragraph" id={`doel-${goal.goalId}`}>
        <strong>{goalDomainName(goal.domain)}</strong>: {goal.description}
      </p>
      <p className="utrecht-paragraph utrecht-paragraph--small">
        <StatusBadge status={goal.status === GoalStatus.AGREED ? "active" : goal.status === GoalStatus.ACHIEVED ? "safe" : "neutral"}>
          {nl.contract.statuses[enumName(GoalStatus, goal.status, "GOAL_STATUS")]}
        </StatusBadge>
        {goal.reviewOn ? ` · ${nl.contract.review(formatDate(goal.reviewOn))}` : null}
        {goal.status === GoalStatus.AGREED || goal.percent > 0 ? ` · ${nl.contract.progress(goal.percent)}` : null}
        {goal.status === GoalStatus.PROPOSED && goal.agreedByPersonAt !== "" ? ` · ${texts.youAgreed} (${formatInstant(goal.agreedByPersonAt)}). ${texts.waitingForCoach}` : null}
      </p>
      {goal.percent > 0 ? <progress className="participatie-progress" max={100} value={goal.percent} aria-label={nl.contract.progress(goal.percent)} /> : null}
      {agree.isError ? <ProblemAlert error={agree.error} about="action" onRetry={() => agree.mutate()} /> : null}
      {agree.isSuccess ? (
        <Alert type="ok" role="status">
          {texts.agreed}
        </Alert>
      ) : null}
      {mayAgree ? (
        <Button appearance="primary" onClick={() => agree.mutate()} busy={agree.isPending} disabled={agree.isPending} aria-describedby={`doel-${goal.goalId}`}>
          {texts.agree}
        </Button>
      ) : null}
    </li>
  );
}

function SuggestionItem({ clientId, suggestion }: { clientId: string; suggestion: Suggestion }) {
  const open = suggestion.status === SuggestionStatus.OPEN;
  return (
    <li className="participatie-item">
      <p className="utrecht-paragraph" id={`suggestie-${suggestion.suggestionId}`}>
        <strong>{goalDomainName(suggestion.domain)}</strong>: {suggestion.text}
      </p>
      <p className="utrecht-paragraph utrecht-paragraph--small">
        <StatusBadge status={suggestion.status === SuggestionStatus.DECLINED ? "warning" : suggestion.status === SuggestionStatus.ACCEPTED ? "safe" : "neutral"}>
          {nl.myParticipation.suggestionStatus[enumName(SuggestionStatus, suggestion.status, "SUGGESTION_STATUS")]}
        </StatusBadge>
        {suggestion.words ? ` ${texts.yourAnswer(suggestion.words)}` : null}
      </p>
      {open ? <Answer clientId={clientId} suggestion={suggestion} /> : null}
    </li>
  );
}

/** Yes or no to a suggestion; a "no" in the person's own words, which the coach reads as written. */
function Answer({ clientId, suggestion }: { clientId: string; suggestion: Suggestion }) {
  const api = useApi();
  const queries = useQueryClient();
  const [choice, setChoice] = useState<"" | "yes" | "no">("");
  const [words, setWords] = useState("");
  const [local, setLocal] = useState<{ choice?: string; words?: string }>({});
  const respond = useMutation({
    mutationFn: () => api.contracts.respondToSuggestion({ clientId, suggestionId: suggestion.suggestionId, accept: choice === "yes", words }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["my-contract", clientId] }),
  });
  const problem = respond.isError ? describeError(respond.error, "action") : null;
  const name = `antwoord-${suggestion.suggestionId}`;
  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: { choice?: string; words?: string } = {};
    if (choice === "") {
      errors.choice = texts.chooseAnswer;
    } else if (choice === "no" && words.trim() === "") {
      errors.words = texts.wordsRequired;
    }
    setLocal(errors);
    if (!errors.choice && !errors.words) {
      respond.mutate();
    }
  }
  return (
    <form onSubmit={submit} noValidate className="participatie-form" aria-describedby={`suggestie-${suggestion.suggestionId}`}>
      {respond.isSuccess ? (
        <Alert type="ok" role="status">
          {texts.answered}
        </Alert>
      ) : null}
      {problem && problem.kind !== "invalid" ? <ProblemAlert error={respond.error} about="action" onRetry={() => respond.mutate()} /> : null}
      {problem && problem.kind === "invalid" && otherFieldErrors(problem, ["words", "accept"]).length > 0 ? (
        <Alert type="error" role="alert">
          {problem.message} {otherFieldErrors(problem, ["words", "accept"]).join(" ")}
        </Alert>
      ) : null}
      <Fieldset legend={texts.answerLegend} error={local.choice ?? fieldError(problem, "accept")}>
        <RadioOption name={name} value="yes" checked={choice === "yes"} onChange={() => setChoice("yes")} label={texts.accept} />
        <RadioOption name={name} value="no" checked={choice === "no"} onChange={() => setChoice("no")} label={texts.decline} />
      </Fieldset>
      <FormField label={texts.words} description={choice === "yes" ? texts.wordsHintAccept : texts.wordsHintDecline} error={local.words ?? fieldError(problem, "words")}>
        {({ id, describedBy, invalid }) => (
          <Textarea id={id} aria-describedby={describedBy} invalid={invalid} rows={3} maxLength={1000} value={words} onChange={(event) => setWords(event.target.value)} />
        )}
      </FormField>
      <Button type="submit" appearance="primary" busy={respond.isPending} disabled={respond.isPending}>
        {texts.send}
      </Button>
    </form>
  );
}

