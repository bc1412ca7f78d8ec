import { useMemo, useState, type FormEvent } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { Pager } from "../components/Pager";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, Cell, Checkbox, Fieldset, FormField, Heading, Paragraph, Row, Select, StatusBadge, Table } from "../components/ui";
import type { Coach } from "../gen/participatie/v1/coach_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError } from "../lib/errors";
import { currentToken, firstPage, type Pages } from "../lib/paging";
import { caseloadShare, colleagueErrors, toggleColleague, transferLines, withoutLeaving } from "./handOver";

const texts = nl.admin.coaches;
const pageSize = 50;
/** The form chooses from every coach: one page of the largest size (a team has tens of coaches, a municipality hundreds). */
const allCoaches = 1000;

/** The team's coaches with their caseload, and handing a leaving coach's caseload over to colleagues. */
export function CoachesPage() {
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <CoachList />
      <HandOver />
    </>
  );
}

function CoachList() {
  const api = useApi();
  const [pages, setPages] = useState<Pages>(firstPage);
  const coaches = useQuery({
    queryKey: ["admin", "coaches", "page", currentToken(pages)],
    queryFn: ({ signal }) => api.coaches.listCoaches({ pageSize, pageToken: currentToken(pages) }, { signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="klantmanagers" className="participatie-card">
      <Heading level={2} id="klantmanagers">
        {texts.listTitle}
      </Heading>
      <QueryState query={coaches} about="action">
        {(data) =>
          data.coaches.length === 0 ? (
            <Paragraph>{texts.empty}</Paragraph>
          ) : (
            <>
              <Table caption={texts.caption} head={[{ label: texts.name }, { label: texts.id }, { label: texts.caseload }, { label: texts.free, numeric: true }]}>
                {data.coaches.map((coach) => (
                  <CoachRow key={coach.coachId} coach={coach} />
                ))}
              </Table>
              <Pager pages={pages} nextPageToken={data.nextPageToken} onChange={setPages} label={texts.pagination} previous={texts.previous} next={texts.next} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/** A coach's caseload as a figure ("12 van 30") with a meter beside it that says the same to assistive technology. */
function CoachRow({ coach }: { coach: Coach }) {
  const share = caseloadShare(coach.caseloadSize, coach.caseloadLimit);
  return (
    <Row>
      <Cell header>{coach.displayName}</Cell>
      <Cell>
        <code>{coach.coachId}</code>
      </Cell>
      <Cell>
        <span className="participatie-caseload">
          <meter
            className="participatie-caseload__meter"
            min={0}
            max={Math.max(share.limit, 1)}
            value={share.size}
            high={Math.max(share.limit, 1) * 0.9}
            optimum={0}
            aria-label={texts.meterLabel(coach.displayName)}
            aria-valuetext={texts.ofLimit(share.size, share.limit)}
          />
          <span>{texts.ofLimit(share.size, share.limit)}</span>
          {share.full ? <StatusBadge status="warning">{texts.full}</StatusBadge> : null}
        </span>
      </Cell>
      <Cell numeric>{share.free.toLocaleString("nl-NL")}</Cell>
    </Row>
  );
}

function HandOver() {
  const api = useApi();
  const queries = useQueryClient();
  const coaches = useQuery({
    queryKey: ["admin", "coaches", "all"],
    queryFn: ({ signal }) => api.coaches.listCoaches({ pageSize: allCoaches }, { signal }),
  });
  const [leaving, setLeaving] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const names = useMemo(() => new Map((coaches.data?.coaches ?? []).map((c) => [c.coachId, c.displayName])), [coaches.data]);
  const handOver = useMutation({
    // The people moved are audited: the admin hands them over as administration.
    mutationFn: (request: { fromCoachId: string; toCoachIds: string[] }) => api.coaches.reassignCaseload(request, withPurpose("administration")),
    onSuccess: async () => {
      setChosen([]);
      await queries.invalidateQueries({ queryKey: ["admin", "coaches"] });
    },
  });
  const problem = handOver.isError ? describeError(handOver.error, "action") : null;
  // A full set of colleagues (CASELOAD_FULL) is about the colleagues chosen: said next to them.
  const colleagueProblem = [...colleagueErrors(problem, handOver.variables?.toCoachIds ?? chosen, names), ...(problem?.kind === "precondition" ? [problem.message] : [])];
  const done = handOver.isSuccess ? handOver.data : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    handOver.mutate({ fromCoachId: leaving, toCoachIds: chosen });
  }

  function chooseLeaving(coachId: string) {
    setLeaving(coachId);
    setChosen(withoutLeaving(chosen, coachId));
  }

  return (
    <section aria-labelledby="caseload-overdragen" className="participatie-card">
      <Heading level={2} id="caseload-overdragen">
        {texts.handOver}
      </Heading>
      <Paragraph>{texts.handOverIntro}</Paragraph>
      <QueryState query={coaches} about="action">
        {(data) => (
          <>
            <div role="status">
              {handOver.isPending ? <Paragraph>{texts.busy}</Paragraph> : null}
              {done && handOver.variables ? (
                <Alert type="ok">
                  <Paragraph>{texts.outcomeTitle(names.get(handOver.variables.fromCoachId) ?? handOver.variables.fromCoachId)}</Paragraph>
                  {done.moved === 0 ? (
                    <Paragraph>{texts.nobodyMoved}</Paragraph>
                  ) : (
                    <ul className="utrecht-unordered-list">
                      {transferLines(done.transfers, names).map((line) => (
                        <li key={line.coachId} className="utrecht-unordered-list__item">
                          {texts.outcomeLine(line.moved, line.name)}
                        </li>
                      ))}
                    </ul>
                  )}
                  <Paragraph>{texts.remaining(done.remaining)}</Paragraph>
                </Alert>
              ) : null}
            </div>
            {problem && problem.kind !== "invalid" && problem.kind !== "precondition" ? (
              <ProblemAlert error={handOver.error} about="action" onRetry={() => handOver.variables && handOver.mutate(handOver.variables)} />
            ) : null}
            <form onSubmit={submit} noValidate className="participatie-form">
              <FormField label={texts.leaving} error={fieldError(problem, "from_coach_id")}>
                {({ id, describedBy, invalid }) => (
                  <Select id={id} value={leaving} onChange={(event) => chooseLeaving(event.currentTarget.value)} aria-describedby={describedBy} invalid={invalid}>
                    <option value="">{texts.chooseLeaving}</option>
                    {data.coaches.map((coach) => (
                      <option key={coach.coachId} value={coach.coachId}>
                        {`${coach.displayName} (${texts.ofLimit(coach.caseloadSize, coach.caseloadLimit)})`}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
              <Fieldset legend={texts.colleagues} error={colleagueProblem.length > 0 ? colleagueProblem.join(" ") : undefined}>
                <Paragraph small>{texts.colleaguesHint}</Paragraph>
                {data.coaches
                  .filter((coach) => coach.coachId !== leaving)
                  .map((coach) => {
                    const position = chosen.indexOf(coach.coachId);
                    return (
                      <FormField
                        key={coach.coachId}
                        kind="checkbox"
                        label={
                          <>
                            {texts.colleagueLabel(coach.displayName, caseloadShare(coach.caseloadSize, coach.caseloadLimit).free)}
                            {position >= 0 ? (
                              <>
                                {" "}
                                <StatusBadge status="active">{texts.order(position + 1)}</StatusBadge>
                              </>
                            ) : null}
                          </>
                        }
                      >
                        {({ id }) => <Checkbox id={id} checked={position >= 0} onChange={() => setChosen(toggleColleague(chosen, coach.coachId))} />}
                      </FormField>
                    );
                  })}
              </Fieldset>
              <div>
                <Button type="submit" appearance="primary" busy={handOver.isPending} disabled={handOver.isPending}>
                  {texts.submit}
                </Button>
              </div>
            </form>
          </>
        )}
      </QueryState>
    </section>
  );
}
