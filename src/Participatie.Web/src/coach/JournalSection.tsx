import { useState, type FormEvent } from "react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { withPurpose } from "../api/clients";
import { useApi } from "../auth/SessionContext";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, Cell, FormField, Heading, Paragraph, Row, Select, Table, Textarea, Textbox } from "../components/ui";
import { ContractParty } from "../gen/participatie/v1/contract_service_pb";
import { ContactType } from "../gen/participatie/v1/record_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError, otherFieldErrors } from "../lib/errors";
import { enumName, formatDate, todayInAmsterdam } from "../lib/format";

const contactTypes = [
  ContactType.HOME_VISIT,
  ContactType.PHONE,
  ContactType.VIDEO,
  ContactType.MESSAGE,
  ContactType.MEETING,
  ContactType.ATTEMPT,
  ContactType.NOTE,
];

/** The contact journal, newest first, and a form to record a contact. */
export function JournalSection({ clientId, purpose }: { clientId: string; purpose: string }) {
  const api = useApi();
  const journal = useInfiniteQuery({
    queryKey: ["journal", clientId, purpose],
    queryFn: ({ pageParam, signal }) => api.records.listJournal({ clientId, pageSize: 10, pageToken: pageParam }, { signal, ...withPurpose(purpose) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
  return (
    <section aria-labelledby="journaal" className="participatie-card">
      <Heading level={2} id="journaal">
        {nl.journal.title}
      </Heading>
      <AddJournalEntry clientId={clientId} purpose={purpose} />
      <QueryState query={journal}>
        {(data) => {
          const entries = data.pages.flatMap((page) => page.entries);
          return entries.length === 0 ? (
            <Paragraph>{nl.journal.empty}</Paragraph>
          ) : (
            <>
              <Table caption={nl.journal.caption} head={[{ label: nl.journal.date }, { label: nl.journal.type }, { label: nl.journal.note }, { label: nl.journal.by }]}>
                {entries.map((entry) => (
                  <Row key={String(entry.sequence)}>
                    <Cell header>{formatDate(entry.contactedOn)}</Cell>
                    <Cell>{nl.journal.types[enumName(ContactType, entry.type, "CONTACT_TYPE")]}</Cell>
                    <Cell>{entry.note}</Cell>
                    <Cell>
                      {nl.contract.parties[enumName(ContractParty, entry.by, "CONTRACT_PARTY")]} ({entry.authorId})
                    </Cell>
                  </Row>
                ))}
              </Table>
              {journal.hasNextPage ? (
                <Button onClick={() => void journal.fetchNextPage()} busy={journal.isFetchingNextPage} disabled={journal.isFetchingNextPage}>
                  {nl.journal.more}
                </Button>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function AddJournalEntry({ clientId, purpose }: { clientId: string; purpose: string }) {
  const api = useApi();
  const queries = useQueryClient();
  const [type, setType] = useState<ContactType>(ContactType.UNSPECIFIED);
  const [contactedOn, setContactedOn] = useState(() => todayInAmsterdam());
  const [note, setNote] = useState("");
  // One key per entry being written: sending it again after a failure records it once.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const add = useMutation({
    mutationFn: () => api.records.addJournalEntry({ clientId, type, contactedOn, note, requestId }, withPurpose(purpose)),
    onSuccess: async () => {
      setNote("");
      setType(ContactType.UNSPECIFIED);
      setRequestId(crypto.randomUUID());
      await Promise.all([
        queries.invalidateQueries({ queryKey: ["journal", clientId] }),
        queries.invalidateQueries({ queryKey: ["client", clientId] }),
      ]);
    },
  });
  const problem = add.isError ? describeError(add.error, "action") : null;
  const fields = ["type", "contacted_on", "note"];
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <form onSubmit={submit} noValidate className="participatie-form" aria-labelledby="journal-add">
      <Heading level={3} id="journal-add">
        {nl.journal.add}
      </Heading>
      {add.isSuccess ? (
        <Alert type="ok" role="status">
          {nl.journal.saved}
        </Alert>
      ) : null}
      {problem && problem.kind !== "invalid" ? <ProblemAlert error={add.error} about="action" onRetry={() => add.mutate()} /> : null}
      {problem && problem.kind === "invalid" ? (
        <Alert type="error" role="alert">
          {problem.message} {otherFieldErrors(problem, fields).join(" ")}
        </Alert>
      ) : null}
      <FormField label={nl.journal.type} error={fieldError(problem, "type")}>
        {({ id, describedBy, invalid }) => (
          <Select id={id} aria-describedby={describedBy} invalid={invalid} value={String(type)} onChange={(event) => setType(Number(event.target.value) as ContactType)}>
            <option value={ContactType.UNSPECIFIED}>{nl.journal.types.CONTACT_TYPE_UNSPECIFIED}</option>
            {contactTypes.map((value) => (
              <option key={value} value={value}>
                {nl.journal.types[enumName(ContactType, value, "CONTACT_TYPE")]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label={nl.journal.contactedOn} error={fieldError(problem, "contacted_on")}>
        {({ id, describedBy, invalid }) => (
          <Textbox id={id} type="date" aria-describedby={describedBy} invalid={invalid} value={contactedOn} onChange={(event) => setContactedOn(event.target.value)} />
        )}
      </FormField>
      <FormField label={nl.journal.note} description={nl.journal.noteHint} error={fieldError(problem, "note")}>
        {({ id, describedBy, invalid }) => (
          <Textarea id={id} aria-describedby={describedBy} invalid={invalid} rows={4} value={note} onChange={(event) => setNote(event.target.value)} />
        )}
      </FormField>
      <Button type="submit" appearance="primary" busy={add.isPending} disabled={add.isPending}>
        {nl.journal.submit}
      </Button>
    </form>
  );
}
