import { useState, type FormEvent } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useLocation, useSearchParams } from "react-router";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Alert, Button, Cell, Checkbox, FormField, Heading, Paragraph, Row, Select, StatusBadge, Table, Textbox } from "../components/ui";
import { ParticipationFilter } from "../gen/participatie/v1/client_service_pb";
import { Segment } from "../gen/participatie/v1/common_pb";
import { nl } from "../i18n/nl";
import { enumName, formatDate } from "../lib/format";
import { currentToken, firstPage, type Pages } from "../lib/paging";
import { listPurpose } from "../lib/purposes";
import { withPurpose } from "../api/clients";
import { neighbourhoodName, useNeighbourhoods } from "../api/neighbourhoods";
import { Pager } from "../components/Pager";

const pageSize = 20;

/** The coach's own caseload: search by name, filter by segment, participation and ended cases, a page at a time. */
export function CaseloadPage() {
  const session = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(nl.caseload.title);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const message = (location.state as { message?: string } | null)?.message;
  const name = params.get("naam") ?? "";
  const segment = Number(params.get("segment") ?? Segment.UNSPECIFIED) as Segment;
  const participation = Number(params.get("deelname") ?? ParticipationFilter.UNSPECIFIED) as ParticipationFilter;
  const includeEnded = params.get("beeindigd") === "ja";
  const neighbourhood = params.get("wijk") ?? "";
  const neighbourhoods = useNeighbourhoods();
  const [pages, setPages] = useState<Pages>(firstPage);
  const filtered = name !== "" || neighbourhood !== "" || segment !== Segment.UNSPECIFIED || participation !== ParticipationFilter.UNSPECIFIED || includeEnded;

  const coach = useQuery({
    queryKey: ["coach", session.subject],
    queryFn: ({ signal }) => api.coaches.getCoach({ coachId: session.subject }, { signal }),
  });
  const list = useQuery({
    queryKey: ["caseload", session.subject, name, neighbourhood, segment, participation, includeEnded, currentToken(pages)],
    queryFn: ({ signal }) =>
      api.clients.listClients(
        {
          coachId: session.subject,
          namePrefix: name,
          neighbourhoodId: neighbourhood,
          segment,
          participation,
          includeEndedCases: includeEnded,
          pageSize,
          pageToken: currentToken(pages),
        },
        { signal, ...withPurpose(listPurpose) },
      ),
    placeholderData: keepPreviousData,
  });

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const nameValue = String(form.get("naam") ?? "").trim();
    if (nameValue) next.set("naam", nameValue);
    if (form.get("wijk")) next.set("wijk", String(form.get("wijk")));
    if (form.get("segment") !== String(Segment.UNSPECIFIED)) next.set("segment", String(form.get("segment")));
    if (form.get("deelname") !== String(ParticipationFilter.UNSPECIFIED)) next.set("deelname", String(form.get("deelname")));
    if (form.get("beeindigd") === "ja") next.set("beeindigd", "ja");
    setPages(firstPage);
    setParams(next);
  }

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {nl.caseload.title}
      </Heading>
      {coach.data?.coach ? <Paragraph lead>{nl.caseload.places(coach.data.coach.caseloadSize, coach.data.coach.caseloadLimit)}</Paragraph> : null}
      <Paragraph small>{nl.purposes.listPurpose}</Paragraph>
      {message ? (
        <Alert type="ok" role="status">
          {message}
        </Alert>
      ) : null}

      <div role="search" className="participatie-filters" aria-label={nl.caseload.search}>
        <form onSubmit={search} className="participatie-form participatie-form--inline" key={params.toString()}>
          <FormField label={nl.caseload.searchLabel} description={nl.caseload.searchHint}>
            {({ id, describedBy }) => <Textbox id={id} name="naam" aria-describedby={describedBy} defaultValue={name} maxLength={100} type="search" />}
          </FormField>
          <FormField label={nl.caseload.neighbourhood}>
            {({ id }) => (
              <Select id={id} name="wijk" defaultValue={neighbourhood}>
                <option value="">{nl.caseload.any}</option>
                {[...neighbourhoods].sort((a, b) => a[1].localeCompare(b[1], "nl")).map(([nid, nname]) => (
                  <option key={nid} value={nid}>
                    {nname}
                  </option>
                ))}
                {neighbourhood && !neighbourhoods.has(neighbourhood) ? <option value={neighbourhood}>{neighbourhood}</option> : null}
              </Select>
            )}
          </FormField>
          <FormField label={nl.caseload.segment}>
            {({ id }) => (
              <Select id={id} name="segment" defaultValue={String(segment)}>
                <option value={Segment.UNSPECIFIED}>{nl.caseload.any}</option>
                {[Segment.NOT_ASSESSED, Segment.WITHIN_CUT, Segment.BEYOND_CUT].map((value) => (
                  <option key={value} value={value}>
                    {nl.segments[enumName(Segment, value, "SEGMENT")]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label={nl.caseload.participation}>
            {({ id }) => (
              <Select id={id} name="deelname" defaultValue={String(participation)}>
                <option value={ParticipationFilter.UNSPECIFIED}>{nl.caseload.any}</option>
                <option value={ParticipationFilter.ACTIVE}>{nl.caseload.active}</option>
                <option value={ParticipationFilter.INACTIVE}>{nl.caseload.inactive}</option>
              </Select>
            )}
          </FormField>
          <FormField label={nl.caseload.includeEnded} kind="checkbox">
            {({ id }) => <Checkbox id={id} name="beeindigd" value="ja" defaultChecked={includeEnded} />}
          </FormField>
          <Button type="submit" appearance="primary">
            {nl.caseload.submit}
          </Button>
        </form>
      </div>

      <QueryState query={list}>
        {(data) =>
          data.clients.length === 0 ? (
            <Paragraph>{filtered ? nl.caseload.empty : nl.caseload.emptyCaseload}</Paragraph>
          ) : (
            <>
              <Table
                caption={`${nl.caseload.caption} — ${nl.caseload.page(pages.index + 1)}`}
                head={[{ label: nl.caseload.name }, { label: nl.caseload.neighbourhood }, { label: nl.caseload.segment }, { label: nl.caseload.lastParticipation }, { label: nl.caseload.status }]}
              >
                {data.clients.map((client) => (
                  <Row key={client.clientId}>
                    <Cell header>
                      <Link className="utrecht-link utrecht-link--html-a" to={`/personen/${encodeURIComponent(client.clientId)}`}>
                        {client.familyName}, {client.givenName}
                      </Link>
                    </Cell>
                    <Cell>{neighbourhoodName(neighbourhoods, client.neighbourhoodId)}</Cell>
                    <Cell>{nl.segments[enumName(Segment, client.segment, "SEGMENT")]}</Cell>
                    <Cell>{client.lastParticipationOn ? formatDate(client.lastParticipationOn) : nl.caseload.never}</Cell>
                    <Cell>
                      {client.caseEndedOn ? (
                        <StatusBadge status="neutral">{nl.caseload.ended(formatDate(client.caseEndedOn))}</StatusBadge>
                      ) : client.active ? (
                        <StatusBadge status="safe">{nl.caseload.active}</StatusBadge>
                      ) : (
                        <StatusBadge status="neutral">{nl.caseload.inactive}</StatusBadge>
                      )}
                    </Cell>
                  </Row>
                ))}
              </Table>
              <Pager pages={pages} nextPageToken={data.nextPageToken} onChange={setPages} label={nl.caseload.pagination} previous={nl.caseload.previous} next={nl.caseload.next} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
