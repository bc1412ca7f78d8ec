import { useQuery } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi } from "../auth/SessionContext";
import { QueryState } from "../components/QueryState";
import { Cell, Heading, Paragraph, Row, Table } from "../components/ui";
import { RegimeSource } from "../gen/participatie/v1/common_pb";
import { nl } from "../i18n/nl";
import { enumName, formatDate } from "../lib/format";

/** The regime in force today, setting by setting with the layer that set it and why; the layers in force. */
export function RegimeSection({ clientId, purpose }: { clientId: string; purpose: string }) {
  const api = useApi();
  const regime = useQuery({
    queryKey: ["regime", clientId, purpose],
    queryFn: ({ signal }) => api.clients.getRegime({ clientId }, { signal, ...withPurpose(purpose) }),
  });
  return (
    <section aria-labelledby="regeling" className="participatie-card">
      <Heading level={2} id="regeling">
        {nl.regime.title}
      </Heading>
      <Paragraph>{nl.regime.intro}</Paragraph>
      <QueryState query={regime}>
        {(data) => (
          <>
            <Table
              caption={nl.regime.caption(formatDate(data.date))}
              head={[{ label: nl.regime.setting }, { label: nl.regime.value }, { label: nl.regime.source }, { label: nl.regime.notes }]}
            >
              {data.explanation.map((setting) => (
                <Row key={setting.setting}>
                  <Cell header>{nl.regime.settings[setting.setting] ?? setting.setting}</Cell>
                  <Cell>{nl.regime.values[setting.value] ?? setting.value}</Cell>
                  <Cell>{nl.regime.layer(nl.regime.sources[enumName(RegimeSource, setting.source, "REGIME_SOURCE")] ?? "", setting.sourceName)}</Cell>
                  <Cell>{setting.notes.length > 0 ? setting.notes.join(" ") : "—"}</Cell>
                </Row>
              ))}
            </Table>
            <Heading level={3}>{nl.regime.layers}</Heading>
            <ol className="utrecht-ordered-list">
              {data.layers.map((layer, index) => (
                <li key={index} className="utrecht-ordered-list__item">
                  {nl.regime.layer(nl.regime.sources[enumName(RegimeSource, layer.source, "REGIME_SOURCE")] ?? "", layer.name)},{" "}
                  {nl.regime.period(formatDate(layer.from), layer.until ? formatDate(layer.until) : "")}
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryState>
    </section>
  );
}
