import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Alert, Button, Cell, Checkbox, DataList, FormField, Heading, Paragraph, Row, StatusBadge, Table } from "../components/ui";
import { SiloState } from "../gen/participatie/v1/admin_service_pb";
import { nl } from "../i18n/nl";
import { enumName, formatInstant } from "../lib/format";
import { useAdminApi } from "./api";
import { attentionItems, topActivations, type Attention } from "./attention";
import { DashboardPanel } from "./DashboardPanel";

const texts = nl.admin.status;

/** Platform and cluster status: what the platform holds, its silos, and what needs attention. */
export function StatusPage() {
  const api = useAdminApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const [includeDeparted, setIncludeDeparted] = useState(false);
  const platform = useQuery({ queryKey: ["admin", "platform"], queryFn: ({ signal }) => api.getPlatformStatus({}, { signal }) });
  const cluster = useQuery({
    queryKey: ["admin", "cluster", includeDeparted],
    queryFn: ({ signal }) => api.getClusterStatus({ includeDeparted }, { signal }),
  });
  const attention = attentionItems(platform.data, cluster.data);
  const busy = platform.isFetching || cluster.isFetching;

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <Button
        onClick={() => {
          void platform.refetch();
          void cluster.refetch();
        }}
        busy={busy}
        disabled={busy}
      >
        {texts.refresh}
      </Button>

      <section aria-labelledby="aandacht" className="participatie-card">
        <Heading level={2} id="aandacht">
          {texts.attention}
        </Heading>
        {platform.data && cluster.data ? (
          attention.length === 0 ? (
            <Alert type="ok">{texts.allWell}</Alert>
          ) : (
            <ul className="utrecht-unordered-list" data-testid="attention">
              {attention.map((item, index) => (
                <li key={index} className="utrecht-unordered-list__item">
                  {describe(item)}
                </li>
              ))}
            </ul>
          )
        ) : platform.isPending || cluster.isPending ? (
          <p className="utrecht-paragraph" role="status">
            {nl.app.loading}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="platform" className="participatie-card">
        <Heading level={2} id="platform">
          {texts.platform}
        </Heading>
        <QueryState query={platform} about="action">
          {(data) => (
            <DataList
              items={[
                { key: texts.neighbourhoods, value: data.neighbourhoods },
                { key: texts.coaches, value: data.coaches },
                { key: texts.clients, value: data.clients },
                { key: texts.withCoach, value: data.clientsWithCoach },
                { key: texts.withinCut, value: data.clientsWithinCut },
                { key: texts.beyondCut, value: data.clientsBeyondCut },
                { key: texts.notAssessedLabel, value: data.clientsNotAssessed },
                { key: texts.caseloads, value: texts.caseloadsValue(data.caseloadUsed, data.caseloadCapacity) },
                { key: texts.storage, value: data.storageProfile },
                { key: texts.host, value: data.hostName },
                { key: texts.version, value: data.version },
              ]}
            />
          )}
        </QueryState>
      </section>

      <section aria-labelledby="cluster" className="participatie-card">
        <Heading level={2} id="cluster">
          {texts.cluster}
        </Heading>
        <FormField label={texts.includeDeparted} kind="checkbox">
          {({ id }) => <Checkbox id={id} checked={includeDeparted} onChange={(event) => setIncludeDeparted(event.currentTarget.checked)} />}
        </FormField>
        <QueryState query={cluster} about="action">
          {(data) => {
            const top = topActivations(data.activations);
            return (
              <>
                <DataList
                  items={[
                    { key: texts.activeSilos, value: data.activeSilos },
                    { key: texts.totalActivations, value: data.totalActivations },
                    { key: texts.clusterId, value: data.clusterId },
                    { key: texts.serviceId, value: data.serviceId },
                    { key: texts.storage, value: data.storageProfile },
                    { key: texts.answeredBy, value: texts.answeredByValue(data.answeredByRole, data.answeredByHost) },
                    { key: texts.heap, value: texts.megabytes(Number(data.answeredByManagedHeapBytes)) },
                  ]}
                />
                <Heading level={3}>{texts.silos}</Heading>
                {data.silos.length === 0 ? (
                  <Paragraph>{texts.noSilos}</Paragraph>
                ) : (
                  <Table
                    caption={texts.silosCaption}
                    head={[
                      { label: texts.siloName },
                      { label: texts.siloHost },
                      { label: texts.siloState },
                      { label: texts.siloStarted },
                      { label: texts.siloAlive },
                      { label: texts.siloActivations, numeric: true },
                    ]}
                  >
                    {data.silos.map((silo) => (
                      <Row key={silo.address}>
                        <Cell header>
                          {silo.name || silo.address}
                          <br />
                          <small>{silo.address}</small>
                        </Cell>
                        <Cell>{silo.hostName}</Cell>
                        <Cell>
                          <StatusBadge status={silo.state === SiloState.ACTIVE ? "safe" : silo.state === SiloState.DEAD ? "danger" : "warning"}>
                            {siloState(silo.state)}
                          </StatusBadge>
                        </Cell>
                        <Cell>{formatInstant(silo.startedAt)}</Cell>
                        <Cell>{formatInstant(silo.lastAliveAt)}</Cell>
                        <Cell numeric>{silo.activations}</Cell>
                      </Row>
                    ))}
                  </Table>
                )}
                {top.rows.length > 0 ? (
                  <>
                    <Heading level={3}>{texts.activations}</Heading>
                    <Table caption={texts.activationsCaption} head={[{ label: texts.grainType }, { label: texts.grainCount, numeric: true }]}>
                      {top.rows.map((row) => (
                        <Row key={row.grainType}>
                          <Cell header>{row.grainType}</Cell>
                          <Cell numeric>{row.activations}</Cell>
                        </Row>
                      ))}
                      {top.rest > 0 ? (
                        <Row>
                          <Cell header>{texts.otherTypes}</Cell>
                          <Cell numeric>{top.rest}</Cell>
                        </Row>
                      ) : null}
                    </Table>
                  </>
                ) : null}
              </>
            );
          }}
        </QueryState>
      </section>
      <DashboardPanel />
    </>
  );
}

function siloState(state: SiloState): string {
  return texts.states[enumName(SiloState, state, "SILO_STATE")] ?? String(state);
}

function describe(item: Attention): string {
  switch (item.kind) {
    case "noActiveSilo":
      return texts.noActiveSilo;
    case "siloNotActive":
      return texts.siloNotActive(item.name, siloState(item.state));
    case "caseloadsFull":
      return texts.caseloadsFull(item.used, item.capacity);
    case "withoutCoach":
      return texts.withoutCoach(item.count);
    case "notAssessed":
      return texts.notAssessed(item.count);
  }
}
