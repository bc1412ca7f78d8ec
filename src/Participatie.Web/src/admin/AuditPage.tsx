import { useState, type FormEvent } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { QueryState } from "../components/QueryState";
import { Button, ButtonGroup, Cell, FormField, Heading, Paragraph, Row, Select, Table, Textbox } from "../components/ui";
import { nl } from "../i18n/nl";
import { describeError, fieldError } from "../lib/errors";
import { formatInstant } from "../lib/format";
import { currentToken, firstPage, type Pages } from "../lib/paging";
import { useAdminApi } from "./api";
import { toAuditRange } from "./dateRange";
import { Pager } from "../components/Pager";

const texts = nl.admin.audit;
const pageSize = 25;

/** The outcomes offered as a filter, the common ones first; the log records others as they come. */
const outcomes = ["OK", "PermissionDenied", "InvalidArgument", "NotFound", "FailedPrecondition", "Unauthenticated", "Unavailable", "Internal"];

/** The audit log: who read or changed whose data, why and with what outcome; filtered, a page at a time. */
export function AuditPage() {
  const api = useAdminApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const [params, setParams] = useSearchParams();
  const filters = {
    clientId: params.get("persoon") ?? "",
    actorId: params.get("door") ?? "",
    action: params.get("handeling") ?? "",
    outcome: params.get("uitkomst") ?? "",
    fromDay: params.get("van") ?? "",
    toDay: params.get("tot") ?? "",
  };
  const [pages, setPages] = useState<Pages>(firstPage);
  const [dayErrors, setDayErrors] = useState<{ from?: string; to?: string }>({});
  const range = toAuditRange(filters.fromDay, filters.toDay);
  // Days from the address (a bookmark, a link) are checked as typed ones are.
  const shownDayErrors = range.ok ? dayErrors : { ...dayErrorTexts(range.errors), ...dayErrors };

  const log = useQuery({
    queryKey: ["admin", "audit", filters, currentToken(pages)],
    queryFn: ({ signal }) =>
      api.queryAuditLog(
        {
          clientId: filters.clientId,
          actorId: filters.actorId,
          action: filters.action,
          outcome: filters.outcome,
          from: range.ok ? range.range.from : "",
          to: range.ok ? range.range.to : "",
          pageSize,
          pageToken: currentToken(pages),
        },
        { signal },
      ),
    enabled: range.ok,
    placeholderData: keepPreviousData,
  });
  const problem = log.isError ? describeError(log.error, "action") : null;

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const checked = toAuditRange(value("van"), value("tot"));
    if (!checked.ok) {
      setDayErrors(dayErrorTexts(checked.errors));
      return;
    }
    setDayErrors({});
    const next = new URLSearchParams();
    for (const name of ["persoon", "door", "handeling", "uitkomst", "van", "tot"]) {
      if (value(name)) next.set(name, value(name));
    }
    setPages(firstPage);
    setParams(next);
  }

  function clear() {
    setDayErrors({});
    setPages(firstPage);
    setParams(new URLSearchParams());
  }

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <div role="search" aria-label={texts.filters} className="participatie-filters">
        <form onSubmit={search} noValidate className="participatie-form participatie-form--inline" key={params.toString()}>
          <FormField label={texts.person} description={texts.personHint} error={fieldError(problem, "client_id")}>
            {({ id, describedBy, invalid }) => <Textbox id={id} name="persoon" defaultValue={filters.clientId} aria-describedby={describedBy} invalid={invalid} maxLength={40} />}
          </FormField>
          <FormField label={texts.actor} description={texts.actorHint} error={fieldError(problem, "actor_id")}>
            {({ id, describedBy, invalid }) => <Textbox id={id} name="door" defaultValue={filters.actorId} aria-describedby={describedBy} invalid={invalid} maxLength={100} />}
          </FormField>
          <FormField label={texts.action} description={texts.actionHint} error={fieldError(problem, "action")}>
            {({ id, describedBy, invalid }) => <Textbox id={id} name="handeling" defaultValue={filters.action} aria-describedby={describedBy} invalid={invalid} maxLength={100} />}
          </FormField>
          <FormField label={texts.outcome} error={fieldError(problem, "outcome")}>
            {({ id, describedBy, invalid }) => (
              <Select id={id} name="uitkomst" defaultValue={filters.outcome} aria-describedby={describedBy} invalid={invalid}>
                <option value="">{texts.any}</option>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {texts.outcomes[o] ?? o}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label={texts.from} error={shownDayErrors.from ?? fieldError(problem, "from")}>
            {({ id, describedBy, invalid }) => <Textbox id={id} name="van" type="date" defaultValue={filters.fromDay} aria-describedby={describedBy} invalid={invalid} />}
          </FormField>
          <FormField label={texts.to} error={shownDayErrors.to ?? fieldError(problem, "to")}>
            {({ id, describedBy, invalid }) => <Textbox id={id} name="tot" type="date" defaultValue={filters.toDay} aria-describedby={describedBy} invalid={invalid} />}
          </FormField>
          <ButtonGroup>
            <Button type="submit" appearance="primary">
              {texts.submit}
            </Button>
            <Button onClick={clear}>{texts.clear}</Button>
          </ButtonGroup>
        </form>
      </div>

      {range.ok ? (
        <QueryState query={log} about="action">
          {(data) =>
            data.entries.length === 0 ? (
              <Paragraph>{texts.empty}</Paragraph>
            ) : (
              <>
                <Table
                  caption={texts.caption(pages.index + 1)}
                  head={[{ label: texts.at }, { label: texts.who }, { label: texts.what }, { label: texts.whom }, { label: texts.why }, { label: texts.result }]}
                >
                  {data.entries.map((entry, index) => (
                    <Row key={`${entry.at}-${index}`}>
                      <Cell header>{formatInstant(entry.at)}</Cell>
                      <Cell>{texts.whoValue(nl.roles[entry.actorRole] ?? entry.actorRole, entry.actorId, entry.onBehalfOf)}</Cell>
                      <Cell>
                        <code>{entry.action}</code>
                      </Cell>
                      <Cell>{entry.clientId}</Cell>
                      <Cell>{purposeName(entry.purpose)}</Cell>
                      <Cell>{texts.outcomes[entry.outcome] ?? entry.outcome}</Cell>
                    </Row>
                  ))}
                </Table>
                <Pager pages={pages} nextPageToken={data.nextPageToken} onChange={setPages} label={texts.pagination} previous={texts.previous} next={texts.next} />
              </>
            )
          }
        </QueryState>
      ) : null}
    </>
  );
}

function dayErrorTexts(errors: { from?: "invalid"; to?: "invalid" | "beforeFrom" }): { from?: string; to?: string } {
  return {
    ...(errors.from ? { from: texts.invalidDay } : {}),
    ...(errors.to ? { to: errors.to === "beforeFrom" ? texts.toBeforeFrom : texts.invalidDay } : {}),
  };
}

function purposeName(purpose: string): string {
  if (!purpose) {
    return texts.noPurpose;
  }
  return nl.purposes.names[purpose] ?? texts.purposes[purpose] ?? purpose;
}
