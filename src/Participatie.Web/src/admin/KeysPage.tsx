import { useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert, QueryState } from "../components/QueryState";
import { Alert, Button, ButtonGroup, Cell, FormField, Heading, Paragraph, Row, StatusBadge, Table, Textbox } from "../components/ui";
import type { PartnerApiKey } from "../gen/participatie/v1/admin_service_pb";
import { nl } from "../i18n/nl";
import { describeError, fieldError } from "../lib/errors";
import { formatInstant } from "../lib/format";
import { useAdminApi } from "./api";

const texts = nl.admin.keys;

/** A partner organisation's API keys: list them, issue one (its secret shown once), revoke one after a confirmation. */
export function KeysPage() {
  const api = useAdminApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const [params, setParams] = useSearchParams();
  const partner = params.get("partner") ?? "";
  const keys = useQuery({
    queryKey: ["admin", "partner-keys", partner],
    queryFn: ({ signal }) => api.listPartnerApiKeys({ partnerId: partner }, { signal }),
    enabled: partner !== "",
  });
  const problem = keys.isError ? describeError(keys.error, "action") : null;

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("partner") ?? "").trim();
    setParams(value ? { partner: value } : {});
  }

  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <form onSubmit={show} className="participatie-form participatie-form--inline" key={partner}>
        <FormField label={texts.partner} description={texts.partnerHint} error={fieldError(problem, "partner_id")}>
          {({ id, describedBy, invalid }) => (
            <Textbox id={id} name="partner" defaultValue={partner} aria-describedby={describedBy} invalid={invalid} maxLength={60} autoComplete="off" />
          )}
        </FormField>
        <Button type="submit" appearance="primary">
          {texts.show}
        </Button>
      </form>
      {partner ? (
        <section aria-labelledby="sleutels" className="participatie-card">
          <Heading level={2} id="sleutels">
            {texts.listTitle(partner)}
          </Heading>
          <QueryState query={keys} about="action">
            {(data) => (
              <>
                {data.keys.length === 0 ? <Paragraph>{texts.empty}</Paragraph> : <KeyTable partner={partner} keys={data.keys} />}
                <CreateKey key={partner} partner={partner} />
              </>
            )}
          </QueryState>
        </section>
      ) : null}
    </>
  );
}

function KeyTable({ partner, keys }: { partner: string; keys: PartnerApiKey[] }) {
  const api = useAdminApi();
  const queries = useQueryClient();
  const [asking, setAsking] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (keyId: string) => api.revokePartnerApiKey({ keyId }),
    onSuccess: async (_, keyId) => {
      setAsking(null);
      setDone(keyId);
      await queries.invalidateQueries({ queryKey: ["admin", "partner-keys", partner] });
    },
  });
  return (
    <>
      <div role="status">{done ? <Alert type="ok">{texts.revokedDone(done)}</Alert> : null}</div>
      <Table caption={texts.caption(partner)} head={[{ label: texts.key }, { label: texts.description }, { label: texts.created }, { label: texts.state }, { label: texts.actions }]}>
        {keys.map((key) => (
          <Row key={key.keyId}>
            <Cell header>
              <code>{key.keyId}</code>
            </Cell>
            <Cell>{key.description}</Cell>
            <Cell>{formatInstant(key.createdAt)}</Cell>
            <Cell>
              {key.revokedAt ? <StatusBadge status="neutral">{texts.revoked(formatInstant(key.revokedAt))}</StatusBadge> : <StatusBadge status="safe">{texts.active}</StatusBadge>}
            </Cell>
            <Cell>
              {key.revokedAt ? null : asking === key.keyId ? (
                <Alert type="warning">
                  <Paragraph>{texts.confirmRevoke(key.keyId)}</Paragraph>
                  {revoke.isError ? <ProblemAlert error={revoke.error} about="action" onRetry={() => revoke.mutate(key.keyId)} /> : null}
                  <ButtonGroup>
                    <Button appearance="primary" autoFocus onClick={() => revoke.mutate(key.keyId)} busy={revoke.isPending} disabled={revoke.isPending}>
                      {texts.confirm}
                    </Button>
                    <Button appearance="subtle" onClick={() => setAsking(null)}>
                      {texts.cancel}
                    </Button>
                  </ButtonGroup>
                </Alert>
              ) : (
                <Button
                  aria-label={texts.revokeLabel(key.keyId)}
                  onClick={() => {
                    revoke.reset();
                    setDone(null);
                    setAsking(key.keyId);
                  }}
                >
                  {texts.revoke}
                </Button>
              )}
            </Cell>
          </Row>
        ))}
      </Table>
    </>
  );
}

function CreateKey({ partner }: { partner: string }) {
  const api = useAdminApi();
  const queries = useQueryClient();
  const [description, setDescription] = useState("");
  const create = useMutation({
    mutationFn: () => api.createPartnerApiKey({ partnerId: partner, description: description.trim() }),
    onSuccess: async () => {
      setDescription("");
      await queries.invalidateQueries({ queryKey: ["admin", "partner-keys", partner] });
    },
  });
  const problem = create.isError ? describeError(create.error, "action") : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <>
      <Heading level={3}>{texts.create}</Heading>
      {create.data ? <Secret keyId={create.data.key?.keyId ?? ""} secret={create.data.apiKey} onDone={() => create.reset()} /> : null}
      {problem && problem.kind !== "invalid" ? <ProblemAlert error={create.error} about="action" onRetry={() => create.mutate()} /> : null}
      <form onSubmit={submit} noValidate className="participatie-form">
        <FormField label={texts.createDescription} description={texts.createDescriptionHint} error={fieldError(problem, "description") ?? fieldError(problem, "partner_id")}>
          {({ id, describedBy, invalid }) => (
            <Textbox id={id} value={description} onChange={(event) => setDescription(event.currentTarget.value)} aria-describedby={describedBy} invalid={invalid} maxLength={200} />
          )}
        </FormField>
        <div>
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
            {texts.createSubmit}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The new key's secret: shown once, with a copy button and a warning that it cannot be read back. */
function Secret({ keyId, secret, onDone }: { keyId: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("failed");
    }
  }
  return (
    <Alert type="warning">
      <Heading level={4}>{texts.secretTitle}</Heading>
      <Paragraph>
        <strong>{texts.secretWarning}</strong>
      </Paragraph>
      <Paragraph>
        <code>{keyId}</code>
      </Paragraph>
      <FormField label={texts.secretLabel}>
        {({ id }) => (
          <input
            id={id}
            ref={input}
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only participatie-secret"
            data-testid="api-key-secret"
          />
        )}
      </FormField>
      <ButtonGroup>
        <Button appearance="primary" onClick={() => void copy()} autoFocus>
          {texts.copy}
        </Button>
        <Button appearance="subtle" onClick={onDone}>
          {texts.secretDone}
        </Button>
      </ButtonGroup>
      <div role="status">{copied === "yes" ? texts.copied : copied === "failed" ? texts.copyFailed : null}</div>
    </Alert>
  );
}
