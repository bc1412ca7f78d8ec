import { Alert, Cell, DataList, Heading, Paragraph, Row, Table } from "../components/ui";
import type { ReintegrationEstimate } from "../gen/participatie/v1/common_pb";
import { Segment } from "../gen/participatie/v1/common_pb";
import { nl } from "../i18n/nl";
import { enumName, factorValue, formatDate, formatInstant, signedMonths } from "../lib/format";
import { OverrideEstimate } from "./OverrideEstimate";

/** The reintegration estimate: the months, where they stand against the cut, and what each factor contributed. */
export function EstimateSection({ estimate, loading, clientId, purpose }: { estimate: ReintegrationEstimate | undefined; loading: boolean; clientId: string; purpose: string }) {
  const largest = Math.max(1, ...(estimate?.contributions.map((c) => Math.abs(c.months)) ?? [1]));
  return (
    <section aria-labelledby="inschatting" className="participatie-card">
      <Heading level={2} id="inschatting">
        {nl.estimate.title}
      </Heading>
      {loading ? null : !estimate ? (
        <Paragraph>{nl.estimate.none}</Paragraph>
      ) : (
        <>
          <DataList
            items={[
              { key: nl.estimate.result, value: <strong>{nl.estimate.months(estimate.months)}</strong> },
              ...(estimate.overridden ? [{ key: nl.estimate.computed, value: nl.estimate.months(estimate.computedMonths) }] : []),
              { key: nl.estimate.cut, value: nl.estimate.months(estimate.cutMonths) },
              { key: nl.estimate.segment, value: nl.segments[enumName(Segment, estimate.segment, "SEGMENT")] },
            ]}
          />
          {estimate.overridden ? <Alert type="info">{nl.estimate.overridden(estimate.overriddenBy, estimate.overrideReason)}</Alert> : null}
          <Table caption={nl.estimate.caption} head={[{ label: nl.estimate.factor }, { label: nl.estimate.value }, { label: nl.estimate.contribution, numeric: true }]}>
            {estimate.contributions.map((contribution, index) => (
              <Row key={index}>
                <Cell header>{nl.estimate.factors[contribution.factor] ?? contribution.factor}</Cell>
                <Cell>{factorValue(contribution.value)}</Cell>
                <Cell numeric>
                  <span className="participatie-bar" aria-hidden="true">
                    <span
                      className={contribution.months < 0 ? "participatie-bar__fill participatie-bar__fill--negative" : "participatie-bar__fill"}
                      style={{ width: `${(Math.abs(contribution.months) / largest) * 100}%` }}
                    />
                  </span>{" "}
                  {signedMonths(contribution.months)}
                </Cell>
              </Row>
            ))}
            <Row>
              <Cell header>{nl.statement.total}</Cell>
              <Cell />
              <Cell numeric>
                <strong>{estimate.computedMonths}</strong>
              </Cell>
            </Row>
          </Table>
          <Paragraph small>
            {nl.estimate.model(estimate.model, formatDate(estimate.modelEffectiveFrom))}. {estimate.assessedAt ? nl.estimate.assessedAt(formatInstant(estimate.assessedAt)) : null}
          </Paragraph>
          <OverrideEstimate clientId={clientId} purpose={purpose} />
        </>
      )}
    </section>
  );
}
