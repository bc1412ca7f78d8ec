import { useQuery } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi } from "../auth/SessionContext";
import { QueryState } from "../components/QueryState";
import { Cell, DataList, Heading, Paragraph, Row, Table } from "../components/ui";
import { nl } from "../i18n/nl";
import { formatCents, formatDate, formatInstant, formatMonth } from "../lib/format";

/** The record at a glance: well-being, contacts, outflow to work and the income forms of the last two years. */
export function RecordSection({ clientId, purpose }: { clientId: string; purpose: string }) {
  const api = useApi();
  const record = useQuery({
    queryKey: ["record", clientId, purpose],
    queryFn: ({ signal }) => api.records.getPersonRecord({ clientId }, { signal, ...withPurpose(purpose) }),
  });
  return (
    <section aria-labelledby="dossier" className="participatie-card">
      <Heading level={2} id="dossier">
        {nl.record.title}
      </Heading>
      <QueryState query={record}>
        {(data) => {
          const r = data.record;
          if (!r) {
            return <Paragraph>{nl.errors.notFound}</Paragraph>;
          }
          return (
            <>
              <DataList
                items={[
                  {
                    key: nl.record.wellBeing,
                    value: r.latestWellBeing ? nl.record.wellBeingScore(r.latestWellBeing.score, formatInstant(r.latestWellBeing.at)) : nl.record.noWellBeing,
                  },
                  { key: nl.record.checkIns, value: String(r.wellBeingCheckIns) },
                  { key: nl.record.journalEntries, value: String(r.journalEntries) },
                  { key: nl.person.lastContact, value: r.lastContactOn ? formatDate(r.lastContactOn) : nl.followUps.noContactYet },
                  {
                    key: nl.record.outflows,
                    value: r.outflows.length > 0 ? r.outflows.map((o) => nl.record.outflow(o.hoursPerWeek, formatDate(o.startOn))).join("; ") : nl.record.noOutflow,
                  },
                ]}
              />
              {r.withheld.length > 0 ? <Paragraph small>{nl.person.withheld(r.withheld.join(", "))}</Paragraph> : null}
              <Heading level={3}>{nl.record.earnings}</Heading>
              {r.recentEarnings.length === 0 ? (
                <Paragraph>{nl.record.noEarnings}</Paragraph>
              ) : (
                <Table
                  caption={nl.record.earningsCaption}
                  head={[{ label: nl.record.month }, { label: nl.record.net, numeric: true }, { label: nl.record.hours, numeric: true }, { label: nl.record.adults, numeric: true }]}
                >
                  {r.recentEarnings.map((report) => (
                    <Row key={report.month}>
                      <Cell header>{formatMonth(report.month)}</Cell>
                      <Cell numeric>{formatCents(report.netEarningsCents)}</Cell>
                      <Cell numeric>{report.workHoursPerWeek}</Cell>
                      <Cell numeric>{report.adultsInHome || "—"}</Cell>
                    </Row>
                  ))}
                </Table>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
