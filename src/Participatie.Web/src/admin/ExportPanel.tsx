import { useEffect, useRef, useState } from "react";
import { withPurpose } from "../api/clients";
import { ProblemAlert } from "../components/QueryState";
import { Alert, Button, ButtonGroup, Heading, Paragraph } from "../components/ui";
import type { ExportPaymentsResponse } from "../gen/participatie/v1/admin_service_pb";
import { nl } from "../i18n/nl";
import { formatCents } from "../lib/format";
import { useAdminApi } from "./api";
import { assembleExport, exportFileName, type AssembledExport } from "./exportFile";

const texts = nl.admin.export;

type State =
  | { kind: "receiving"; lines: number }
  | { kind: "done"; result: AssembledExport; paymentsUrl: string; recoveriesUrl: string | null }
  | { kind: "failed"; error: unknown };

/**
 * Reads a pass's export (ExportPayments streams it in pages, for the purpose "payment") and offers the files once the
 * last page and its summary arrived. Closing the panel stops a read under way.
 */
export function ExportPanel({ month, pass, onClose }: { month: string; pass: number; onClose: () => void }) {
  const api = useAdminApi();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ kind: "receiving", lines: 0 });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [pass]);

  useEffect(() => {
    const abort = new AbortController();
    const urls: string[] = [];
    setState({ kind: "receiving", lines: 0 });
    void (async () => {
      try {
        const messages: ExportPaymentsResponse[] = [];
        let lines = 0;
        for await (const message of api.exportPayments({ month, pass }, { signal: abort.signal, ...withPurpose("payment") })) {
          messages.push(message);
          lines += message.instructions.length + message.recoveries.length;
          setState({ kind: "receiving", lines });
        }
        const result = assembleExport(messages);
        const url = (csv: string) => {
          // A byte order mark, so that spreadsheet programs read the file as UTF-8.
          const made = URL.createObjectURL(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }));
          urls.push(made);
          return made;
        };
        setState({ kind: "done", result, paymentsUrl: url(result.paymentsCsv), recoveriesUrl: result.recoveries.length > 0 ? url(result.recoveriesCsv) : null });
      } catch (error) {
        if (!abort.signal.aborted) {
          setState({ kind: "failed", error });
        }
      }
    })();
    return () => {
      abort.abort();
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [api, month, pass, attempt]);

  return (
    <section aria-labelledby="export" className="participatie-card">
      <Heading level={3} id="export" ref={heading} tabIndex={-1}>
        {texts.title(pass)}
      </Heading>
      <div role="status">
        {state.kind === "receiving" ? <Paragraph>{texts.receiving(state.lines)}</Paragraph> : null}
        {state.kind === "done" && state.result.complete ? (
          <Paragraph>
            {texts.done(state.result.instructions.length, formatCents(state.result.instructionCents), state.result.recoveries.length, formatCents(state.result.recoveryCents))}
          </Paragraph>
        ) : null}
      </div>
      {state.kind === "failed" ? <ProblemAlert error={state.error} about="action" onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.kind === "done" && !state.result.complete ? (
        <Alert type="error" role="alert">
          <Paragraph>{texts.incomplete}</Paragraph>
        </Alert>
      ) : null}
      {state.kind === "done" && state.result.complete ? (
        <>
          {!state.result.matchesPass ? <Alert type="warning">{texts.differs}</Alert> : null}
          {state.result.summary && state.result.summary.missingPaymentDetails > 0 ? <Alert type="warning">{texts.missingDetails(state.result.summary.missingPaymentDetails)}</Alert> : null}
          {state.result.summary && state.result.summary.unreadablePaymentDetails > 0 ? (
            <Alert type="error">{texts.unreadableDetails(state.result.summary.unreadablePaymentDetails)}</Alert>
          ) : null}
          <ButtonGroup>
            <a className="utrecht-button utrecht-button--primary-action participatie-button-link" href={state.paymentsUrl} download={exportFileName("betalingen", month, pass)}>
              {texts.downloadPayments}
            </a>
            {state.recoveriesUrl ? (
              <a className="utrecht-button utrecht-button--secondary-action participatie-button-link" href={state.recoveriesUrl} download={exportFileName("terugvorderingen", month, pass)}>
                {texts.downloadRecoveries}
              </a>
            ) : null}
          </ButtonGroup>
          {state.recoveriesUrl ? <Paragraph small>{texts.recoveriesApart}</Paragraph> : null}
        </>
      ) : null}
      <ButtonGroup>
        {state.kind !== "receiving" ? <Button onClick={() => setAttempt((n) => n + 1)}>{texts.again}</Button> : null}
        <Button appearance="subtle" onClick={onClose}>
          {texts.close}
        </Button>
      </ButtonGroup>
    </section>
  );
}
