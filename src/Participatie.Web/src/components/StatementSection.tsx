import { useState, type FormEvent } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi } from "../auth/SessionContext";
import { QueryState } from "./QueryState";
import { Alert, Button, Cell, FormField, Heading, Paragraph, Row, Table, Textbox } from "./ui";
import { nl } from "../i18n/nl";
import { currentMonth, formatCents, formatDate, formatInstant, formatMonth } from "../lib/format";

/**
 * The month's benefit statement line by line: each line's rule, how it was reached, and the dated figures it used.
 * Staff read it with their purpose; the person reads their own without one.
 */
export function StatementSection({ clientId, purpose }: { clientId: string; purpose?: string }) {
  const api = useApi();
  const [month, setMonth] = useState(() => currentMonth());
  const [draft, setDraft] = useState(month);
  const statement = useQuery({
    queryKey: ["statement", clientId, purpose, month],
    queryFn: ({ signal }) => api.clients.getBenefitStatement({ clientId, month }, { signal, ...(purpose ? withPurpose(purpose) : {}) }),
    placeholderData: keepPreviousData,
  });
  function show(event: FormEvent) {
    event.preventDefault();
    if (/^\d{4}-\d{2}$/.test(draft)) {
      setMonth(draft);
    }
  }
  return (
    <section aria-labelledby="specificatie" className="participatie-card">
      <Heading level={2} id="specificatie">
        {nl.statement.title}
      </Heading>
      <form onSubmit={show} className="participatie-form participatie-form--inline">
        <FormField label={nl.statement.month}>
          {({ id }) => <Textbox id={id} type="month" value={draft} onChange={(event) => setDraft(event.target.value)} />}
        </FormField>
        <Button type="submit">{nl.statement.show}</Button>
      </form>
      <QueryState query={statement}>
        {(data) => {
          const s = data.statement;
          if (!s) {
            return <Paragraph>{nl.errors.notFound}</Paragraph>;
          }
          return (
            <>
              <Paragraph small>
                {s.frozen ? nl.statement.frozen(formatInstant(s.frozenAt)) : nl.statement.notFrozen(formatInstant(s.computedAt))}
                {s.version > 0 ? ` ${nl.statement.version(s.version)}.` : null}
                {s.regimeLayers.length > 0 ? ` ${nl.statement.regime(s.regimeLayers.map((layer) => layer.name).join(" + "))}` : null}
              </Paragraph>
              {s.revisionPending ? <Alert type="info">{nl.statement.revisionPending}</Alert> : null}
              <Table
                caption={nl.statement.caption(formatMonth(s.month))}
                head={[{ label: nl.statement.rule }, { label: nl.statement.explanation }, { label: nl.statement.figures }, { label: nl.statement.amount, numeric: true }]}
              >
                {s.lines.map((line, index) => (
                  <Row key={index}>
                    <Cell header>{nl.statement.rules[line.rule] ?? line.rule}</Cell>
                    <Cell>{line.explanation}</Cell>
                    <Cell>
                      {line.figures.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="participatie-figures">
                          {line.figures.map((figure, f) => (
                            <li key={f}>{nl.statement.figure(figure.rule, formatDate(figure.effectiveFrom))}</li>
                          ))}
                        </ul>
                      )}
                    </Cell>
                    <Cell numeric>{formatCents(line.amountCents)}</Cell>
                  </Row>
                ))}
                <Row>
                  <Cell header>{nl.statement.total}</Cell>
                  <Cell />
                  <Cell />
                  <Cell numeric>
                    <strong data-testid="statement-total">{formatCents(s.totalCents)}</strong>
                  </Cell>
                </Row>
              </Table>
              {s.notes.length > 0 ? (
                <>
                  <Heading level={3}>{nl.statement.notes}</Heading>
                  <ul className="utrecht-unordered-list">
                    {s.notes.map((note, index) => (
                      <li key={index} className="utrecht-unordered-list__item">
                        {note}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
