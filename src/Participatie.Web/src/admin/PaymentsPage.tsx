import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { neighbourhoodName, useNeighbourhoods } from "../api/neighbourhoods";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, ButtonGroup, Cell, DataList, FormField, Heading, Paragraph, Row, Select, StatusBadge, Table } from "../components/ui";
import { PaymentRunStatus, type PaymentRun } from "../gen/participatie/v1/admin_service_pb";
import { nl } from "../i18n/nl";
import { currentMonth, enumName, formatCents, formatInstant, formatMonth } from "../lib/format";
import { useAdminApi } from "./api";
import { ExportPanel } from "./ExportPanel";
import { isMonth, paymentMonths } from "./months";
import { announcementStep, pollInterval, runProgress, shouldAnnounce } from "./progress";

const texts = nl.admin.payments;

/** Payment runs: pick a month, start its run or its next pass, follow the progress live, read its summary, export a pass. */
export function PaymentsPage() {
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const [params, setParams] = useSearchParams();
  const months = paymentMonths(currentMonth());
  const chosen = params.get("maand");
  const month = isMonth(chosen) ? chosen : currentMonth();

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("maand") ?? "");
    setParams(isMonth(value) ? { maand: value } : {});
  }

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <form onSubmit={show} className="participatie-form participatie-form--inline" key={`maand-${month}`}>
        <FormField label={texts.month} description={texts.monthHint}>
          {({ id, describedBy }) => (
            <Select id={id} name="maand" defaultValue={month} aria-describedby={describedBy}>
              {(months.includes(month) ? months : [month, ...months]).map((m) => (
                <option key={m} value={m}>
                  {formatMonth(m)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit" appearance="secondary">
          {texts.show}
        </Button>
      </form>
      <RunView key={`run-${month}`} month={month} />
    </>
  );
}

function RunView({ month }: { month: string }) {
  const api = useAdminApi();
  const queries = useQueryClient();
  const key = ["admin", "payment-run", month];
  // While the latest pass runs, ask again about every second; the query stops when the pass is done or this view closes.
  const run = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => (await api.getPaymentRun({ month }, { signal })).run ?? null,
    refetchInterval: (query) => pollInterval(query.state.data?.status === PaymentRunStatus.RUNNING),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const [asking, setAsking] = useState(false);
  const [exporting, setExporting] = useState<number | null>(null);
  const start = useMutation({
    mutationFn: () => api.startPaymentRun({ month }),
    onSuccess: (response) => {
      setAsking(false);
      queries.setQueryData(key, response.run ?? null);
    },
  });
  const monthName = formatMonth(month);

  return (
    <section aria-labelledby="betaalrun" className="participatie-card">
      <Heading level={2} id="betaalrun">
        {texts.runTitle(monthName)}
      </Heading>
      <Announcer run={run.data ?? null} month={monthName} />
      <QueryState query={run} about="action">
        {(data) => {
          const status = data?.status ?? PaymentRunStatus.NOT_STARTED;
          const notStarted = status === PaymentRunStatus.NOT_STARTED || status === PaymentRunStatus.UNSPECIFIED;
          const running = status === PaymentRunStatus.RUNNING;
          return (
            <>
              {notStarted ? <Paragraph>{texts.notStarted(monthName)}</Paragraph> : null}
              {data && !notStarted ? (
                <>
                  <Paragraph>
                    <StatusBadge status={running ? "active" : "safe"}>{texts.status[enumName(PaymentRunStatus, status, "PAYMENT_RUN_STATUS")]}</StatusBadge>{" "}
                    {data.startedBy ? texts.startedBy(data.startedBy, formatInstant(data.startedAt)) : null}{" "}
                    {data.completedAt && !running ? texts.completedAt(formatInstant(data.completedAt)) : null}
                  </Paragraph>
                  <ProgressBar run={data} month={monthName} />
                  {running ? <Paragraph small>{texts.running}</Paragraph> : null}
                </>
              ) : null}

              {!running ? (
                asking ? (
                  <Alert type="warning">
                    <Paragraph>{notStarted ? texts.confirmStart(monthName) : texts.confirmPass(monthName, (data?.passes ?? 0) + 1)}</Paragraph>
                    {start.isError ? <ProblemAlert error={start.error} about="action" onRetry={() => start.mutate()} /> : null}
                    <ButtonGroup>
                      <Button appearance="primary" autoFocus onClick={() => start.mutate()} busy={start.isPending} disabled={start.isPending}>
                        {texts.confirm}
                      </Button>
                      <Button appearance="subtle" onClick={() => setAsking(false)}>
                        {texts.cancel}
                      </Button>
                    </ButtonGroup>
                  </Alert>
                ) : (
                  <Button appearance={notStarted ? "primary" : "secondary"} onClick={() => setAsking(true)}>
                    {notStarted ? texts.start : texts.startPass}
                  </Button>
                )
              ) : null}

              {data && !notStarted ? <RunSummary run={data} month={month} exporting={exporting} onExport={setExporting} /> : null}
              {exporting !== null ? <ExportPanel month={month} pass={exporting} onClose={() => setExporting(null)} /> : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** The latest pass's bar: a native progress element with its own name, and the count in words beside it. */
function ProgressBar({ run, month }: { run: PaymentRun; month: string }) {
  const progress = runProgress(run.processed, run.expected, run.status === PaymentRunStatus.COMPLETED);
  return (
    <div className="participatie-run-progress">
      <progress
        className="participatie-run-progress__bar"
        max={Math.max(progress.expected, 1)}
        value={progress.done ? Math.max(progress.expected, 1) : progress.processed}
        aria-label={texts.progressLabel(month, run.passes)}
        aria-valuetext={texts.progressText(progress.processed, progress.expected, progress.percent)}
      />
      <p className="utrecht-paragraph" data-testid="run-progress">
        {texts.progressText(progress.processed, progress.expected, progress.percent)}
      </p>
    </div>
  );
}

/** A polite live region that speaks at each quarter of a pass and at its end, not at every poll. */
function Announcer({ run, month }: { run: PaymentRun | null; month: string }) {
  const [message, setMessage] = useState("");
  const last = useRef<{ passes: number; step: number } | null>(null);
  useEffect(() => {
    if (!run || run.status === PaymentRunStatus.NOT_STARTED) {
      // Nothing yet: whatever happens next happens while the screen is open, and is spoken.
      last.current = { passes: 0, step: 0 };
      return;
    }
    const progress = runProgress(run.processed, run.expected, run.status === PaymentRunStatus.COMPLETED);
    const step = announcementStep(progress);
    const previous = last.current;
    last.current = { passes: run.passes, step };
    // What was already so when the screen opened is on the screen; only what changes while it is open is spoken.
    if (previous === null) {
      return;
    }
    if (shouldAnnounce(previous.passes === run.passes ? previous.step : 0, step)) {
      setMessage(progress.done ? texts.announceDone(month) : texts.announceStep(step * 25));
    }
  }, [run, month]);
  return (
    <div role="status" aria-live="polite" className="participatie-visually-hidden" data-testid="run-announcement">
      {message}
    </div>
  );
}

function RunSummary({ run, month, exporting, onExport }: { run: PaymentRun; month: string; exporting: number | null; onExport: (pass: number) => void }) {
  const names = useNeighbourhoods();
  const monthName = formatMonth(month);
  const reasons = new Map<string, number>();
  for (const failure of run.failures) {
    // The reason says nothing about the person; who it was is not shown here.
    reasons.set(failure.reason, (reasons.get(failure.reason) ?? 0) + 1);
  }
  return (
    <>
      <Heading level={3}>{texts.totals}</Heading>
      <DataList
        items={[
          { key: texts.paid, value: texts.paidValue(run.paid) },
          { key: texts.total, value: <span data-testid="run-total">{formatCents(run.totalCents)}</span> },
          { key: texts.zeroTotal, value: run.zeroTotal },
          { key: texts.passes, value: run.passes },
          { key: texts.failed, value: run.failed },
        ]}
      />

      {run.failed > 0 ? (
        <Alert type="warning">
          <Paragraph>{texts.failuresIntro(run.failed)}</Paragraph>
          {reasons.size > 0 ? (
            <Table caption={texts.failuresCaption} head={[{ label: texts.reason }, { label: texts.people, numeric: true }]}>
              {[...reasons].map(([reason, n]) => (
                <Row key={reason}>
                  <Cell header>{reason}</Cell>
                  <Cell numeric>{n}</Cell>
                </Row>
              ))}
            </Table>
          ) : null}
          <Paragraph small>{texts.failuresNoIds}</Paragraph>
        </Alert>
      ) : null}

      <Heading level={3}>{texts.neighbourhoods}</Heading>
      {run.neighbourhoods.length === 0 ? (
        <Paragraph>{texts.noNeighbourhoods}</Paragraph>
      ) : (
        <Table caption={texts.neighbourhoodsCaption(monthName)} head={[{ label: texts.neighbourhood }, { label: texts.paid, numeric: true }, { label: texts.total, numeric: true }]}>
          {[...run.neighbourhoods]
            .sort((a, b) => neighbourhoodName(names, a.neighbourhoodId).localeCompare(neighbourhoodName(names, b.neighbourhoodId), "nl"))
            .map((n) => (
              <Row key={n.neighbourhoodId}>
                <Cell header>{neighbourhoodName(names, n.neighbourhoodId)}</Cell>
                <Cell numeric>{n.paid}</Cell>
                <Cell numeric>{formatCents(n.totalCents)}</Cell>
              </Row>
            ))}
        </Table>
      )}

      <Heading level={3}>{texts.passes}</Heading>
      <Paragraph small>{nl.admin.export.warning}</Paragraph>
      <Table
        caption={texts.passesCaption(monthName)}
        head={[
          { label: texts.pass, numeric: true },
          { label: texts.passStatus },
          { label: texts.passStarted },
          { label: texts.passCompleted },
          { label: texts.firstPayments, numeric: true },
          { label: texts.supplementary, numeric: true },
          { label: texts.recoveries, numeric: true },
          { label: texts.failed, numeric: true },
          { label: texts.export },
        ]}
      >
        {run.passSummaries.map((pass) => (
          <Row key={pass.number}>
            <Cell header numeric>
              {pass.number}
            </Cell>
            <Cell>{texts.status[enumName(PaymentRunStatus, pass.status, "PAYMENT_RUN_STATUS")]}</Cell>
            <Cell>
              {pass.startedBy}
              <br />
              {formatInstant(pass.startedAt)}
            </Cell>
            <Cell>{pass.completedAt ? formatInstant(pass.completedAt) : "—"}</Cell>
            <Cell numeric>{texts.amountCount(pass.paid, formatCents(pass.paidCents))}</Cell>
            <Cell numeric>{texts.amountCount(pass.supplementary, formatCents(pass.supplementaryCents))}</Cell>
            <Cell numeric>{texts.amountCount(pass.recoveries, formatCents(pass.recoveryCents))}</Cell>
            <Cell numeric>{pass.failed}</Cell>
            <Cell>
              {pass.status === PaymentRunStatus.COMPLETED ? (
                <Button onClick={() => onExport(pass.number)} disabled={exporting === pass.number}>
                  {texts.exportPass(pass.number)}
                </Button>
              ) : (
                texts.exportNotReady
              )}
            </Cell>
          </Row>
        ))}
      </Table>
    </>
  );
}
