import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Alert, Button, Cell, DataList, FormField, Heading, Paragraph, Row, StatusBadge, Table, Textbox } from "../components/ui";
import {
  ArmKind,
  OutcomeMeasure,
  type ArmResult,
  type Experiment,
  type GetResultsResponse,
  type OutcomeComparison,
} from "../gen/participatie/v1/experiment_service_pb";
import { nl } from "../i18n/nl";
import { enumName, formatDate, formatInstant, formatMonth } from "../lib/format";
import { useExperimentService } from "./api";
import { chartValue, formatDifference, formatEstimate, formatP, isShare } from "./figures";
import { ForestPlot } from "./ForestPlot";
import "./researcher.css";

const t = nl.researcher;

const measureOrder = [
  OutcomeMeasure.WORK_12_HOURS,
  OutcomeMeasure.WORK_OVER_27_HOURS,
  OutcomeMeasure.INDEPENDENT,
  OutcomeMeasure.PARTICIPATION_HOURS,
  OutcomeMeasure.WELL_BEING,
];

const kindName = (kind: ArmKind) => t.kinds[enumName(ArmKind, kind, "ARM_KIND")];
const measureName = (measure: OutcomeMeasure) => t.measures[enumName(OutcomeMeasure, measure, "OUTCOME_MEASURE")] ?? String(measure);

/** One experiment: its design, arms and counts, the recorded draw, and every arm's results against control. */
export function ExperimentPage() {
  const { experimentId = "" } = useParams();
  const experiments = useExperimentService();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  const experiment = useQuery({
    queryKey: ["researcher", "experiment", experimentId],
    queryFn: ({ signal }) => experiments.getExperiment({ experimentId }, { signal }),
  });
  usePageTitle(experiment.data?.experiment?.design?.title ?? nl.app.loading);
  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to="/">
          {t.experiment.back}
        </Link>
      </Paragraph>
      <QueryState query={experiment} about="action">
        {(data) =>
          data.experiment ? (
            <>
              <Heading level={1} ref={heading} tabIndex={-1}>
                {data.experiment.design?.title}
              </Heading>
              <Design experiment={data.experiment} />
              <Arms experiment={data.experiment} />
              <Draw experiment={data.experiment} />
              {data.experiment.draw ? <Results experimentId={experimentId} /> : null}
            </>
          ) : null
        }
      </QueryState>
    </>
  );
}

function Design({ experiment }: { experiment: Experiment }) {
  const design = experiment.design;
  return (
    <section aria-labelledby="experiment-design">
      <Heading level={2} id="experiment-design">
        {t.experiment.design}
      </Heading>
      <DataList
        items={[
          { key: t.experiment.id, value: <code>{design?.experimentId}</code> },
          { key: t.experiment.period, value: t.experiments.periodValue(formatDate(design?.start ?? ""), formatDate(design?.end ?? "")) },
          { key: t.experiment.signedUp, value: experiment.signedUp },
          { key: t.experiment.withdrawn, value: experiment.withdrawn },
          { key: t.experiment.createdBy, value: `${experiment.createdBy} (${formatInstant(experiment.createdAt)})` },
        ]}
      />
    </section>
  );
}

function Arms({ experiment }: { experiment: Experiment }) {
  const counts = new Map(experiment.arms.map((arm) => [arm.arm, arm]));
  return (
    <section aria-labelledby="experiment-arms">
      <Heading level={2} id="experiment-arms">
        {t.experiment.arms}
      </Heading>
      <Table
        caption={t.experiment.armsCaption}
        head={[
          { label: t.experiment.arm },
          { label: t.experiment.kind },
          { label: t.experiment.capacity, numeric: true },
          { label: t.experiment.assigned, numeric: true },
          { label: t.experiment.armWithdrawn, numeric: true },
        ]}
      >
        {(experiment.design?.arms ?? []).map((arm) => (
          <Row key={arm.name}>
            <Cell header>{arm.name}</Cell>
            <Cell>{kindName(arm.kind)}</Cell>
            <Cell numeric>{arm.capacity}</Cell>
            <Cell numeric>{experiment.draw ? (counts.get(arm.name)?.assigned ?? 0) : "–"}</Cell>
            <Cell numeric>{experiment.draw ? (counts.get(arm.name)?.withdrawn ?? 0) : "–"}</Cell>
          </Row>
        ))}
      </Table>
    </section>
  );
}

function Draw({ experiment }: { experiment: Experiment }) {
  const draw = experiment.draw;
  return (
    <section aria-labelledby="experiment-draw">
      <Heading level={2} id="experiment-draw">
        {t.experiment.draw}
      </Heading>
      {draw ? (
        <DataList
          items={[
            { key: t.experiment.algorithm, value: <code>{draw.algorithm}</code> },
            { key: t.experiment.seed, value: `${draw.seed.toString()}${draw.seedGenerated ? ` ${t.experiment.seedGenerated}` : ""}` },
            { key: t.experiment.drawDate, value: formatDate(draw.drawDate) },
            { key: t.experiment.drawnAt, value: `${formatInstant(draw.drawnAt)} (${draw.drawnBy})` },
            { key: t.experiment.candidates, value: draw.candidates },
            { key: t.experiment.assigned, value: draw.assigned },
            { key: t.experiment.waitingList, value: draw.waitingList },
            { key: t.experiment.ineligible, value: draw.ineligible },
          ]}
        />
      ) : (
        <Paragraph>{t.experiment.notDrawn}</Paragraph>
      )}
    </section>
  );
}

function Results({ experimentId }: { experimentId: string }) {
  const experiments = useExperimentService();
  const [month, setMonth] = useState("");
  const [typed, setTyped] = useState("");
  const [monthError, setMonthError] = useState<string | undefined>();
  const results = useQuery({
    queryKey: ["researcher", "results", experimentId, month],
    queryFn: ({ signal }) => experiments.getResults({ experimentId, month }, { signal }),
  });
  function choose(event: FormEvent) {
    event.preventDefault();
    const value = typed.trim();
    if (value !== "" && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
      setMonthError(t.results.invalidMonth);
      return;
    }
    setMonthError(undefined);
    setMonth(value);
  }
  return (
    <section aria-labelledby="experiment-results">
      <Heading level={2} id="experiment-results">
        {t.results.title}
      </Heading>
      <form onSubmit={choose} noValidate className="participatie-form participatie-form--inline" aria-label={t.results.monthForm}>
        <FormField label={t.results.month} description={t.results.monthHint} error={monthError}>
          {({ id, describedBy, invalid }) => (
            <Textbox id={id} aria-describedby={describedBy} invalid={invalid} value={typed} onChange={(event) => setTyped(event.target.value)} inputMode="numeric" autoComplete="off" className="participatie-short" />
          )}
        </FormField>
        <Button type="submit">{t.results.show}</Button>
      </form>
      <QueryState query={results} about="action">
        {(data) => <Report results={data} />}
      </QueryState>
    </section>
  );
}

function Report({ results }: { results: GetResultsResponse }) {
  const synthetic = results.syntheticOutcomes > 0 || results.syntheticNotice !== "";
  if (results.outcomes === 0) {
    return <Paragraph>{t.results.noOutcomes}</Paragraph>;
  }
  const control = results.arms.find((arm) => arm.isControl);
  const treatmentArms = results.arms.filter((arm) => !arm.isControl);
  const measures = measureOrder.filter((measure) => results.arms.some((arm) => arm.outcomes.some((o) => o.measure === measure)));
  return (
    <>
      {synthetic ? (
        <Alert type="warning">
          <Heading level={3}>{t.results.syntheticTitle}</Heading>
          <Paragraph>{t.results.syntheticText}</Paragraph>
          {results.syntheticNotice ? <Paragraph small>{results.syntheticNotice}</Paragraph> : null}
        </Alert>
      ) : null}
      <DataList
        items={[
          { key: t.results.month, value: formatMonth(results.month) },
          {
            key: t.results.measure,
            value: (
              <>
                {t.results.outcomes(results.outcomes, results.syntheticOutcomes)}
                {synthetic ? (
                  <span className="participatie-synthetic-badge">
                    <StatusBadge status="warning">{t.results.syntheticMark}</StatusBadge>
                  </span>
                ) : null}
              </>
            ),
          },
          { key: t.results.method, value: results.method },
        ]}
      />
      <Paragraph small>{t.results.threshold(results.suppressionThreshold)}</Paragraph>
      <ArmsInReport results={results} />
      {measures.map((measure) => (
        <MeasureResult key={measure} measure={measure} control={control} arms={treatmentArms} controlName={results.controlArm} synthetic={synthetic} />
      ))}
    </>
  );
}

function Suppressed({ arm }: { arm: ArmResult }) {
  return (
    <>
      <StatusBadge status="neutral">{t.results.suppressed}</StatusBadge> <span className="participatie-visually-hidden">{arm.suppressedReason}</span>
    </>
  );
}

function ArmsInReport({ results }: { results: GetResultsResponse }) {
  return (
    <Table
      caption={t.results.reported(formatMonth(results.month))}
      head={[
        { label: t.experiment.arm },
        { label: t.experiment.kind },
        { label: t.experiment.assigned, numeric: true },
        { label: t.experiment.armWithdrawn, numeric: true },
        { label: t.results.n, numeric: true },
        { label: t.results.syntheticMark, numeric: true },
      ]}
    >
      {results.arms.map((arm) => (
        <Row key={arm.arm}>
          <Cell header>{arm.isControl ? `${arm.arm} (${t.results.control})` : arm.arm}</Cell>
          <Cell>{kindName(arm.kind)}</Cell>
          {arm.suppressed ? (
            <>
              <Cell numeric>
                <Suppressed arm={arm} />
              </Cell>
              <Cell numeric>
                <Suppressed arm={arm} />
              </Cell>
              <Cell numeric>
                <Suppressed arm={arm} />
              </Cell>
              <Cell numeric>
                <Suppressed arm={arm} />
              </Cell>
            </>
          ) : (
            <>
              <Cell numeric>{arm.assigned}</Cell>
              <Cell numeric>{arm.withdrawn}</Cell>
              <Cell numeric>{arm.withOutcome}</Cell>
              <Cell numeric>{arm.syntheticOutcomes}</Cell>
            </>
          )}
        </Row>
      ))}
    </Table>
  );
}

function MeasureResult({
  measure,
  control,
  arms,
  controlName,
  synthetic,
}: {
  measure: OutcomeMeasure;
  control: ArmResult | undefined;
  arms: ArmResult[];
  controlName: string;
  synthetic: boolean;
}) {
  const name = measureName(measure);
  const comparisons = arms.map((arm) => ({ arm, outcome: arm.outcomes.find((o) => o.measure === measure) }));
  const method = comparisons.find((c) => c.outcome)?.outcome?.method ?? control?.outcomes.find((o) => o.measure === measure)?.method ?? 0;
  const share = isShare(method);
  const controlOutcome = control?.outcomes.find((o) => o.measure === measure);
  const headingId = `measure-${measure}`;
  const rows = comparisons.map(({ arm, outcome }) => ({
    label: arm.arm,
    suppressed: arm.suppressed,
    difference: outcome?.difference !== undefined ? chartValue(outcome.difference, share) : undefined,
    low: outcome?.intervalLow !== undefined ? chartValue(outcome.intervalLow, share) : undefined,
    high: outcome?.intervalHigh !== undefined ? chartValue(outcome.intervalHigh, share) : undefined,
  }));
  const labels = comparisons.map(({ arm, outcome }) =>
    arm.suppressed
      ? t.results.chartSuppressed(arm.arm)
      : outcome?.difference !== undefined && outcome.intervalLow !== undefined && outcome.intervalHigh !== undefined
        ? t.results.chartPoint(arm.arm, formatDifference(outcome.difference, share), formatDifference(outcome.intervalLow, share), formatDifference(outcome.intervalHigh, share))
        : t.results.chartNotAvailable(arm.arm),
  );
  return (
    <section aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {name}
      </Heading>
      <figure className="participatie-figure">
        <figcaption className="utrecht-paragraph">
          {t.results.chartDescription(controlName)}
          {synthetic ? (
            <span className="participatie-synthetic-badge">
              <StatusBadge status="warning">{t.results.syntheticMark}</StatusBadge>
            </span>
          ) : null}
        </figcaption>
        <ForestPlot
          title={t.results.chartTitle(name)}
          description={t.results.chartDescription(controlName)}
          rows={rows}
          labels={labels}
          axisTitle={share ? t.results.axisPercent : t.results.axisMean}
          synthetic={synthetic}
        />
      </figure>
      <Table
        caption={t.results.tableCaption(name)}
        head={[
          { label: t.results.arm },
          { label: t.results.n, numeric: true },
          { label: t.results.estimate, numeric: true },
          { label: t.results.difference, numeric: true },
          { label: t.results.interval, numeric: true },
          { label: t.results.pValue, numeric: true },
          { label: t.results.effectOnTreated, numeric: true },
        ]}
      >
        <Row>
          <Cell header>{`${controlName} (${t.results.controlRow})`}</Cell>
          {control?.suppressed || !controlOutcome ? (
            <>
              <Cell numeric>{control ? <Suppressed arm={control} /> : t.results.notAvailable}</Cell>
              <Cell numeric>{control ? <Suppressed arm={control} /> : t.results.notAvailable}</Cell>
            </>
          ) : (
            <>
              <Cell numeric>{controlOutcome.armCount}</Cell>
              <Cell numeric>{estimateOf(controlOutcome.armEstimate, share)}</Cell>
            </>
          )}
          <Cell numeric>–</Cell>
          <Cell numeric>–</Cell>
          <Cell numeric>–</Cell>
          <Cell numeric>–</Cell>
        </Row>
        {comparisons.map(({ arm, outcome }) => (
          <Row key={arm.arm}>
            <Cell header>{arm.arm}</Cell>
            {arm.suppressed ? (
              <>
                {Array.from({ length: 6 }, (_, index) => (
                  <Cell key={index} numeric>
                    <Suppressed arm={arm} />
                  </Cell>
                ))}
              </>
            ) : outcome ? (
              <ComparisonCells outcome={outcome} share={share} />
            ) : (
              <>
                {Array.from({ length: 6 }, (_, index) => (
                  <Cell key={index} numeric>
                    {t.results.notAvailable}
                  </Cell>
                ))}
              </>
            )}
          </Row>
        ))}
      </Table>
    </section>
  );
}

function estimateOf(value: number | undefined, share: boolean): string {
  return value === undefined ? t.results.notAvailable : formatEstimate(value, share);
}

function ComparisonCells({ outcome, share }: { outcome: OutcomeComparison; share: boolean }) {
  const why = outcome.notAvailable ? ` (${outcome.notAvailable})` : "";
  return (
    <>
      <Cell numeric>{outcome.armCount}</Cell>
      <Cell numeric>{estimateOf(outcome.armEstimate, share)}</Cell>
      <Cell numeric>{outcome.difference !== undefined ? formatDifference(outcome.difference, share) : `${t.results.notAvailable}${why}`}</Cell>
      <Cell numeric>
        {outcome.intervalLow !== undefined && outcome.intervalHigh !== undefined
          ? t.results.intervalValue(formatDifference(outcome.intervalLow, share), formatDifference(outcome.intervalHigh, share))
          : t.results.notAvailable}
      </Cell>
      <Cell numeric>{outcome.pValue !== undefined ? formatP(outcome.pValue) : t.results.notAvailable}</Cell>
      <Cell numeric>
        {outcome.effectOnTreated !== undefined ? formatDifference(outcome.effectOnTreated, share) : outcome.effectOnTreatedNotAvailable || t.results.notAvailable}
      </Cell>
    </>
  );
}
