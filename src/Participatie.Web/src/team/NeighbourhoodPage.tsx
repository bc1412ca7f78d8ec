import { useEffect, useRef, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { withPurpose } from "../api/clients";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Cell, Heading, Paragraph, Row, StatusBadge, Table } from "../components/ui";
import { Segment } from "../gen/participatie/v1/common_pb";
import type { Neighbourhood } from "../gen/participatie/v1/neighbourhood_service_pb";
import { nl } from "../i18n/nl";
import { describeError } from "../lib/errors";
import { enumName, formatDate, formatInstant } from "../lib/format";
import { currentToken, firstPage, type Pages } from "../lib/paging";
import type { StreamState } from "../lib/reconnect";
import { changedFigures, figureRows, watchFigures } from "./figures";
import { teamListPurpose } from "./purposes";
import { Pager } from "../components/Pager";

const pageSize = 20;

/** The team member's neighbourhood: its figures, live, and the residents who agreed to the team's involvement. */
export function NeighbourhoodPage() {
  const session = useSignedIn();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  const [figures, setFigures] = useState<Neighbourhood | undefined>();
  const title = figures ? nl.team.home.title(figures.name) : nl.team.home.titleLoading;
  usePageTitle(title);
  const neighbourhoodId = session.neighbourhood;

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      {neighbourhoodId ? (
        <>
          <Paragraph lead>{nl.team.home.intro}</Paragraph>
          <Figures neighbourhoodId={neighbourhoodId} figures={figures} onFigures={setFigures} />
          <Residents neighbourhoodId={neighbourhoodId} />
        </>
      ) : (
        <Alert type="warning">{nl.team.home.noNeighbourhood}</Alert>
      )}
    </>
  );
}

function Figures({ neighbourhoodId, figures, onFigures }: { neighbourhoodId: string; figures: Neighbourhood | undefined; onFigures: (figures: Neighbourhood) => void }) {
  const api = useApi();
  const t = nl.team.figures;
  const [state, setState] = useState<StreamState>("connecting");
  const [failure, setFailure] = useState<unknown>(null);
  const [changed, setChanged] = useState<string[]>([]);
  const [updatedAt, setUpdatedAt] = useState<string>("");
  const [announcement, setAnnouncement] = useState("");
  const last = useRef<Neighbourhood | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    last.current = undefined;
    void watchFigures({
      open: (signal, opened) => {
        const stream = api.neighbourhoods.watchNeighbourhood({ neighbourhoodId }, { signal, onHeader: opened });
        return (async function* () {
          for await (const message of stream) {
            if (message.neighbourhood) {
              yield message.neighbourhood;
            }
          }
        })();
      },
      onFigures: (next) => {
        const moved = changedFigures(last.current, next);
        last.current = next;
        setChanged(moved);
        setUpdatedAt(new Date().toISOString());
        onFigures(next);
        // Say it to screen readers when figures move while the screen is open, not when it first shows them.
        if (moved.length > 0) {
          setAnnouncement(t.changed);
        }
      },
      onState: (next, why) => {
        setState(next);
        setFailure(next === "closed" && why ? why : null);
      },
      retryable: (why) => describeError(why).retryable,
      signal: controller.signal,
    });
    return () => controller.abort();
  }, [api, neighbourhoodId, onFigures, t.changed]);

  return (
    <section aria-labelledby="cijfers" className="participatie-card">
      <Heading level={2} id="cijfers">
        {t.title}
      </Heading>
      <p className="utrecht-paragraph participatie-connection" data-state={state}>
        <StatusBadge status={state === "open" ? "safe" : state === "retrying" ? "warning" : "neutral"}>{t[state]}</StatusBadge>
      </p>
      <div className="participatie-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {failure ? <ProblemAlert error={failure} about="action" /> : null}
      {figures ? (
        <>
          <Table caption={t.caption(formatDate(figures.figuresOn))} head={[{ label: t.figure }, { label: t.value, numeric: true }]}>
            {figureRows(figures).map((row) => (
              <Row key={row.key}>
                <Cell header>{row.label}</Cell>
                <Cell numeric>
                  <span data-figure={row.key} data-changed={changed.includes(row.key) ? "yes" : undefined}>
                    {row.value}
                  </span>
                </Cell>
              </Row>
            ))}
          </Table>
          {updatedAt ? <Paragraph small>{t.updated(formatInstant(updatedAt))}</Paragraph> : null}
        </>
      ) : failure ? null : (
        <p className="utrecht-paragraph" role="status">
          {nl.app.loading}
        </p>
      )}
    </section>
  );
}

function Residents({ neighbourhoodId }: { neighbourhoodId: string }) {
  const api = useApi();
  const t = nl.team.residents;
  const [pages, setPages] = useState<Pages>(firstPage);
  const list = useQuery({
    queryKey: ["team-residents", neighbourhoodId, currentToken(pages)],
    queryFn: ({ signal }) =>
      api.clients.listClients({ neighbourhoodId, pageSize, pageToken: currentToken(pages) }, { signal, ...withPurpose(teamListPurpose) }),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="inwoners" className="participatie-card">
      <Heading level={2} id="inwoners">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Paragraph small>{t.listPurpose}</Paragraph>
      <QueryState query={list}>
        {(data) =>
          data.clients.length === 0 ? (
            <Paragraph>{t.empty}</Paragraph>
          ) : (
            <>
              <Table
                caption={`${t.caption} — ${t.page(pages.index + 1)}`}
                head={[{ label: t.name }, { label: t.segment }, { label: t.lastParticipation }]}
              >
                {data.clients.map((client) => (
                  <Row key={client.clientId}>
                    <Cell header>
                      <Link className="utrecht-link utrecht-link--html-a" to={`/inwoners/${encodeURIComponent(client.clientId)}`}>
                        {client.familyName}, {client.givenName}
                      </Link>
                    </Cell>
                    <Cell>{nl.segments[enumName(Segment, client.segment, "SEGMENT")]}</Cell>
                    <Cell>{client.lastParticipationOn ? formatDate(client.lastParticipationOn) : t.never}</Cell>
                  </Row>
                ))}
              </Table>
              <Pager pages={pages} nextPageToken={data.nextPageToken} onChange={setPages} label={t.pagination} previous={t.previous} next={t.next} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
